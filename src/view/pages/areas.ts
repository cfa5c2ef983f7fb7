// View-models of /linh-vuc/ (the reform areas) and /linh-vuc/<id>/ (one area: indicators
// with sparklines, each report's narrative for the area).
import type { Site } from '../../pipeline/derive.ts';
import type { Area } from '../../core/schema.ts';
import { urls } from '../../core/urls.ts';
import { areaStats, indicatorSummary, type AreaStats, type IndicatorSummary } from '../indicator-page.ts';
import { idPaths, must, type PageHead } from './head.ts';
import type { ArchiveLink } from '../archive.ts';
import { areaRecent, narrativeView, type NarrativeView } from '../entity-archive.ts';

const byOrder = (site: Site) => [...site.content.areas].sort((a, b) => a.order - b.order);

export interface AreasPage {
  head: PageHead;
  stats: AreaStats[];
}

export function areasPage(site: Site): AreasPage {
  return {
    head: {
      title: 'Lĩnh vực cải cách hành chính',
      description: 'Bảy lĩnh vực cải cách hành chính: chỉ số, số liệu và tóm tắt từ các báo cáo.',
      breadcrumbs: [{ label: 'Lĩnh vực' }],
    },
    stats: byOrder(site).map((a) => areaStats(site, a)),
  };
}

export interface AreaPage {
  head: PageHead;
  area: Area;
  stats: AreaStats;
  /** Indicators of the area that have figures. */
  withData: IndicatorSummary[];
  /** Each report's narrative for the area, rendered by the one Markdown path (src/view/markdown.ts). */
  narratives: NarrativeView[];
  /** All narratives of the area; the page shows the newest (src/view/entity-archive.ts), the year pages all. */
  narrativeCount: number;
  moreNarratives: boolean;
  years: ArchiveLink[];
  others: Area[];
}

export const areaPaths = (site: Site) => idPaths(site.content.areas.map((a) => a.id));

export function areaPage(site: Site, id: string): AreaPage {
  const area = must(site.areasById.get(id), `lĩnh vực "${id}"`);
  const summaries = site.content.indicators.filter((i) => i.area === area.id).map((i) => indicatorSummary(site, i));
  const recent = areaRecent(site, area.id);
  return {
    head: { title: area.label, description: area.description, breadcrumbs: [{ label: 'Lĩnh vực', href: urls.areas() }, { label: area.label }] },
    area,
    stats: areaStats(site, area),
    withData: summaries.filter((s) => s.figureCount > 0),
    narratives: recent.narratives.map((n) => narrativeView(n, 4)),
    narrativeCount: recent.total,
    moreNarratives: recent.more,
    years: recent.years,
    others: byOrder(site).filter((a) => a.id !== area.id),
  };
}
