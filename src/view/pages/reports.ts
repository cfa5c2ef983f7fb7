// View-model of /bao-cao/: the newest years of reports (src/view/report-list.ts: the rest are
// on one static page per year), with the facets shown as grouped lists without JavaScript
// and as checkbox filters with it.
import type { Site } from '../../pipeline/derive.ts';
import { reportsIndex, type ReportsIndex } from '../report-list.ts';
import type { PageHead } from './head.ts';

export type { ReportLink } from '../report-list.ts';

export interface ReportsPage extends ReportsIndex {
  head: PageHead;
}

export function reportsPage(site: Site): ReportsPage {
  return {
    head: {
      title: 'Báo cáo và văn bản',
      description: 'Danh sách báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính tỉnh Kon Tum, mới nhất trước.',
      breadcrumbs: [{ label: 'Báo cáo' }],
    },
    ...reportsIndex(site),
  };
}
