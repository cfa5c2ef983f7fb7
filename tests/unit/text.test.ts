import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldQuery, hasDiacritics, sectionPhrase, slugify, strokeD, unstrokeD, STROKE } from '../../src/core/text.ts';

// The Vietnamese alphabet: every vowel with every tone (bare, huyền, sắc, hỏi, ngã, nặng), lower and upper case.
const VOWELS: Record<string, string[]> = {
  a: ['a', 'à', 'á', 'ả', 'ã', 'ạ', 'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ', 'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
  e: ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ', 'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
  i: ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
  o: ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ', 'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ', 'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
  u: ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ', 'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
  y: ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
};
const CONSONANTS = 'bcdghklmnpqrstvx';

describe('foldDiacritics', () => {
  const cases = Object.entries(VOWELS).flatMap(([base, forms]) => forms.flatMap((f) => [[f, base], [f.toUpperCase(), base.toUpperCase()]]));
  it.each(cases)('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
  it('folds đ and Đ', () => {
    expect(foldDiacritics('đ')).toBe('d');
    expect(foldDiacritics('Đ')).toBe('D');
  });
  it('leaves plain consonants and digits alone', () => {
    expect(foldDiacritics(CONSONANTS + CONSONANTS.toUpperCase() + '0123456789')).toBe(CONSONANTS + CONSONANTS.toUpperCase() + '0123456789');
  });
  it.each([
    ['hồ sơ trực tuyến', 'ho so truc tuyen'],
    ['cải cách thể chế', 'cai cach the che'],
    ['Tu Mơ Rông', 'Tu Mo Rong'],
    ['đầu tư', 'dau tu'],
    ['Đăk Hà', 'Dak Ha'],
    ['Ngọc Hồi', 'Ngoc Hoi'],
    ['Ủy ban nhân dân', 'Uy ban nhan dan'],
    ['67.628 hồ sơ, 98,7%', '67.628 ho so, 98,7%'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
  it('accepts decomposed (NFD) input and returns NFC', () => {
    expect(foldDiacritics('hồ sơ'.normalize('NFD'))).toBe('ho so');
    expect(foldDiacritics('Đăk'.normalize('NFD'))).toBe('Dak');
  });
});

describe('slugify', () => {
  it.each([
    ['Đăk Hà', 'dak-ha'],
    ['Hồ sơ trực tuyến (%)', 'ho-so-truc-tuyen'],
    ['  Quý III/2024 ', 'quy-iii-2024'],
    ['Tu Mơ Rông', 'tu-mo-rong'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('strokeD / unstrokeD (how đ is indexed)', () => {
  it('writes đ/Đ as d/D + U+0335 and nothing else changes', () => {
    expect(strokeD('đầu tư')).toBe(`d${STROKE}ầu tư`);
    expect(strokeD('Đăk Hà')).toBe(`D${STROKE}ăk Hà`);
    expect(strokeD('hồ sơ trực tuyến 67.628')).toBe('hồ sơ trực tuyến 67.628');
  });
  it('removing the combining marks gives the diacritic-free form (what Pagefind indexes)', () => {
    for (const w of ['đầu tư', 'Đăk Hà', 'đơn vị', 'ĐỊA BÀN']) {
      expect(strokeD(w).normalize('NFD').replace(/\p{M}/gu, '')).toBe(foldDiacritics(w));
    }
  });
  it('round-trips every letter of the alphabet, upper and lower case', () => {
    const all = Object.values(VOWELS).flat().join('') + 'đ' + CONSONANTS;
    for (const t of [all, all.toUpperCase(), 'Đăk Tô, Đăk Glei, Ia H’Drai — đ Đ']) expect(unstrokeD(strokeD(t))).toBe(t.normalize('NFC'));
  });
  it('normalises NFD input and drops stray U+0335', () => {
    expect(strokeD('đ'.normalize('NFD'))).toBe(`d${STROKE}`);
    expect(strokeD(`x${STROKE}y`)).toBe('xy');
  });
  it('unstrokeD leaves text without strokes alone', () => {
    expect(unstrokeD('dầu ăn, Dak Ha')).toBe('dầu ăn, Dak Ha');
  });
});

describe('foldQuery', () => {
  it.each([
    ['đầu tư', 'dầu tư'],
    ['Đăk Hà', 'Dăk Hà'],
    ['  ho   so  ', 'ho so'],
    ['67.628', '67.628'],
  ])('%s → %s', (input, expected) => {
    expect(foldQuery(input)).toBe(expected);
  });
  it('keeps tone marks (Pagefind folds them and ranks exact forms first)', () => {
    expect(foldQuery('hồ sơ')).toBe('hồ sơ');
  });
});

describe('hasDiacritics', () => {
  it.each([
    ['ho so', false],
    ['67628', false],
    ['hồ sơ', true],
    ['dau tư', true],
    ['Dak', false],
    ['Đak', true],
    ['ơ', true],
  ])('%s → %s', (input, expected) => {
    expect(hasDiacritics(input)).toBe(expected);
  });
  it('is true for every marked vowel and false for every bare one', () => {
    for (const [base, forms] of Object.entries(VOWELS)) {
      for (const f of forms) expect(hasDiacritics(f)).toBe(f !== base);
    }
  });
});

describe('sectionPhrase: a figure\'s section named in a sentence', () => {
  it.each([
    ['II.1.d', 'mục II.1.d', 'Mục II.1.d'],
    ['I.3', 'mục I.3', 'Mục I.3'],
    ['chú thích 53', 'chú thích 53', 'Chú thích 53'],
    ['Chú thích 7', 'chú thích 7', 'Chú thích 7'],
    ['mở đầu', 'phần mở đầu', 'Phần mở đầu'],
    // "chú thích" only as the whole first word pair, not a section that merely contains it.
    ['II.2 (chú thích)', 'mục II.2 (chú thích)', 'Mục II.2 (chú thích)'],
  ])('%s', (section, inSentence, atStart) => {
    expect(sectionPhrase(section)).toBe(inSentence);
    expect(sectionPhrase(section, true)).toBe(atStart);
  });
});
