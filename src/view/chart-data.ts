// Data steps for charts: which figures a chart shows, as plain rows.
// Kept apart from charts.ts (layout/render) so both are testable on their own.
import type { Site } from '../pipeline/derive.ts';
import { periodLabel } from '../core/period.ts';
import type { Figure } from '../core/model.ts';
import type { BarRow } from './charts.ts';
import { formatFigure } from '../core/format.ts';
import { figureLabel, organizationName } from '../core/labels.ts';

/** A bar chart's text alternative: every bar as "label: value". */
export function barSummary(rows: BarRow[]): string {
  return rows.map((r) => `${r.label}: ${r.text}`).join('; ');
}

/** A bar chart's data table: one row per bar. */
export function barTable(rows: BarRow[], firstColumn: string, unit: string): { columns: string[]; rows: string[][] } {
  return { columns: [firstColumn, `Giá trị (${unit})`], rows: rows.map((r) => [r.label, r.text]) };
}

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
  const color = site.content.areas.find((a) => a.id === area)?.color ?? '#0b4f8a';
  const figures = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === area && f.unit !== 'hạng');
  const byUnit = new Map<string, Figure[]>();
  for (const f of figures) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
  return [...byUnit.entries()]
    .filter(([, fs]) => fs.length >= 2)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
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
          label: count.get(labelOf(f))! > 1 ? `${labelOf(f)} – mục ${f.section}` : labelOf(f),
          value: f.value,
          text: formatFigure(f),
          color,
        })),
      };
    });
}
