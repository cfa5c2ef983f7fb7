// Time series: one line per series, points labelled with their value, missing periods
// marked where they fall. Also draws sparklines (charts/sparkline).
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { ChartTable, ChartType } from '../types.ts';
import { cachedChart, CHART_WIDTHS, FONT_SIZE, isNarrow, PLOT_CLASS, plotDocument, renderPlot, tickFormat } from '../render.ts';
import { labelBox, placeLabels, textWidth, thinTicks, type Box } from '../layout.ts';

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
  const height = options.height ?? (spark ? 36 : isNarrow(width) ? 240 : 300);
  // What every line chart is drawn with, sparkline or full.
  const frame = { document: plotDocument, width, height, ariaLabel: options.ariaLabel };
  if (spark) {
    return renderPlot(
      Plot.plot({
        ...frame,
        margin: 4,
        marginTop: 6,
        marginBottom: 6,
        x: { axis: null, type: 'utc' },
        y: { axis: null, zero: false },
        color,
        marks: [
          Plot.line(points, { x: 'date', y: 'value', z: series.length > 1 ? 'series' : null, stroke: series.length > 1 ? 'series' : (options.color ?? 'currentColor'), strokeWidth: 2 }),
          Plot.dot(points.filter((p) => Number.isFinite(p.value)).slice(-1), { x: 'date', y: 'value', fill: options.color ?? 'currentColor', r: 2.5 }),
        ],
      }) as never,
    );
  }
  const layout = lineLayout(points, { width, height, xTicks: options.xTicks });
  const label = (anchor: 'start' | 'middle' | 'end') =>
    Plot.text(layout.labels.filter((l) => l.anchor === anchor), { x: 'date', y: 'value', text: 'text', dy: -LABEL_DY, textAnchor: anchor, fill: 'currentColor' });
  const markup = renderPlot(
    Plot.plot({
      ...frame,
      marginLeft: layout.marginLeft,
      marginRight: MARGIN.right,
      marginTop: MARGIN.top,
      marginBottom: MARGIN.bottom,
      x: options.xTicks
        ? { type: 'utc', label: null, domain: layout.xDomain, insetLeft: layout.insetLeft, insetRight: layout.insetRight, ticks: layout.xTicks.map((t) => t.date), tickFormat: (d: Date) => options.xTicks!.find((t) => t.date.getTime() === d.getTime())?.label ?? '' }
        : { type: 'utc', label: null, domain: layout.xDomain, insetLeft: layout.insetLeft, insetRight: layout.insetRight, ticks: 4, tickFormat: (d: Date) => `${d.getUTCFullYear()}` },
      // No y label: the caption names the unit and every point's label carries it; a label up there collides with them.
      y: { grid: true, label: null, tickFormat, domain: layout.yDomain, nice: layout.yDomain ? undefined : layout.yTicks, zero: true, ticks: layout.yTicks },
      color,
      marks: [
        // Each missing period is marked where it falls: a dashed rule and, where it fits, "không có số liệu".
        ...(layout.gaps.length === 0
          ? []
          : [
              Plot.ruleX(layout.gaps, { x: 'date', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,3', className: 'chart-gap' }),
              Plot.text(layout.gaps.filter((g) => g.labelled), { x: 'date', frameAnchor: 'bottom', lineAnchor: 'bottom', dy: -GAP_DY, text: () => GAP_TEXT, fill: 'currentColor', className: 'chart-gap-label' }),
            ]),
        ...(series.length > 1
          ? series.map((s, i) => Plot.line(points.filter((p) => p.series === s), { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: seriesStyle(i).dash ?? undefined, marker: seriesMarker(i) }))
          : [Plot.line(points, { x: 'date', y: 'value', z: null, stroke: options.color ?? 'currentColor', strokeWidth: 2, marker: 'circle' })]),
        label('start'),
        label('middle'),
        label('end'),
      ],
    }) as never,
  );
  return series.length > 1 ? styledSwatches(markup) : markup;
}

/**
 * Several lines are told apart by more than colour (WCAG 1.4.1, and a chart printed in black and white): each has
 * its own point shape and dash, and its legend swatch shows both. Shapes are paths in a marker's -5…5 box.
 */
const SHAPES = [
  'M3,0A3,3 0 1 1 -3,0A3,3 0 1 1 3,0Z', // circle
  'M-2.7,-2.7H2.7V2.7H-2.7Z', // square
  'M0,-3.6L3.3,2.6H-3.3Z', // triangle
  'M0,-3.8L3.8,0L0,3.8L-3.8,0Z', // diamond
];
const DASHES = [null, '7,3', '2,3', '9,3,2,3'];
/** The i-th series' look: shapes filled, then hollow; dashes cycle on a different period so pairs stay apart. */
export function seriesStyle(i: number): { shape: string; hollow: boolean; dash: string | null } {
  return { shape: SHAPES[i % SHAPES.length], hollow: Math.floor(i / SHAPES.length) % 2 === 1, dash: DASHES[i % DASHES.length] };
}
const SVG_NS = 'http://www.w3.org/2000/svg';
/** A Plot marker (a function of the line's colour) drawing the i-th series' shape. */
function seriesMarker(i: number) {
  const { shape, hollow } = seriesStyle(i);
  return (color: string, context: { document: Document }) => {
    const marker = context.document.createElementNS(SVG_NS, 'marker');
    for (const [k, v] of Object.entries({ viewBox: '-5 -5 10 10', markerWidth: '6.67', markerHeight: '6.67', fill: hollow ? 'var(--plot-background)' : color, stroke: hollow ? color : 'var(--plot-background)', 'stroke-width': '1.5' })) marker.setAttribute(k, v);
    const path = context.document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', shape);
    marker.append(path);
    return marker as SVGMarkerElement;
  };
}
/** Plot's legend swatch (a colour square) for series i becomes a short line with the series' dash and shape. */
function styledSwatches(markup: string): string {
  const at = markup.indexOf(`class="${PLOT_CLASS}"`);
  if (at < 0) return markup;
  let i = 0;
  // Still <svg fill="colour"…>: share-image.ts reads a legend's colours from there.
  const legend = markup.slice(0, at).replace(/<svg fill="([^"]+)"[^>]*><rect[^>]*\/><\/svg>/g, (_m, color: string) => {
    const { shape, hollow, dash } = seriesStyle(i++);
    const line = `<line x1="1" y1="7.5" x2="29" y2="7.5" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} />`;
    const mark = `<path transform="translate(15 7.5) scale(1.34)" d="${shape}" fill="${hollow ? 'white' : color}" stroke="${hollow ? color : 'white'}" stroke-width="1.5" />`;
    return `<svg fill="${color}" height="15" width="30" viewBox="0 0 30 15" aria-hidden="true">${line}${mark}</svg>`;
  });
  return legend + markup.slice(at);
}

const MARGIN = { top: 20, right: 8, bottom: 30 };
/** Value labels sit this far above their point. */
const LABEL_DY = 10;
const GAP_TEXT = 'không có số liệu';
const GAP_DY = 4;

export interface LineLayout {
  marginLeft: number;
  /** Room inside the plot for half an x tick label at either end, so it stays clear of the y axis and the edge. */
  insetLeft: number;
  insetRight: number;
  xDomain: [Date, Date] | undefined;
  yDomain: [number, number] | undefined;
  yTicks: number;
  /** The x ticks that are labelled (explicit ticks thinned until their labels do not touch). */
  xTicks: { date: Date; label: string }[];
  /** Value labels drawn: those that fit without touching another (the data table has every value). */
  labels: (LinePoint & { anchor: 'start' | 'middle' | 'end' })[];
  /** Missing periods, each with whether its "không có số liệu" label fits. */
  gaps: (LinePoint & { labelled: boolean })[];
}

/**
 * Where a line chart's text goes, from the same scales Plot draws with: which x ticks are labelled and
 * which value and gap labels are drawn, so that no two touch at the chart's width. Priority: the latest
 * value of each line, then the gap labels, then the first values, then the rest.
 */
export function lineLayout(points: LinePoint[], opts: { width: number; height: number; xTicks?: { date: Date; label: string }[] }): LineLayout {
  const { width, height } = opts;
  const narrow = isNarrow(width);
  const series = [...new Set(points.map((p) => p.series))];
  // A NaN value marks a missing period: the line breaks there (Plot leaves undefined points out of a line).
  const valued = points.filter((p) => Number.isFinite(p.value));
  const gapPoints = [...new Map(points.filter((p) => !Number.isFinite(p.value)).map((p) => [p.date.getTime(), p])).values()];
  const values = valued.map((p) => p.value);
  const yTicks = narrow ? 4 : 6;
  const y0 = Math.min(0, ...values);
  const y1 = Math.max(0, ...values);
  const yScale = scaleLinear().domain([y0, y1]).nice(yTicks).range([height - MARGIN.bottom, MARGIN.top]);
  const yDomain = y1 > y0 ? (yScale.domain() as [number, number]) : undefined;
  // Room for the longest y tick label ("1.000.000"): Plot does not measure text.
  const marginLeft = Math.max(Math.ceil(Math.max(...yScale.ticks(yTicks).map((t) => textWidth(tickFormat(t))))) + 12, 32);
  // Half an x tick label ("Q3/2024", or "2024" for year ticks) past the first and the last point.
  const tickLabels = opts.xTicks?.map((t) => t.label) ?? ['2024'];
  const insetLeft = Math.ceil(textWidth(tickLabels[0]) / 2) + 2;
  const insetRight = Math.ceil(textWidth(tickLabels.at(-1)!) / 2) + 2;
  const times = points.map((p) => p.date.getTime());
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const xDomain: [Date, Date] | undefined = t1 > t0 ? [new Date(t0), new Date(t1)] : undefined;
  const [xLeft, xRight] = [marginLeft + insetLeft, width - MARGIN.right - insetRight];
  const x = (d: Date) => (xDomain ? xLeft + ((d.getTime() - t0) / (t1 - t0)) * (xRight - xLeft) : (xLeft + xRight) / 2);
  const y = (v: number) => (yDomain ? yScale(v) : (MARGIN.top + height - MARGIN.bottom) / 2);
  const xTicks = opts.xTicks ? thinTicks(opts.xTicks.map((t) => ({ ...t, x: x(t.date) }))).map(({ date, label }) => ({ date, label })) : [];

  // Value labels: the first period's anchored at the start and the last's at the end, so they stay inside the plot.
  const vt = valued.map((p) => p.date.getTime());
  const [first, last] = [Math.min(...vt), Math.max(...vt)];
  const anchorOf = (t: number) => (first === last ? 'middle' : t === first ? 'start' : t === last ? 'end' : 'middle');
  const latest = new Map<string, number>();
  for (const p of valued) latest.set(p.series, Math.max(latest.get(p.series) ?? -Infinity, p.date.getTime()));
  const isLatest = (p: LinePoint) => p.date.getTime() === latest.get(p.series);
  // Several lines on a phone: label only the latest value of each line (the table below has the rest).
  const candidates = narrow && series.length > 1 ? valued.filter(isLatest) : valued;
  const rank = (p: LinePoint) => (isLatest(p) ? 0 : p.date.getTime() === first ? 2 : 3);
  type Item = { box: Box; point: LinePoint; gap: boolean };
  const items: (Item & { rank: number })[] = [
    ...candidates.map((p) => ({ point: p, gap: false, rank: rank(p), box: labelBox(x(p.date), y(p.value) - LABEL_DY, p.text, anchorOf(p.date.getTime())) })),
    ...gapPoints.map((p) => {
      const bottom = height - MARGIN.bottom - GAP_DY;
      return { point: p, gap: true, rank: 1, box: labelBox(x(p.date), bottom - FONT_SIZE / 2, GAP_TEXT, 'middle') };
    }),
  ];
  // Stable order within a rank: later periods first.
  items.sort((a, b) => a.rank - b.rank || b.point.date.getTime() - a.point.date.getTime());
  const kept = placeLabels(items.map((i) => i.box), { left: 0, top: 0, right: width, bottom: height - MARGIN.bottom });
  const keptSet = new Set(items.filter((_, i) => kept[i]).map((i) => i.point));
  return {
    marginLeft,
    insetLeft,
    insetRight,
    xDomain,
    yDomain,
    yTicks,
    xTicks,
    labels: candidates.filter((p) => keptSet.has(p)).map((p) => ({ ...p, anchor: anchorOf(p.date.getTime()) })),
    gaps: gapPoints.map((p) => ({ ...p, labelled: keptSet.has(p) })),
  };
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
