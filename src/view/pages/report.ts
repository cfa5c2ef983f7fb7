// View-model of /bao-cao/<id>/: the frame around the generated MDX page (head, JSON-LD,
// edit links). The report's own content is the MDX of src/view/render-mdx.ts.
import type { Site } from '../../pipeline/derive.ts';
import type { Report } from '../../core/schema.ts';
import { forgeTreeUrl, reportEditLinks } from '../../core/site-config.ts';
import { urls } from '../../core/urls.ts';
import { reportJsonLd } from '../../publish/jsonld.ts';
import { shareImages } from '../share-image.ts';
import { must, type PageHead } from './head.ts';
import { historicalNote } from '../../core/admin-units.ts';

export interface ReportPage {
  head: PageHead;
  report: Report;
  /** Where to edit the report on the forge; null links when no forge is configured. */
  edit: { folder: string | null; figures: string | null };
  aboutContributing: string;
  guide: string | null;
}

export function reportPage(site: Site, reportId: string): ReportPage {
  const report = must(site.reportsById.get(reportId), `báo cáo "${reportId}"`).meta;
  return {
    head: {
      title: report.title,
      description: report.summary,
      breadcrumbs: [{ label: 'Báo cáo', href: urls.reports() }, { label: report.title }],
      jsonLd: reportJsonLd(site, report.id),
      image: shareImages.report(report.id),
      ogType: 'article',
    },
    report,
    edit: reportEditLinks(report.id),
    aboutContributing: `${urls.about()}#dong-gop`,
    guide: forgeTreeUrl('CONTRIBUTING.md'),
  };
}

/**
 * What the report header says beside its scope when that unit no longer exists ("Đơn vị hành chính trước ngày
 * 1/7/2025; nay thuộc tỉnh Quảng Ngãi"): a reader landing on a report from a search or a shared link learns that the
 * figures are of a former unit without opening the unit's page. Null for a unit that still exists.
 */
export function scopeHistory(site: Site, report: Pick<Report, 'scope'>): string | null {
  const orgs = site.content.organizations;
  const org = orgs.find((o) => o.id === report.scope);
  return org ? (historicalNote(org, orgs, site.content.events ?? [])?.text ?? null) : null;
}
