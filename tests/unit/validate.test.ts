// Every validator rule, on a small fixture broken one way at a time.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, printedPrecision, validateContent, type Issue } from '../../src/pipeline/validate.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS } from '../fixtures/content.ts';
import { memoryReader } from '../../src/pipeline/load.ts';

const F = 'content/reports/bc-thu/figures.csv';
const run = (overrides: Record<string, string | null> = {}) => validateContent(loadContent(fixtureReader(overrides)));
const errors = (issues: Issue[]) => issues.filter((i) => i.level === 'error');
const withRow = (row: string) => ({ [F]: csv([...GOOD_ROWS, row]) });

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
    ['unknown indicator', 'x,khong-co,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'unknown-indicator', 'indicator'],
    ['unknown organization', 'x,ho-so-dung-han,huyen-x,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'unknown-organization', 'scope'],
    ['unknown breakdown', 'x,ho-so-dung-han,tinh,cap-thon,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'unknown-breakdown', 'breakdown'],
    ['duplicate id', 'ho-so-tiep-nhan,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'duplicate-id', 'id'],
    ['wrong type (Vietnamese number in value)', 'x,ho-so-dung-han,tinh,,2024-Q3,67.628,,hồ sơ,,II.2,toàn tỉnh tiếp nhận 67.628 hồ sơ,', 'value-not-in-quote', 'value'],
    ['not a number', 'x,ho-so-dung-han,tinh,,2024-Q3,nhiều,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'schema', 'value'],
    ['bad period', 'x,ho-so-dung-han,tinh,,Q3-2024,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'schema', 'period'],
    ['unit mismatch', 'x,ho-so-dung-han,tinh,,2024-Q3,803,,văn bản,,II.2,803 hồ sơ quá hạn,', 'unit-mismatch', 'unit'],
    ['bad comparator', 'x,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,≥,II.2,803 hồ sơ quá hạn,', 'schema', 'comparator'],
    ['quote not in source', 'x,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ trễ hạn,', 'quote-not-found', 'quote'],
    ['value not in quote', 'x,ho-so-dung-han,tinh,,2024-Q3,804,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'value-not-in-quote', 'value'],
    ['denominator not in quote', 'x,don-vi-kiem-tra,tinh,,2024-Q3,10,31,đơn vị,,I.3,Kiểm tra tại 10/30 đơn vị,', 'value-not-in-quote', 'denominator'],
    ['HTML in a note', 'x,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,<script>alert(1)</script>', 'html', 'note'],
    ['bad slug id', 'Hồ Sơ,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,', 'schema', 'id'],
  ])('%s', (_name, row, code, column) => {
    const { issues, content } = run(withRow(row));
    const errs = errors(issues);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code, file: F, line: 7, column });
    expect(errs[0].hint).toBeTruthy();
    expect(formatIssue(errs[0])).toContain(`${F}:7 (cột ${column})`);
    // The bad row is dropped, the good ones are kept: no silent loss of valid data.
    expect(content.reports[0].figures).toHaveLength(GOOD_ROWS.length);
  });

  it('reports malformed CSV (unclosed quote) with its line, without crashing', () => {
    const { issues } = run({ [F]: csv([GOOD_ROWS[0], 'x,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,"803 hồ sơ quá hạn,']) });
    const errs = errors(issues);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.some((e) => e.code === 'csv-syntax' && e.line === 3)).toBe(true);
  });

  it('reports a row with a missing column', () => {
    const { issues } = run(withRow('x,ho-so-dung-han,tinh,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,'));
    expect(errors(issues)[0]).toMatchObject({ code: 'csv-columns', line: 7 });
  });

  it('keeps line numbers right after a quoted field with a line break', () => {
    const rows = [GOOD_ROWS[0], 'y,ho-so-dung-han,tinh,,2024-Q3,61430,,hồ sơ,,II.2,"61.430 hồ sơ\nđúng hạn",', 'x,khong-co,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,'];
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
    const { issues } = run(withRow('x,don-vi-kiem-tra,tinh,,2024-Q3,10,30,đơn vị,,I.3,"Kiểm tra tại 10/30 đơn vị (tỷ lệ 30,3%)",'));
    expect(errors(issues)).toEqual([]);
  });

  it('strips a leading list marker from a quote (it is still a verbatim substring)', () => {
    const { content } = run(withRow('x,ho-so-dung-han,tinh,,2024-Q3,803,,hồ sơ,,II.2,- 803 hồ sơ quá hạn,'));
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
      ...GOOD_ROWS,
      'ho-so-truc-tiep,ho-so-truc-tiep,tinh,,2024-Q3,38532,,hồ sơ,,II.2,38.532 hồ sơ trực tiếp,',
      'ho-so-ky-truoc,ho-so-ky-truoc,tinh,,2024-Q3,5311,,hồ sơ,,II.2,5.311 hồ sơ từ kỳ trước chuyển sang,',
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
    const rows = GOOD_ROWS.map((r) => (r.startsWith('ty-le-dung-han') ? r.replace(',98.7,', ',97.7,').replace('98,7%', '98,7%') : r));
    // 97.7 is not in the quote → that is an error, not a consistency warning.
    expect(errors(run({ [F]: csv(rows) }).issues)[0].code).toBe('value-not-in-quote');
    // Counts that do not give the printed rate → warning naming both.
    const off = GOOD_ROWS.map((r) => (r.startsWith('ho-so-da-giai-quyet') ? 'ho-so-da-giai-quyet,ho-so-da-giai-quyet,tinh,,2024-Q3,67628,,hồ sơ,,II.2,toàn tỉnh tiếp nhận 67.628 hồ sơ,' : r));
    const w = run({ [F]: csv(off) }).issues.find((i) => i.code === 'rate-mismatch')!;
    expect(w.level).toBe('warning');
    expect(w.message).toBe('Tỷ lệ đúng hạn: báo cáo in 98,7% nhưng 61.430/67.628 = 90,84%.');
  });

  it('printed rate vs its a/b pair ("10/30 … 30,3%")', () => {
    const { issues } = run(
      withRow('x,don-vi-kiem-tra,tinh,,2024-Q3,10,30,đơn vị,,I.3,"Kiểm tra tại 10/30 đơn vị (tỷ lệ 30,3%)",') ,
    );
    const withRate = run({ [F]: csv([...GOOD_ROWS, 'x,don-vi-kiem-tra,tinh,,2024-Q3,10,30,đơn vị,,I.3,Kiểm tra tại 10/30 đơn vị,', 'y,ty-le-kiem-tra,tinh,,2024-Q3,30.3,,%,,I.3,"(tỷ lệ 30,3%)",']) });
    expect(issues.filter((i) => i.code === 'rate-mismatch')).toEqual([]);
    const w = withRate.issues.find((i) => i.code === 'rate-mismatch')!;
    expect(w.message).toContain('30,3%');
    expect(w.message).toContain('33,33%');
  });

  it('the same quantity printed twice with different values', () => {
    const { issues } = run(withRow('x,ho-so-tiep-nhan,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,'));
    expect(issues.find((i) => i.code === 'conflicting-values')?.message).toContain('67.628');
  });
});

describe('checks.csv: sums and ratios declared by the curator', () => {
  const C = 'content/reports/bc-thu/checks.csv';
  const QUA_HAN = 'qua-han,ho-so-truc-tiep,tinh,,2024-Q3,803,,hồ sơ,,II.2,803 hồ sơ quá hạn,';
  const checks = (...rows: string[]) => ['kind,figure,expression,tolerance', ...rows].join('\n') + '\n';
  const runChecks = (...rows: string[]) => run({ [F]: csv([...GOOD_ROWS, QUA_HAN]), [C]: checks(...rows) }).issues;
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
    const off = GOOD_ROWS.map((r) => (r.startsWith('ho-so-da-giai-quyet') ? 'ho-so-da-giai-quyet,ho-so-da-giai-quyet,tinh,,2024-Q3,67628,,hồ sơ,,II.2,toàn tỉnh tiếp nhận 67.628 hồ sơ,' : r));
    const { issues } = run({ [F]: csv(off), [C]: checks('ratio,ty-le-dung-han,ho-so-dung-han / ho-so-da-giai-quyet,') });
    const rates = issues.filter((i) => i.code === 'rate-mismatch');
    expect(rates).toHaveLength(1);
    expect(rates[0].file).toBe(C);
  });

  it.each([
    ['kind,figure,expression', undefined, 'csv-header', 'Thiếu: tolerance'],
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
