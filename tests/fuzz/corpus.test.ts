// Runs the bad-content corpus (tests/fuzz/cases.ts) in memory: every case is a validate
// error with the exact code, file, line and column, a hint, no stack trace, and nothing of
// the refused file published. Plus what must still be accepted around those rules.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { csv, fixtureReader, GOOD, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';
import { cases, F, N, R, S } from './cases.ts';

const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));

describe('bad-content corpus', () => {
  it('has at least 200 cases, each with a unique name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => `${c.family}: ${c.name}`)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [`${c.family}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const { content, issues } = run(c.files);
    const errors = issues.filter((i) => i.level === 'error');
    const hit = errors.find((e) => e.code === c.expect.code && e.file === c.expect.file);
    expect(hit, `errors: ${errors.map(formatIssue).join(' | ')}`).toBeDefined();
    // Exactly where: line and column as expected, and nothing more specific claimed when none is expected.
    expect({ code: hit!.code, file: hit!.file, line: hit!.line, col: hit!.col, column: hit!.column }).toEqual({ line: undefined, col: undefined, column: undefined, ...c.expect });
    expect(hit!.hint, 'every error says how to fix it').toBeTruthy();
    for (const e of errors) expect(formatIssue(e)).not.toMatch(/\n\s+at\s|\b(TypeError|RangeError|SyntaxError|ENAMETOOLONG)\b|Maximum call stack/);
    // Never published: the refused report is left out entirely, a refused row is left out of its report.
    const report = content.reports.find((r) => r.meta.id === 'bc-thu');
    if (c.refusesReport) expect(report).toBeUndefined();
    if (c.expect.file === F && c.expect.line && report) expect(report.figures.map((f) => f.line)).not.toContain(c.expect.line);
  });
});

describe('what stays accepted around those rules', () => {
  const ok = (files: Record<string, string | Uint8Array | null>) => {
    const { content, issues } = run(files);
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    return content;
  };

  it('a UTF-8 BOM is stripped, CRLF line ends are fine', () => {
    const content = ok({ [S]: `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`, [F]: `\uFEFF${csv(GOOD_ROWS).replace(/\n/g, '\r\n')}` });
    expect(content.reports[0].sourceText.startsWith('BÁO CÁO')).toBe(true);
  });

  it('UTF-8 bytes decode; NFD text is published in NFC', () => {
    const nfd = SOURCE.normalize('NFD');
    expect(nfd).not.toBe(SOURCE);
    const content = ok({ [S]: new TextEncoder().encode(nfd), [N]: new TextEncoder().encode('Tiếp nhận hồ sơ.'.normalize('NFD')) });
    expect(content.reports[0].sourceText).toBe(SOURCE.normalize('NFC'));
    expect(content.reports[0].narratives[0].markdown).toBe('Tiếp nhận hồ sơ.');
  });

  it('source.txt may keep page breaks and invisible characters, and a quote the same ones', () => {
    const src = SOURCE.replace('67.628 hồ sơ', '67.628\u00ad hồ\u200b sơ') + '\f\n';
    const rows = [...GOOD_ROWS.slice(1), line({ ...GOOD[0], quote: 'toàn tỉnh tiếp nhận 67.628\u00ad hồ\u200b sơ' })];
    const content = ok({ [S]: src, [F]: csv(rows) });
    expect(content.reports[0].figures).toHaveLength(GOOD_ROWS.length);
  });

  it('a narrative may link to https, http, mailto, site paths and fragments', () => {
    ok({ [N]: 'Xem [cổng](https://kontum.gov.vn/x?a=1&amp;b=2), [thư](mailto:vp@kontum.gov.vn), [báo cáo](/bao-cao/) và [mục](#the-che).' });
  });

  it('a year that is also a count is a quantity ("2025 hồ sơ"), and "danh mục 36" is a list of 36', () => {
    ok({ [S]: `${SOURCE}Có 2025 hồ sơ trễ; danh mục 36 dịch vụ.\n`, [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, breakdown: 'cap-tinh', value: '2025', quote: 'Có 2025 hồ sơ trễ' })]) });
  });

  it('a fraction in the printed order is accepted', () => {
    ok({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, indicator: 'don-vi-kiem-tra', unit: 'đơn vị', section: 'I.3', value: '10', denominator: '30', quote: 'Kiểm tra tại 10/30 đơn vị' })]) });
  });

  it('labels are data: Markdown and HTML-looking text in report.json titles is kept as text, never a link', () => {
    const content = ok({ [R]: (fixtureReader().read(R) as string).replace('Báo cáo thử', 'Báo cáo [thử](javascript:x) *a*') });
    expect(content.reports[0].meta.title).toContain('[thử](javascript:x) *a*');
  });

  it('a narrative reference to an ordinary character is fine', () => {
    ok({ [N]: 'A &amp; B &#65; &copy; &nbsp;.' });
  });
});
