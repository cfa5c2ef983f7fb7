// A tiny trend line without axes or labels, beside a headline value or in an indicator list.
// Its meaning is carried by the wrapper's text alternative.
import type { ChartType } from '../types.ts';
import { lineChart, lineSummary, lineTable, type LinePoint } from '../line/index.ts';

export interface SparklineSpec {
  type: 'sparkline';
  points: LinePoint[];
  ariaLabel: string;
  color?: string;
  width?: number;
  height?: number;
}

export const sparkline: ChartType<SparklineSpec> = {
  // Drawn at its own size: a sparkline is never scaled to the page's chart widths.
  render: (spec) => lineChart(spec.points, { ariaLabel: spec.ariaLabel, spark: true, color: spec.color, width: spec.width, height: spec.height }),
  summary: (spec) => spec.ariaLabel || lineSummary(spec.points),
  table: (spec) => lineTable(spec.points),
};
