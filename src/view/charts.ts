// Charts: pure functions (rows, options) => SVG markup, rendered at build time
// with Observable Plot on a linkedom document. The data step (building rows)
// lives with the caller; these functions only lay out and render.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { scaleLinear } from 'd3';
import { formatNumber } from '../core/format.ts';

const { document } = parseHTML('<!doctype html><html lang="vi"><body></body></html>');

const tickFormat = (d: number) => formatNumber(d);

/**
 * Plot labels its mark groups with aria-label; on a <g> without a role axe reports
 * that as a violation. The chart's own text alternative lives on its wrapper.
 */
export function stripMarkAria(svg: string): string {
  return svg.replace(/<g\b[^>]*>/g, (tag) => tag.replace(/\s+aria-(?:label|description)="[^"]*"/g, ''));
}

/**
 * No <style> element and no style="" attribute in chart markup, so pages pass a strict
 * Content-Security-Policy (style-src 'self'): Plot's default rules and the font and
 * overflow settings live in global.css ("Observable Plot" block), keyed by Plot's class.
 */
export function stripStyles(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/\sstyle="[^"]*"/g, '');
}

/** The class Plot gives its output; global.css carries its rules under this name. */
export const PLOT_CLASS = 'plot-d6a7b5';

function render(plot: (SVGSVGElement | HTMLElement) & { outerHTML: string }): string {
  return stableIds(stripStyles(stripMarkAria(plot.outerHTML)));
}

const PLOT_ID = /plot-(marker|clip|pattern)-\d+/g;

/**
 * Plot numbers marker/clip/pattern ids with a process-wide counter, so a chart's SVG depended on how
 * many charts were drawn before it. Ids from the chart's own content instead: the same chart gives
 * the same bytes wherever it is drawn (the build's chart cache, byte-identical builds), and two
 * different charts on one page still get different ids.
 */
export function stableIds(svg: string): string {
  const ids = [...new Set(svg.match(PLOT_ID) ?? [])];
  if (ids.length === 0) return svg;
  // FNV-1a over the SVG with the counters taken out.
  let h = 0x811c9dc5;
  for (const c of svg.replace(PLOT_ID, 'plot-$1')) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
  const tag = (h >>> 0).toString(36);
  const rename = new Map(ids.map((id, i) => [id, `${id.replace(/-\d+$/, '')}-${tag}-${i}`]));
  return svg.replace(PLOT_ID, (id) => rename.get(id)!);
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

/** Chart widths: a wide layout and one drawn for phones, where scaling the wide one down leaves 6 px text. */
/**
 * `npm run build` installs a cache of rendered charts under this key (scripts/cache.ts, by content hash
 * of the chart's input and this code), so an unchanged chart costs nothing on a rebuild; the pages
 * and `npm run dev` render as before when none is installed. Charts are pure: a hit is the same SVG.
 */
export const CHART_CACHE = Symbol.for('cchc.chartCache');
type ChartCache = (kind: string, input: unknown, draw: () => string) => string;
function cachedChart(kind: string, input: unknown, draw: () => string): string {
  const cache = (globalThis as Record<symbol, unknown>)[CHART_CACHE] as ChartCache | undefined;
  return cache ? cache(kind, input, draw) : draw();
}

export const CHART_WIDTHS = { wide: 640, narrow: 340 } as const;
/** Below this width a chart uses its phone layout (fewer ticks and labels). */
const isNarrow = (width: number) => width < 480;

const FONT_SIZE = 13;
const LINE_HEIGHT = 16;
/** Average width of a Vietnamese character at 13 px in the site's sans-serif (measured: 6,5–7 px). */
const CHAR_WIDTH = 7;

/**
 * Greedy word wrap at `max` characters. The bar chart lays out rows by their line
 * count, so it wraps labels itself instead of leaving it to Plot's estimate in ems.
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Horizontal bars, one per row, each labelled above its bar (wrapped to the
 * chart width), so long Vietnamese labels never get clipped.
 */
export const barChart = (rows: BarRow[], options: BarOptions): string => cachedChart('bar', [rows, options], () => drawBarChart(rows, options));

function drawBarChart(rows: BarRow[], options: BarOptions): string {
  const width = options.width ?? CHART_WIDTHS.wide;
  const marginRight = 90; // room for the value printed after the bar
  const labels = rows.map((r) => wrapLabel(r.label, Math.floor((width - 16) / CHAR_WIDTH)));
  const lines = Math.max(1, ...labels.map((l) => l.length));
  const bar = 16;
  // One band per row: the label lines, a small gap, the bar. The inner padding
  // (between bars) holds the labels; the same amount above the first bar holds its label.
  const step = bar + lines * LINE_HEIGHT + 8;
  const padding = 1 - bar / step;
  const marginTop = 4;
  const marginBottom = 32;
  // Rows are keyed by position, so two rows with the same label still get a bar each.
  const keyed = rows.map((r, i) => ({ ...r, key: String(i), lines: labels[i].join('\n') }));
  return render(
    Plot.plot({
      document: document as unknown as Document,
      width,
      height: Math.round(marginTop + marginBottom + step * (rows.length + padding)),
      marginLeft: 8,
      marginRight,
      marginTop,
      marginBottom,
      ariaLabel: options.ariaLabel,
      x: { grid: true, label: options.unit, tickFormat, domain: options.domain, ticks: isNarrow(width) ? 3 : 4, nice: true },
      y: { axis: null, domain: keyed.map((r) => r.key), paddingInner: padding, paddingOuter: padding },
      marks: [
        Plot.barX(keyed, { x: 'value', y: 'key', fill: 'color', title: (d: BarRow) => `${d.label}: ${d.text}` }),
        Plot.text(keyed, { x: 0, y: 'key', text: 'lines', textAnchor: 'start', lineAnchor: 'bottom', lineHeight: LINE_HEIGHT / FONT_SIZE, dy: -(bar / 2 + 3), fill: 'currentColor' }),
        Plot.text(keyed, { x: 'value', y: 'key', text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor', fontWeight: 600 }),
        Plot.ruleX([0]),
      ],
    }) as never,
  );
}

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
  return render(
    Plot.plot({
      document: document as unknown as Document,
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

/** Categorical colours for the parts of a whole (Observable 10, AA against white where used as swatches with text beside). */
export const PART_COLORS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface PartsOptions {
  ariaLabel: string;
  width?: number;
  /** The printed total ("67.628 hồ sơ"), drawn as an outline the parts fill. */
  total?: { value: number; text: string } | null;
}

/**
 * Part of a whole: the parts stacked in one bar inside the outline of the printed
 * total, then one legend row per part with its printed value. When the printed parts
 * do not add up to the printed total the bar shows it (the data-quality note says why).
 */
export function partsChart(parts: BarRow[], options: PartsOptions): string {
  const width = options.width ?? CHART_WIDTHS.wide;
  const total = options.total ?? null;
  const sum = parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const max = Math.max(sum, total?.value ?? 0) || 1;
  const scale = (v: number) => (v / max) * width;
  const barY = 4;
  const barH = 22;
  const out: string[] = [];
  let x = 0;
  parts.forEach((p, i) => {
    const w = scale(Math.max(0, p.value));
    out.push(`<rect x="${x.toFixed(2)}" y="${barY}" width="${w.toFixed(2)}" height="${barH}" fill="${PART_COLORS[i % PART_COLORS.length]}" stroke="#fff" stroke-width="1"><title>${escapeXml(`${p.label}: ${p.text}`)}</title></rect>`);
    x += w;
  });
  if (total) out.push(`<rect x="0.5" y="${barY - 2.5}" width="${(scale(total.value) - 1).toFixed(2)}" height="${barH + 5}" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
  // Legend rows: swatch, wrapped label, printed value right-aligned.
  const valueChars = Math.max(...parts.map((p) => p.text.length), total ? total.text.length + 6 : 0);
  const labelMax = Math.max(12, Math.floor((width - 22 - valueChars * CHAR_WIDTH - 12) / CHAR_WIDTH));
  let y = barY + barH + 14;
  const rows = [...parts.map((p, i) => ({ lines: wrapLabel(p.label, labelMax), text: p.text, color: PART_COLORS[i % PART_COLORS.length], bold: false })),
    ...(total ? [{ lines: ['Tổng (số in trong văn bản)'], text: total.text, color: null, bold: true }] : [])];
  for (const r of rows) {
    const top = y;
    if (r.color) out.push(`<rect x="0" y="${top}" width="12" height="12" fill="${r.color}"/>`);
    else out.push(`<rect x="0.75" y="${top + 0.75}" width="10.5" height="10.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
    r.lines.forEach((line, j) => out.push(`<text x="20" y="${top + 11 + j * LINE_HEIGHT}"${r.bold ? ' font-weight="600"' : ''}>${escapeXml(line)}</text>`));
    out.push(`<text x="${width}" y="${top + 11}" text-anchor="end" font-weight="600">${escapeXml(r.text)}</text>`);
    y += r.lines.length * LINE_HEIGHT + 6;
  }
  const height = Math.round(y + 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="${FONT_SIZE}" fill="currentColor" aria-label="${escapeXml(options.ariaLabel)}">${out.join('')}</svg>`;
}
