import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/core/period.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import type { Site } from '../../src/pipeline/derive.ts';
import type { Figure, Series } from '../../src/core/model.ts';
import type { Report } from '../../src/core/schema.ts';
import {
  areaNarratives,
  chartMode,
  chartSourceLine,
  splitSeries,
  derivationFormula,
  indicatorCitation,
  indicatorDownloads,
  indicatorFigureRows,
  indicatorSeries,
  indicatorSummary,
  indicatorsByArea,
  organizationFigures,
  organizationReports,
  organizationsWithPages,
  periodTicks,
  primarySeries,
  seriesBarRows,
  seriesChartPoints,
  seriesLabel,
  seriesTable,
  shortPeriod,
  crossScopeBars,
  gapNote,
} from '../../src/view/indicator-page.ts';
import { figureWhen } from '../../src/core/labels.ts';
import { lineChart, stripMarkAria } from '../../src/view/charts/index.ts';
import { formatBytes } from '../../src/view/dataset-catalog.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { absentCarriedFields } from '../../src/core/schema.ts';
import { sectionPhrase } from '../../src/core/text.ts';

// ——— small hand-made cases ———

const report = (id: string, period: string): Report => ({ id, kind: 'quarterly-report', title: `Báo cáo ${id}`, issuer: 'tinh', scope: 'tinh', period, documentNumber: null, date: null, sourceFile: 'source.txt', summary: 's' });
const fig = (reportId: string, id: string, period: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  key: `${reportId}/${id}`, reportId, id, indicator: 'x', scope: 'tinh', breakdown: null, period, basis: 'flow', status: 'actual', value, denominator: null, unit: '%', comparator: null, section: 'II.1', quote: 'q', ...absentCarriedFields, line: 2, location: { start: 0, end: 1 } as Figure['location'], ...extra,
});
const miniOrganizations = [{ id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'P' }, { id: 'huyen', kind: 'district', name: 'UBND huyện', shortName: 'Huyện', nameEn: 'D' }];
const miniBreakdowns = [{ id: 'cap-xa', label: 'Cấp xã', labelEn: 'Commune' }];
const mini = {
  content: { organizations: miniOrganizations, breakdowns: miniBreakdowns },
  organizationsById: new Map(miniOrganizations.map((o) => [o.id, o])),
  breakdownsById: new Map(miniBreakdowns.map((b) => [b.id, b])),
} as unknown as Site;
const series = (scope: string, breakdown: string | null, points: [string, number][]): Series => ({
  key: `x|${scope}|${breakdown ?? ''}`, indicator: 'x', scope, breakdown, basis: 'flow', status: 'actual', shape: 'quarter', gaps: [],
  points: points.map(([period, value], i) => ({ figure: fig(`r${i}`, `f-${scope}-${i}`, period, value, { scope, breakdown }), report: report(`r${i}`, period) })),
});

describe('comparability in charts and tables (small cases)', () => {
  const gapped: Series = { ...series('tinh', null, [['2024-Q3', 35.26], ['2025-Q1', 31.04]]), gaps: ['2024-Q4'] };

  it('a missing period breaks the line (NaN point) and is named in the note and the table', () => {
    const pts = seriesChartPoints(mini, [gapped]);
    expect(pts.map((p) => [p.date.toISOString().slice(0, 10), Number.isNaN(p.value)])).toEqual([
      ['2024-09-30', false],
      ['2024-12-31', true],
      ['2025-03-31', false],
    ]);
    expect(gapNote(mini, [gapped])).toBe('Không có số liệu quý IV/2024 (Tỉnh): đường biểu đồ bị ngắt ở kỳ đó.');
    expect(gapNote(mini, [series('tinh', null, [['2024-Q3', 1]])])).toBeNull();
    expect(seriesTable(mini, [gapped], '%').rows).toEqual([
      ['quý III/2024', '35,26%'],
      ['quý IV/2024', 'không có số liệu'],
      ['quý I/2025', '31,04%'],
    ]);
    // The rendered line has two separate segments, and the gap is marked.
    const svg = lineChart(pts, { ariaLabel: 'x' });
    expect(svg.match(/<path d="M[^"]*"[^>]*marker-start/)![0].match(/M/g)).toHaveLength(2);
    expect(svg).toContain('chart-gap');
  });

  it('series of another basis, status or period length are labelled as such when shown together', () => {
    const cumulative: Series = { ...series('tinh', null, [['2024-01/2024-09', 9]]), basis: 'cumulative', shape: 'interval:year-to-date:9' };
    expect(seriesLabel(mini, cumulative, [gapped, cumulative])).toBe('Tỉnh (lũy kế, 9 tháng đầu năm)');
    expect(seriesLabel(mini, gapped, [gapped, cumulative])).toBe('Tỉnh (trong kỳ, theo quý)');
    expect(seriesLabel(mini, gapped, [gapped])).toBe('Tỉnh');
  });

  it('a cross-scope comparison draws the most shared period and lists the others', () => {
    const a = series('tinh', null, [['2025-Q1', 1]]);
    const b = series('huyen', null, [['2025-Q1', 2]]);
    const old = series('huyen', 'cap-xa', [['2023-H1', 3]]);
    const cross = crossScopeBars([old, a, b]);
    expect(cross.when).toBe('quý I/2025');
    expect(cross.drawn).toEqual([a, b]);
    expect(cross.listed).toEqual([old]);
    expect(crossScopeBars([])).toEqual({ when: null, drawn: [], listed: [] });
  });

  it.each([
    [{ period: '2024-Q3', basis: 'flow', status: 'actual' }, 'quý III/2024'],
    [{ period: '2024-01/2024-09', basis: 'cumulative', status: 'actual' }, 'lũy kế 9 tháng đầu năm 2024'],
    [{ period: '2025-01-01/2025-03-14', basis: 'cumulative', status: 'estimate' }, 'ước, lũy kế từ 1/1/2025 đến 14/3/2025'],
    [{ period: '2025-03-14', basis: 'stock', status: 'actual' }, 'tính đến 14/3/2025'],
    [{ period: '2024-Q3', basis: 'stock', status: 'actual' }, 'tính đến kỳ báo cáo quý III/2024'],
    [{ period: '2025', basis: 'flow', status: 'target' }, 'kế hoạch, năm 2025'],
    [{ period: '2024', basis: 'stock', status: 'target' }, 'kế hoạch, đến cuối năm 2024'],
    // A level for a whole year (a staffing quota "được giao năm 2023"), not a reading at the end of a reporting period.
    [{ period: '2023', basis: 'stock', status: 'actual' }, 'năm 2023'],
    [{ period: '2025', basis: 'stock', status: 'estimate' }, 'ước, năm 2025'],
    [{ period: '2024-Q4', basis: 'flow', status: 'planned' }, 'dự kiến, quý IV/2024'],
    [{ period: '2023-09/2024-08', basis: 'flow', status: 'actual' }, 'năm học 2023–2024'],
  ] as const)('figureWhen(%j) = %s', (f, text) => {
    expect(figureWhen(f)).toBe(text);
  });
});

describe('chart data steps (small cases)', () => {
  it.each([
    { name: 'no series', input: [] as Series[], mode: 'none' },
    { name: 'single points only', input: [series('tinh', null, [['2024-Q3', 1]]), series('huyen', null, [['2024-Q3', 2]])], mode: 'bar' },
    { name: 'one series with two points', input: [series('tinh', null, [['2024-Q3', 1], ['2025-Q1', 2]]), series('huyen', null, [['2024-Q3', 2]])], mode: 'line' },
  ])('chartMode: $name → $mode', ({ input, mode }) => {
    expect(chartMode(input)).toBe(mode);
  });

  it('splitSeries: two-period series are lines, one-period series bars, order kept', () => {
    const a = series('tinh', null, [['2024-Q3', 1], ['2025-Q1', 2]]);
    const b = series('tinh', 'cap-xa', [['2025-Q1', 3]]);
    const c = series('huyen', null, [['2024-Q3', 2], ['2025-Q1', 4]]);
    expect(splitSeries([a, b, c])).toEqual({ lines: [a, c], bars: [b] });
    expect(splitSeries([b])).toEqual({ lines: [], bars: [b] });
    expect(splitSeries([])).toEqual({ lines: [], bars: [] });
  });

  it('chartSourceLine names each report of the charted points once', () => {
    const a = series('tinh', null, [['2024-Q3', 1], ['2025-Q1', 2]]);
    const b = series('huyen', null, [['2024-Q3', 2]]);
    expect(chartSourceLine([a, b])).toBe('Nguồn: Báo cáo r0; Báo cáo r1.');
    expect(chartSourceLine([b])).toBe('Nguồn: Báo cáo r0.');
  });

  it('labels a series by scope short name and breakdown', () => {
    expect(seriesLabel(mini, { scope: 'tinh', breakdown: null })).toBe('Tỉnh');
    expect(seriesLabel(mini, { scope: 'huyen', breakdown: 'cap-xa' })).toBe('Huyện — Cấp xã');
  });

  it('turns series into dated, labelled line points at the end of each period', () => {
    const pts = seriesChartPoints(mini, [series('tinh', null, [['2024-Q3', 35.26], ['2025-Q1', 31.04]])]);
    expect(pts.map((p) => [p.date.toISOString().slice(0, 10), p.value, p.series, p.text])).toEqual([
      ['2024-09-30', 35.26, 'Tỉnh', '35,26%'],
      ['2025-03-31', 31.04, 'Tỉnh', '31,04%'],
    ]);
  });

  it('builds one bar per series in bar mode, with the period in the label', () => {
    const rows = seriesBarRows(mini, [series('tinh', null, [['2024', 5]]), series('huyen', 'cap-xa', [['2023-H1', 7]])], '#123456');
    expect(rows).toEqual([
      { label: 'Tỉnh (năm 2024)', value: 5, text: '5%', color: '#123456' },
      { label: 'Huyện — Cấp xã (6 tháng đầu năm 2023)', value: 7, text: '7%', color: '#123456' },
    ]);
  });

  it('makes a wide table: one row per period (oldest first), one column per series, dash when missing', () => {
    const t = seriesTable(mini, [series('tinh', null, [['2024-Q3', 1], ['2025-Q1', 2]]), series('huyen', null, [['2024-Q3', 3.5]])], '%');
    expect(t.columns).toEqual(['Kỳ', 'Tỉnh (%)', 'Huyện (%)']);
    expect(t.rows).toEqual([
      ['quý III/2024', '1%', '3,5%'],
      ['quý I/2025', '2%', '—'],
    ]);
  });

  it.each([
    ['2024-Q3', 'Q3/2024'],
    ['2023-H1', 'H1/2023'],
    ['2024', '2024'],
    ['2024-08', 'T8/2024'],
    ['2024-09-10', '10/9/2024'],
    ['2024-01/2024-09', '9T/2024'],
    ['2023-07/2024-06', 'T7/2023–T6/2024'],
  ])('shortPeriod(%s) = %s', (p, label) => {
    expect(shortPeriod(p)).toBe(label);
  });

  it('gives periods that end the same day one shared tick', () => {
    const ticks = periodTicks([series('tinh', null, [['2024-Q4', 1], ['2024', 2]]), series('huyen', null, [['2025-Q1', 3]])]);
    expect(ticks.map((t) => [t.date.toISOString().slice(0, 10), t.label])).toEqual([
      ['2024-12-31', '2024 · Q4/2024'],
      ['2025-03-31', 'Q1/2025'],
    ]);
  });

  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [3456, '3,5 kB'],
    [2_500_000, '2,5 MB'],
  ])('formatBytes(%i) = %s', (n, s) => {
    expect(formatBytes(n)).toBe(s);
  });

  it('drops Plot mark-group aria attributes but keeps the svg label', () => {
    const svg = '<svg aria-label="Biểu đồ"><g aria-label="line" stroke="red"><path/></g><g fill="x" aria-description="d" aria-label="dot"></g></svg>';
    expect(stripMarkAria(svg)).toBe('<svg aria-label="Biểu đồ"><g stroke="red"><path/></g><g fill="x"></g></svg>');
  });

  it('every rendered chart comes out without mark-group aria labels', () => {
    const svg = lineChart([{ date: new Date('2024-09-30'), value: 1, series: 'a', text: '1' }, { date: new Date('2025-03-31'), value: 2, series: 'a', text: '2' }], { ariaLabel: 'x' });
    expect(svg).not.toMatch(/<g\b[^>]*aria-label/);
  });
});

// ——— the real content ———

const { site, issues } = runPipeline(process.cwd());

describe('indicator pages on the real content', () => {
  it('loads without errors', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('ty-le-ho-so-truc-tuyen has a province line: oldest first, from quarterly reports', () => {
    const s = indicatorSeries(site, 'ty-le-ho-so-truc-tuyen');
    expect(chartMode(s)).toBe('line');
    const main = primarySeries(site, 'ty-le-ho-so-truc-tuyen')!;
    expect(main.scope).toBe('tinh-kon-tum');
    expect(main.breakdown).toBeNull();
    const pts = seriesChartPoints(site, [main]);
    expect(pts.length).toBeGreaterThanOrEqual(2);
    expect(pts.find((p) => p.value === 35.26)?.text).toBe('35,26%');
    const dates = pts.map((p) => p.date.getTime());
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
  });

  it('lists every figure of the indicator, with links to the report anchor and the quote, targets marked', () => {
    const rows = indicatorFigureRows(site, 'ty-le-ho-so-truc-tuyen');
    expect(rows.length).toBe(site.figures.filter((f) => f.indicator === 'ty-le-ho-so-truc-tuyen').length);
    const q3 = rows.find((r) => r.figure.value === 35.26)!;
    expect(q3.figureHref).toBe(`/bao-cao/${q3.figure.reportId}/#so-lieu-${q3.figure.id}`);
    expect(q3.quoteHref).toBe(`/bao-cao/${q3.figure.reportId}/van-ban/#trich-dan-${q3.figure.id}`);
    expect(q3.figure.quote).toContain('35,26');
    expect(q3.target).toBe(false);
    // Newest period first.
    for (let i = 1; i < rows.length; i++) expect(comparePeriods(rows[i - 1].figure.period, rows[i].figure.period)).toBeGreaterThanOrEqual(0);
    // Plan (annual-plan) figures are marked as targets.
    const plan = site.figures.filter((f) => site.reportsById.get(f.reportId)!.meta.kind === 'annual-plan');
    expect(plan.length).toBeGreaterThan(0);
    const planRows = plan.flatMap((f) => indicatorFigureRows(site, f.indicator).filter((r) => r.key === f.key));
    expect(planRows.every((r) => r.target)).toBe(true);
  });

  it('shows the ratio formula with indicator labels', () => {
    const f = derivationFormula(site, site.indicatorsById.get('ty-le-ho-so-truc-tuyen')!)!;
    expect(f.refs.map((r) => r.id)).toEqual(['ho-so-truc-tuyen', 'ho-so-tiep-nhan']);
    expect(f.text).toContain('× 100');
    expect(f.text).not.toContain('ho-so-truc-tuyen');
  });

  it('offers the exported CSV with its exact size (a slice of observations: no JSON copy)', () => {
    const d = indicatorDownloads(site, 'ty-le-ho-so-truc-tuyen');
    const files = new Map(exportFiles(site).map((f) => [f.path, f.content]));
    expect(d.map((x) => x.href)).toEqual(['/data/chi-so/ty-le-ho-so-truc-tuyen.csv']);
    expect(d[0].bytes).toBe(Buffer.byteLength(files.get('data/chi-so/ty-le-ho-so-truc-tuyen.csv')!));
  });

  it('cites the portal page and the printed source of the latest figure', () => {
    const ind = site.indicatorsById.get('ty-le-ho-so-truc-tuyen')!;
    const s = indicatorSummary(site, ind);
    const text = indicatorCitation(site, ind, s.latest);
    expect(text).toContain('/chi-so/ty-le-ho-so-truc-tuyen/');
    expect(text).toContain(sectionPhrase(s.latest!.section));
  });

  it('groups all indicators by the seven areas, in order; sparklines only with two or more points', () => {
    const groups = indicatorsByArea(site);
    expect(groups.map((g) => g.area.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(groups.reduce((n, g) => n + g.indicators.length, 0)).toBe(site.content.indicators.length);
    for (const g of groups) {
      for (const s of g.indicators) {
        expect(s.indicator.area).toBe(g.area.id);
        const main = primarySeries(site, s.indicator.id);
        expect(s.spark === null).toBe(!main || main.points.length < 2);
        if (s.figureCount === 0) expect(s.latest).toBeNull();
      }
    }
    expect(groups.some((g) => g.indicators.some((s) => s.spark))).toBe(true);
  });

  it('collects each report narrative for an area with a link to the report section', () => {
    const n = areaNarratives(site, 'thu-tuc-hanh-chinh');
    expect(n.length).toBeGreaterThanOrEqual(3);
    for (const x of n) expect(x.href).toBe(`/bao-cao/${x.report.id}/#thu-tuc-hanh-chinh`);
  });

  it('gives pages to organizations that issue or are the scope of a report or figure, and groups their latest figures by area', () => {
    const ids = organizationsWithPages(site);
    for (const r of site.content.reports) {
      expect(ids.has(r.meta.issuer)).toBe(true);
      expect(ids.has(r.meta.scope)).toBe(true);
    }
    for (const f of site.figures) expect(ids.has(f.scope)).toBe(true);
    expect(ids.size).toBeLessThan(site.content.organizations.length);
    const groups = organizationFigures(site, 'tinh-kon-tum');
    expect(groups.length).toBeGreaterThan(3);
    const online = groups.flatMap((g) => g.figures).find((x) => x.indicator.id === 'ty-le-ho-so-truc-tuyen' && x.breakdown === '')!;
    expect(online.target).toBe(false);
    expect(online.latest.key).toBe(primarySeries(site, 'ty-le-ho-so-truc-tuyen')!.points.at(-1)!.figure.key);
    const reports = organizationReports(site, 'tinh-kon-tum');
    expect(reports.issued.length + reports.about.length).toBeGreaterThan(0);
  });
});
