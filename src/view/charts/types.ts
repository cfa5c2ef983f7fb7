// The contract every chart type keeps: from its typed spec, the SVG at a width, a one-sentence
// text alternative and the data table shown under the chart (src/components/Chart.astro).
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartType<S extends { type: string }> {
  /** SVG markup at `width` (the type's own default when omitted); no clock, no randomness. */
  render(spec: S, width?: number): string;
  summary(spec: S): string;
  table(spec: S): ChartTable;
}
