// Session 10 sweep of messy and hostile content, beyond the corpus's "which error, where"
// (tests/fuzz/cases.ts): what each message tells the curator, what is still accepted and published
// intact, and what the renderer makes of text the validator lets through. In-memory fixtures only.
import { describe, expect, it } from 'vitest';
import { notPlainNumber } from '../../src/core/schema.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { renderMarkdown } from '../../src/view/markdown.ts';
import { csv, GOOD_ROWS, fixtureReader, HEADER, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';

const F = 'content/reports/bc-thu/figures.csv';
const S = 'content/reports/bc-thu/source.txt';
const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));
const errors = (files: Record<string, string | Uint8Array | null>) => run(files).issues.filter((i) => i.level === 'error');
const row = (fields: Record<string, string>) => line({ ...QUA_HAN, breakdown: 'cap-tinh', ...fields });

describe('a number cell written another way: the message gives the plain spelling or names the problem', () => {
  it.each([
    ['1.234,5', 'ghi 1234.5'],
    ['1,234.5', 'ghi 1234.5'],
    ['1\u00a0234', 'ghi 1234'],
    ['1\u202f234,5', 'ghi 1234.5'],
    ['+803', 'ghi 803'],
    ['1,234', 'ghi 1.234 hoặc 1234'],
    ['١٢٣', 'chữ số không phải 0–9 ("١"'],
    ['１２３', 'chữ số không phải 0–9 ("１"'],
    ['1e3', 'lũy thừa e'],
    ['0x10', 'hệ 16'],
    ['Infinity', 'Infinity/NaN'],
    ['NaN', 'Infinity/NaN'],
  ])('%s → "%s"', (value, says) => {
    expect(notPlainNumber(value)).toContain(says);
    const [e] = errors({ [F]: csv([...GOOD_ROWS, row({ value })]) });
    expect([e.code, e.line, e.column]).toEqual(['schema', 7, 'value']);
    expect(e.message).toContain(says);
  });
  it('"1.234" is a valid plain number (1.234), but not the 1.234 printed "1.234 hồ sơ": that is caught at the quote', () => {
    const files = { [S]: `${SOURCE}Có 1.234 hồ sơ.\n`, [F]: csv([...GOOD_ROWS, row({ value: '1.234', quote: 'Có 1.234 hồ sơ' })]) };
    const [e, ...rest] = errors(files);
    expect(rest).toEqual([]);
    expect([e.code, e.line, e.column]).toEqual(['value-not-in-quote', 7, 'value']);
    expect(e.hint).toContain('hàng nghìn');
    expect(errors({ ...files, [F]: csv([...GOOD_ROWS, row({ value: '1234', quote: 'Có 1.234 hồ sơ' })]) }).map(formatIssue)).toEqual([]);
  });
});

describe('CSV shapes from real spreadsheets', () => {
  // A quote cell over two lines (Alt+Enter in Excel), then mixed line ends, then a broken row: its own line.
  const multi = (eol: (i: number) => string) =>
    [HEADER, ...GOOD_ROWS.slice(0, 2), row({ quote: '803 hồ sơ\nquá hạn' }), row({ id: 'y', value: '999' })].map((l, i) => l + eol(i)).join('');
  it.each([
    ['LF', () => '\n'],
    ['CRLF', () => '\r\n'],
    ['CRLF and LF mixed', (i: number) => (i % 2 ? '\r\n' : '\n')],
    ['CR (Mac) and CRLF mixed', (i: number) => (i % 2 ? '\r' : '\r\n')],
  ])('%s: the row after a two-line cell is reported at its own line (6), the two-line quote is accepted', (_name, eol) => {
    const { content, issues } = run({ [F]: multi(eol) });
    const bad = issues.filter((i) => i.level === 'error');
    expect(bad.map((e) => [e.code, e.line, e.column])).toEqual([['value-not-in-quote', 6, 'value']]);
    const f = content.reports[0].figures.find((x) => x.id === 'x');
    expect(f?.line).toBe(4);
    // Kept as written (the line break is layout: the quote is still found in the source).
    expect(f?.quote.replace(/\r\n?/g, '\n')).toBe('803 hồ sơ\nquá hạn');
  });
  it('a hidden character in the header is one error naming the column, not "unknown column" plus "missing column"', () => {
    const found = errors({ [F]: csv(GOOD_ROWS).replace('quote', 'quote\u200b') });
    expect(found.map((e) => [e.code, e.line, e.column])).toEqual([['control-char', 1, 'quote']]);
    expect(found[0].message).toContain('U+200B');
  });
  it('a unit that differs only by a no-break space says so (both looked identical in the message)', () => {
    const [e] = errors({ [F]: csv([...GOOD_ROWS, row({ unit: 'hồ\u00a0sơ' })]) });
    expect([e.code, e.column]).toEqual(['unit-mismatch', 'unit']);
    expect(e.message).toContain('U+00A0 (NO-BREAK SPACE)');
  });
});

describe('links hidden by encoding: refused by the validator and never a link on the page', () => {
  it.each(['[bấm](jav&#x61;script:alert(1))', '[bấm](java&#9;script:alert(1))', '[bấm](java&Tab;script:alert(1))', '[bấm](javascript&#58;alert(1))', '[bấm](%6Aavascript:alert(1))', '[bấm](<java\tscript:alert(1)>)'])('%s', (md) => {
    expect(errors({ [N]: `Tiếp nhận.\n\n${md}\n` }).some((e) => e.code === 'unsafe-link' && e.line === 3)).toBe(true);
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/href/i);
  });
  it('"java<TAB>script:" in a plain destination is not a link at all: accepted as text, shown as text', () => {
    const md = '[bấm](java\tscript:alert(1))';
    expect(errors({ [N]: `Tiếp nhận.\n\n${md}\n` }).map(formatIssue)).toEqual([]);
    expect(renderMarkdown(md)).toBe('<p>[bấm](java\tscript:alert(1))</p>');
  });
  it('autolinks are Markdown, not HTML: accepted and rendered as external links', () => {
    const md = 'Xem <https://dichvucong.gov.vn/p/home> hoặc <vp@kontum.gov.vn>.';
    expect(errors({ [N]: `${md}\n` }).map(formatIssue)).toEqual([]);
    expect(renderMarkdown(md)).toBe('<p>Xem <a href="https://dichvucong.gov.vn/p/home" rel="external noopener noreferrer">https://dichvucong.gov.vn/p/home</a> hoặc <a href="mailto:vp@kontum.gov.vn">vp@kontum.gov.vn</a>.</p>');
    // An autolink is checked like any link: a javascript: one is refused where it stands.
    expect(errors({ [N]: 'Xem <javascript:alert(1)>.\n' }).map((e) => [e.code, e.line, e.col])).toEqual([['unsafe-link', 1, 6]]);
  });
});

describe('size: a 5 MB source.txt is refused before it is read, quickly', () => {
  it('one error naming the size and the limit; the report is not published', () => {
    const t = performance.now();
    const { content, issues } = run({ [S]: `${SOURCE}${'Đoạn văn dài. '.repeat(350_000)}` });
    expect(performance.now() - t).toBeLessThan(3000);
    const bad = issues.filter((i) => i.level === 'error');
    expect(bad.map((e) => [e.code, e.file])).toEqual([['file-too-large', S]]);
    expect(bad[0].message).toMatch(/\d+ byte, tối đa 2000000 byte/);
    expect(content.reports).toEqual([]);
  });
});
