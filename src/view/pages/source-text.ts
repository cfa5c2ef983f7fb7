// View-model of /bao-cao/<id>/van-ban/: the report's source text reflowed for reading, with an
// anchor and highlight on every quoted sentence (src/view/source-reflow.ts).
import type { Site } from '../../pipeline/derive.ts';
import type { Report } from '../../core/schema.ts';
import { periodLabel } from '../../core/period.ts';
import { organizationName, reportKindLabel } from '../../core/labels.ts';
import { urls } from '../../core/urls.ts';
import { documentTitle } from '../citation.ts';
import { reflowSource } from '../source-reflow.ts';
import { idPaths, must, type PageHead } from './head.ts';

export type SourceTextPage = ReturnType<typeof reflowSource> & {
  head: PageHead;
  meta: Report;
  issuer: string;
  /** "Báo cáo quý, quý III/2024" */
  kind: string;
  figureCount: number;
};

export const sourceTextPaths = (site: Site) => idPaths(site.content.reports.map((r) => r.meta.id));

export function sourceTextPage(site: Site, reportId: string): SourceTextPage {
  const report = must(site.reportsById.get(reportId), `báo cáo "${reportId}"`);
  const { meta } = report;
  return {
    head: {
      title: `Toàn văn: ${meta.title}`,
      description: `Toàn văn ${documentTitle(meta)}, các câu trích số liệu được tô sáng.`,
      breadcrumbs: [{ label: 'Báo cáo', href: urls.reports() }, { label: meta.title, href: urls.report(meta.id) }, { label: 'Toàn văn' }],
    },
    meta,
    issuer: organizationName(site, meta.issuer),
    kind: `${reportKindLabel[meta.kind] ?? meta.kind}, ${periodLabel(meta.period)}`,
    figureCount: report.figures.length,
    ...reflowSource(report.sourceText, report.figures),
  };
}
