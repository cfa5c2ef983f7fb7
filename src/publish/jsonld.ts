// schema.org JSON-LD for report and dataset pages.
import type { Site } from '../pipeline/derive.ts';
import { datasetFiles, LICENSE, PUBLISHER, type Dataset } from './datasets.ts';
import { absolute, urls } from '../core/urls.ts';

export function reportJsonLd(site: Site, reportId: string) {
  const r = site.reportsById.get(reportId)!.meta;
  const issuer = site.content.organizations.find((o) => o.id === r.issuer);
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: r.title,
    inLanguage: 'vi',
    url: absolute(urls.report(r.id)),
    ...(r.date ? { datePublished: r.date } : {}),
    ...(r.documentNumber ? { identifier: r.documentNumber } : {}),
    author: { '@type': 'GovernmentOrganization', name: issuer?.name ?? r.issuer },
    abstract: r.summary,
  };
}

export function datasetJsonLd(site: Site, d: Dataset, sizes?: { csv: number; json: number }) {
  const f = datasetFiles(d);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: d.title,
    description: d.description,
    url: absolute(urls.dataset(d.id)),
    identifier: d.id,
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
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: absolute(urls.data(f.json)), ...(sizes ? { contentSize: `${sizes.json} B` } : {}) },
    ],
    isBasedOn: d.reports.map((id) => absolute(urls.report(id))),
    measurementTechnique: 'Trích nguyên văn từ văn bản nguồn, kiểm tra tự động (npm run validate)',
  };
}

