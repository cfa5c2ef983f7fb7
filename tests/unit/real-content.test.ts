// The real curated content holds every invariant (whatever reports exist), and still does
// after a new quarterly report is added: proven on a temporary copy with a synthetic report.
// Specific values of today's content live in golden-content.test.ts only.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentViolations, violationsAt } from '../fixtures/invariants.ts';
import { goldenMismatches } from '../fixtures/golden.ts';
import { FIGURE_COLUMNS } from '../../src/core/schema.ts';
import { existsOn, periodDays } from '../../src/core/admin-units.ts';

const real = violationsAt(process.cwd());

describe('real content: invariants', () => {
  it('holds every invariant', () => {
    expect(real.violations).toEqual([]);
  });

  it('the invariants can fail (a figure whose quote lost its value is caught)', () => {
    const { site } = real;
    const f = site.figures[0];
    const broken = { ...site, figures: [{ ...f, value: f.value + 0.123 }, ...site.figures.slice(1)] };
    expect(contentViolations(broken, []).join('\n')).toContain(`${f.key}: giá trị không có trong trích dẫn`);
  });
});

describe('real content plus a synthetic next quarterly report (temporary copy, never content/)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-plus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('data', join(dir, 'data'), { recursive: true });
  const base = real.site;
  // The newest report whose scope is a province: the synthetic one continues its series.
  const previous = [...base.content.reports].filter((r) => r.meta.kind === 'quarterly-report').sort((a, b) => a.meta.period.localeCompare(b.meta.period)).at(-1)!;
  const id = 'bao-cao-thu-nghiem-ky-tiep';
  // The quarter after the newest one; after a merger the report comes from the successor unit.
  const [y, q] = previous.meta.period.split('-Q').map(Number);
  const period = q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  const orgs = base.content.organizations;
  const unitIn = (id: string) => {
    let o = orgs.find((x) => x.id === id)!;
    while (!existsOn(o, periodDays(period).start) && o.successor) o = orgs.find((x) => x.id === o.successor)!;
    return o.id;
  };
  const source = 'BÁO CÁO THỬ NGHIỆM\n\nII. KẾT QUẢ\n\nTrong kỳ, toàn tỉnh tiếp nhận 12.345 hồ sơ; tỷ lệ hồ sơ trực tuyến đạt 41,5%.\n';
  const figureOf = (indicator: string) => previous.figures.find((f) => f.indicator === indicator && f.breakdown === null)!;
  const a = figureOf('ho-so-tiep-nhan');
  const b = figureOf('ty-le-ho-so-truc-tuyen');
  const row = (fid: string, f: typeof a, value: string, quote: string) =>
    FIGURE_COLUMNS.all.map((c) => ({ id: fid, indicator: f.indicator, scope: unitIn(f.scope), breakdown: '', period, value, denominator: '', unit: f.unit, comparator: '', section: 'II', quote, note: '' })[c] ?? '').map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  mkdirSync(join(dir, 'content/reports', id, 'narrative'), { recursive: true });
  writeFileSync(join(dir, 'content/reports', id, 'report.json'), JSON.stringify({ ...previous.meta, id, period, issuer: unitIn(previous.meta.issuer), scope: unitIn(previous.meta.scope), title: 'Báo cáo thử nghiệm kỳ tiếp theo', documentNumber: null, date: null }, null, 2));
  writeFileSync(join(dir, 'content/reports', id, 'source.txt'), source);
  writeFileSync(join(dir, 'content/reports', id, 'narrative', 'tong-quan.md'), 'Báo cáo thử nghiệm.\n');
  writeFileSync(
    join(dir, 'content/reports', id, 'figures.csv'),
    `${FIGURE_COLUMNS.all.join(',')}\n${row('ho-so-tiep-nhan', a, '12345', 'toàn tỉnh tiếp nhận 12.345 hồ sơ')}\n${row('ty-le-ho-so-truc-tuyen', b, '41.5', 'tỷ lệ hồ sơ trực tuyến đạt 41,5%')}\n`,
  );

  const plus = violationsAt(dir);

  it('still holds every invariant, and the golden test of published reports still passes', () => {
    expect(plus.violations).toEqual([]);
    expect(goldenMismatches(plus.site)).toEqual([]);
  });

  it('extends the series of the previous report (or of its successor unit) instead of starting a new one', () => {
    const { site } = plus;
    const series = site.series.find((s) => s.indicator === b.indicator && s.scope === unitIn(b.scope) && s.breakdown === null)!;
    expect(series.points.at(-1)!.figure.key).toBe(`${id}/ty-le-ho-so-truc-tuyen`);
    if (unitIn(b.scope) === b.scope) expect(series.points.map((p) => p.figure.key)).toContain(b.key);
    else expect(series.points).toHaveLength(1); // a new unit starts a new series
  });
});
