// Data steps for the indicator, reform-area and organization pages. Pure
// functions of the derived Site: pages only lay out what these return.
import { groupBy } from '../core/group.ts';
import { isTarget, seriesKey, type Site, type TargetStatus } from '../pipeline/derive.ts';
import { comparePeriods, periodRange, periodLabel, periodShortLabel } from '../core/period.ts';
import type { Area, Indicator, Organization, Report } from '../core/schema.ts';
import { byId, type Figure, type Series } from '../core/model.ts';
import type { BarRow, LinePoint } from './charts/index.ts';
import { formatFigure, formatNumber } from '../core/format.ts';
import { basisLabel, breakdownLabel, citation, figureWhen, organizationName, statusLabel } from '../core/labels.ts';
import { absolute, urls } from '../core/urls.ts';
import { byteSize, exportFiles } from '../publish/export.ts';
import { exportSizes } from './dataset-catalog.ts';
import { PUBLISHER } from '../publish/datasets.ts';
import { compareKeys, compareVi } from '../core/text.ts';

const DEFAULT_COLOR = '#0b4f8a';

export function areaColor(site: Site, areaId: string): string {
  return site.areasById.get(areaId)?.color ?? DEFAULT_COLOR;
}

/** How often a series' points come, in words: "theo quý", "9 tháng đầu năm", "theo năm học". */
export function shapeLabel(shape: string): string {
  const [kind, sub, length] = shape.split(':');
  const simple: Record<string, string> = { year: 'theo năm', half: 'theo 6 tháng', quarter: 'theo quý', month: 'theo tháng', day: 'theo ngày' };
  if (kind !== 'interval') return simple[kind] ?? shape;
  if (sub === 'school-year') return 'theo năm học';
  if (sub === 'phase') return `theo giai đoạn ${Number(length) / 12} năm`;
  if (sub === 'year-to-date') return /^\d+$/.test(length) ? `${length} tháng đầu năm` : `từ đầu năm đến ngày ${length.split('-').map(Number).reverse().join('/')}`;
  return /^\d+$/.test(length) ? `${length} tháng` : `${length.replace('d', '')} ngày`;
}

/**
 * "Tỉnh Kon Tum", "Tỉnh Kon Tum — Cấp huyện"; when `siblings` (the series shown together)
 * differ in basis, status or period length, the label says which: "Tỉnh Kon Tum (lũy kế, 9 tháng đầu năm)".
 */
export function seriesLabel(site: Site, s: Pick<Series, 'scope' | 'breakdown'> & Partial<Pick<Series, 'basis' | 'status' | 'shape'>>, siblings: Pick<Series, 'basis' | 'status' | 'shape'>[] = []): string {
  const b = breakdownLabel(site, s.breakdown);
  const differs = (k: 'basis' | 'status' | 'shape') => s[k] !== undefined && new Set(siblings.map((x) => x[k])).size > 1;
  const qualifiers = [
    differs('basis') ? basisLabel[s.basis!] : null,
    differs('status') ? statusLabel[s.status!] : null,
    differs('shape') ? shapeLabel(s.shape!) : null,
  ].filter((q): q is string => q !== null);
  return `${organizationName(site, s.scope)}${b ? ` — ${b}` : ''}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`;
}

/** The measured series of one indicator (plan targets excluded), main series first. */
export function indicatorSeries(site: Site, indicatorId: string): Series[] {
  return [...(site.seriesByIndicator.get(indicatorId) ?? [])].sort(compareSeriesImportance);
}

/** Longer series first; then totals before breakdowns; then the province before other scopes. */
function compareSeriesImportance(a: Series, b: Series): number {
  return (
    b.points.length - a.points.length ||
    Number(a.breakdown !== null) - Number(b.breakdown !== null) ||
    Number(a.scope !== 'tinh-kon-tum') - Number(b.scope !== 'tinh-kon-tum') ||
    compareKeys(a.key, b.key)
  );
}

/** The series an overview shows for an indicator (sparkline, latest value), or null when only plan targets exist. */
export function primarySeries(site: Site, indicatorId: string): Series | null {
  return indicatorSeries(site, indicatorId)[0] ?? null;
}

/** Date of the end of a period, for placing it on a time axis. */
export function periodDate(period: string): Date {
  return new Date(`${periodRange(period).end}T00:00:00Z`);
}

/**
 * Points for `lineChart`: one per measured figure, labelled by series, plus a NaN point
 * at each missing period, so the line breaks there (a gap is drawn, never bridged).
 */
export function seriesChartPoints(site: Site, series: Series[]): LinePoint[] {
  return series.flatMap((s) => {
    const label = seriesLabel(site, s, series);
    const points: LinePoint[] = s.points.map((p) => ({ date: periodDate(p.figure.period), value: p.figure.value, series: label, text: formatFigure(p.figure) }));
    const gaps: LinePoint[] = s.gaps.map((g) => ({ date: periodDate(g), value: Number.NaN, series: label, text: '' }));
    return [...points, ...gaps].sort((a, b) => a.date.getTime() - b.date.getTime());
  });
}

/** "Không có số liệu quý IV/2024 (Tỉnh Kon Tum): đường biểu đồ bị ngắt ở kỳ đó.", or null when no series has a gap. */
export function gapNote(site: Site, series: Series[]): string | null {
  const parts = series.filter((s) => s.gaps.length > 0).map((s) => `${s.gaps.map(periodLabel).join(', ')} (${seriesLabel(site, s, series)})`);
  return parts.length ? `Không có số liệu ${parts.join('; ')}: đường biểu đồ bị ngắt ở kỳ đó.` : null;
}

export type ChartMode = 'line' | 'bar' | 'none';


/**
 * Which series go on which chart: series with two or more periods as lines; the
 * single-period ones (a breakdown printed once, a scope reported once) as bars beside
 * them, so a dozen one-point "lines" never crowd the time series.
 */
export function splitSeries(series: Series[]): { lines: Series[]; bars: Series[] } {
  return { lines: series.filter((s) => s.points.length >= 2), bars: series.filter((s) => s.points.length < 2) };
}

/** "Nguồn: …" for a chart: the reports its points come from, each once, in first-seen order. */
export function chartSourceLine(series: Series[]): string {
  const titles = [...new Set(series.flatMap((s) => s.points.map((p) => p.report.title)))];
  return `Nguồn: ${titles.join('; ')}.`;
}

/** A time series needs two points somewhere; otherwise single values are compared as bars only. */
export function chartMode(series: Series[]): ChartMode {
  if (series.length === 0) return 'none';
  return splitSeries(series).lines.length > 0 ? 'line' : 'bar';
}

/** Bars, one per scope/breakdown series (each has a single point in bar mode). */
export function seriesBarRows(site: Site, series: Series[], color: string): BarRow[] {
  return series.flatMap((s) =>
    s.points.map((p) => ({ label: `${seriesLabel(site, s)} (${figureWhen(p.figure)})`, value: p.figure.value, text: formatFigure(p.figure), color })),
  );
}

export interface CrossScopeBars {
  /** The one period (with basis and status) every drawn bar shares: "quý I/2025". */
  when: string | null;
  drawn: Series[];
  /** Series of other periods, bases or statuses: listed, not drawn. */
  listed: Series[];
}

/**
 * A comparison across scopes uses one common period: the (period, basis, status) most
 * single-point series share (ties: the latest period). The others are listed, not drawn.
 */
export function crossScopeBars(series: Series[]): CrossScopeBars {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    const f = s.points[0]?.figure;
    if (!f) continue;
    const key = `${f.period}|${f.basis}|${f.status}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length || comparePeriods(b[0].points[0].figure.period, a[0].points[0].figure.period))[0];
  if (!best) return { when: null, drawn: [], listed: [] };
  return { when: figureWhen(best[0].points[0].figure), drawn: best, listed: series.filter((s) => !best.includes(s)) };
}

/** Bars of series that all share one period: labelled by scope and breakdown only (the period is in the title). */
export function commonPeriodBarRows(site: Site, series: Series[], color: string): BarRow[] {
  return series.map((s) => ({ label: seriesLabel(site, s), value: s.points[0].figure.value, text: formatFigure(s.points[0].figure), color }));
}

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** The chart's data as a table: one row per period (oldest first), one column per series; a missing period says so. */
export function seriesTable(site: Site, series: Series[], unit: string): ChartTable {
  const periods = [...new Set(series.flatMap((s) => [...s.points.map((p) => p.figure.period), ...s.gaps]))].sort(comparePeriods);
  return {
    columns: ['Kỳ', ...series.map((s) => `${seriesLabel(site, s, series)} (${unit})`)],
    rows: periods.map((period) => [
      periodLabel(period),
      ...series.map((s) => {
        const p = s.points.find((q) => q.figure.period === period);
        return p ? formatFigure(p.figure) : s.gaps.includes(period) ? 'không có số liệu' : '—';
      }),
    ]),
  };
}

/** One sentence for screen readers: every series with its values in order, and its gaps. */
export function seriesSummary(site: Site, indicator: Indicator, series: Series[]): string {
  if (series.length === 0) return `Chưa có số liệu thực hiện của chỉ số ${indicator.label}.`;
  const parts = series.map(
    (s) =>
      `${seriesLabel(site, s, series)}: ${s.points.map((p) => `${figureWhen(p.figure)} ${formatFigure(p.figure)}`).join(', ')}${s.gaps.length ? ` (không có số liệu ${s.gaps.map(periodLabel).join(', ')})` : ''}`,
  );
  return `${indicator.label}. ${parts.join('; ')}.`;
}

export interface FigureRow {
  key: string;
  figure: Figure;
  report: Report;
  target: boolean;
  value: string;
  period: string;
  scope: string;
  breakdown: string;
  figureHref: string;
  quoteHref: string;
  qualityNotes: string[];
}

/** Every figure of an indicator across reports (targets included, marked), newest period first. */
export function indicatorFigureRows(site: Site, indicatorId: string): FigureRow[] {
  return (site.figuresByIndicator.get(indicatorId) ?? [])
    .map((f) => {
      const report = byId(site.reportsById, f.reportId, 'báo cáo').meta;
      return {
        key: f.key,
        figure: f,
        report,
        target: isTarget(f, report),
        value: formatFigure(f),
        period: figureWhen(f),
        scope: organizationName(site, f.scope),
        breakdown: breakdownLabel(site, f.breakdown),
        figureHref: urls.figure(f.reportId, f.id),
        quoteHref: urls.quote(f.reportId, f.id),
        qualityNotes: site.qualityNotes.get(f.key) ?? [],
      };
    })
    .sort((a, b) => comparePeriods(b.figure.period, a.figure.period) || compareKeys(a.key, b.key));
}

export function indicatorTargets(site: Site, indicatorId: string): TargetStatus[] {
  return [...(site.targetsByIndicator.get(indicatorId) ?? [])];
}

export interface IndicatorSummary {
  indicator: Indicator;
  figureCount: number;
  /** Latest measured figure of the main series, or the latest plan target when nothing was measured. */
  latest: Figure | null;
  latestIsTarget: boolean;
  /** Sparkline points when the main series has at least two. */
  spark: LinePoint[] | null;
}

/** Points of an overview sparkline (indicator list, area page): the latest ones. */
export const SPARK_POINTS = 8;

/** A series cut to its latest `n` points, keeping only the gaps after the first of them. */
export function recentPoints(s: Series, n: number): Series {
  if (s.points.length <= n) return s;
  const points = s.points.slice(-n);
  const first = points[0].figure.period;
  return { ...s, points, gaps: s.gaps.filter((g) => comparePeriods(g, first) > 0) };
}

export function indicatorSummary(site: Site, indicator: Indicator): IndicatorSummary {
  const figures = site.figuresByIndicator.get(indicator.id) ?? [];
  const main = primarySeries(site, indicator.id);
  let latest: Figure | null = main?.points.at(-1)?.figure ?? null;
  let latestIsTarget = false;
  if (!latest && figures.length > 0) {
    latest = [...figures].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)!;
    latestIsTarget = true;
  }
  // The latest points only: overview pages list every indicator and must not grow with the archive.
  const spark = main && main.points.length >= 2 ? seriesChartPoints(site, [recentPoints(main, SPARK_POINTS)]) : null;
  return { indicator, figureCount: figures.length, latest, latestIsTarget, spark };
}

export interface AreaGroup {
  area: Area;
  indicators: IndicatorSummary[];
}

/** Indicators grouped by reform area, in the areas' order and the catalogue's order within. */
export function indicatorsByArea(site: Site): AreaGroup[] {
  return [...site.content.areas]
    .sort((a, b) => a.order - b.order)
    .map((area) => ({ area, indicators: site.content.indicators.filter((i) => i.area === area.id).map((i) => indicatorSummary(site, i)) }));
}

export interface FormulaRef {
  id: string;
  label: string;
}

/** How the indicator follows from others, with labels instead of ids; null when it is measured directly. */
export function derivationFormula(site: Site, indicator: Indicator): { text: string; refs: FormulaRef[] } | null {
  const d = indicator.derivation;
  if (!d) return null;
  const ref = (id: string): FormulaRef => ({ id, label: site.indicatorsById.get(id)?.label ?? id });
  if (d.kind === 'ratio') {
    const [n, m] = [ref(d.numerator), ref(d.denominator)];
    return { text: `${n.label} / ${m.label} × 100`, refs: [n, m] };
  }
  if (d.kind === 'fraction') {
    const of = ref(d.of);
    return { text: `tử số / mẫu số của “${of.label}” (in dạng a/b) × 100`, refs: [of] };
  }
  const parts = d.parts.map(ref);
  return { text: parts.map((p) => p.label).join(' + '), refs: parts };
}

export function higherIsBetterText(value: boolean | null): string {
  if (value === null) return 'Không đánh giá (số lớn hay nhỏ không nói lên kết quả tốt hơn)';
  return value ? 'Có — giá trị cao hơn là tốt hơn' : 'Không — giá trị thấp hơn là tốt hơn';
}

export interface Download {
  format: 'CSV' | 'JSON';
  href: string;
  bytes: number;
}

/** The indicator's CSV and JSON exports (written by src/publish/export.ts) with their sizes. */
export function indicatorDownloads(site: Site, indicatorId: string): Download[] {
  const sizes = exportSizes(site, exportFiles, byteSize);
  return (['csv', 'json'] as const).flatMap((ext) => {
    const bytes = sizes.get(`data/chi-so/${indicatorId}.${ext}`);
    return bytes === undefined ? [] : [{ format: ext.toUpperCase() as Download['format'], href: urls.data(`chi-so/${indicatorId}.${ext}`), bytes }];
  });
}

/** Ready-to-copy citation: the portal page, then the printed source of the latest figure. */
export function indicatorCitation(site: Site, indicator: Indicator, latest: Figure | null): string {
  const page = `${PUBLISHER.name}, chỉ số “${indicator.label}” (${indicator.unit}), ${absolute(urls.indicator(indicator.id))}.`;
  if (!latest) return page;
  return `${page} Số liệu ${figureWhen(latest)}: ${formatFigure(latest)}. ${citation(site, latest)}`;
}

// ——— Reform areas ———

export interface AreaNarrative {
  report: Report;
  markdown: string;
  href: string;
}

/** Each report's narrative for an area, oldest report period first. */
export function areaNarratives(site: Site, areaId: string): AreaNarrative[] {
  return site.content.reports
    .flatMap((r) => r.narratives.filter((n) => n.section === areaId).map((n) => ({ report: r.meta, markdown: n.markdown, href: `${urls.report(r.meta.id)}#${areaId}` })))
    .sort((a, b) => comparePeriods(a.report.period, b.report.period) || compareKeys(a.report.id, b.report.id));
}

export interface AreaStats {
  area: Area;
  indicatorCount: number;
  figureCount: number;
  reportCount: number;
}

export function areaStats(site: Site, area: Area): AreaStats {
  const indicators = new Set(site.content.indicators.filter((i) => i.area === area.id).map((i) => i.id));
  const figures = [...indicators].flatMap((id) => site.figuresByIndicator.get(id) ?? []);
  return { area, indicatorCount: indicators.size, figureCount: figures.length, reportCount: new Set(figures.map((f) => f.reportId)).size };
}

// ——— Organizations ———

export const organizationKindLabel: Record<string, string> = {
  province: 'Tỉnh',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
  department: 'Sở, ban, ngành',
  committee: 'Ban chỉ đạo',
  agency: 'Cơ quan trung ương đóng trên địa bàn',
};

/** Organizations that issue or are the scope of a report or figure: these get a page. */
// Per-site memos of whole-archive scans that every organization page asked for again (O(pages × figures)).
const withPagesMemo = new WeakMap<Site, Set<string>>();
const figuresByScopeMemo = new WeakMap<Site, Map<string, Figure[]>>();

export function organizationsWithPages(site: Site): Set<string> {
  let ids = withPagesMemo.get(site);
  if (!ids) withPagesMemo.set(site, (ids = new Set([...site.content.reports.flatMap((r) => [r.meta.issuer, r.meta.scope]), ...site.figures.map((f) => f.scope)])));
  // A copy: callers may not change what other pages see.
  return new Set(ids);
}

/** The site's figures whose scope is `orgId`, in the figures' order. */
function figuresOfScope(site: Site, orgId: string): Figure[] {
  let byScope = figuresByScopeMemo.get(site);
  if (!byScope) figuresByScopeMemo.set(site, (byScope = groupBy(site.figures, (f) => f.scope)));
  return byScope.get(orgId) ?? [];
}

export interface OrganizationReports {
  issued: Report[];
  about: Report[];
}

export function organizationReports(site: Site, orgId: string): OrganizationReports {
  const byPeriod = (a: Report, b: Report) => comparePeriods(b.period, a.period) || compareKeys(a.id, b.id);
  const metas = site.content.reports.map((r) => r.meta);
  return {
    issued: metas.filter((r) => r.issuer === orgId).sort(byPeriod),
    about: metas.filter((r) => r.scope === orgId && r.issuer !== orgId).sort(byPeriod),
  };
}

export interface OrgFigure {
  indicator: Indicator;
  breakdown: string;
  latest: Figure;
  target: boolean;
  /** How many figures of this indicator and breakdown exist for the organization. */
  count: number;
}

export interface OrgAreaGroup {
  area: Area;
  figures: OrgFigure[];
}

/** The organization's figures by reform area: the latest value per indicator and breakdown (measured values before plan targets). */
export function organizationFigures(site: Site, orgId: string): OrgAreaGroup[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figuresOfScope(site, orgId)) {
    const key = `${f.indicator}|${f.breakdown ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const items: OrgFigure[] = [...groups.values()].map((fs) => {
    const measured = fs.filter((f) => !isTarget(f, byId(site.reportsById, f.reportId, 'báo cáo').meta));
    const pool = measured.length > 0 ? measured : fs;
    // Same choice as the time series (one point per period, the first printed), so pages agree.
    const fromSeries = measured.length > 0 ? site.seriesByKey.get(seriesKey(fs[0]))?.points.at(-1)?.figure : undefined;
    const latest = fromSeries ?? [...pool].sort((a, b) => comparePeriods(a.period, b.period) || compareKeys(a.key, b.key)).at(-1)!;
    return { indicator: byId(site.indicatorsById, latest.indicator, 'chỉ số'), breakdown: breakdownLabel(site, latest.breakdown), latest, target: measured.length === 0, count: fs.length };
  });
  const order = new Map(site.content.indicators.map((i, n) => [i.id, n]));
  return [...site.content.areas]
    .sort((a, b) => a.order - b.order)
    .map((area) => ({
      area,
      figures: items
        .filter((x) => x.indicator.area === area.id)
        .sort((a, b) => order.get(a.indicator.id)! - order.get(b.indicator.id)! || compareVi(a.breakdown, b.breakdown)),
    }))
    .filter((g) => g.figures.length > 0);
}

export function organizationParent(site: Site, org: Organization): Organization | null {
  return org.parent ? (site.organizationsById.get(org.parent) ?? null) : null;
}

/**
 * Plot labels its mark groups (`<g aria-label="line">`), which axe reports as a
 * prohibited attribute on a role-less element. The chart wrapper carries the
 * text alternative, so the group labels are dropped.
 */

/** Compact period label for chart axes (src/core/period.ts periodShortLabel). */
export const shortPeriod = periodShortLabel;

/** One x tick per period end date present in the series (periods ending the same day share a tick). */
export function periodTicks(series: Series[]): { date: Date; label: string }[] {
  const byDate = new Map<string, string[]>();
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.figure.period)))].sort(comparePeriods);
  for (const p of periods) {
    const end = periodRange(p).end;
    byDate.set(end, [...(byDate.get(end) ?? []), shortPeriod(p)]);
  }
  return [...byDate.entries()].map(([end, labels]) => ({ date: new Date(`${end}T00:00:00Z`), label: labels.join(' · ') }));
}
