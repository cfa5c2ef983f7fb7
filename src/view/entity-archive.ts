// Area (/linh-vuc/<id>/) and organization (/don-vi/<id>/) pages list what every report says
// about them; both lists grow with reports, so the page shows the newest and one static page
// per year (/linh-vuc/<id>/nam/<year>/, /don-vi/<id>/nam/<year>/) holds the rest. Pure.
import type { Site } from '../pipeline/derive.ts';
import type { Area, Organization, Report } from '../core/schema.ts';
import { comparePeriods, periodLabel } from '../core/period.ts';
import { reportKindLabel } from '../core/labels.ts';
import { urls } from '../core/urls.ts';
import { archiveLinks, archivePages, periodYear, recentItems, type ArchiveLink, type ArchivePage } from './archive.ts';
import { areaNarratives, organizationsWithPages, type AreaNarrative } from './indicator-page.ts';
import { renderMarkdown } from './markdown.ts';
import { compareKeys } from '../core/text.ts';

/** One report's summary as AreaNarrative.astro shows it (the area page and its year pages). */
export interface NarrativeView { id: string; title: string; meta: string; html: string; href: string }

/** `minHeading`: the summary's headings start below the page's own (4 on the area page, 3 on a year page). */
export function narrativeView(n: AreaNarrative, minHeading: number): NarrativeView {
  return { id: n.report.id, title: n.report.title, meta: `${reportKindLabel[n.report.kind]} · ${periodLabel(n.report.period)}`, html: renderMarkdown(n.markdown, { minHeading }), href: n.href };
}

/** Report summaries shown on an area page itself (whole newest years up to this many). */
export const AREA_RECENT_MAX = 6;
/** Reports listed on an organization page itself. */
export const ORGANIZATION_RECENT_MAX = 20;

const narrativeYear = (n: AreaNarrative) => periodYear(n.report.period);

/** An area's report summaries, newest report period first. */
function narrativesNewestFirst(site: Site, areaId: string): AreaNarrative[] {
  return [...areaNarratives(site, areaId)].reverse();
}

export interface AreaRecent {
  narratives: AreaNarrative[];
  total: number;
  years: ArchiveLink[];
  more: boolean;
}

export function areaRecent(site: Site, areaId: string, max = AREA_RECENT_MAX): AreaRecent {
  const all = narrativesNewestFirst(site, areaId);
  const recent = recentItems(all, narrativeYear, max);
  return { narratives: recent.items, total: all.length, years: archiveLinks(archivePages(all, narrativeYear), (y, n) => urls.areaYear(areaId, y, n)), more: recent.more };
}

export interface AreaYearPage {
  area: Area;
  page: ArchivePage<AreaNarrative>;
  years: ArchiveLink[];
}

export function areaYearPages(site: Site): AreaYearPage[] {
  return site.content.areas.flatMap((area) => {
    const pages = archivePages(narrativesNewestFirst(site, area.id), narrativeYear);
    const years = archiveLinks(pages, (y, n) => urls.areaYear(area.id, y, n));
    return pages.map((page) => ({ area, page, years }));
  });
}

export interface OrganizationReport {
  report: Report;
  /** Issued by the organization, or about it (its scope) and issued by another. */
  role: 'issued' | 'about';
}

/** Reports issued by or about the organization, newest period first. */
export function organizationReportList(site: Site, orgId: string): OrganizationReport[] {
  return site.content.reports
    .map((r) => r.meta)
    .filter((r) => r.issuer === orgId || r.scope === orgId)
    .sort((a, b) => comparePeriods(b.period, a.period) || compareKeys(a.id, b.id))
    .map((report) => ({ report, role: report.issuer === orgId ? 'issued' : 'about' }));
}

const reportYear = (r: OrganizationReport) => periodYear(r.report.period);

export interface OrganizationRecent {
  issued: Report[];
  about: Report[];
  total: number;
  years: ArchiveLink[];
  more: boolean;
}

const split = (list: OrganizationReport[]) => ({
  issued: list.filter((r) => r.role === 'issued').map((r) => r.report),
  about: list.filter((r) => r.role === 'about').map((r) => r.report),
});

export function organizationRecent(site: Site, orgId: string, max = ORGANIZATION_RECENT_MAX): OrganizationRecent {
  const all = organizationReportList(site, orgId);
  const recent = recentItems(all, reportYear, max);
  return { ...split(recent.items), total: all.length, years: archiveLinks(archivePages(all, reportYear), (y, n) => urls.organizationYear(orgId, y, n)), more: recent.more };
}

export interface OrganizationYearPage {
  organization: Organization;
  page: ArchivePage<OrganizationReport>;
  issued: Report[];
  about: Report[];
  years: ArchiveLink[];
}

export function organizationYearPages(site: Site): OrganizationYearPage[] {
  const withPages = organizationsWithPages(site);
  return site.content.organizations
    .filter((o) => withPages.has(o.id))
    .flatMap((organization) => {
      const pages = archivePages(organizationReportList(site, organization.id), reportYear);
      const years = archiveLinks(pages, (y, n) => urls.organizationYear(organization.id, y, n));
      return pages.map((page) => ({ organization, page, years, ...split(page.items) }));
    });
}
