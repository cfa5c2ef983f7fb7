// Every validator rule, on a small fixture broken one way at a time.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, printedPrecision, validateContent } from '../../src/pipeline/validate.ts';
import type { Issue } from '../../src/core/model.ts';
import { csv, fixtureFiles, fixtureReader, GOOD, GOOD_ROWS, line, QUA_HAN, SOURCE, type Row } from '../fixtures/content.ts';
import { memoryReader } from '../../src/pipeline/load.ts';

const F = 'content/reports/bc-thu/figures.csv';
const KIEM_TRA: Row = { ...QUA_HAN, indicator: 'don-vi-kiem-tra', value: '10', denominator: '30', unit: 'đơn vị', section: 'I.3', quote: 'Kiểm tra tại 10/30 đơn vị (tỷ lệ 30,3%)' };
const run = (overrides: Record<string, string | null> = {}) => validateContent(loadContent(fixtureReader(overrides)));
const errors = (issues: Issue[]) => issues.filter((i) => i.level === 'error');
const withRow = (row: Row | string) => ({ [F]: csv([...GOOD, row]) });

describe('validator on a valid fixture', () => {
  it('accepts it with no errors and keeps every figure', () => {
    const { content, issues } = run();
    expect(errors(issues)).toEqual([]);
    expect(content.reports[0].figures.map((f) => f.id)).toEqual(['ho-so-tiep-nhan', 'ho-so-truc-tuyen', 'ho-so-da-giai-quyet', 'ho-so-dung-han', 'ty-le-dung-han']);
    expect(content.reports[0].figures[0]).toMatchObject({ value: 67628, unit: 'hồ sơ', period: '2024-Q3', line: 2 });
  });
});

describe('figures.csv rules (file, line, column, message)', () => {
  // Each case: a bad row appended at line 7, the expected code and column.
  it.each([
    ['unknown indicator', { indicator: 'khong-co' }, 'unknown-indicator', 'indicator'],
    ['unknown organization', { scope: 'huyen-x' }, 'unknown-organization', 'scope'],
    ['unknown breakdown', { breakdown: 'cap-thon' }, 'unknown-breakdown', 'breakdown'],
    ['duplicate id', { id: 'ho-so-tiep-nhan' }, 'duplicate-id', 'id'],
    ['wrong type (Vietnamese number in value)', { value: '67.628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ' }, 'value-not-in-quote', 'value'],
    ['not a number', { value: 'nhiều' }, 'schema', 'value'],
    ['bad period', { period: 'Q3-2024' }, 'schema', 'period'],
    ['a day that does not exist', { period: '2025-02-30' }, 'schema', 'period'],
    ['an interval ending before it starts', { period: '2024-09/2024-01' }, 'schema', 'period'],
    ['unknown basis', { basis: 'luy-ke' }, 'schema', 'basis'],
    ['unknown status', { status: 'uoc' }, 'schema', 'status'],
    ['unit mismatch', { unit: 'văn bản' }, 'unit-mismatch', 'unit'],
    ['bad comparator', { comparator: '≥' }, 'schema', 'comparator'],
    ['quote not in source', { quote: '803 hồ sơ trễ hạn' }, 'quote-not-found', 'quote'],
    ['value not in quote', { value: '804' }, 'value-not-in-quote', 'value'],
    ['denominator not in quote', { indicator: 'don-vi-kiem-tra', value: '10', denominator: '31', unit: 'đơn vị', section: 'I.3', quote: 'Kiểm tra tại 10/30 đơn vị' }, 'value-not-in-quote', 'denominator'],
    ['HTML in a note', { note: '<script>alert(1)</script>' }, 'html', 'note'],
    ['bad slug id', { id: 'Hồ Sơ' }, 'schema', 'id'],
  ] as [string, Row, string, string][])('%s', (_name, change, code, column) => {
    const { issues, content } = run(withRow({ ...QUA_HAN, ...change }));
    const errs = errors(issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code, file: F, line: 7, column });
    expect(errs[0].hint).toBeTruthy();
    expect(formatIssue(errs[0])).toContain(`${F}:7 (cột ${column})`);
    // The bad row is dropped, the good ones are kept: no silent loss of valid data.
    expect(content.reports[0].figures).toHaveLength(GOOD_ROWS.length);
  });

  it('accepts a value of 0 only when the quote states an absence in words', () => {
    const S = 'content/reports/bc-thu/source.txt';
    const zero: Row = { ...KIEM_TRA, id: 'khong-kiem-tra', denominator: '', breakdown: 'cap-tinh', value: '0', quote: 'Cấp tỉnh chưa phát hiện đơn vị nào vi phạm.' };
    expect(errors(run({ [F]: csv([...GOOD, zero]), [S]: `${SOURCE}Cấp tỉnh chưa phát hiện đơn vị nào vi phạm.\n` }).issues)).toEqual([]);
    // No negation: a 0 must be printed as a digit.
    const errs = errors(run({ [F]: csv([...GOOD, { ...zero, quote: 'Kiểm tra tại 10/30 đơn vị' }]) }).issues);
    expect(errs[0]).toMatchObject({ code: 'value-not-in-quote', column: 'value' });
    // A non-zero value is never excused by a negation.
    const neg = errors(run({ [F]: csv([...GOOD, { ...zero, value: '5' }]), [S]: `${SOURCE}Cấp tỉnh chưa phát hiện đơn vị nào vi phạm.\n` }).issues);
    expect(neg[0]).toMatchObject({ code: 'value-not-in-quote', column: 'value' });
  });

  it('reports malformed CSV (unclosed quote) with its line, without crashing', () => {
    const unclosed = line({ ...QUA_HAN, note: 'NOTE' }).replace('NOTE', '"803 hồ sơ quá hạn,');
    const { issues } = run({ [F]: csv([GOOD[0], unclosed]) });
    const errs = errors(issues);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.some((e) => e.code === 'csv-syntax' && e.line === 3)).toBe(true);
  });

  it('reports a row with a missing column', () => {
    const { issues } = run(withRow(`x,${GOOD_ROWS[1]}`));
    expect(errors(issues)[0]).toMatchObject({ code: 'csv-columns', line: 7 });
  });

  it('keeps line numbers right after a quoted field with a line break', () => {
    const rows = [GOOD[0], { ...QUA_HAN, id: 'y', value: '61430', quote: '61.430 hồ sơ\nđúng hạn' }, { ...QUA_HAN, indicator: 'khong-co' }];
    const errs = errors(run({ [F]: csv(rows) }).issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'unknown-indicator', line: 5 });
  });

  it('rejects a wrong header and says which columns are missing', () => {
    const { issues } = run({ [F]: 'id,indicator,value\nx,y,1\n' });
    expect(errors(issues)[0]).toMatchObject({ code: 'csv-header', line: 1 });
    expect(errors(issues)[0].message).toContain('scope');
  });

  it('matches quotes across line breaks, Markdown emphasis and footnote markers', () => {
    const { issues } = run(withRow(KIEM_TRA));
    expect(errors(issues)).toEqual([]);
  });

  it('strips a leading list marker from a quote (it is still a verbatim substring)', () => {
    const { content } = run(withRow({ ...QUA_HAN, quote: '- 803 hồ sơ quá hạn' }));
    expect(content.reports[0].figures.at(-1)!.quote).toBe('803 hồ sơ quá hạn');
  });
});

describe('report.json, narrative and catalogue rules', () => {
  const R = 'content/reports/bc-thu/report.json';
  const meta = JSON.parse(fixtureFiles()[R]);

  it('JSON syntax errors name the line', () => {
    const { issues } = run({ [R]: '{\n  "id": "bc-thu",\n  "kind": "quarterly-report",,\n}' });
    expect(errors(issues)[0]).toMatchObject({ code: 'json-syntax', file: R, line: 3 });
  });

  it('schema errors name the field and its line', () => {
    const { issues } = run({ [R]: JSON.stringify({ ...meta, kind: 'bao-cao' }, null, 2) });
    expect(errors(issues)[0]).toMatchObject({ code: 'schema', file: R, column: 'kind', line: 3 });
  });

  it('id must equal the folder name', () => {
    const { issues } = run({ [R]: JSON.stringify({ ...meta, id: 'khac' }, null, 2) });
    expect(errors(issues)[0]).toMatchObject({ code: 'id-mismatch', column: 'id' });
  });

  it.each([
    ['javascript:alert(1)', false],
    ['//evil.example/x', false],
    ['https://kontum.gov.vn/van ban.pdf', false],
    ['data:text/html,x', false],
    ['https://kontum.gov.vn/van-ban/517.pdf', true],
    [null, true],
  ])('officialUrl %s: accepted only as a full http(s) address', (officialUrl, ok) => {
    const { issues, content } = run({ [R]: JSON.stringify({ ...meta, officialUrl }, null, 2) });
    if (ok) {
      expect(errors(issues)).toEqual([]);
      expect(content.reports[0].meta.officialUrl).toBe(officialUrl);
    } else expect(errors(issues)[0]).toMatchObject({ code: 'schema', file: R, column: 'officialUrl' });
  });

  it('unknown issuer', () => {
    const { issues } = run({ [R]: JSON.stringify({ ...meta, issuer: 'so-x' }, null, 2) });
    expect(errors(issues)[0]).toMatchObject({ code: 'unknown-organization', column: 'issuer' });
  });

  it('HTML in title or narrative is an error with its line', () => {
    expect(errors(run({ [R]: JSON.stringify({ ...meta, title: 'Báo cáo <img src=x onerror=alert(1)>' }, null, 2) }).issues)[0]).toMatchObject({ code: 'html', column: 'title' });
    const n = errors(run({ 'content/reports/bc-thu/narrative/the-che.md': 'Dòng một.\n\n<script>alert(1)</script>\n' }).issues);
    // the-che is not an area of this fixture: both the unknown section and nothing else.
    expect(n[0]).toMatchObject({ code: 'unknown-section' });
    const h = errors(run({ 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md': 'Dòng một.\n\n<script>alert(1)</script>\n' }).issues);
    expect(h[0]).toMatchObject({ code: 'html', line: 3 });
  });

  it('warns about a number in a narrative that the source does not print', () => {
    const { issues } = run({ 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md': 'Tiếp nhận 67.628 hồ sơ.\n\nGiải quyết 62.234 hồ sơ, 98,7% đúng hạn.\n' });
    const w = issues.filter((i) => i.code === 'narrative-number');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warning', line: 3, file: 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md' });
    expect(w[0].message).toContain('62.234');
  });

  it('duplicate catalogue ids', () => {
    const inds = JSON.parse(fixtureFiles()['data/indicators.json']);
    const { issues } = run({ 'data/indicators.json': JSON.stringify([...inds, inds[0]], null, 2) });
    expect(errors(issues)[0]).toMatchObject({ code: 'duplicate-id', file: 'data/indicators.json', column: 'id' });
  });

  it('derivations must reference known indicators', () => {
    const inds = JSON.parse(fixtureFiles()['data/indicators.json']);
    inds[0].derivation.parts[0] = 'khong-co';
    expect(errors(run({ 'data/indicators.json': JSON.stringify(inds, null, 2) }).issues)[0]).toMatchObject({ code: 'unknown-indicator', file: 'data/indicators.json' });
  });

  it('a freshly scaffolded report is not silently accepted', () => {
    const { issues } = run({
      [R]: JSON.stringify({ ...meta, title: 'TODO: tiêu đề', summary: 'TODO: tóm tắt.' }, null, 2),
      'content/reports/bc-thu/source.txt': '\n',
      [F]: csv([]),
      'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md': 'TODO: tóm tắt.\n',
    });
    expect(errors(issues).map((i) => [i.code, i.column ?? null])).toEqual([
      ['placeholder', 'title'],
      ['placeholder', 'summary'],
      ['placeholder', null],
      ['empty-source', null],
    ]);
  });

  it('missing files are reported, not thrown', () => {
    const { issues } = run({ 'content/reports/bc-thu/source.txt': null });
    expect(errors(issues)[0]).toMatchObject({ code: 'missing-file', file: 'content/reports/bc-thu/source.txt' });
    const empty = validateContent(loadContent(memoryReader({})));
    expect(errors(empty.issues).map((i) => i.file)).toContain('data/indicators.json');
  });
});

describe('consistency warnings (data-quality notes)', () => {
  it('sum of parts vs printed total', () => {
    const rows = [
      ...GOOD,
      { ...QUA_HAN, id: 'ho-so-truc-tiep', indicator: 'ho-so-truc-tiep', value: '38532', quote: '38.532 hồ sơ trực tiếp' },
      { ...QUA_HAN, id: 'ho-so-ky-truoc', indicator: 'ho-so-ky-truoc', value: '5311', quote: '5.311 hồ sơ từ kỳ trước chuyển sang' },
    ];
    const { issues } = run({ [F]: csv(rows) });
    expect(errors(issues)).toEqual([]);
    const w = issues.find((i) => i.code === 'sum-mismatch')!;
    expect(w.level).toBe('warning');
    expect(w.message).toContain('67.628');
    expect(w.message).toContain('67.691');
    expect(w.figures).toContain('bc-thu/ho-so-tiep-nhan');
  });

  it('printed rate vs counts: within rounding is fine, beyond is a warning', () => {
    expect(run().issues.filter((i) => i.code === 'rate-mismatch')).toEqual([]); // 61430/62233 = 98,71% ≈ 98,7
    const rows = GOOD.map((r) => (r.id === 'ty-le-dung-han' ? { ...r, value: '97.7' } : r));
    // 97.7 is not in the quote → that is an error, not a consistency warning.
    expect(errors(run({ [F]: csv(rows) }).issues)[0].code).toBe('value-not-in-quote');
    // Counts that do not give the printed rate → warning naming both.
    const off = GOOD.map((r) => (r.id === 'ho-so-da-giai-quyet' ? { ...r, value: '67628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ' } : r));
    const w = run({ [F]: csv(off) }).issues.find((i) => i.code === 'rate-mismatch')!;
    expect(w.level).toBe('warning');
    expect(w.message).toBe('Tỷ lệ đúng hạn: báo cáo in 98,7% nhưng 61.430/67.628 = 90,84%.');
  });

  it('printed rate vs its a/b pair ("10/30 … 30,3%")', () => {
    const { issues } = run(withRow(KIEM_TRA));
    const withRate = run({ [F]: csv([...GOOD, { ...KIEM_TRA, quote: 'Kiểm tra tại 10/30 đơn vị' }, { ...KIEM_TRA, id: 'y', indicator: 'ty-le-kiem-tra', value: '30.3', denominator: '', unit: '%', quote: '(tỷ lệ 30,3%)' }]) });
    expect(issues.filter((i) => i.code === 'rate-mismatch')).toEqual([]);
    const w = withRate.issues.find((i) => i.code === 'rate-mismatch')!;
    expect(w.message).toContain('30,3%');
    expect(w.message).toContain('33,33%');
  });

});

describe('checks.csv: sums and ratios declared by the curator', () => {
  const C = 'content/reports/bc-thu/checks.csv';
  const QUA_HAN_ROW: Row = { ...QUA_HAN, id: 'qua-han', indicator: 'ho-so-truc-tiep' };
  const checks = (...rows: string[]) => ['kind,figure,expression,tolerance', ...rows].join('\n') + '\n';
  const runChecks = (...rows: string[]) => run({ [F]: csv([...GOOD, QUA_HAN_ROW]), [C]: checks(...rows) }).issues;
  const declared = (issues: Issue[]) => issues.filter((i) => i.file === C);

  it('relations that hold give nothing; the file is part of the content model', () => {
    const issues = runChecks('sum,ho-so-da-giai-quyet,ho-so-dung-han + qua-han,', 'ratio,ty-le-dung-han,ho-so-dung-han / ho-so-da-giai-quyet,');
    expect(declared(issues)).toEqual([]);
    expect(issues.filter((i) => i.code === 'unknown-file')).toEqual([]);
  });

  it('a sum the printed figures break is a data-quality warning on all of them, at its line', () => {
    const [w] = declared(runChecks('sum,ho-so-da-giai-quyet,ho-so-dung-han + qua-han,', 'sum,ho-so-tiep-nhan,ho-so-dung-han + qua-han,'));
    expect(w).toMatchObject({ level: 'warning', code: 'sum-mismatch', line: 3 });
    expect(w.message).toBe('Hồ sơ tiếp nhận: báo cáo in 67.628 nhưng các phần cộng lại bằng 62.233 (61.430 + 803), lệch 5.395.');
    expect(w.figures).toEqual(['bc-thu/ho-so-tiep-nhan', 'bc-thu/ho-so-dung-han', 'bc-thu/qua-han']);
  });

  it('a sum within its declared tolerance holds', () => {
    expect(declared(runChecks('sum,ho-so-tiep-nhan,ho-so-dung-han + qua-han,5395'))).toEqual([]);
    expect(declared(runChecks('sum,ho-so-tiep-nhan,ho-so-dung-han + qua-han,5394'))).toHaveLength(1);
  });

  it('a ratio is checked to the printed precision unless a tolerance is given', () => {
    const [w] = declared(runChecks('ratio,ty-le-dung-han,ho-so-dung-han / ho-so-tiep-nhan,'));
    expect(w).toMatchObject({ level: 'warning', code: 'rate-mismatch', line: 2 });
    expect(w.message).toBe('Tỷ lệ đúng hạn: báo cáo in 98,7% nhưng 61.430/67.628 = 90,84%.');
    expect(declared(runChecks('ratio,ty-le-dung-han,ho-so-dung-han / ho-so-tiep-nhan,8'))).toEqual([]);
  });

  it('a relation the indicator catalogue also derives is reported once, from checks.csv', () => {
    const off = GOOD.map((r) => (r.id === 'ho-so-da-giai-quyet' ? { ...r, value: '67628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ' } : r));
    const { issues } = run({ [F]: csv(off), [C]: checks('ratio,ty-le-dung-han,ho-so-dung-han / ho-so-da-giai-quyet,') });
    const rates = issues.filter((i) => i.code === 'rate-mismatch');
    expect(rates).toHaveLength(1);
    expect(rates[0].file).toBe(C);
  });

  it.each([
    ['kind,figure,tolerance', undefined, 'csv-header', 'Thiếu cột bắt buộc: expression'],
    ['product,ho-so-tiep-nhan,a + b,', 'kind', 'schema', 'kind'],
    ['sum,ho-so-tiep-nhan,ho-so-truc-tuyen,', 'expression', 'check-expression', '"ho-so-truc-tuyen"'],
    ['ratio,ty-le-dung-han,ho-so-dung-han / ho-so-da-giai-quyet / qua-han,', 'expression', 'check-expression', 'ratio'],
    ['sum,ho-so-tiep-nhan,ho-so-truc-tuyen + khong-co,', 'expression', 'unknown-figure', '"khong-co"'],
    ['sum,khong-co,ho-so-truc-tuyen + qua-han,', 'figure', 'unknown-figure', '"khong-co"'],
    ['sum,ho-so-tiep-nhan,ho-so-truc-tuyen + ty-le-dung-han,', 'expression', 'check-unit', '"%"'],
    ['ratio,ho-so-tiep-nhan,ho-so-dung-han / ho-so-da-giai-quyet,', 'figure', 'check-unit', '"hồ sơ"'],
    ['sum,ho-so-tiep-nhan,ho-so-truc-tuyen + qua-han,nhiều', 'tolerance', 'schema', 'tolerance'],
  ])('%s → error in column %s (%s)', (row, column, code, text) => {
    const header = row.startsWith('kind,') ? row : undefined;
    const issues = header ? run({ [C]: header + '\n' }).issues : runChecks(row);
    const e = errors(issues).filter((i) => i.file === C);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code, line: header ? 1 : 2, ...(column ? { column } : {}) });
    expect(e[0].message).toContain(text);
    expect(formatIssue(e[0])).toMatch(/^LỖI content\/reports\/bc-thu\/checks\.csv:\d/);
  });
});

describe('printedPrecision', () => {
  it.each([
    [22.5, 0.05],
    [25, 0.5],
    [76.66, 0.005],
    [98.7, 0.05],
  ])('%d → %d', (v, p) => {
    expect(printedPrecision(v)).toBeCloseTo(p, 12);
  });
});

describe('figures.csv is read by header name', () => {
  const LEGACY = ['id', 'indicator', 'scope', 'breakdown', 'period', 'value', 'denominator', 'unit', 'comparator', 'section', 'quote', 'note'];
  const MINIMAL = ['quote', 'value', 'unit', 'period', 'scope', 'indicator', 'id', 'section'];

  it.each([
    ['the audited header', undefined],
    ['the header before the audit (no basis, status)', LEGACY],
    ['only the required columns, in another order', MINIMAL],
  ])('accepts %s', (_name, columns) => {
    const { issues, content } = run({ [F]: csv(GOOD, columns) });
    expect(errors(issues)).toEqual([]);
    expect(content.reports[0].figures.map((f) => [f.id, f.value])).toEqual(GOOD.map((r) => [r.id, Number(r.value)]));
  });

  it('rejects an unknown column and lists the known ones', () => {
    const { issues } = run({ [F]: csv(GOOD, [...LEGACY, 'nguon']) });
    const [e] = errors(issues);
    expect(e).toMatchObject({ code: 'csv-header', file: F, line: 1 });
    expect(e.message).toContain('"nguon"');
    expect(e.hint).toContain('basis, status');
  });

  it('names a missing required column', () => {
    const { issues } = run({ [F]: csv(GOOD, LEGACY.filter((c) => c !== 'section')) });
    expect(errors(issues)).toHaveLength(1);
    expect(errors(issues)[0]).toMatchObject({ code: 'csv-header', line: 1 });
    expect(errors(issues)[0].message).toContain('section');
  });

  it('rejects a repeated column', () => {
    expect(errors(run({ [F]: csv(GOOD, [...LEGACY, 'note']) }).issues)[0].message).toContain('lặp lại: note');
  });

  it('keeps line and column of a bad cell whatever the column order', () => {
    const { issues } = run({ [F]: csv([...GOOD, { ...QUA_HAN, status: 'uoc' }], [...MINIMAL, 'status']) });
    expect(errors(issues)[0]).toMatchObject({ code: 'schema', line: 7, column: 'status' });
  });
});

describe('basis and status', () => {
  const withBasis = (basis: string) => {
    const inds = JSON.parse(fixtureFiles()['data/indicators.json']);
    inds.find((i: { id: string }) => i.id === 'ho-so-dung-han').basis = basis;
    return JSON.stringify(inds, null, 2);
  };

  it('default to the indicator basis (itself "flow" by default) and "actual"', () => {
    const { content } = run({ 'data/indicators.json': withBasis('stock') });
    const f = content.reports[0].figures;
    expect(f.find((x) => x.id === 'ho-so-dung-han')).toMatchObject({ basis: 'stock', status: 'actual' });
    expect(f.find((x) => x.id === 'ho-so-tiep-nhan')).toMatchObject({ basis: 'flow', status: 'actual' });
  });

  it('are taken from figures.csv when given', () => {
    const { content, issues } = run(withRow({ ...QUA_HAN, basis: 'cumulative', status: 'estimate' }));
    expect(errors(issues)).toEqual([]);
    expect(content.reports[0].figures.at(-1)).toMatchObject({ basis: 'cumulative', status: 'estimate' });
  });

  it('an unknown indicator basis is a catalogue error', () => {
    expect(errors(run({ 'data/indicators.json': withBasis('luy-ke') }).issues)[0]).toMatchObject({ code: 'schema', file: 'data/indicators.json', column: 'basis' });
  });
});

describe('series points: one quantity, one value', () => {
  const strict = (overrides: Record<string, string | null>) => validateContent(loadContent(fixtureReader(overrides)), { lenient: false });
  const C = 'content/reports/bc-thu/checks.csv';
  const checks = (...rows: string[]) => ['kind,figure,expression,tolerance', ...rows].join('\n') + '\n';
  // 803 printed for the received count of the same quarter: a second value on one point.
  const TWICE: Row = { ...QUA_HAN, indicator: 'ho-so-tiep-nhan' };

  it('two values on one point are an error at the second, naming the first and both fixes', () => {
    const errs = errors(strict(withRow(TWICE)).issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'series-conflict', file: F, line: 7, column: 'value' });
    expect(errs[0].message).toContain('"bc-thu/ho-so-tiep-nhan"');
    expect(errs[0].message).toContain(`${F}:2`);
    expect(errs[0].hint).toContain('same,ho-so-tiep-nhan,x,');
    expect(errs[0].hint).toContain('basis');
  });

  it.each([
    ['another basis', { basis: 'cumulative' }],
    ['another status', { status: 'estimate' }],
    ['another period', { period: '2024-07/2024-08' }],
    ['another breakdown', { breakdown: 'cap-tinh' }],
  ])('a figure on %s is another point', (_name, change) => {
    expect(errors(strict(withRow({ ...TWICE, ...change })).issues)).toEqual([]);
  });

  it('the same value on one point is the same observation repeated', () => {
    expect(errors(strict(withRow({ ...TWICE, value: '67628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ' })).issues)).toEqual([]);
  });

  it('a declared printed discrepancy ("same") stays a data-quality note', () => {
    const { issues } = strict({ ...withRow(TWICE), [C]: checks('same,ho-so-tiep-nhan,x,') });
    expect(errors(issues)).toEqual([]);
    const w = issues.find((i) => i.code === 'conflicting-values')!;
    expect(w).toMatchObject({ level: 'warning', file: C, line: 2, figures: ['bc-thu/ho-so-tiep-nhan', 'bc-thu/x'] });
    expect(w.message).toContain('67.628');
    expect(w.message).toContain('803');
  });

  it('"same" must name two figures of one point', () => {
    const { issues } = strict({ [C]: checks('same,ho-so-tiep-nhan,ho-so-truc-tuyen,') });
    expect(errors(issues)[0]).toMatchObject({ code: 'same-not-one-point', file: C, line: 2, column: 'expression' });
    expect(errors(issues)[0].message).toContain('indicator');
    expect(errors(strict({ [C]: checks('same,ho-so-tiep-nhan,khong-co,') }).issues)[0]).toMatchObject({ code: 'unknown-figure', column: 'expression' });
    expect(errors(strict({ [C]: checks('same,ho-so-tiep-nhan,bc-khac/x,') }).issues)[0]).toMatchObject({ code: 'unknown-figure', column: 'expression' });
  });

  it('a point shared across reports: error in the later report, declarable there as "<report>/<figure>"', () => {
    const other = {
      'content/reports/bc-thu-2/report.json': fixtureFiles()['content/reports/bc-thu/report.json'].replace('"bc-thu"', '"bc-thu-2"'),
      'content/reports/bc-thu-2/source.txt': fixtureFiles()['content/reports/bc-thu/source.txt'],
      'content/reports/bc-thu-2/figures.csv': csv([{ ...TWICE, id: 'tiep-nhan' }]),
    };
    const errs = errors(strict(other).issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'series-conflict', file: 'content/reports/bc-thu-2/figures.csv', line: 2 });
    expect(errs[0].hint).toContain('same,tiep-nhan,bc-thu/ho-so-tiep-nhan,');
    const declared = strict({ ...other, 'content/reports/bc-thu-2/checks.csv': checks('same,tiep-nhan,bc-thu/ho-so-tiep-nhan,') });
    expect(errors(declared.issues)).toEqual([]);
  });

  it('before the audit (lenient) a conflict is a warning, still a note within one report', () => {
    const { issues } = validateContent(loadContent(fixtureReader(withRow(TWICE))), { lenient: true });
    expect(errors(issues)).toEqual([]);
    expect(issues.find((i) => i.code === 'series-conflict')).toMatchObject({ level: 'warning', figures: ['bc-thu/ho-so-tiep-nhan', 'bc-thu/x'] });
  });

  it('a non-canonical period spelling is an error with the canonical one (a warning and read canonically when lenient)', () => {
    const row = { ...QUA_HAN, period: '2024-07/2024-09' };
    const [e] = errors(strict(withRow(row)).issues);
    expect(e).toMatchObject({ code: 'period-not-canonical', line: 7, column: 'period' });
    expect(e.hint).toContain('"2024-Q3"');
    const lenient = validateContent(loadContent(fixtureReader(withRow(row))), { lenient: true });
    expect(errors(lenient.issues)).toEqual([]);
    expect(lenient.content.reports[0].figures.at(-1)!.period).toBe('2024-Q3');
  });
});

describe('an explicit zero printed in words', () => {
  const S = 'content/reports/bc-thu/source.txt';
  const source = `${fixtureFiles()[S]}Qua kiểm tra chưa phát hiện hồ sơ giả mạo.\n`;
  const zero: Row = { ...QUA_HAN, breakdown: 'cap-tinh', value: '0', quote: 'Qua kiểm tra chưa phát hiện hồ sơ giả mạo.' };

  it('is accepted when the quote states there is none', () => {
    expect(errors(run({ [S]: source, ...withRow(zero) }).issues)).toEqual([]);
  });

  it('is an error, with the fix, when the quote does not', () => {
    const [e] = errors(run(withRow({ ...QUA_HAN, value: '0' })).issues);
    expect(e).toMatchObject({ code: 'value-not-in-quote', line: 7, column: 'value' });
    expect(e.hint).toContain('không có');
  });
});
