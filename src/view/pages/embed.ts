// View-model of /nhung/chi-so/<id>/: the embeddable chart of one indicator (iframe), its
// source, licence and a link back; no site chrome.
import type { Site } from '../../pipeline/derive.ts';
import type { Indicator } from '../../core/schema.ts';
import { absolute, urls } from '../../core/urls.ts';
import { LICENSE } from '../../publish/datasets.ts';
import type { ChartFigure } from '../charts/index.ts';
import { shareImages } from '../share-image.ts';
import { idPaths, must, type PageHead } from './head.ts';
import { indicatorPage } from './indicator.ts';

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
  // The indicator page's own chart (its 5-year window and comparability rules: lines join only
  // like periods and bases, bars compare scopes of one common period), under the embed's id.
  const page = indicatorPage(site, indicator.id);
  const base = page.lineChart ?? page.barChart;
  const chart: ChartFigure | null = base ? { ...base, id: `nhung-${indicator.id}`, open: false } : null;
  const permalink = absolute(urls.indicator(indicator.id));
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
