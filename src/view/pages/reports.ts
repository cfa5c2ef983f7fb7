// View-model of /bao-cao/: every report newest first, and the facets (kind, scope, year)
// shown as grouped lists without JavaScript and as checkbox filters with it.
import type { Site } from '../../pipeline/derive.ts';
import { urls } from '../../core/urls.ts';
import { reportFacets, reportSummaries, type Facet, type FacetValue, type ReportSummary } from '../dashboard.ts';
import type { PageHead } from './head.ts';

export interface ReportLink {
  href: string;
  title: string;
  periodLabel: string;
}

export interface ReportsPage {
  head: PageHead;
  summaries: ReportSummary[];
  /** Facets whose values carry their reports as links (the no-JavaScript browse lists). */
  facets: (Omit<Facet, 'values'> & { values: (FacetValue & { links: ReportLink[] })[] })[];
}

export function reportsPage(site: Site): ReportsPage {
  const summaries = reportSummaries(site);
  const byId = new Map(summaries.map((s) => [s.report.id, s]));
  const link = (id: string): ReportLink => {
    const s = byId.get(id)!;
    return { href: urls.report(id), title: s.report.title, periodLabel: s.periodLabel };
  };
  return {
    head: {
      title: 'Báo cáo và văn bản',
      description: 'Danh sách báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính tỉnh Kon Tum, mới nhất trước.',
      breadcrumbs: [{ label: 'Báo cáo' }],
    },
    summaries,
    facets: reportFacets(summaries).map((f) => ({ ...f, values: f.values.map((v) => ({ ...v, links: v.reports.map(link) })) })),
  };
}
