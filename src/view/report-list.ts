// The reports list (/bao-cao/) and its year pages (/bao-cao/nam/<year>/): the index
// shows the newest years, every year has a static page of its own, so every report
// (and through it every figure) is a few links from home without any page growing.
import type { Site } from '../pipeline/derive.ts';
import { urls } from '../core/urls.ts';
import { archiveLinks, archivePages, recentItems, type ArchiveLink, type ArchivePage } from './archive.ts';
import { reportFacets, reportSummaries, type Facet, type FacetValue, type ReportSummary } from './dashboard.ts';

/** Most reports listed on /bao-cao/ itself (whole newest years up to this many). */
export const REPORTS_INDEX_MAX = 30;

export interface ReportLink {
  href: string;
  title: string;
  periodLabel: string;
}

export interface ReportListing {
  summaries: ReportSummary[];
  /**
   * Filter facets over the listed reports only (the filter works on what the page shows);
   * each value carries its reports as links (the no-JavaScript browse lists).
   */
  facets: (Omit<Facet, 'values'> & { values: (FacetValue & { links: ReportLink[] })[] })[];
}

export interface ReportsIndex extends ReportListing {
  total: number;
  /** Years shown in full on the index. */
  recentYears: string[];
  /** Every year with its page and count, newest first. */
  years: ArchiveLink[];
  more: boolean;
}

const yearHref = (year: string, page: number) => urls.reportsYear(year, page);

/** A year page needs no year facet: every report on it has the same year. */
function listing(summaries: ReportSummary[], withYear: boolean): ReportListing {
  const byId = new Map(summaries.map((s) => [s.report.id, s]));
  const link = (id: string): ReportLink => {
    const s = byId.get(id)!;
    return { href: urls.report(id), title: s.report.title, periodLabel: s.periodLabel };
  };
  const facets = reportFacets(summaries)
    .filter((f) => withYear || f.id !== 'year')
    .map((f) => ({ ...f, values: f.values.map((v) => ({ ...v, links: v.reports.map(link) })) }));
  return { summaries, facets };
}

export function reportsIndex(site: Site, max = REPORTS_INDEX_MAX): ReportsIndex {
  const all = reportSummaries(site);
  const recent = recentItems(all, (s) => s.year, max);
  return {
    ...listing(recent.items, true),
    total: all.length,
    recentYears: recent.groups,
    years: archiveLinks(archivePages(all, (s) => s.year), yearHref),
    more: recent.more,
  };
}

export interface ReportsYearPage extends ReportListing {
  page: ArchivePage<ReportSummary>;
  /** All years, for the navigation between year pages. */
  years: ArchiveLink[];
}

/** One entry per static year page (page 1 at /bao-cao/nam/<year>/, more pages below it). */
export function reportsYearPages(site: Site): ReportsYearPage[] {
  const pages = archivePages(reportSummaries(site), (s) => s.year);
  const years = archiveLinks(pages, yearHref);
  // A page of several quiet years keeps the year facet; a one-year page needs none.
  return pages.map((page) => ({ page, years, ...listing(page.items, page.label !== page.group) }));
}
