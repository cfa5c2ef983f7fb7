// The printed hedge word ("khoảng", "gần", "trên" …) and the comparator: one table read by the
// validator, the formatter, the exports and the suggestion tool.
import { describe, expect, it } from 'vitest';
import { COMPARATOR_WORDS, HEDGE_PHRASES, hedgeBefore, hedgeVerdict, shownHedge } from '../../src/core/hedge.ts';
import { comparators, type Comparator } from '../../src/core/schema.ts';
import { formatFigure, formatWithComparator } from '../../src/core/format.ts';
import { hedgeCheck } from '../../src/pipeline/rules/hedges.ts';
import { comparatorFor } from '../../src/pipeline/suggest.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { csv, fixtureReader, GOOD, QUA_HAN, SOURCE } from '../fixtures/content.ts';

describe('hedgeBefore: the phrase printed right before a number', () => {
  it.each([
    ['với số tiền gần 2,8 tỷ đồng', 'gần', '<~'],
    ['gần như 100% hồ sơ', 'gần như', '<~'],
    ['khoảng 2,8 tỷ', 'khoảng', '~'],
    ['Xấp xỉ 2,8 tỷ', 'xấp xỉ', '~'],
    ['trên dưới 300 hồ sơ', 'trên dưới', '~'],
    ['trên 1,4 tỷ đồng', 'trên', '>'],
    ['đạt trên 90%', 'trên', '>'],
    ['hơn 7.800 tài khoản', 'hơn', '>'],
    ['dưới 5%', 'dưới', '<'],
    ['không dưới 5%', 'không dưới', '>='],
    ['tối thiểu 90%', 'tối thiểu', '>='],
    ['ít nhất 01 cấp', 'ít nhất', '>='],
    ['không quá 10 ngày', 'không quá', '<='],
    ['không vượt quá 10 ngày', 'không vượt quá', '<='],
    ['tối đa 3 cấp phó', 'tối đa', '<='],
    ['với số tiền  gần\u00a02,8 tỷ', 'gần', '<~'],
  ])('%s → %s (%s)', (text, phrase, comparator) => {
    const index = text.search(/\d/);
    expect(hedgeBefore(text, index)).toEqual({ phrase, comparator });
  });

  it.each([
    ['cao hơn 2,5 điểm', 'a difference after a comparative, not a hedge'],
    ['nhiều hơn 5 hồ sơ', 'a difference'],
    ['bêntrên 5 tầng', 'the tail of another word'],
    ['tiếp nhận 67.628 hồ sơ', 'no hedge'],
    ['năm 2024 đạt 98,7%', '"đạt" alone is not a hedge'],
  ])('%s: none (%s)', (text) => {
    expect(hedgeBefore(text, text.search(/\d/))).toBeNull();
  });

  it('every comparator but "=" has its own word, and every phrase maps to a known comparator', () => {
    for (const c of comparators) expect(typeof COMPARATOR_WORDS[c]).toBe('string');
    for (const c of comparators.filter((c) => c !== '=')) expect(COMPARATOR_WORDS[c]).not.toBe('');
    for (const [phrase, c] of HEDGE_PHRASES) {
      expect(comparators).toContain(c);
      // The comparator's own word is one of the phrases that mean it.
      expect(HEDGE_PHRASES.some(([p, pc]) => pc === c && p === COMPARATOR_WORDS[c]), phrase).toBe(true);
    }
  });
});

describe('hedgeVerdict: the comparator must mean the printed word', () => {
  const Q = 'với số tiền gần 2,8 tỷ đồng';
  it.each<[string, string, number, Comparator | null, ReturnType<typeof hedgeVerdict>]>([
    ['gần with <~', Q, 2.8, '<~', { ok: true, hedge: 'gần' }],
    ['gần with ~ (the misquote)', Q, 2.8, '~', { ok: false, kind: 'contradicts', printed: 'gần', expected: '<~', token: '2,8' }],
    ['gần with no comparator', Q, 2.8, null, { ok: false, kind: 'unstated', printed: 'gần', expected: '<~', token: '2,8' }],
    ['gần with "="', Q, 2.8, '=', { ok: false, kind: 'unstated', printed: 'gần', expected: '<~', token: '2,8' }],
    ['xấp xỉ with ~ shows xấp xỉ', 'xấp xỉ 2,8 tỷ', 2.8, '~', { ok: true, hedge: 'xấp xỉ' }],
    ['hơn with > shows hơn', 'hơn 7.800 tài khoản', 7800, '>', { ok: true, hedge: 'hơn' }],
    ['ít nhất with >=', 'tăng ít nhất 01 bậc', 1, '>=', { ok: true, hedge: 'ít nhất' }],
    ['trên with >= contradicts', 'đạt trên 90%', 90, '>=', { ok: false, kind: 'contradicts', printed: 'trên', expected: '>', token: '90' }],
    ['plain number, no comparator', 'tiếp nhận 67.628 hồ sơ', 67628, null, { ok: true, hedge: null }],
    ['comparator said elsewhere ("từ … trở lên")', 'từ 90% trở lên', 90, '>=', { ok: true, hedge: null }],
    ['one plain and one hedged printing: the plain one agrees', 'đạt 50%, trong đó khoảng 50% trực tuyến', 50, null, { ok: true, hedge: null }],
    ['one plain and one hedged printing: the hedged one agrees', 'đạt 50%, trong đó khoảng 50% trực tuyến', 50, '~', { ok: true, hedge: 'khoảng' }],
    ['value not printed: nothing to check', 'không có', 0, null, { ok: true, hedge: null }],
  ])('%s', (_name, quote, value, comparator, verdict) => {
    expect(hedgeVerdict(quote, value, comparator)).toEqual(verdict);
  });
});

describe('hedgeCheck: the issue names file, row, column comparator, the printed words and the fix', () => {
  const row = { file: 'content/reports/x/figures.csv', line: 86, id: 'so-tien', quote: 'với số tiền gần 2,8 tỷ đồng', value: 2.8 };
  it('errs when the comparator contradicts the printed word', () => {
    const { hedge, issue } = hedgeCheck({ ...row, comparator: '~' });
    expect(hedge).toBeNull();
    expect(issue).toMatchObject({ level: 'error', code: 'hedge-mismatch', file: row.file, line: 86, column: 'comparator' });
    expect(issue!.message).toContain('"gần 2,8"');
    expect(issue!.message).toContain('"khoảng"');
    expect(issue!.hint).toContain('"<~"');
    expect(issue!.figures).toBeUndefined(); // a curator's error, not a data-quality note of the source
  });
  it('warns when a hedged value has no comparator', () => {
    const { issue } = hedgeCheck({ ...row, comparator: null });
    expect(issue).toMatchObject({ level: 'warning', code: 'hedge-unstated', column: 'comparator' });
    expect(issue!.hint).toContain('"<~"');
  });
  it('passes and carries the printed word when they agree', () => {
    expect(hedgeCheck({ ...row, comparator: '<~' })).toEqual({ hedge: 'gần', issue: null });
  });
});

describe('formatting shows the printed word', () => {
  it.each<[Comparator | '', string | null, string]>([
    ['<~', null, 'gần 2,8 tỷ đồng'],
    ['<~', 'gần như', 'gần như 2,8 tỷ đồng'],
    ['~', null, 'khoảng 2,8 tỷ đồng'],
    ['~', 'xấp xỉ', 'xấp xỉ 2,8 tỷ đồng'],
    ['>', 'hơn', 'hơn 2,8 tỷ đồng'],
    ['>', null, 'trên 2,8 tỷ đồng'],
    ['>=', 'ít nhất', 'ít nhất 2,8 tỷ đồng'],
    ['=', null, '2,8 tỷ đồng'],
    ['', null, '2,8 tỷ đồng'],
  ])('%s (%s)', (comparator, hedge, text) => {
    expect(formatWithComparator(2.8, 'tỷ đồng', comparator, null, hedge)).toBe(text);
    expect(formatFigure({ value: 2.8, unit: 'tỷ đồng', comparator: comparator || null, denominator: null, hedge })).toBe(text);
    expect(shownHedge({ comparator: comparator || null, hedge })).toBe(text.replace(/\s?2,8 tỷ đồng$/, ''));
  });
});

describe('suggest: the quote → suggested comparator uses the same table', () => {
  it.each([
    ['với số tiền gần ', '<~'],
    ['khoảng ', '~'],
    ['xấp xỉ ', '~'],
    ['hơn ', '>'],
    ['cao hơn ', ''],
    ['tối thiểu ', '>='],
    ['từ ', '>='],
    ['tiếp nhận ', ''],
  ])('%s → %s', (before, comparator) => {
    expect(comparatorFor(before)).toBe(comparator);
  });
});

describe('validator over a report', () => {
  const F = 'content/reports/bc-thu/figures.csv';
  const S = 'content/reports/bc-thu/source.txt';
  const source = `${SOURCE}Số tiền thanh toán gần 2,8 tỷ đồng.\n`;
  const row = { ...QUA_HAN, id: 'so-tien', value: '2.8', quote: 'Số tiền thanh toán gần 2,8 tỷ đồng.' };
  const run = (comparator: string) => validateContent(loadContent(fixtureReader({ [F]: csv([...GOOD, { ...row, comparator }]), [S]: source })));

  it('drops a row whose comparator contradicts the printed word, with an error at its line', () => {
    const { issues, content } = run('~');
    expect(issues.filter((i) => i.level === 'error')).toMatchObject([{ code: 'hedge-mismatch', file: F, line: 7, column: 'comparator' }]);
    expect(content.reports[0].figures.map((f) => f.id)).not.toContain('so-tien');
  });
  it('keeps a matching row with the printed word', () => {
    const { issues, content } = run('<~');
    expect(issues.filter((i) => i.code.startsWith('hedge'))).toEqual([]);
    const f = content.reports[0].figures.find((x) => x.id === 'so-tien')!;
    expect(f.hedge).toBe('gần');
    expect(formatFigure(f)).toBe('gần 2,8 hồ sơ');
  });
});
