// Old- and new-style tone placement for search (src/core/search-terms.ts): the sources print both "hoà" and "hòa",
// and Pagefind's exact-marks search compares marks letter by letter, so a query is searched in both forms.
import { describe, expect, it } from 'vitest';
import { otherTonePlacement, toneForms } from '../../src/core/search-terms.ts';

describe('otherTonePlacement', () => {
  it.each([
    ['hoà', 'hòa'], ['hòa', 'hoà'], ['hoá', 'hóa'], ['xoá', 'xóa'], ['hoạ', 'họa'], ['hoả', 'hỏa'], ['hoã', 'hõa'],
    ['hoè', 'hòe'], ['khoẻ', 'khỏe'], ['khỏe', 'khoẻ'],
    ['thuỷ', 'thủy'], ['Thủy', 'Thuỷ'], ['huỷ', 'hủy'], ['tuỳ', 'tùy'], ['uỷ', 'ủy'], ['Ủy', 'Uỷ'], ['HOÀ', 'HÒA'],
  ])('%s ↔ %s', (word, other) => {
    expect(otherTonePlacement(word)).toBe(other);
    expect(otherTonePlacement(other)).toBe(word);
  });

  it.each([
    ['hoàn', 'a final consonant fixes the mark'], ['hoàng', 'a final consonant'], ['quý', 'u belongs to "qu"'], ['quỳ', 'u belongs to "qu"'],
    ['quà', 'u belongs to "qu"'], ['thuế', 'ê carries the mark in both styles'], ['thuở', 'ơ carries the mark'], ['hoa', 'no tone mark'],
    ['đúng', 'not oa/oe/uy'], ['giải', 'not oa/oe/uy'], ['67.628', 'not a word'],
  ])('%s stays (%s)', (word) => {
    expect(otherTonePlacement(word)).toBeNull();
  });

  it('works on decomposed (NFD) input and answers in NFC', () => {
    expect(otherTonePlacement('hoà'.normalize('NFD'))).toBe('hòa');
  });
});

describe('toneForms', () => {
  it('gives the query as typed, then with every movable mark moved', () => {
    expect(toneForms('hoà giải thuỷ lợi')).toEqual(['hoà giải thuỷ lợi', 'hòa giải thủy lợi']);
    expect(toneForms('đúng hạn')).toEqual(['đúng hạn']);
  });
});
