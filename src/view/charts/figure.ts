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
  /** One-sentence text alternative summarising what the chart shows. */
  summary: string;
  /** Full source line (documents); carried into downloaded images. */
  source: string;
  /** Shorter source shown on the page when the page itself is the source ("Nguồn: báo cáo này"). */
  sourceShort?: string;
  /** The data table under the chart. */
  columns: string[];
  rows: (string | number)[][];
  /** Optional CSV download of the chart's data. */
  csvHref?: string;
  /** Show the data table expanded (e.g. beside the chart on wide screens). */
  open?: boolean;
  /** What the chart leaves out or breaks (missing periods, scopes of other periods), shown under it. */
  note?: string | null;
  /**
   * Drawn once, in the phone layout, at its own size on every screen: for the many small charts of
   * a long page (a report's charts by indicator), where a second wide drawing of each would double
   * the page's SVG and push it past its DOM budget.
   */
  compact?: boolean;
}
