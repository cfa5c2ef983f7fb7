// What a staff member adding a report sees for each typical mistake: one error naming file, line
// and column, in Vietnamese, with the fix — and not buried under follow-on errors.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import type { Issue } from '../../src/core/model.ts';
import { zodMessageVi } from '../../src/pipeline/rules/strict.ts';
import { guessPeriod } from '../../src/core/period.ts';
import { locateQuote, quoteDivergence } from '../../src/core/quote.ts';
import { csv, fixtureFiles, fixtureReader, GOOD, QUA_HAN, type Row } from '../fixtures/content.ts';

const F = 'content/reports/bc-thu/figures.csv';
const R = 'content/reports/bc-thu/report.json';
const run = (overrides: Record<string, string | Uint8Array | null> = {}) => validateContent(loadContent(fixtureReader(overrides)));
const errors = (issues: Issue[]) => issues.filter((i) => i.level === 'error');
const withRow = (row: Row) => ({ [F]: csv([...GOOD, { ...QUA_HAN, ...row }]) });
const json = (path: string, edit: (v: any) => unknown) => JSON.stringify(edit(JSON.parse(fixtureFiles()[path])), null, 2);

describe('schema errors are in Vietnamese, with the allowed values and a guess', () => {
  it.each([
    ['status typo', withRow({ status: 'actaul' }), F, 'status', /"actaul" không hợp lệ; dùng một trong: actual, estimate, target, planned, reference \(hoặc để trống\) — có phải "actual"\?/],
    ['basis typo', withRow({ basis: 'stok' }), F, 'basis', /"stok" không hợp lệ; dùng một trong: flow, cumulative, stock \(hoặc để trống\) — có phải "stock"\?/],
    ['comparator not allowed', withRow({ comparator: '≥' }), F, 'comparator', /"≥" không hợp lệ; dùng một trong: >, >=/],
    ['report kind typo', { [R]: json(R, (r) => ({ ...r, kind: 'quaterly-report' })) }, R, 'kind', /"quaterly-report" không hợp lệ; .* — có phải "quarterly-report"\?/],
    ['report date as a number', { [R]: json(R, (r) => ({ ...r, date: 20241231 })) }, R, 'date', /Phải là văn bản .*không phải 20241231/],
    ['missing title', { [R]: json(R, (r) => ({ ...r, title: undefined })) }, R, 'title', /Thiếu \(bắt buộc\)/],
  ] as [string, Record<string, string>, string, string, RegExp][])('%s', (_name, overrides, file, column, message) => {
    const errs = errors(run(overrides).issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file, column });
    expect(errs[0].line).toBeGreaterThan(0);
    expect(errs[0].message).toMatch(message);
    expect(errs[0].message).not.toMatch(/Invalid|expected|received/i);
  });

  it.each([
    [{ code: 'invalid_value', message: 'x', values: ['a', 'b'] }, '', 'Còn trống; dùng một trong: a, b'],
    [{ code: 'invalid_type', message: 'x', expected: 'number' }, undefined, 'Thiếu (bắt buộc).'],
    [{ code: 'invalid_type', message: 'x', expected: 'array' }, 'abc', 'Phải là mảng [ … ], không phải "abc".'],
    [{ code: 'too_small', message: 'x', origin: 'string', minimum: 1 }, '', 'Không được để trống.'],
    [{ code: 'custom', message: 'Thông điệp riêng của schema.' }, 'v', 'Thông điệp riêng của schema.'],
  ])('zodMessageVi(%j, %j)', (issue, input, expected) => {
    expect(zodMessageVi(issue, input)).toBe(expected);
  });
});

describe('one broken catalogue entry: its error, then one grouped count instead of a cascade', () => {
  const O = 'data/organizations.json';
  const I = 'data/indicators.json';
  const A = 'data/areas.json';
  it.each([
    ['organization with a typo in kind', { [O]: json(O, (os) => [{ ...os[0], kind: 'provence' }]) }, O, 'tinh', 'unknown-organization'],
    ['indicator with a wrong field', { [I]: json(I, (is) => is.map((i: any) => (i.id === 'ho-so-dung-han' ? { ...i, higherIsBetter: 'có' } : i))) }, I, 'ho-so-dung-han', 'unknown-indicator'],
    ['area with an order that is not a number', { [A]: json(A, (as) => as.map((a: any) => (a.id === 'thu-tuc-hanh-chinh' ? { ...a, order: 'ba' } : a))) }, A, 'thu-tuc-hanh-chinh', 'unknown-area'],
    ['organizations.json not valid JSON', { [O]: '[{"id": "tinh",}]' }, O, '', 'unknown-organization'],
  ] as [string, Record<string, string>, string, string, string][])('%s', (_name, overrides, file, id, consequence) => {
    const { issues } = run(overrides);
    const errs = errors(issues);
    // The root error comes first and is in the catalogue file; no consequence is listed one by one.
    expect(errs[0].file).toBe(file);
    expect(errs.filter((i) => i.code === consequence || i.code === 'unknown-figure' || i.code === 'unit-history')).toEqual([]);
    const grouped = errs.filter((i) => i.code === 'follow-on');
    expect(grouped).toHaveLength(1);
    expect(grouped[0].file).toBe(file);
    expect(grouped[0].message).toMatch(/^\d+ lỗi kéo theo không liệt kê/);
    if (id) expect(grouped[0].message).toContain(`"${id}"`);
    expect(Number(/^(\d+)/.exec(grouped[0].message)![1])).toBeGreaterThan(0);
    expect(grouped[0].hint).toMatch(/npm run validate/);
    // Placed right after its root error, before any other file's errors.
    expect(errs.indexOf(grouped[0])).toBe(errs.filter((i) => i.file === file).length - 1);
    // Nothing about "no figures" either: the report's rows were refused because of the root.
    expect(issues.some((i) => i.code === 'missing-file')).toBe(false);
  });

  it('a reference that is wrong on its own is still listed when another entry is broken', () => {
    const { issues } = run({ [O]: json(O, (os) => [...os, { ...os[0], id: 'huyen-x', kind: 'distric' }]), ...withRow({ scope: 'huyen-y' }) });
    const errs = errors(issues);
    expect(errs.find((i) => i.code === 'unknown-organization')).toMatchObject({ file: F, line: 7, column: 'scope' });
    expect(errs.some((i) => i.code === 'follow-on')).toBe(false);
  });

  it('leaves content with no broken entry as it was', () => {
    expect(errors(run().issues)).toEqual([]);
  });
});

describe('a figures.csv refused as a whole gives one error, not a follow-on warning', () => {
  const good = csv(GOOD);
  const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  it.each([
    ['Excel CSV with BOM and ";"', `\ufeff${good.replace(/,/g, ';')}`, 1, /dấu ";"/],
    ['UTF-16', utf16(good), 1, /UTF-16/],
    ['Windows-1258 ("ơ" as byte 0xF5)', new Uint8Array([...new TextEncoder().encode(good.split('\n')[0] + '\n'), 0x68, 0xf5, 0x0a]), 2, /không phải UTF-8/],
  ] as [string, string | Uint8Array, number, RegExp][])('%s', (_name, file, line, message) => {
    const { issues } = run({ [F]: file });
    const mine = issues.filter((i) => i.file === F);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'error', line });
    // The byte that is not UTF-8 is the 2nd character of its line ("h", then 0xF5).
    if (line === 2) expect(formatIssue(mine[0])).toContain(`${F}:2:2:`);
    expect(mine[0].message).toMatch(message);
    expect(formatIssue(mine[0])).not.toMatch(/at .*\.ts:\d+|Error:/);
  });
});

describe('a figure row with a typical mistake: the message says what differs and the fix', () => {
  it.each([
    ['a word added to the quote', { quote: 'toàn tỉnh đã tiếp nhận 67.628 hồ sơ', value: '67628' }, 'quote', /dòng 3\): sau "…toàn tỉnh" trích dẫn thêm "đã" mà nguồn không có/, /dòng 3/],
    ['a word dropped from the quote', { quote: 'trong đó, 23.848 hồ sơ trực tuyến; 38.532 hồ sơ; 5.311 hồ sơ từ kỳ trước', value: '23848' }, 'quote', /sau "…tuyến; 38.532 hồ sơ" trích dẫn thiếu "trực tiếp" của nguồn/, /dòng 3/],
    ['a word changed in the quote', { quote: 'toàn tỉnh nhận được 67.628 hồ sơ', value: '67628' }, 'quote', /sau "…toàn tỉnh" trích dẫn ghi "nhận được" còn nguồn in "tiếp nhận"/, /dòng 3/],
    ['a quote from another document', { quote: 'Một câu không hề có 803 trong văn bản nguồn này' }, 'quote', /không đoạn nào của nguồn giống/, /source\.txt/],
    ['value copied with its thousands dot', { value: '67.628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ', indicator: 'ho-so-tiep-nhan' }, 'value', /Ô value ghi 67.628, tức số thập phân 67,628.*"67.628" nghĩa là 67628/, /Ghi value = 67628/],
    ['indicator id with a typo', { indicator: 'ho-so-dung-hn' }, 'indicator', /"ho-so-dung-hn" không có .* — có phải "ho-so-dung-han"\?/, /Sửa thành "ho-so-dung-han"/],
    ['scope id with a typo', { scope: 'tinhh' }, 'scope', /có phải "tinh"\?/, /Sửa thành "tinh"/],
    ['breakdown id with a typo', { breakdown: 'cap-tihn' }, 'breakdown', /có phải "cap-tinh"\?/, /Sửa thành "cap-tinh"/],
  ] as [string, Row, string, RegExp, RegExp][])('%s', (_name, change, column, message, hint) => {
    const errs = errors(run(withRow(change)).issues);
    expect(errs.map((e) => e.message)).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file: F, line: 7, column });
    expect(errs[0].message).toMatch(message);
    expect(errs[0].hint).toMatch(hint);
  });

  it('an unknown id far from every catalogue id gets no guess', () => {
    const errs = errors(run(withRow({ indicator: 'so-lieu-hoan-toan-khac' })).issues);
    expect(errs[0].message).not.toMatch(/có phải/);
  });
});

describe('a report about a unit that did not exist in its period', () => {
  const O = 'data/organizations.json';
  const merged = JSON.stringify([
    { id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'Province', validTo: '2025-06-30', successor: 'tinh-moi' },
    { id: 'tinh-moi', kind: 'province', name: 'UBND tỉnh mới', shortName: 'Tỉnh mới', nameEn: 'New province', validFrom: '2025-07-01', predecessors: ['tinh'] },
  ]);
  it.each([
    ['the merged province for a 2024 quarter', { scope: 'tinh-moi', issuer: 'tinh-moi' }, /"tinh-moi" không tồn tại trong kỳ báo cáo 2024-Q3 \(có từ 2025-07-01\)/, /Trước 2025-07-01, dùng "tinh" \(Tỉnh\)/],
    ['the old province for a 2025 quarter', { period: '2025-Q4' }, /"tinh" không tồn tại trong kỳ báo cáo 2025-Q4/, /Sau 2025-06-30, dùng "tinh-moi"/],
  ] as [string, Record<string, string>, RegExp, RegExp][])('%s', (_name, change, message, hint) => {
    const errs = errors(run({ [O]: merged, [R]: json(R, (r) => ({ ...r, ...change })) }).issues).filter((i) => i.file === R);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'unit-not-in-period', column: 'scope' });
    expect(errs[0].message).toMatch(message);
    expect(errs[0].hint).toMatch(hint);
  });

  it('accepts the unit of the period', () => {
    expect(errors(run({ [O]: merged }).issues)).toEqual([]);
  });
});

describe('a mistyped period gets the spelling it most likely meant', () => {
  it.each([
    ['2024-Q03', '2024-Q3'],
    ['2024-q3', '2024-Q3'],
    ['Q3/2024', '2024-Q3'],
    ['Quý 3/2024', '2024-Q3'],
    ['2024-III', '2024-Q3'],
    ['IV-2024', '2024-Q4'],
    ['2024-h1', '2024-H1'],
    ['6/2024', '2024-06'],
    ['14/3/2025', '2025-03-14'],
    ['31/2/2025', null],
    ['2024-Q5', null],
    ['nhiều năm', null],
    ['2024-Q3', null],
  ] as [string, string | null][])('%s → %s', (text, expected) => {
    expect(guessPeriod(text)).toBe(expected);
  });

  it('names the guess in the figures.csv error', () => {
    const errs = errors(run(withRow({ period: '2024-III' })).issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file: F, line: 7, column: 'period' });
    expect(errs[0].message).toMatch(/— có phải "2024-Q3"\?/);
  });
});

describe('a long source stays fast to check', () => {
  it('locates and explains a quote in a 300 KB source in well under the old quadratic time (was ~15 s)', () => {
    const words = ['hồ', 'sơ', 'tiếp', 'nhận', 'giải', 'quyết', 'đúng', 'hạn', 'toàn', 'tỉnh', '1.234', 'cấp', 'xã'];
    let source = '';
    for (let i = 0; source.length < 300_000; i++) source += words[(i * 7919) % words.length] + (i % 17 ? ' ' : '.\n');
    const t = performance.now();
    expect(locateQuote(source, 'toàn tỉnh zzz hồ sơ')).toBeNull();
    expect(quoteDivergence(`${source}toàn tỉnh tiếp nhận 70.001 hồ sơ trực tuyến.`, 'toàn tỉnh tiếp nhận 70.001 hồ sơ qua mạng.')).toMatchObject({ quote: 'qua mạng.', source: 'trực tuyến.' });
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

describe('quoteDivergence', () => {
  const source = 'I. KẾT QUẢ\nTrong quý III, toàn tỉnh tiếp nhận 70.001 hồ sơ trực tuyến. Giải quyết 69.000 hồ sơ đúng hạn.\n';
  it.each([
    ['word added', 'toàn tỉnh đã tiếp nhận 70.001 hồ sơ trực tuyến', { before: 'toàn tỉnh', quote: 'đã', source: '' }],
    ['word dropped', 'toàn tỉnh tiếp nhận 70.001 hồ sơ tuyến', { before: 'nhận 70.001 hồ sơ', quote: '', source: 'trực' }],
    ['word changed', 'toàn tỉnh tiếp nhận 70.001 hồ sơ qua mạng. Giải quyết 69.000', { before: 'nhận 70.001 hồ sơ', quote: 'qua mạng', source: 'trực tuyến' }],
    ['end differs', 'toàn tỉnh tiếp nhận 70.001 hồ sơ qua mạng.', { before: 'nhận 70.001 hồ sơ', quote: 'qua mạng.', source: 'trực tuyến.' }],
    ['start differs', 'Cả tỉnh đã tiếp nhận 70.001 hồ sơ trực tuyến.', { before: '', quote: 'Cả tỉnh đã', source: 'III, toàn tỉnh' }],
  ] as [string, string, object][])('%s', (_name, quote, expected) => {
    const d = quoteDivergence(source, quote)!;
    expect(d).toMatchObject(expected);
    expect(source.slice(0, d.at).split('\n').length).toBe(2);
  });

  it.each([
    ['found verbatim', 'toàn tỉnh tiếp nhận 70.001 hồ sơ'],
    ['nothing in common', 'một câu hoàn toàn khác'],
  ])('null when %s', (_name, quote) => {
    expect(quoteDivergence(source, quote)).toBeNull();
  });
});
