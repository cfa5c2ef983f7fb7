// View-model of /du-lieu/: the dataset catalogue (open-data portal style), its facets with
// counts, and the machine-readable catalogues.
import type { Site } from '../../pipeline/derive.ts';
import { organizationName } from '../../core/labels.ts';
import { formatNumber } from '../../core/format.ts';
import { urls } from '../../core/urls.ts';
import { buildDatasets, datasetFiles, LICENSE, type Dataset } from '../../publish/datasets.ts';
import { dataCatalogJsonLd } from '../../publish/jsonld.ts';
import { siteVersion } from '../../publish/releases.ts';
import { catalogEntry, facetCounts, FACETS, KIND_LABELS, sortFacetValues, type CatalogEntry, type FacetKey } from '../dataset-catalog.ts';
import type { PageHead } from './head.ts';
import type { ArchiveLink } from '../archive.ts';
import { catalogDatasets } from '../dataset-archive.ts';

export interface CatalogFacetGroup {
  key: FacetKey;
  label: string;
  param: string;
  items: { value: string; label: string; count: number }[];
}

export interface CatalogPage {
  head: PageHead;
  /** The fixed datasets and the newest report datasets (older report datasets are on /du-lieu/nam/<year>/). */
  datasets: Dataset[];
  /** Every dataset, listed here or on a year page. */
  datasetCount: number;
  hidden: number;
  years: ArchiveLink[];
  /** One card per dataset, in catalogue order. */
  cards: { dataset: Dataset; entry: CatalogEntry; files: ReturnType<typeof datasetFiles>; areaLabels: string[] }[];
  groups: CatalogFacetGroup[];
  /** The observations table: the fullest dataset, named in the introduction. */
  all: Dataset | undefined;
  license: typeof LICENSE;
  figureCount: string;
  reportCount: number;
  version: string;
}

export function catalogPage(site: Site): CatalogPage {
  const allDatasets = buildDatasets(site);
  // The catalogue must not grow with the archive: one dataset per report would.
  const catalog = catalogDatasets(site, allDatasets);
  const datasets = catalog.shown;
  const entries = datasets.map(catalogEntry);
  const counts = facetCounts(entries);
  const areaLabel = (id: string) => site.areasById.get(id)?.label ?? id;
  const labels: Record<FacetKey, (v: string) => string> = {
    kind: (v) => KIND_LABELS[v as keyof typeof KIND_LABELS] ?? v,
    area: areaLabel,
    organization: (v) => organizationName(site, v),
    period: (v) => `Năm ${v}`,
    format: (v) => v,
  };
  return {
    head: {
      title: 'Dữ liệu mở',
      description: `${allDatasets.length} bộ dữ liệu mở về cải cách hành chính tỉnh Kon Tum, tải về dạng CSV và JSON, kèm danh mục máy đọc DCAT và Frictionless Data Package.`,
      breadcrumbs: [{ label: 'Dữ liệu' }],
      jsonLd: dataCatalogJsonLd(site, datasets),
      alternates: [
        { href: urls.data('catalog.ttl'), type: 'text/turtle', title: 'DCAT-AP (Turtle)' },
        { href: urls.data('catalog.jsonld'), type: 'application/ld+json', title: 'DCAT-AP (JSON-LD)' },
      ],
    },
    datasets,
    datasetCount: allDatasets.length,
    hidden: catalog.hidden,
    years: catalog.years,
    cards: datasets.map((d, i) => ({ dataset: d, entry: entries[i], files: datasetFiles(d), areaLabels: d.areas.map(areaLabel) })),
    groups: FACETS.map((f) => ({ ...f, items: sortFacetValues(f.key, counts[f.key], labels[f.key]) })),
    all: datasets.find((d) => d.kind === 'observations'),
    license: LICENSE,
    figureCount: formatNumber(site.figures.length),
    reportCount: site.content.reports.length,
    version: siteVersion(site).version,
  };
}
