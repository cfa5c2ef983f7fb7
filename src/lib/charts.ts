// Charts: pure functions (rows, options) => SVG markup, rendered at build time
// with Observable Plot on a linkedom document. The data step (building rows)
// lives with the caller; these functions only lay out and render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatNumber } from './format.ts';

const { document } = parseHTML('<!doctype html><html lang="vi"><body></body></html>');

const tickFormat = (d: number) => formatNumber(d);

/**
 * Plot labels its mark groups with aria-label; on a <g> without a role axe reports
 * that as a violation. The chart's own text alternative lives on its wrapper.
 */
export function stripMarkAria(svg: string): string {
  return svg.replace(/<g\b[^>]*>/g, (tag) => tag.replace(/\s+aria-(?:label|description)="[^"]*"/g, ''));
}

function render(plot: (SVGSVGElement | HTMLElement) & { outerHTML: string }): string {
  return stripMarkAria(plot.outerHTML);
}

export interface BarRow {
  label: string;
  value: number;
  /** Text shown at the end of the bar ("67.628", "98,7%"). */
  text: string;
  color: string;
}

export interface BarOptions {
  /** Short description for screen readers; the visible title is the caption around the chart. */
  ariaLabel: string;
  unit: string;
  width?: number;
  /** Fix the x domain (e.g. [0, 100] for percentages). */
  domain?: [number, number];
}

/**
 * Horizontal bars, one per row, each labelled on its own line above the bar,
 * so long Vietnamese labels never get clipped and the chart reads at 360 px.
 */
export function barChart(rows: BarRow[], options: BarOptions): string {
  const width = options.width ?? 640;
  return render(
    Plot.plot({
      document: document as unknown as Document,
      width,
      height: 30 + rows.length * 46,
      marginLeft: 8,
      marginRight: 90,
      marginTop: 20,
      ariaLabel: options.ariaLabel,
      style: { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' },
      x: { grid: true, label: options.unit, tickFormat, domain: options.domain, ticks: 4, nice: true },
      y: { axis: null, domain: rows.map((r) => r.label), paddingInner: 0.55, paddingOuter: 0.4 },
      marks: [
        Plot.barX(rows, { x: 'value', y: 'label', fill: 'color', title: (d: BarRow) => `${d.label}: ${d.text}` }),
        Plot.text(rows, { x: 0, y: 'label', text: 'label', textAnchor: 'start', dy: -15, fill: 'currentColor', lineWidth: Math.floor(width / 7.5) }),
        Plot.text(rows, { x: 'value', y: 'label', text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor', fontWeight: 600 }),
        Plot.ruleX([0]),
      ],
    }) as never,
  );
}

export interface LinePoint {
  /** ISO date of the end of the period, for ordering on a time axis. */
  date: Date;
  value: number;
  series: string;
  text: string;
}

export interface LineOptions {
  ariaLabel: string;
  unit: string;
  width?: number;
  height?: number;
  color?: string;
  /** A compact sparkline: no axes, no labels. */
  spark?: boolean;
  /** Optional explicit x ticks with their labels (e.g. one per period), instead of year ticks. */
  xTicks?: { date: Date; label: string }[];
}

/** Time series, one line per series, points labelled with their value. */
export function lineChart(points: LinePoint[], options: LineOptions): string {
  const spark = options.spark ?? false;
  const series = [...new Set(points.map((p) => p.series))];
  const color = series.length > 1 ? { legend: !spark, domain: series } : undefined;
  return render(
    Plot.plot({
      document: document as unknown as Document,
      width: options.width ?? (spark ? 120 : 640),
      height: options.height ?? (spark ? 36 : 300),
      ariaLabel: options.ariaLabel,
      marginLeft: spark ? 4 : 60,
      marginRight: spark ? 4 : 30,
      marginTop: spark ? 6 : 20,
      marginBottom: spark ? 6 : 30,
      style: { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' },
      x: spark ? { axis: null, type: 'utc' } : options.xTicks
          ? { type: 'utc', label: null, ticks: options.xTicks.map((t) => t.date), tickFormat: (d: Date) => options.xTicks!.find((t) => t.date.getTime() === d.getTime())?.label ?? '' }
          : { type: 'utc', label: null, ticks: 4, tickFormat: (d: Date) => `${d.getUTCFullYear()}` },
      y: spark ? { axis: null, zero: false } : { grid: true, label: options.unit, tickFormat, nice: true, zero: true },
      color,
      marks: [
        Plot.line(points, { x: 'date', y: 'value', z: series.length > 1 ? 'series' : null, stroke: series.length > 1 ? 'series' : (options.color ?? 'currentColor'), strokeWidth: 2, marker: spark ? undefined : 'circle' }),
        ...(spark
          ? [Plot.dot(points.slice(-1), { x: 'date', y: 'value', fill: options.color ?? 'currentColor', r: 2.5 })]
          : [Plot.text(points, { x: 'date', y: 'value', text: 'text', dy: -10, fill: 'currentColor' })]),
      ],
    }) as never,
  );
}
