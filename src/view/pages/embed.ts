// View-model of /nhung/chi-so/<id>/: the embeddable chart of one indicator (iframe), its
// source, licence and a link back; no site chrome.
import type { Site } from '../../pipeline/derive.ts';
import type { Indicator } from '../../core/schema.ts';
import { absolute, urls } from '../../core/urls.ts';
import { LICENSE } from '../../publish/datasets.ts';
import { barSummary, chartFigure, type ChartFigure } from '../charts/index.ts';
import { shareImages } from '../share-image.ts';
import { areaColor, chartSourceLine, indicatorSeries, periodTicks, seriesBarRows, seriesChartPoints, seriesSummary, seriesTable, splitSeries } from '../indicator-page.ts';
import { idPaths, must, type PageHead } from './head.ts';
import { chartWindow } from '../indicator-archive.ts';

export interface EmbedPage {
  head: PageHead;
  indicator: Indicator;
  /** The time series when there is one, otherwise the single values as bars; null without figures. */
  chart: ChartFigure | null;
  permalink: string;
  licenseUrl: string;
  /** The whole series, one click away: the embed shows the latest periods only (as the indicator page). */
  fullSeries: { page: string; csv: string };
}

export const embedPaths = (site: Site) => idPaths(site.content.indicators.map((i) => i.id));

export function embedPage(site: Site, id: string): EmbedPage {
  const indicator = must(site.indicatorsById.get(id), `chỉ số "${id}"`);
  const color = areaColor(site, indicator.area);
  // The latest years, as on the indicator page (src/view/indicator-archive.ts).
  const { lines, bars } = splitSeries(chartWindow(indicatorSeries(site, indicator.id)).series);
  const permalink = absolute(urls.indicator(indicator.id));
  const common = { id: `nhung-${indicator.id}`, subtitle: `Đơn vị tính: ${indicator.unit}`, permalink };
  let chart: ChartFigure | null = null;
  if (lines.length > 0) {
    chart = chartFigure(
      {
        type: 'line',
        points: seriesChartPoints(site, lines),
        ariaLabel: `Biểu đồ đường: ${indicator.label}`,
        color,
        xTicks: periodTicks(lines),
        summary: seriesSummary(site, indicator, lines),
        table: seriesTable(site, lines, indicator.unit),
      },
      { ...common, title: `${indicator.label} (${indicator.unit}) theo kỳ và phạm vi`, source: chartSourceLine(lines) },
    );
  } else if (bars.length > 0) {
    const barRows = seriesBarRows(site, bars, color);
    chart = chartFigure(
      {
        type: 'bars',
        rows: barRows,
        ariaLabel: `Biểu đồ cột: ${indicator.label}`,
        unit: indicator.unit,
        domain: indicator.unit === '%' ? [0, 100] : undefined,
        firstColumn: 'Phạm vi, kỳ',
        summary: `${indicator.label}. ${barSummary(barRows)}.`,
      },
      { ...common, title: `${indicator.label} (${indicator.unit}) theo phạm vi`, source: chartSourceLine(bars) },
    );
  }
  return {
    head: {
      title: `${indicator.label} (biểu đồ nhúng)`,
      description: `${indicator.label} (${indicator.unit}): biểu đồ nhúng, nguồn và giấy phép.`,
      image: shareImages.indicator(indicator.id),
      bare: true,
    },
    indicator,
    chart,
    permalink,
    licenseUrl: LICENSE.url,
    fullSeries: { page: urls.indicator(indicator.id), csv: urls.data(`chi-so/${indicator.id}.csv`) },
  };
}
