// Charts: a chart is a pure function of a typed spec (ChartSpec) to SVG, a text alternative
// and data-table rows. Each type lives in its own folder (charts/<type>/index.ts) and is
// registered once in CHART_TYPES below; the ChartSpec union is derived from that map.
import { bars } from './bars/index.ts';
import { line } from './line/index.ts';
import { parts } from './parts/index.ts';
import { sparkline } from './sparkline/index.ts';
import type { ChartFigure } from './figure.ts';
import type { ChartTable, ChartType } from './types.ts';

export const CHART_TYPES = { bars, line, parts, sparkline } as const;

type Types = typeof CHART_TYPES;
type SpecOf<T> = T extends ChartType<infer S> ? S : never;
/** Any chart the site can draw, discriminated by `type`. */
export type ChartSpec = { [K in keyof Types]: SpecOf<Types[K]> }[keyof Types];
export type ChartTypeName = ChartSpec['type'];

const typeOf = <S extends ChartSpec>(spec: S) => CHART_TYPES[spec.type] as unknown as ChartType<S>;

export function renderChart(spec: ChartSpec, width?: number): string {
  return typeOf(spec).render(spec, width);
}

export function chartSummary(spec: ChartSpec): string {
  return typeOf(spec).summary(spec);
}

export function chartTable(spec: ChartSpec): ChartTable {
  return typeOf(spec).table(spec);
}

/** Caption, source and links of a chart on a page; the spec gives drawing, text alternative and table. */
export type ChartFrame = Omit<ChartFigure, 'render' | 'summary' | 'columns' | 'rows'>;

/** The props of src/components/Chart.astro for one spec. */
export function chartFigure(spec: ChartSpec, frame: ChartFrame): ChartFigure {
  const table = chartTable(spec);
  return { ...frame, render: (width) => renderChart(spec, width), summary: chartSummary(spec), columns: table.columns, rows: table.rows };
}

export type { ChartFigure } from './figure.ts';
export type { ChartTable, ChartType } from './types.ts';
export { CHART_CACHE, CHART_WIDTHS, PLOT_CLASS, stableIds, stripMarkAria, stripStyles, wrapLabel } from './render.ts';
export { barChart, barSummary, barTable, type BarOptions, type BarRow, type BarsSpec } from './bars/index.ts';
export { lineChart, lineSummary, lineTable, type LineOptions, type LinePoint, type LineSpec } from './line/index.ts';
export { PART_COLORS, partsChart, type PartsOptions, type PartsSpec } from './parts/index.ts';
export type { SparklineSpec } from './sparkline/index.ts';
