// Stage 4b — export: every downloadable file, as { path, content } in memory.
// The build writes them under dist/; tests inspect them without touching disk.
import { buildDatasets, datasetFiles, LICENSE, PUBLISHER, toCsv, toJson, observationTable, type Dataset } from './datasets.ts';
import { schemaField } from './columns.ts';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';

export interface ExportFile {
  /** Path under dist/, e.g. "data/observations.csv". */
  path: string;
  content: string;
}

export function byteSize(content: string): number {
  return Buffer.byteLength(content, 'utf8');
}

function dataPackage(datasets: Dataset[], files: Map<string, string>) {
  return {
    profile: 'data-package',
    name: 'cchc-kon-tum',
    title: 'Số liệu cải cách hành chính tỉnh Kon Tum',
    description: 'Số liệu trích từ báo cáo, kế hoạch và văn bản chỉ đạo cải cách hành chính tỉnh Kon Tum, mỗi số liệu kèm trích dẫn nguyên văn.',
    homepage: absolute(urls.home()),
    licenses: [{ name: LICENSE.id, path: LICENSE.url, title: LICENSE.title }],
    sources: [{ title: PUBLISHER.sourceOrganization }],
    resources: datasets.map((d) => {
      const path = datasetFiles(d).csv;
      return {
        name: d.id,
        title: d.title,
        description: d.description,
        path,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        bytes: byteSize(files.get(`data/${path}`)!),
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: { fields: d.table.columns.map(schemaField) },
      };
    }),
  };
}

function dcatCatalog(datasets: Dataset[], files: Map<string, string>) {
  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
    '@id': absolute('/data/catalog.jsonld'),
    '@type': 'dcat:Catalog',
    'dct:title': { '@language': 'vi', '@value': PUBLISHER.name },
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': PUBLISHER.sourceOrganization },
    'dct:license': { '@id': LICENSE.url },
    'dcat:dataset': datasets.map((d) => {
      const f = datasetFiles(d);
      return {
        '@id': absolute(urls.dataset(d.id)),
        '@type': 'dcat:Dataset',
        'dct:identifier': d.id,
        'dct:title': { '@language': 'vi', '@value': d.title },
        'dct:description': { '@language': 'vi', '@value': d.description },
        'dct:modified': { '@type': 'xsd:date', '@value': d.modified },
        'dct:accrualPeriodicity': d.frequency,
        'dcat:keyword': d.keywords,
        'dct:license': { '@id': LICENSE.url },
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': PUBLISHER.sourceOrganization },
        ...(d.temporal
          ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@type': 'xsd:date', '@value': d.temporal.start }, 'dcat:endDate': { '@type': 'xsd:date', '@value': d.temporal.end } } }
          : {}),
        'dcat:landingPage': { '@id': absolute(urls.dataset(d.id)) },
        'dcat:distribution': [
          { file: f.csv, type: 'text/csv', format: 'CSV' },
          { file: f.json, type: 'application/json', format: 'JSON' },
        ].map((x) => ({
          '@type': 'dcat:Distribution',
          'dct:title': `${d.title} (${x.format})`,
          'dcat:downloadURL': { '@id': absolute(urls.data(x.file)) },
          'dcat:mediaType': x.type,
          'dct:format': x.format,
          'dcat:byteSize': { '@type': 'xsd:nonNegativeInteger', '@value': byteSize(files.get(`data/${x.file}`)!) },
          'dct:license': { '@id': LICENSE.url },
        })),
      };
    }),
  };
}

export function exportFiles(site: Site): ExportFile[] {
  const datasets = buildDatasets(site);
  const files = new Map<string, string>();
  for (const d of datasets) {
    const f = datasetFiles(d);
    files.set(`data/${f.csv}`, toCsv(d.table));
    files.set(`data/${f.json}`, toJson(d.table));
  }
  // One table per indicator, for the indicator pages' download buttons.
  for (const ind of site.content.indicators) {
    const figures = site.figures.filter((f) => f.indicator === ind.id);
    const table = observationTable(site, figures);
    files.set(`data/chi-so/${ind.id}.csv`, toCsv(table));
    files.set(`data/chi-so/${ind.id}.json`, toJson(table));
  }
  // The full source texts, as published.
  for (const r of site.content.reports) files.set(`data/bao-cao/${r.meta.id}/source.txt`, r.sourceText);
  files.set('data/datapackage.json', `${JSON.stringify(dataPackage(datasets, files), null, 2)}\n`);
  files.set('data/catalog.jsonld', `${JSON.stringify(dcatCatalog(datasets, files), null, 2)}\n`);
  return [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => ({ path, content }));
}
