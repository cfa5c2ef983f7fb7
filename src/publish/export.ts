// Stage 4b — export: every downloadable file, as { path, content } in memory.
// The build writes them under dist/; tests inspect them without touching disk.
import {
  buildDatasets,
  datasetFiles,
  hasOwnDcat,
  isSlice,
  LICENSE,
  PUBLISHER,
  toCsv,
  toJson,
  OBSERVATION_COLUMNS,
  OBSERVATION_KEY,
  observationRow,
  referenceTables,
  referenceFiles,
  siteModified,
  tableSchema,
  type Dataset,
  type ReferenceTable,
  type Table,
} from './datasets.ts';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { sha256 } from './sha256.ts';
import { siteVersion } from './releases.ts';
import { catalogIri, catalogTriples, datasetIri } from './dcat.ts';
import { closure, toJsonLd, toTurtle } from './rdf.ts';
import { atomFeed, ckanFiles, podDataJson, robotsTxt } from './discovery.ts';
import { CONTACT_EMAIL } from '../core/urls.ts';

export interface ExportFile {
  /** Path under dist/, e.g. "data/observations.csv". */
  path: string;
  content: string;
}

export function byteSize(content: string | Uint8Array): number {
  return typeof content === 'string' ? new TextEncoder().encode(content).length : content.length;
}

/** The CSV dialect of every canonical CSV: both Frictionless v1 (needs doubleQuote) and v2 read it. */
export const CSV_DIALECT = { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: '\r\n', header: true };

export const PACKAGE_NAME = 'cchc-kon-tum';

const contributors = () => [
  { title: PUBLISHER.name, role: 'publisher', roles: ['publisher'], path: absolute(urls.home()) },
  { title: PUBLISHER.sourceOrganization, role: 'author', roles: ['author'] },
];

function fileFacts(files: Map<string, string>, path: string) {
  const content = files.get(path);
  if (content === undefined) throw new Error(`export: ${path} được mô tả nhưng chưa được tạo`);
  return { bytes: byteSize(content), hash: `sha256:${sha256(content)}` };
}

/**
 * `remote`: the resource is named by its absolute URL. Slices are left out of the bulk zip (they repeat
 * observations.csv), so the descriptor, which the zip holds byte for byte, must not point at a local file there.
 */
function tableResource(files: Map<string, string>, name: string, title: string, description: string, path: string, schema: object, remote = false) {
  return {
    name,
    type: 'table',
    profile: 'tabular-data-resource',
    title,
    description,
    path: remote ? absolute(urls.data(path)) : path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    ...fileFacts(files, `data/${path}`),
    dialect: CSV_DIALECT,
    schema,
  };
}

/** Package-level metadata shared by both descriptors. */
function packageHead(site: Site, name: string, title: string, description: string) {
  const { version } = siteVersion(site);
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    profile: 'data-package',
    name,
    id: absolute(urls.data(name === PACKAGE_NAME ? 'datapackage.json' : 'chi-so/datapackage.json')),
    title,
    description,
    homepage: absolute(urls.datasets()),
    version,
    // From the content (newest report date), never the build clock: same input, same bytes.
    created: `${siteModified(site)}T00:00:00Z`,
    keywords: ['cải cách hành chính', 'CCHC', 'Kon Tum', 'Việt Nam'],
    contributors: contributors(),
    licenses: [{ name: LICENSE.id, path: LICENSE.url, title: LICENSE.title }],
    sources: site.content.reports.map((r) => ({ title: r.meta.title, path: absolute(urls.sourceTxt(r.meta.id)) })),
  };
}

function dataPackage(site: Site, datasets: Dataset[], refs: ReferenceTable[], files: Map<string, string>) {
  return {
    ...packageHead(
      site,
      PACKAGE_NAME,
      'Số liệu cải cách hành chính tỉnh Kon Tum',
      'Số liệu trích từ báo cáo, kế hoạch và văn bản chỉ đạo cải cách hành chính tỉnh Kon Tum, mỗi số liệu kèm trích dẫn nguyên văn. Các bảng danh mục (văn bản, cơ quan, đơn vị, lĩnh vực, chỉ số, phân tổ) là đích của khóa ngoại; toàn văn nguồn là tài nguyên văn bản. Bảng theo từng chỉ tiêu được mô tả trong gói chi-so/datapackage.json.',
    ),
    resources: [
      ...datasets.map((d) => tableResource(files, d.id, d.title, d.description, datasetFiles(d).csv, tableSchema(d.table), isSlice(d))),
      ...refs.map((r) => tableResource(files, r.id, r.title, r.description, referenceFiles(r).csv, tableSchema(r.table))),
      ...site.content.reports.map((r) => ({
        name: `van-ban-${r.meta.id}`,
        profile: 'data-resource',
        title: `Toàn văn: ${r.meta.title}`,
        description: 'Toàn văn văn bản nguồn (UTF-8, chuẩn hóa NFC) mà mọi trích dẫn của báo cáo này nằm trong đó.',
        path: `bao-cao/${r.meta.id}/source.txt`,
        format: 'txt',
        mediatype: 'text/plain',
        encoding: 'utf-8',
        ...fileFacts(files, `data/bao-cao/${r.meta.id}/source.txt`),
      })),
    ],
  };
}

/** Schema of every per-indicator file: the observation columns, without foreign keys (their reference tables live in the main package). */
export const INDICATOR_SCHEMA_FILE = 'chi-so/observations.schema.json';
const indicatorTable = (rows: Table['rows']): Table => ({ columns: OBSERVATION_COLUMNS, rows, primaryKey: OBSERVATION_KEY });

function indicatorPackage(site: Site, files: Map<string, string>) {
  return {
    ...packageHead(
      site,
      `${PACKAGE_NAME}-chi-so`,
      'Số liệu cải cách hành chính tỉnh Kon Tum theo từng chỉ số',
      'Mỗi tài nguyên là các số liệu của một chỉ số (cùng cột với observations.csv của gói chính, lược đồ dùng chung observations.schema.json). Chỉ số chưa có số liệu cho ra bảng chỉ có dòng tiêu đề. Các bảng này là lát của observations.csv: chỉ có CSV, và không nằm trong gói tải toàn bộ (zip).',
    ),
    resources: site.content.indicators.map((ind) => ({
      name: ind.id,
      type: 'table',
      profile: 'tabular-data-resource',
      title: ind.label,
      description: ind.definition,
      path: `${ind.id}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileFacts(files, `data/chi-so/${ind.id}.csv`),
      dialect: CSV_DIALECT,
      schema: 'observations.schema.json',
    })),
  };
}

/** The DCAT description of one dataset, under /data/dcat/ (only where hasOwnDcat: use dcatFiles). */
export const rdfFiles = (id: string) => ({ jsonld: `dcat/${id}.jsonld`, ttl: `dcat/${id}.ttl` });

// Compact: the descriptors and catalogues grow with every report (one resource, one dataset each).
const json = (v: unknown) => `${JSON.stringify(v)}\n`;

export function exportFiles(site: Site): ExportFile[] {
  const datasets = buildDatasets(site);
  const refs = referenceTables(site);
  const files = new Map<string, string>();
  for (const d of datasets) {
    const f = datasetFiles(d);
    files.set(`data/${f.csv}`, toCsv(d.table));
    if (f.json) files.set(`data/${f.json}`, toJson(d.table));
  }
  for (const r of refs) {
    const f = referenceFiles(r);
    files.set(`data/${f.csv}`, toCsv(r.table));
    files.set(`data/${f.json}`, toJson(r.table));
  }
  // One table per indicator, for the indicator pages' download buttons: CSV only, a slice of observations.csv.
  for (const ind of site.content.indicators) {
    const table = indicatorTable(site.figures.filter((f) => f.indicator === ind.id).map((f) => observationRow(site, f)));
    files.set(`data/chi-so/${ind.id}.csv`, toCsv(table));
  }
  files.set(`data/${INDICATOR_SCHEMA_FILE}`, json(tableSchema(indicatorTable([]), { foreignKeys: false })));
  // The full source texts, as published.
  for (const r of site.content.reports) files.set(`data/bao-cao/${r.meta.id}/source.txt`, r.sourceText);
  files.set('data/datapackage.json', json(dataPackage(site, datasets, refs, files)));
  files.set('data/chi-so/datapackage.json', json(indicatorPackage(site, files)));
  // DCAT-AP catalogue, whole and per dataset (the dataset pages link to theirs with rel="alternate").
  const triples = catalogTriples(site, { files, contactEmail: CONTACT_EMAIL });
  files.set('data/catalog.jsonld', json(toJsonLd(triples)));
  files.set('data/catalog.ttl', toTurtle(triples));
  const stop = new Set([catalogIri(), ...datasets.map((d) => datasetIri(d.id))]);
  for (const d of datasets.filter(hasOwnDcat)) {
    const own = closure(triples, datasetIri(d.id), new Set([...stop].filter((s) => s !== datasetIri(d.id))));
    files.set(`data/${rdfFiles(d.id).jsonld}`, json(toJsonLd(own)));
    files.set(`data/${rdfFiles(d.id).ttl}`, toTurtle(own));
  }
  // Harvest and discovery: Project Open Data, the static CKAN-shaped API, crawlers, feed.
  files.set('data/data.json', json(podDataJson(site, files)));
  for (const [path, content] of ckanFiles(site, files)) files.set(path, content);
  files.set('robots.txt', robotsTxt());
  files.set('feed.xml', atomFeed(site));
  return [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => ({ path, content }));
}
