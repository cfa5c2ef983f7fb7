// The dataset catalogue (/du-lieu/) has one dataset per report besides the fixed ones;
// it lists the newest report datasets and one static page per year holds the rest
// (/du-lieu/nam/<year>/), so the catalogue does not grow with the archive. Pure.
import type { Site } from '../pipeline/derive.ts';
import type { Dataset } from '../publish/datasets.ts';
import { urls } from '../core/urls.ts';
import { archiveLinks, archivePages, periodYear, recentItems, type ArchiveLink, type ArchivePage } from './archive.ts';
import { sortReportsNewestFirst } from './dashboard.ts';

/** Report datasets listed in the catalogue itself (whole newest years up to this many). */
export const CATALOG_RECENT_REPORTS = 20;

type D = Pick<Dataset, 'id' | 'kind' | 'reports'>;

/** Report datasets, newest report first, each with the year of its report's period. */
function reportDatasets<T extends D>(site: Site, datasets: T[]): { dataset: T; year: string }[] {
  const byReport = new Map(datasets.filter((d) => d.kind === 'report' && d.reports.length === 1).map((d) => [d.reports[0], d]));
  return sortReportsNewestFirst(site.content.reports.map((r) => r.meta))
    .filter((r) => byReport.has(r.id))
    .map((r) => ({ dataset: byReport.get(r.id)!, year: periodYear(r.period) }));
}

export interface CatalogDatasets<T> {
  /** Fixed datasets and the newest report datasets, in the catalogue's own order. */
  shown: T[];
  /** Every year with report datasets: its page and count, newest first. */
  years: ArchiveLink[];
  /** Report datasets left to the year pages. */
  hidden: number;
}

export function catalogDatasets<T extends D>(site: Site, datasets: T[], max = CATALOG_RECENT_REPORTS): CatalogDatasets<T> {
  const perReport = reportDatasets(site, datasets);
  const recent = new Set(recentItems(perReport, (x) => x.year, max).items.map((x) => x.dataset.id));
  const onYearPages = new Set(perReport.map((x) => x.dataset.id));
  const shown = datasets.filter((d) => !onYearPages.has(d.id) || recent.has(d.id));
  return {
    shown,
    years: archiveLinks(archivePages(perReport, (x) => x.year), (y, n) => urls.datasetsYear(y, n)),
    hidden: datasets.length - shown.length,
  };
}

export interface DatasetYearPage<T> {
  page: ArchivePage<T>;
  years: ArchiveLink[];
}

/** One static page per year of report datasets, newest report first. */
export function datasetYearPages<T extends D>(site: Site, datasets: T[]): DatasetYearPage<T>[] {
  const pages = archivePages(reportDatasets(site, datasets), (x) => x.year);
  const years = archiveLinks(pages, (y, n) => urls.datasetsYear(y, n));
  return pages.map((p) => ({ page: { ...p, items: p.items.map((x) => x.dataset) }, years }));
}
