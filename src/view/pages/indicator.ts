// View-model of /chi-so/<id>/: definition, charts, every figure with its quote, targets,
// downloads, citation. The page only lays out what this returns.
import { indicatorFigureTable, type FigureTableModel } from '../figure-table.ts';
import type { Site, TargetStatus } from '../../pipeline/derive.ts';
import type { Area, Indicator } from '../../core/schema.ts';
import { formatFigure } from '../../core/format.ts';
import { figureWhen, organizationName } from '../../core/labels.ts';
import { absolute, urls } from '../../core/urls.ts';
import { indicatorJsonLd } from '../../publish/jsonld.ts';
import { OBSERVATIONS_DATASET } from '../../publish/columns.ts';
import { barSummary, chartFigure, type ChartFigure } from '../charts/index.ts';
import { citationFiles, indicatorCitationRecord } from '../citation.ts';
import { formatBytes } from '../dataset-catalog.ts';
import { shareImages } from '../share-image.ts';
import {
  areaColor,
  chartMode,
  chartSourceLine,
  commonPeriodBarRows,
  crossScopeBars,
  derivationFormula,
  gapNote,
  higherIsBetterText,
  indicatorCitation,
  indicatorDownloads,
  indicatorSeries,
  indicatorSummary,
  periodTicks,
  seriesChartPoints,
  seriesLabel,
  seriesSummary,
  seriesTable,
  splitSeries,
  type ChartMode,
  type FigureRow,
} from '../indicator-page.ts';
import { idPaths, must, type PageHead } from './head.ts';
import type { ArchiveLink } from '../archive.ts';
import { chartWindow, indicatorRecent, indicatorRecentTargets } from '../indicator-archive.ts';

export interface IndicatorPage {
  head: PageHead;
  indicator: Indicator;
  area: Area;
  /** The headline value: latest measured figure, or the latest target when nothing was measured. */
  latest: { value: number; text: string; meta: string } | null;
  higherIsBetter: string;
  formula: ReturnType<typeof derivationFormula>;
  mode: ChartMode;
  /** Time series (two periods or more). */
  lineChart: ChartFigure | null;
  /** Single-period scopes compared in bars. */
  barChart: ChartFigure | null;
  /** The newest figures (whole latest years, bounded); the year pages hold every figure. */
  rows: FigureRow[];
  /** The newest figures for FigureTable (src/view/figure-table.ts); the year pages hold the rest. */
  figureTable: FigureTableModel;
  rowCount: number;
  /** Every year with figures: its static page and count, newest first. */
  years: ArchiveLink[];
  moreRows: boolean;
  /** The newest plan targets (bounded) and how many there are in all. */
  targets: TargetStatus[];
  targetCount: number;
  /** First year the chart draws when older periods were left to the year pages, else null. */
  chartFrom: string | null;
  downloads: { href: string; label: string; size: string }[];
  /** The all-figures dataset (quotes, sections and notes the per-indicator CSV leaves out) and its note on that CSV's columns. */
  allFigures: { href: string; columnsHref: string };
  permalink: string;
  citation: string;
  bibHref: string;
  risHref: string;
  embedHref: string;
  embedCode: string;
}

export const indicatorPaths = (site: Site) => idPaths(site.content.indicators.map((i) => i.id));

export function indicatorPage(site: Site, id: string): IndicatorPage {
  const indicator = must(site.indicatorsById.get(id), `chỉ số "${id}"`);
  const area = must(site.areasById.get(indicator.area), `lĩnh vực "${indicator.area}"`);
  const color = areaColor(site, area.id);
  // The chart draws the latest years only (same rule for every series, so like stays with like).
  const window = chartWindow(indicatorSeries(site, indicator.id));
  const series = window.series;
  const windowNote = window.from ? `Biểu đồ vẽ các kỳ từ năm ${window.from}; số liệu các năm trước ở trang từng năm và trong tệp CSV.` : null;
  const { lines, bars: singles } = splitSeries(series);
  // Scopes compared in bars share one period; the others are listed, not drawn.
  const cross = crossScopeBars(singles);
  const bars = cross.drawn;
  const downloads = indicatorDownloads(site, indicator.id);
  const csv = downloads.find((d) => d.format === 'CSV');
  const summary = indicatorSummary(site, indicator);
  const permalink = absolute(urls.indicator(indicator.id));
  const chartId = `bieu-do-${indicator.id}`;
  const common = { subtitle: `Đơn vị tính: ${indicator.unit}`, permalink: `${permalink}#${chartId}`, csvHref: csv?.href };

  const lineFigure: ChartFigure | null =
    lines.length === 0
      ? null
      : chartFigure(
          {
            type: 'line',
            points: seriesChartPoints(site, lines),
            ariaLabel: `Biểu đồ đường: ${indicator.label}`,
            color,
            xTicks: periodTicks(lines),
            summary: seriesSummary(site, indicator, lines),
            table: seriesTable(site, lines, indicator.unit),
          },
          {
            ...common,
            id: chartId,
            title: `${indicator.label} (${indicator.unit}) theo kỳ và phạm vi`,
            note: [gapNote(site, lines), windowNote].filter(Boolean).join(' ') || null,
            source: chartSourceLine(lines),
            open: true,
          },
        );

  let barFigure: ChartFigure | null = null;
  if (bars.length > 0) {
    const barRows = commonPeriodBarRows(site, bars, color);
    const listedNote = cross.listed.length
      ? `Không vẽ vì khác kỳ hoặc khác cơ sở tính: ${cross.listed.map((s) => `${seriesLabel(site, s)} — ${figureWhen(s.points[0].figure)}: ${formatFigure(s.points[0].figure)}`).join('; ')}.`
      : null;
    barFigure = chartFigure(
      {
        type: 'bars',
        rows: barRows,
        ariaLabel: `Biểu đồ cột: ${indicator.label}`,
        unit: indicator.unit,
        domain: indicator.unit === '%' ? [0, 100] : undefined,
        firstColumn: 'Phạm vi',
        summary: `${indicator.label}, ${cross.when}. ${barSummary(barRows)}.`,
      },
      {
        ...common,
        id: lines.length ? `${chartId}-mot-ky` : chartId,
        title: `${indicator.label} (${indicator.unit}) theo phạm vi, ${cross.when}${lines.length ? ' (phạm vi, phân tổ mới có một kỳ)' : ''}`,
        note: listedNote,
        source: chartSourceLine(bars),
        open: lines.length === 0,
      },
    );
  }

  const latest = summary.latest
    ? {
        value: summary.latest.value,
        text: formatFigure(summary.latest),
        meta: `${summary.latestIsTarget ? 'kế hoạch, ' : 'mới nhất, '}${figureWhen({ ...summary.latest, status: summary.latestIsTarget ? 'actual' : summary.latest.status })} · ${organizationName(site, summary.latest.scope)}`,
      }
    : null;
  const record = indicatorCitationRecord(site, indicator);
  const recent = indicatorRecent(site, indicator.id);
  const recentTargets = indicatorRecentTargets(site, indicator.id);
  const embedHref = urls.embedIndicator(indicator.id);

  return {
    head: {
      title: indicator.label,
      description: `${indicator.label} (${indicator.unit}): ${indicator.definition}`,
      breadcrumbs: [{ label: 'Chỉ số', href: urls.indicators() }, { label: area.label, href: urls.area(area.id) }, { label: indicator.label }],
      jsonLd: indicatorJsonLd(site, indicator, { csv: csv?.bytes, json: downloads.find((d) => d.format === 'JSON')?.bytes }),
      image: shareImages.indicator(indicator.id),
    },
    indicator,
    area,
    latest,
    higherIsBetter: higherIsBetterText(indicator.higherIsBetter),
    formula: derivationFormula(site, indicator),
    mode: chartMode(series),
    lineChart: lineFigure,
    barChart: barFigure,
    rows: recent.rows,
    rowCount: recent.total,
    years: recent.years,
    moreRows: recent.more,
    targets: recentTargets.targets,
    targetCount: recentTargets.total,
    chartFrom: window.from,
    figureTable: indicatorFigureTable(site, indicator.id, recent.rows, recent.more ? `Số liệu mới nhất của chỉ số ${indicator.label}` : undefined),
    downloads: downloads.map((d) => ({ href: d.href, label: `${d.format}: ${indicator.id}.${d.format.toLowerCase()}`, size: formatBytes(d.bytes) })),
    allFigures: { href: urls.dataset(OBSERVATIONS_DATASET), columnsHref: `${urls.dataset(OBSERVATIONS_DATASET)}#bang-theo-chi-so` },
    permalink,
    citation: indicatorCitation(site, indicator, summary.latest),
    bibHref: citationFiles.path(record.key, 'bib'),
    risHref: citationFiles.path(record.key, 'ris'),
    embedHref,
    embedCode: `<iframe src="${absolute(embedHref)}" title="${indicator.label.replace(/"/g, '&quot;')} — Dữ liệu CCHC Kon Tum" width="100%" height="520" loading="lazy"></iframe>`,
  };
}
