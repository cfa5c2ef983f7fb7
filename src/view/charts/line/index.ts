// Time series: one line per series, points labelled with their value, missing periods
// marked where they fall. Also draws sparklines (charts/sparkline).
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { ChartTable, ChartType } from '../types.ts';
import { cachedChart, CHAR_WIDTH, CHART_WIDTHS, isNarrow, plotDocument, renderPlot, tickFormat } from '../render.ts';

export interface LinePoint {
  /** ISO date of the end of the period, for ordering on a time axis. */
  date: Date;
  /** NaN at a missing period: the line is broken there. */
  value: number;
  series: string;
  text: string;
}

export interface LineOptions {
  ariaLabel: string;
  width?: number;
  height?: number;
  color?: string;
  /** A compact sparkline: no axes, no labels. */
  spark?: boolean;
  /** Optional explicit x ticks with their labels (e.g. one per period), instead of year ticks. */
  xTicks?: { date: Date; label: string }[];
}

/** Time series, one line per series, points labelled with their value. */
export const lineChart = (points: LinePoint[], options: LineOptions): string => cachedChart('line', [points, options], () => drawLineChart(points, options));

function drawLineChart(points: LinePoint[], options: LineOptions): string {
  const spark = options.spark ?? false;
  const series = [...new Set(points.map((p) => p.series))];
  const color = series.length > 1 ? { legend: !spark, domain: series } : undefined;
  const width = options.width ?? (spark ? 120 : CHART_WIDTHS.wide);
  const narrow = isNarrow(width);
  // A NaN value marks a missing period: the line breaks there (Plot leaves undefined points out of a line).
  const valued = points.filter((p) => Number.isFinite(p.value));
  const gaps = [...new Map(points.filter((p) => !Number.isFinite(p.value)).map((p) => [p.date.getTime(), p])).values()];
  // Value labels: the first period's anchored at the start and the last's at the end, so they stay inside the plot.
  const times = valued.map((p) => p.date.getTime());
  const [first, last] = [Math.min(...times), Math.max(...times)];
  // Several lines on a phone: label only the latest value of each line (the table below has the rest).
  const latest = new Map<string, number>();
  for (const p of valued) latest.set(p.series, Math.max(latest.get(p.series) ?? -Infinity, p.date.getTime()));
  const labelled = narrow && series.length > 1 ? valued.filter((p) => p.date.getTime() === latest.get(p.series)) : valued;
  const label = (anchor: 'start' | 'middle' | 'end', keep: (t: number) => boolean) =>
    Plot.text(labelled.filter((p) => keep(p.date.getTime())), { x: 'date', y: 'value', text: 'text', dy: -10, textAnchor: anchor, fill: 'currentColor' });
  // Room for the longest y tick label ("1.000.000"): Plot does not measure text.
  const yTicks = narrow ? 4 : 6;
  const tickChars = Math.max(...scaleLinear().domain([0, Math.max(0, ...valued.map((p) => p.value))]).nice(yTicks).ticks(yTicks).map((t) => tickFormat(t).length));
  return renderPlot(
    Plot.plot({
      document: plotDocument,
      width,
      height: options.height ?? (spark ? 36 : narrow ? 240 : 300),
      ariaLabel: options.ariaLabel,
      // At least half an x tick label ("Q3/2024") before the first point.
      marginLeft: spark ? 4 : Math.max(tickChars * CHAR_WIDTH + 12, 32),
      // Half an x tick label ("Q1/2025") past the last point.
      marginRight: spark ? 4 : 30,
      marginTop: spark ? 6 : 20,
      marginBottom: spark ? 6 : 30,
      x: spark ? { axis: null, type: 'utc' } : options.xTicks
          ? { type: 'utc', label: null, ticks: options.xTicks.map((t) => t.date), tickFormat: (d: Date) => options.xTicks!.find((t) => t.date.getTime() === d.getTime())?.label ?? '' }
          : { type: 'utc', label: null, ticks: 4, tickFormat: (d: Date) => `${d.getUTCFullYear()}` },
      // No y label: the caption names the unit and every point's label carries it; a label up there collides with them.
      y: spark ? { axis: null, zero: false } : { grid: true, label: null, tickFormat, nice: yTicks, zero: true, ticks: yTicks },
      color,
      marks: [
        // Each missing period is marked where it falls: a dashed rule and "không có số liệu".
        ...(spark || gaps.length === 0
          ? []
          : [
              Plot.ruleX(gaps, { x: 'date', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,3', className: 'chart-gap' }),
              Plot.text(gaps, { x: 'date', frameAnchor: 'bottom', dy: -4, text: () => 'không có số liệu', fill: 'currentColor', fontSize: 11, className: 'chart-gap-label' }),
            ]),
        Plot.line(points, { x: 'date', y: 'value', z: series.length > 1 ? 'series' : null, stroke: series.length > 1 ? 'series' : (options.color ?? 'currentColor'), strokeWidth: 2, marker: spark ? undefined : 'circle' }),
        ...(spark
          ? [Plot.dot(valued.slice(-1), { x: 'date', y: 'value', fill: options.color ?? 'currentColor', r: 2.5 })]
          : first === last
            ? [label('middle', () => true)]
            : [label('start', (t) => t === first), label('middle', (t) => t !== first && t !== last), label('end', (t) => t === last)]),
      ],
    }) as never,
  );
}

export interface LineSpec extends Omit<LineOptions, 'spark'> {
  type: 'line';
  points: LinePoint[];
  /** Text alternative; by default every series with its values in order. */
  summary?: string;
  /** Data table; by default one row per date, one column per series. */
  table?: ChartTable;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Every series with its values in order: "A: 1, 2; B: 3." */
export function lineSummary(points: LinePoint[]): string {
  const series = [...new Set(points.map((p) => p.series))];
  return series.map((s) => `${s}: ${points.filter((p) => p.series === s && Number.isFinite(p.value)).map((p) => p.text).join(', ')}`).join('; ');
}

/** One row per date (the x tick label when given), one column per series; a gap says so. */
export function lineTable(points: LinePoint[], xTicks?: { date: Date; label: string }[]): ChartTable {
  const series = [...new Set(points.map((p) => p.series))];
  const dates = [...new Set(points.map((p) => p.date.getTime()))].sort((a, b) => a - b);
  const label = (t: number) => xTicks?.find((x) => x.date.getTime() === t)?.label ?? isoDay(new Date(t));
  return {
    columns: ['Kỳ', ...series],
    rows: dates.map((t) => [
      label(t),
      ...series.map((s) => {
        const p = points.find((q) => q.series === s && q.date.getTime() === t);
        return !p ? '—' : Number.isFinite(p.value) ? p.text : 'không có số liệu';
      }),
    ]),
  };
}

export const line: ChartType<LineSpec> = {
  render: (spec, width) => lineChart(spec.points, { ariaLabel: spec.ariaLabel, color: spec.color, xTicks: spec.xTicks, height: spec.height, width: width ?? spec.width }),
  summary: (spec) => spec.summary ?? lineSummary(spec.points),
  table: (spec) => spec.table ?? lineTable(spec.points, spec.xTicks),
};
