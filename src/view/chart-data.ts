// Data steps for charts: which figures a chart shows, as plain rows.
// Kept apart from charts/ (layout/render) so both are testable on their own.
import type { Site } from '../pipeline/derive.ts';
import { periodLabel } from '../core/period.ts';
import { byId, type Figure } from '../core/model.ts';
import { barSummary, chartFigure, type BarRow, type ChartFigure, type ChartSpec } from './charts/index.ts';
import { documentTitle } from './citation.ts';
import { absolute, urls } from '../core/urls.ts';
import { buildDatasets, datasetFiles } from '../publish/datasets.ts';
import { formatFigure } from '../core/format.ts';
import { breakdownLabel, figureLabel, organizationName } from '../core/labels.ts';
import { compareKeys, sectionPhrase } from '../core/text.ts';

// The bar chart's text alternative and table moved to its chart type; re-exported for callers.
export { barSummary, barTable } from './charts/bars/index.ts';

export interface BarChartData {
  unit: string;
  rows: BarRow[];
  figures: Figure[];
}

/**
 * Bar charts for one report and reform area: one chart per unit that has at
 * least two figures, largest unit group first, at most `max` charts.
 */
export function reportAreaBars(site: Site, reportId: string, area: string, max = 2): BarChartData[] {
  const report = site.reportsById.get(reportId);
  if (!report) return [];
  const color = site.areasById.get(area)?.color ?? '#0b4f8a';
  const figures = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === area && f.unit !== 'hạng');
  const byUnit = new Map<string, Figure[]>();
  for (const f of figures) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
  return [...byUnit.entries()]
    .filter(([, fs]) => fs.length >= 2)
    .sort((a, b) => b[1].length - a[1].length || compareKeys(a[0], b[0]))
    .slice(0, max)
    .map(([unit, fs]) => {
      const shown = fs.slice(0, 14);
      // Scope and period only where they differ from the report's own ("— Huyện Đăk Hà", "(quý II/2024)").
      const labelOf = (f: Figure) =>
        `${figureLabel(site, f)}${f.scope !== report.meta.scope ? ` — ${organizationName(site, f.scope)}` : ''}${f.period !== report.meta.period ? ` (${periodLabel(f.period)})` : ''}`;
      // A quantity printed twice (e.g. two different totals) gets its section so bars never share a row.
      const count = new Map<string, number>();
      for (const f of shown) count.set(labelOf(f), (count.get(labelOf(f)) ?? 0) + 1);
      return {
        unit,
        figures: shown,
        rows: shown.map((f) => ({
          label: count.get(labelOf(f))! > 1 ? `${labelOf(f)} – ${sectionPhrase(f.section)}` : labelOf(f),
          value: f.value,
          text: formatFigure(f),
          color,
        })),
      };
    });
}

// ——— Report charts by indicator (not by unit) ———

export interface ReportPartsChart {
  kind: 'parts';
  indicatorId: string;
  title: string;
  unit: string;
  period: string;
  /** The printed total the parts belong to, when the report prints one. */
  total: Figure | null;
  parts: Figure[];
  rows: BarRow[];
}
export interface ReportBarsChart {
  kind: 'bars';
  indicatorId: string;
  title: string;
  unit: string;
  period: string;
  /** The enclosing total (e.g. the province) named in the caption instead of drawn beside its parts. */
  total: Figure | null;
  figures: Figure[];
  rows: BarRow[];
}
export type ReportChart = ReportPartsChart | ReportBarsChart;

/**
 * Charts of one report area, one per indicator and period: a total with its breakdown
 * becomes a part-of-whole chart; one indicator across scopes becomes bars (the enclosing
 * total is named, not drawn beside its parts). Only like with like shares an axis:
 * same indicator, unit and period; plan targets ("tối thiểu 90%") and ranks are left out.
 */
export function reportIndicatorCharts(site: Site, reportId: string, area: string): ReportChart[] {
  const report = site.reportsById.get(reportId);
  if (!report) return [];
  const color = site.areasById.get(area)?.color ?? '#0b4f8a';
  const figures = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === area && f.unit !== 'hạng' && f.comparator === null);
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = `${f.indicator}|${f.period}|${f.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: ReportChart[] = [];
  for (const fs of groups.values()) {
    const first = fs[0];
    const indicator = byId(site.indicatorsById, first.indicator, 'chỉ số');
    const title = `${indicator.label} (${first.unit})`;
    // A quantity printed twice gets its section, so bars never share a row.
    const rowsOf = (list: Figure[], label: (f: Figure) => string): BarRow[] => {
      const count = new Map<string, number>();
      for (const f of list) count.set(label(f), (count.get(label(f)) ?? 0) + 1);
      return list.map((f) => ({ label: count.get(label(f))! > 1 ? `${label(f)} – ${sectionPhrase(f.section)}` : label(f), value: f.value, text: formatFigure(f), color }));
    };
    const scopes = new Set(fs.map((f) => f.scope));
    const breakdowns = fs.filter((f) => f.breakdown !== null);
    if (breakdowns.length >= 2 && scopes.size === 1) {
      const parts = breakdowns;
      const total = fs.find((f) => f.breakdown === null) ?? null;
      const partLabel = (f: Figure) => breakdownLabel(site, f.breakdown);
      // Stacked only when the parts partition a printed whole: a total is printed and the catalogue says the breakdowns add up
      // (then a printed mismatch shows, as designed), or they add up exactly to the printed total.
      // Otherwise (overlapping breakdowns such as "cấp huyện"/"cấp xã" fields, a programme beside its
      // own sub-parts) they are compared as bars. Percentages of different bases never add up.
      const partition = total !== null && (indicator.breakdownsSumToTotal || isExactSum(parts, total));
      if (first.unit === '%' || !partition) out.push({ kind: 'bars', indicatorId: indicator.id, title, unit: first.unit, period: first.period, total, figures: parts, rows: rowsOf(parts, partLabel) });
      else out.push({ kind: 'parts', indicatorId: indicator.id, title, unit: first.unit, period: first.period, total, parts, rows: rowsOf(parts, partLabel) });
      continue;
    }
    const totals = fs.filter((f) => f.breakdown === null);
    const inner = totals.filter((f) => f.scope !== report.meta.scope);
    if (inner.length >= 2) {
      const total = totals.find((f) => f.scope === report.meta.scope) ?? null;
      out.push({ kind: 'bars', indicatorId: indicator.id, title, unit: first.unit, period: first.period, total, figures: inner, rows: rowsOf(inner, (f) => organizationName(site, f.scope)) });
    }
  }
  return out;
}

/** Parts whose printed values add up to the printed total (to the last printed digit). */
function isExactSum(parts: Figure[], total: Figure): boolean {
  const sum = parts.reduce((s, f) => s + f.value, 0);
  return Math.abs(sum - total.value) < 1e-9 * Math.max(1, Math.abs(total.value));
}

/**
 * The charts of one report area as <Chart> props: a part-of-whole or bar spec per
 * indicator and period (reportIndicatorCharts), with caption, source and the CSV of the
 * report's dataset.
 */
export function reportAreaChartFigures(site: Site, reportId: string, area: string): ChartFigure[] {
  const report = site.reportsById.get(reportId);
  if (!report) return [];
  const source = `Nguồn: ${documentTitle(report.meta)}.`;
  // The chart's data is part of the report's dataset: offer that CSV.
  const dataset = buildDatasets(site).find((d) => d.id === `bao-cao-${reportId}`);
  const csvHref = dataset ? urls.data(datasetFiles(dataset).csv) : undefined;
  return reportIndicatorCharts(site, reportId, area).map((c, i) => {
    const id = `bieu-do-${area}-${i + 1}`;
    const subtitle = [
      periodLabel(c.period),
      c.kind === 'parts' ? 'các phần của tổng' : null,
      c.kind === 'bars' && c.total ? `${organizationName(site, c.total.scope)}: ${formatFigure(c.total)}` : null,
    ].filter(Boolean).join(' · ');
    const summary = `${c.title}, ${subtitle}. ${barSummary(c.rows)}${c.total ? `; tổng: ${formatFigure(c.total)}` : ''}.`;
    const spec: ChartSpec =
      c.kind === 'parts'
        ? { type: 'parts', parts: c.rows, unit: c.unit, firstColumn: 'Thành phần', ariaLabel: `Biểu đồ phần của tổng: ${c.title}`, total: c.total ? { value: c.total.value, text: formatFigure(c.total) } : null, summary }
        : { type: 'bars', rows: c.rows, unit: c.unit, firstColumn: 'Phạm vi, phân tổ', ariaLabel: `Biểu đồ cột ngang: ${c.title}`, domain: c.unit === '%' ? [0, 100] : undefined, summary };
    return chartFigure(spec, { id, title: c.title, subtitle, source, sourceShort: 'Nguồn: báo cáo này', permalink: absolute(`${urls.report(reportId)}#${id}`), csvHref, compact: true });
  });
}
