// View-models of the year pages of every list that grows with reports (src/view/archive.ts):
// /bao-cao/nam/<year>/, /chi-so/<id>/nam/<year>/, /linh-vuc/<id>/nam/<year>/,
// /don-vi/<id>/nam/<year>/, /du-lieu/nam/<year>/ (then /2/, /3/… when a year is long).
// Each returns its getStaticPaths entries with the whole page model as props.
import type { Site } from '../../pipeline/derive.ts';
import type { Area, Indicator, Organization, Report } from '../../core/schema.ts';
import { periodLabel } from '../../core/period.ts';
import { reportKindLabel } from '../../core/labels.ts';
import { urls } from '../../core/urls.ts';
import { buildDatasets, datasetFiles, type Dataset } from '../../publish/datasets.ts';
import { pageNav, type ArchiveLink, type ArchivePage } from '../archive.ts';
import { catalogEntry, formatBytes, type CatalogEntry } from '../dataset-catalog.ts';
import { datasetYearPages } from '../dataset-archive.ts';
import { areaYearPages, narrativeView, organizationYearPages, type NarrativeView } from '../entity-archive.ts';
import { indicatorYearPages } from '../indicator-archive.ts';
import { indicatorDownloads, type FigureRow } from '../indicator-page.ts';
import { indicatorFigureTable, type FigureTableModel } from '../figure-table.ts';
import { reportsYearPages, type ReportListing } from '../report-list.ts';
import type { PageHead } from './head.ts';

export interface YearPageBase<T> {
  head: PageHead;
  title: string;
  page: ArchivePage<T>;
  nav: ReturnType<typeof pageNav<T>>;
  years: ArchiveLink[];
}

type Path<M> = { params: Record<string, string | undefined>; props: { m: M } };

const titleOf = (base: string, p: ArchivePage<unknown>) => `${base}${p.pages > 1 ? ` (trang ${p.page}/${p.pages})` : ''}`;
const rest = (p: ArchivePage<unknown>) => (p.page > 1 ? String(p.page) : undefined);

export type ReportsYearModel = YearPageBase<ReportListing['summaries'][number]> & { listing: ReportListing };

export function reportsYearPaths(site: Site): Path<ReportsYearModel>[] {
  return reportsYearPages(site).map((y) => {
    const title = titleOf(`Văn bản năm ${y.page.label}`, y.page);
    return {
      params: { year: y.page.group, page: rest(y.page) },
      props: {
        m: {
          head: { title, description: `Báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính năm ${y.page.label}.`, breadcrumbs: [{ label: 'Báo cáo', href: urls.reports() }, { label: `Năm ${y.page.label}` }] },
          title,
          page: y.page,
          nav: pageNav(y.page, (g, n) => urls.reportsYear(g, n)),
          years: y.years,
          listing: { summaries: y.summaries, facets: y.facets },
        },
      },
    };
  });
}

export type IndicatorYearModel = YearPageBase<FigureRow> & { indicator: Indicator; figureTable: FigureTableModel; downloads: { href: string; label: string; size: string }[] };

export function indicatorYearPaths(site: Site): Path<IndicatorYearModel>[] {
  return indicatorYearPages(site).map((y) => {
    const { indicator, page } = y;
    const area = site.areasById.get(indicator.area);
    const title = titleOf(`${indicator.label}: số liệu năm ${page.label}`, page);
    return {
      params: { id: indicator.id, year: page.group, page: rest(page) },
      props: {
        m: {
          head: {
            title,
            description: `${indicator.label} (${indicator.unit}): ${page.total} số liệu năm ${page.label}, mỗi số liệu dẫn đến câu trích nguyên văn trong văn bản.`,
            breadcrumbs: [{ label: 'Chỉ số', href: urls.indicators() }, ...(area ? [{ label: area.label, href: urls.area(area.id) }] : []), { label: indicator.label, href: urls.indicator(indicator.id) }, { label: `Năm ${page.label}` }],
          },
          title,
          page,
          nav: pageNav(page, (g, n) => urls.indicatorYear(indicator.id, g, n)),
          years: y.years,
          indicator,
          figureTable: indicatorFigureTable(site, indicator.id, page.items, `Số liệu năm ${page.label} của chỉ số ${indicator.label}`, false),
          downloads: indicatorDownloads(site, indicator.id).map((d) => ({ href: d.href, label: d.format, size: formatBytes(d.bytes) })),
        },
      },
    };
  });
}

export type AreaYearModel = YearPageBase<unknown> & { area: Area; narratives: NarrativeView[] };

export function areaYearPaths(site: Site): Path<AreaYearModel>[] {
  return areaYearPages(site).map((y) => {
    const { area, page } = y;
    const title = titleOf(`${area.label}: tóm tắt năm ${page.label}`, page);
    return {
      params: { id: area.id, year: page.group, page: rest(page) },
      props: {
        m: {
          head: { title, description: `${area.label}: tóm tắt từ ${page.total} văn bản năm ${page.label}.`, breadcrumbs: [{ label: 'Lĩnh vực', href: urls.areas() }, { label: area.label, href: urls.area(area.id) }, { label: `Năm ${page.label}` }] },
          title,
          page,
          nav: pageNav(page, (g, n) => urls.areaYear(area.id, g, n)),
          years: y.years,
          area,
          narratives: page.items.map((n) => narrativeView(n, 3)),
        },
      },
    };
  });
}

export interface ReportLine {
  href: string;
  title: string;
  meta: string;
}
const reportLine = (r: Report): ReportLine => ({ href: urls.report(r.id), title: r.title, meta: `${reportKindLabel[r.kind]}, ${periodLabel(r.period)}` });

export type OrganizationYearModel = YearPageBase<unknown> & { organization: Organization; issued: ReportLine[]; about: ReportLine[] };

export function organizationYearPaths(site: Site): Path<OrganizationYearModel>[] {
  return organizationYearPages(site).map((y) => {
    const { organization: org, page } = y;
    const title = titleOf(`${org.name}: văn bản năm ${page.label}`, page);
    return {
      params: { id: org.id, year: page.group, page: rest(page) },
      props: {
        m: {
          head: { title, description: `${org.name}: ${page.total} văn bản năm ${page.label}.`, breadcrumbs: [{ label: 'Đơn vị', href: urls.organizations() }, { label: org.shortName, href: urls.organization(org.id) }, { label: `Năm ${page.label}` }] },
          title,
          page,
          nav: pageNav(page, (g, n) => urls.organizationYear(org.id, g, n)),
          years: y.years,
          organization: org,
          issued: y.issued.map(reportLine),
          about: y.about.map(reportLine),
        },
      },
    };
  });
}

export interface DatasetCardModel {
  dataset: Dataset;
  entry: CatalogEntry;
  files: ReturnType<typeof datasetFiles>;
  areaLabels: string[];
}

export type DatasetYearModel = YearPageBase<unknown> & { cards: DatasetCardModel[] };

export function datasetYearPaths(site: Site): Path<DatasetYearModel>[] {
  const areaLabel = (id: string) => site.areasById.get(id)?.label ?? id;
  return datasetYearPages(site, buildDatasets(site)).map((y) => {
    const { page } = y;
    const title = titleOf(`Bộ dữ liệu theo báo cáo năm ${page.label}`, page);
    return {
      params: { year: page.group, page: rest(page) },
      props: {
        m: {
          head: { title, description: `${page.total} bộ dữ liệu mở theo báo cáo năm ${page.label}, tải về dạng CSV.`, breadcrumbs: [{ label: 'Dữ liệu', href: urls.datasets() }, { label: `Năm ${page.label}` }] },
          title,
          page,
          nav: pageNav(page, (g, n) => urls.datasetsYear(g, n)),
          years: y.years,
          cards: page.items.map((d) => ({ dataset: d, entry: catalogEntry(d), files: datasetFiles(d), areaLabels: d.areas.map(areaLabel) })),
        },
      },
    };
  });
}
