// schema.org JSON-LD for report and dataset pages.
import type { Site } from '../pipeline/derive.ts';
import { datasetFiles, LICENSE, PUBLISHER, siteModified, type Dataset } from './datasets.ts';
import type { Indicator } from '../core/schema.ts';
import { catalogIri, datasetIri } from './dcat.ts';
import { citation } from './downloads-citation.ts';
import { siteVersion } from './releases.ts';
import { absolute, urls } from '../core/urls.ts';
import { byId } from '../core/model.ts';

export function reportJsonLd(site: Site, reportId: string) {
  const r = byId(site.reportsById, reportId, 'báo cáo').meta;
  const issuer = site.organizationsById.get(r.issuer);
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: r.title,
    inLanguage: 'vi',
    url: absolute(urls.report(r.id)),
    ...(r.date ? { datePublished: r.date } : {}),
    ...(r.documentNumber ? { identifier: r.documentNumber } : {}),
    // The issuer's own copy of the document, when curators give its address.
    ...(r.officialUrl ? { sameAs: r.officialUrl } : {}),
    author: { '@type': 'GovernmentOrganization', name: issuer?.name ?? r.issuer },
    abstract: r.summary,
  };
}

export function datasetJsonLd(site: Site, d: Dataset, sizes?: { csv: number; json?: number }) {
  const f = datasetFiles(d);
  const { version } = siteVersion(site);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': datasetIri(d.id),
    name: d.title,
    description: d.description,
    url: absolute(urls.dataset(d.id)),
    identifier: d.id,
    version,
    citation: citation(d.title, version, absolute(urls.dataset(d.id))),
    includedInDataCatalog: { '@type': 'DataCatalog', '@id': catalogIri(), name: PUBLISHER.name, url: absolute(urls.datasets()) },
    inLanguage: 'vi',
    keywords: d.keywords,
    license: LICENSE.url,
    isAccessibleForFree: true,
    dateModified: d.modified,
    ...(d.temporal ? { temporalCoverage: `${d.temporal.start}/${d.temporal.end}` } : {}),
    spatialCoverage: { '@type': 'Place', name: 'Tỉnh Kon Tum, Việt Nam' },
    creator: { '@type': 'GovernmentOrganization', name: PUBLISHER.sourceOrganization },
    publisher: { '@type': 'Organization', name: PUBLISHER.name },
    variableMeasured: d.table.columns.map((c) => c.name),
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absolute(urls.data(f.csv)), ...(sizes ? { contentSize: `${sizes.csv} B` } : {}) },
      ...(f.json ? [{ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: absolute(urls.data(f.json)), ...(sizes?.json !== undefined ? { contentSize: `${sizes.json} B` } : {}) }] : []),
    ],
    isBasedOn: d.reports.map((id) => absolute(urls.report(id))),
    measurementTechnique: 'Trích nguyên văn từ văn bản nguồn, kiểm tra tự động (npm run validate)',
  };
}


/** schema.org DataCatalog for the catalogue page. */
export function dataCatalogJsonLd(site: Site, datasets: Dataset[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    '@id': catalogIri(),
    name: PUBLISHER.name,
    description: 'Danh mục bộ dữ liệu mở về cải cách hành chính tỉnh Kon Tum.',
    url: absolute(urls.datasets()),
    inLanguage: 'vi',
    license: LICENSE.url,
    dateModified: siteModified(site),
    publisher: { '@type': 'GovernmentOrganization', name: PUBLISHER.sourceOrganization },
    dataset: datasets.map((d) => ({ '@type': 'Dataset', '@id': datasetIri(d.id), name: d.title, url: absolute(urls.dataset(d.id)) })),
  };
}

/** schema.org Dataset for an indicator page: the per-indicator CSV (a slice of observations.csv: no JSON copy). */
export function indicatorJsonLd(site: Site, ind: Indicator, sizes: { csv?: number; json?: number }) {
  const { version } = siteVersion(site);
  const url = absolute(urls.indicator(ind.id));
  const figures = site.figuresByIndicator.get(ind.id) ?? [];
  const reports = [...new Set(figures.map((f) => f.reportId))];
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${url}#dataset`,
    name: `Chỉ số: ${ind.label}`,
    alternateName: ind.labelEn,
    description: `${ind.definition} Đơn vị tính: ${ind.unit}. ${figures.length} số liệu trích nguyên văn từ ${reports.length} văn bản.`,
    url,
    identifier: ind.id,
    version,
    citation: citation(`Chỉ số: ${ind.label}`, version, url),
    includedInDataCatalog: { '@type': 'DataCatalog', '@id': catalogIri(), name: PUBLISHER.name, url: absolute(urls.datasets()) },
    inLanguage: 'vi',
    license: LICENSE.url,
    isAccessibleForFree: true,
    dateModified: siteModified(site),
    spatialCoverage: { '@type': 'Place', name: 'Tỉnh Kon Tum, Việt Nam' },
    creator: { '@type': 'GovernmentOrganization', name: PUBLISHER.sourceOrganization },
    publisher: { '@type': 'Organization', name: PUBLISHER.name },
    variableMeasured: { '@type': 'PropertyValue', name: ind.label, unitText: ind.unit, description: ind.definition },
    distribution: (['csv', 'json'] as const).filter((ext) => sizes[ext] !== undefined).map((ext) => ({
      '@type': 'DataDownload',
      encodingFormat: ext === 'csv' ? 'text/csv' : 'application/json',
      contentUrl: absolute(urls.data(`chi-so/${ind.id}.${ext}`)),
      ...(sizes[ext] !== undefined ? { contentSize: `${sizes[ext]} B` } : {}),
    })),
    isBasedOn: reports.map((id) => absolute(urls.report(id))),
  };
}
