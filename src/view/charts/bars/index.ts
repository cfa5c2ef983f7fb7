// Horizontal bars, one per row, each labelled above its bar: compares one quantity across
// scopes or breakdowns of one period.
import * as Plot from '@observablehq/plot';
import type { ChartTable, ChartType } from '../types.ts';
import { scaleLinear } from 'd3';
import { cachedChart, CHART_WIDTHS, FONT_SIZE, isNarrow, LINE_HEIGHT, plotDocument, renderPlot, tickFormat, WIDE_CHAR_WIDTH, wrapLabel } from '../render.ts';
import { textWidth, thinTicks } from '../layout.ts';

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
 * Horizontal bars, one per row, each labelled above its bar (wrapped to the
 * chart width), so long Vietnamese labels never get clipped.
 */
export const barChart = (rows: BarRow[], options: BarOptions): string => cachedChart('bar', [rows, options], () => drawBarChart(rows, options));

function drawBarChart(rows: BarRow[], options: BarOptions): string {
  const width = options.width ?? CHART_WIDTHS.wide;
  const layout = barLayout(rows, width, options.domain);
  const labels = rows.map((r) => wrapLabel(r.label, Math.floor((width - 16) / WIDE_CHAR_WIDTH), true));
  const lines = Math.max(1, ...labels.map((l) => l.length));
  const bar = 16;
  // One band per row: the label lines, a small gap, the bar. The inner padding
  // (between bars) holds the labels; the same amount above the first bar holds its label.
  const step = bar + lines * LINE_HEIGHT + 8;
  const padding = 1 - bar / step;
  const marginTop = 4;
  // Tick labels, then the unit ("hồ sơ →") on a line of its own below them: beside the last tick it covered it.
  const marginBottom = 46;
  // Rows are keyed by position, so two rows with the same label still get a bar each.
  const keyed = rows.map((r, i) => ({ ...r, key: String(i), lines: labels[i].join('\n') }));
  return renderPlot(
    Plot.plot({
      document: plotDocument,
      width,
      height: Math.round(marginTop + marginBottom + step * (rows.length + padding)),
      marginLeft: BAR_MARGIN_LEFT,
      marginRight: layout.marginRight,
      marginTop,
      marginBottom,
      ariaLabel: options.ariaLabel,
      x: { grid: true, label: options.unit, labelOffset: 44, tickFormat, domain: layout.domain, ticks: layout.ticks },
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

const BAR_MARGIN_LEFT = 8;

/**
 * The x axis of a bar chart at a width: room on the right for the longest printed value after its bar,
 * the domain made nice, and the ticks whose labels fit without touching (fewer on a phone).
 */
export function barLayout(rows: BarRow[], width: number, domain?: [number, number]): { marginRight: number; domain: [number, number]; ticks: number[] } {
  // The value printed after the bar ("1.279.096 triệu đồng"), bold, 4 px from the bar's end; the bars keep 40 % of the width.
  const marginRight = Math.min(Math.round(width * 0.6), Math.max(40, Math.ceil(Math.max(0, ...rows.map((r) => textWidth(r.text, FONT_SIZE, true))) + 8)));
  const count = isNarrow(width) ? 3 : 4;
  const values = rows.map((r) => r.value).filter(Number.isFinite);
  const scale = scaleLinear().domain(domain ?? [Math.min(0, ...values), Math.max(0, ...values)]);
  if (!domain) scale.nice(count);
  const [d0, d1] = scale.domain() as [number, number];
  // Every value 0 ("0 văn bản" found by each kind of check): an empty domain drew each bar across half the chart.
  if (!(d1 > d0)) return { marginRight, domain: [d0, d0 + 1], ticks: [d0] };
  const range = Math.max(1, width - BAR_MARGIN_LEFT - marginRight);
  const at = (v: number) => BAR_MARGIN_LEFT + (d1 > d0 ? ((v - d0) / (d1 - d0)) * range : 0);
  const ticks = thinTicks(scale.ticks(count).map((v) => ({ x: at(v), label: tickFormat(v), v }))).map((t) => t.v);
  return { marginRight, domain: [d0, d1], ticks };
}

/** A bar chart's text alternative: every bar as "label: value". */
export function barSummary(rows: BarRow[]): string {
  return rows.map((r) => `${r.label}: ${r.text}`).join('; ');
}

/** A bar chart's data table: one row per bar. */
export function barTable(rows: BarRow[], firstColumn: string, unit: string): { columns: string[]; rows: string[][] } {
  return { columns: [firstColumn, `Giá trị (${unit})`], rows: rows.map((r) => [r.label, r.text]) };
}

export interface BarsSpec extends BarOptions {
  type: 'bars';
  rows: BarRow[];
  /** Heading of the table's first column ("Phạm vi"). */
  firstColumn: string;
  /** Text alternative when the caller says more than the bars (the period, the total). */
  summary?: string;
}

export const bars: ChartType<BarsSpec> = {
  render: (spec, width) => barChart(spec.rows, { ariaLabel: spec.ariaLabel, unit: spec.unit, domain: spec.domain, width: width ?? spec.width }),
  summary: (spec) => spec.summary ?? barSummary(spec.rows),
  table: (spec): ChartTable => barTable(spec.rows, spec.firstColumn, spec.unit),
};
