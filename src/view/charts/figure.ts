// What src/components/Chart.astro lays out: a chart drawn at a width, its caption, text
// alternative, source line and data table. View-models build these with chartFigure()
// (src/view/charts/index.ts); pages spread them into <Chart>.
export interface ChartFigure {
  id: string;
  title: string;
  /** Unit, period, basis: shown under the title and carried into downloaded images. */
  subtitle?: string;
  /** Absolute link back to this chart, printed in downloaded images. */
  permalink?: string;
  /** Draws the chart at a width (pure: SVG markup). */
  render: (width: number) => string;
  /** One-sentence text alternative. */
  summary: string;
  source: string;
  sourceShort?: string;
  columns: string[];
  rows: (string | number)[][];
  csvHref?: string;
  open?: boolean;
  note?: string | null;
}
