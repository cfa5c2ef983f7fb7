// Administrative units over time: the 2025 merger as dated data, historical pages, validation of
// unit lifetimes, a report of the new Quảng Ngãi province accepted with no code change (temp
// copy, not published), and series that never join a Kon Tum value with one of the new province.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { existsOn, formatDay, historicalNote, nextDay, periodDays } from '../../src/core/admin-units.ts';
import { FIGURE_COLUMNS } from '../../src/core/schema.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { figureRecord } from '../../src/publish/search-records.ts';
import { organizationName } from '../../src/core/labels.ts';
import { contentViolations } from '../fixtures/invariants.ts';
import { fixtureFiles } from '../fixtures/content.ts';
import { memoryReader } from '../../src/pipeline/load.ts';

const real = runPipeline(process.cwd());

describe('dates and periods', () => {
  it('formats and steps days, and spans periods', () => {
    expect(formatDay('2025-07-01')).toBe('1/7/2025');
    expect(nextDay('2025-06-30')).toBe('2025-07-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    expect(periodDays('2025-Q3')).toEqual({ start: '2025-07-01', end: '2025-09-30' });
    expect(periodDays('2024-H1')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(periodDays('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodDays('2023-09/2024-08')).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(periodDays('2025-03-14')).toEqual({ start: '2025-03-14', end: '2025-03-14' });
    expect(existsOn({ validTo: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(existsOn({ validTo: '2025-06-30' }, '2025-07-01')).toBe(false);
    expect(existsOn({ validFrom: '2025-07-01' }, '2025-06-30')).toBe(false);
  });
});

describe('the 2025 merger in data/', () => {
  const { organizations, events = [] } = real.site.content;
  const event = events.find((e) => e.legalBasis.some((b) => b.document.includes('202/2025/QH15')))!;

  it('is a dated event with its legal basis', () => {
    expect(event).toMatchObject({ kind: 'merger', effective: '2025-07-01' });
    expect(event.legalBasis[0]).toMatchObject({ issuer: 'Quốc hội', date: '2025-06-12' });
    expect(event.predecessors).toContain('tinh-kon-tum');
  });

  it('every unit of the published content is historical and says what it is now part of', () => {
    const used = new Set(real.site.content.reports.flatMap((r) => [r.meta.issuer, r.meta.scope, ...r.figures.map((f) => f.scope)]));
    for (const id of used) {
      const o = organizations.find((x) => x.id === id)!;
      const note = historicalNote(o, organizations, events)!;
      expect(note, id).not.toBeNull();
      expect(note.successor?.id).toBe(event.successors[0]);
    }
    const province = historicalNote(organizations.find((o) => o.id === 'tinh-kon-tum')!, organizations, events)!;
    expect(province.text).toBe('Đơn vị hành chính trước ngày 1/7/2025; nay thuộc tỉnh Quảng Ngãi');
    expect(province.event?.id).toBe(event.id);
    const dept = organizations.find((o) => o.kind === 'department')!;
    expect(historicalNote(dept, organizations, events)!.text).toBe('Cơ quan, tổ chức trước ngày 1/7/2025; nay thuộc tỉnh Quảng Ngãi');
    expect(historicalNote(organizations.find((o) => o.id === event.successors[0])!, organizations, events)).toBeNull();
  });

  it('search records keep the old names (filters and text)', () => {
    for (const f of real.site.figures.slice(0, 50)) {
      const name = organizationName(real.site, f.scope);
      expect(name).not.toContain('Quảng Ngãi');
      expect(figureRecord(real.site, f).filters.don_vi).toEqual([name]);
    }
  });
});

describe('validation of unit lifetimes', () => {
  const base = fixtureFiles();
  const orgs = JSON.parse(base['data/organizations.json']);
  const validate = (o: unknown[], extra: Record<string, string> = {}) => validateContent(loadContent(memoryReader({ ...base, 'data/organizations.json': JSON.stringify(o, null, 2), ...extra }))).issues.filter((i) => i.level === 'error');

  it('requires successors to exist, to start after the end, and predecessors to name it back', () => {
    expect(validate([{ ...orgs[0], validTo: '2025-06-30', successor: 'khong-co' }]).map((i) => i.message)).toEqual(['Tổ chức "tinh": đơn vị kế thừa "khong-co" không tồn tại.']);
    const bad = validate([{ ...orgs[0], successor: 'moi' }, { id: 'moi', kind: 'province', name: 'Mới', shortName: 'Mới', nameEn: 'New', validFrom: '2025-07-01', predecessors: ['tinh'] }]);
    expect(bad.map((i) => [i.column, i.line !== undefined])).toEqual([['validTo', true]]);
    const wrongDates = validate([{ ...orgs[0], validTo: '2025-07-01', successor: 'moi' }, { id: 'moi', kind: 'province', name: 'Mới', shortName: 'Mới', nameEn: 'New', validFrom: '2025-07-01', predecessors: ['tinh'] }]);
    expect(wrongDates[0].message).toMatch(/bắt đầu từ 2025-07-01/);
  });

  it('a figure about a unit that no longer existed in its period is an error naming file, line, column and the successor', () => {
    const o = [{ ...orgs[0], validTo: '2024-06-30', successor: 'moi' }, { id: 'moi', kind: 'province', name: 'Mới', shortName: 'Tỉnh Mới', nameEn: 'New', validFrom: '2024-07-01', predecessors: ['tinh'] }];
    const errors = validate(o);
    expect(errors.length).toBeGreaterThan(0);
    // The report itself (scope "tinh", 2024-Q3) is about the old unit too: its own error comes first.
    expect(errors[0]).toMatchObject({ code: 'unit-not-in-period', file: 'content/reports/bc-thu/report.json', column: 'scope' });
    const figure = errors.find((i) => i.file.endsWith('figures.csv'))!;
    expect(figure).toMatchObject({ code: 'unit-not-in-period', file: 'content/reports/bc-thu/figures.csv', line: 2, column: 'scope' });
    expect(figure.hint).toContain('"moi"');
  });
});

describe('a report of the new Quảng Ngãi province (temporary copy, not published content)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quang-ngai-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('data', join(dir, 'data'), { recursive: true });
  const id = 'quang-ngai-2025-q3';
  const folder = join(dir, 'content/reports', id);
  mkdirSync(join(folder, 'narrative'), { recursive: true });
  const source = 'BÁO CÁO\n\nII. KẾT QUẢ\n\nTrong quý III năm 2025, toàn tỉnh tiếp nhận 150.321 hồ sơ, trong đó trên địa bàn tỉnh Kon Tum cũ tiếp nhận 61.002 hồ sơ.\n';
  writeFileSync(join(folder, 'source.txt'), source);
  writeFileSync(join(folder, 'narrative', 'tong-quan.md'), 'Báo cáo thử nghiệm của tỉnh Quảng Ngãi mới.\n');
  writeFileSync(
    join(folder, 'report.json'),
    JSON.stringify({ id, kind: 'quarterly-report', title: 'Báo cáo CCHC quý III năm 2025 tỉnh Quảng Ngãi', issuer: 'tinh-quang-ngai', scope: 'tinh-quang-ngai', period: '2025-Q3', documentNumber: null, date: '2025-09-20', sourceFile: 'source.txt', summary: 'Báo cáo thử nghiệm.' }, null, 2),
  );
  const row = (values: Record<string, string>) => FIGURE_COLUMNS.all.map((c) => values[c] ?? '').map((v) => (/[",]/.test(v) ? `"${v}"` : v)).join(',');
  const rows = [
    row({ id: 'ho-so-tiep-nhan', indicator: 'ho-so-tiep-nhan', scope: 'tinh-quang-ngai', period: '2025-Q3', value: '150321', unit: 'hồ sơ', section: 'II', quote: 'toàn tỉnh tiếp nhận 150.321 hồ sơ' }),
    row({ id: 'ho-so-tiep-nhan-kon-tum-cu', indicator: 'ho-so-tiep-nhan', scope: 'tinh-quang-ngai', breakdown: 'dia-ban-tinh-kon-tum-cu', period: '2025-Q3', value: '61002', unit: 'hồ sơ', section: 'II', quote: 'trên địa bàn tỉnh Kon Tum cũ tiếp nhận 61.002 hồ sơ' }),
  ];
  writeFileSync(join(folder, 'figures.csv'), `${FIGURE_COLUMNS.all.join(',')}\n${rows.join('\n')}\n`);
  const plus = runPipeline(dir);

  it('is accepted with no code change and keeps every invariant', () => {
    expect(plus.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(contentViolations(plus.site, [])).toEqual([]);
    expect(plus.site.reportsById.get(id)!.figures).toHaveLength(2);
  });

  it('its figures form new series: never joined with a Kon Tum value, even for the former Kon Tum area', () => {
    const series = plus.site.series.filter((s) => s.indicator === 'ho-so-tiep-nhan');
    for (const s of series) {
      const scopes = new Set(s.points.map((p) => p.figure.scope));
      expect(scopes.size, s.key).toBe(1);
    }
    const mine = series.filter((s) => s.points.some((p) => p.figure.reportId === id));
    expect(mine).toHaveLength(2);
    for (const s of mine) expect(s.points.every((p) => p.figure.reportId === id), s.key).toBe(true);
  });

  it('putting the new report\'s figure on the old province is an error, not a silent join', () => {
    const csv = join(folder, 'figures.csv');
    const good = readFileSync(csv, 'utf8');
    writeFileSync(csv, good.replace('ho-so-tiep-nhan,ho-so-tiep-nhan,tinh-quang-ngai', 'ho-so-tiep-nhan,ho-so-tiep-nhan,tinh-kon-tum'));
    try {
      const errors = runPipeline(dir).issues.filter((i) => i.level === 'error');
      expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([['unit-not-in-period', 2, 'scope']]);
      expect(errors[0].hint).toContain('tinh-quang-ngai');
    } finally {
      writeFileSync(csv, good);
    }
  });
});
