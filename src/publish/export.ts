// Stage 4b — export: every downloadable file. writeExports hands each file to a sink as it is
// produced (the build streams it to disk and keeps only its size and checksum); exportFiles
// collects them as { path, content } in memory for tests and pages.
import {
  buildDatasets,
  csvChunks,
  datasetFiles,
  hasOwnDcat,
  jsonChunks,
  type FileFacts,
  isSlice,
  LICENSE,
  PUBLISHER,
  OBSERVATION_KEY,
  siteModified,
  tableSchema,
  tableSchemaFile,
  type Dataset,
  type Table,
} from './datasets.ts';
import { OBSERVATIONS_DATASET, rowOf, SERIES_COLUMNS, SERIES_FIELDS, SERIES_OMITTED } from './columns.ts';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { sha256 } from './sha256.ts';
import { siteVersion } from './releases.ts';
import { catalogIri, catalogTriples, datasetIri } from './dcat.ts';
import { closure, toJsonLd, toTurtle } from './rdf.ts';
import { atomFeed, ckanFiles, podDataJson, robotsTxt } from './discovery.ts';
import { CONTACT_EMAIL } from '../core/urls.ts';
import { compareKeys } from '../core/text.ts';

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

/** Content of an exported file: one string, or chunks that joined make the file (large tables, row by row). */
export type ExportContent = string | Iterable<string>;

/** Takes each exported file as it is produced (write it, keep it…) and returns its size and checksum. */
export type ExportSink = (path: string, content: ExportContent) => FileFacts;

/** What descriptors, DCAT and the API know of the files written before them (path under dist/ → facts). */
export type WrittenFiles = ReadonlyMap<string, FileFacts>;

function fileFacts(files: WrittenFiles, path: string) {
  const facts = files.get(path);
  if (facts === undefined) throw new Error(`export: ${path} được mô tả nhưng chưa được tạo`);
  return { bytes: facts.bytes, hash: `sha256:${facts.sha256}` };
}

/**
 * `remote`: the resource is named by its absolute URL. Slices are left out of the bulk zip (they repeat
 * observations.csv), so the descriptor, which the zip holds byte for byte, must not point at a local file there.
 */
function tableResource(files: WrittenFiles, name: string, title: string, description: string, path: string, schema: object, remote = false) {
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

function dataPackage(site: Site, datasets: Dataset[], files: WrittenFiles) {
  return {
    ...packageHead(
      site,
      PACKAGE_NAME,
      'Số liệu cải cách hành chính tỉnh Kon Tum',
      'Số liệu trích từ báo cáo, kế hoạch và văn bản chỉ đạo cải cách hành chính tỉnh Kon Tum, mỗi số liệu kèm trích dẫn nguyên văn. Các bảng danh mục (văn bản, cơ quan, đơn vị, lĩnh vực, chỉ số, phân tổ) là đích của khóa ngoại; toàn văn nguồn là tài nguyên văn bản. Bảng theo từng chỉ tiêu được mô tả trong gói chi-so/datapackage.json.',
    ),
    resources: [
      // The code lists (danh-muc-*) are datasets too: one resource each, under the same names as before.
      ...datasets.map((d) => tableResource(files, d.id, d.title, d.description, datasetFiles(d).csv, tableSchema(d.table), isSlice(d))),
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
        ...(r.meta.officialUrl ? { sources: [{ title: 'Bản gốc trên trang của cơ quan ban hành', path: r.meta.officialUrl }] } : {}),
      })),
    ],
  };
}

/**
 * Schema of every per-indicator file: the series columns (SERIES_FIELDS, a subset of the observation
 * columns), without foreign keys (their reference tables live in the main package).
 */
export const INDICATOR_SCHEMA_FILE = 'chi-so/observations.schema.json';
const indicatorTable = (rows: Table['rows']): Table => ({ columns: SERIES_COLUMNS, rows, primaryKey: OBSERVATION_KEY });

/** Where the columns a per-indicator file leaves out are, in words (package description, dataset page). */
export function seriesOmittedText(): string {
  const groups = new Map<string, string[]>();
  for (const [name, where] of Object.entries(SERIES_OMITTED)) {
    const file = where.resource === OBSERVATIONS_DATASET ? 'observations.csv' : `${where.resource}.csv`;
    const keys = Object.entries(where.by).map(([k, v]) => (k === v ? k : `${k} = ${v}`)).join(' + ');
    const key = `${file} (theo ${keys})`;
    groups.set(key, [...(groups.get(key) ?? []), name === where.column ? name : `${name} (cột ${where.column})`]);
  }
  return [...groups].map(([where, names]) => `${names.join(', ')} ở ${where}`).join('; ');
}

function indicatorPackage(site: Site, files: WrittenFiles) {
  return {
    ...packageHead(
      site,
      `${PACKAGE_NAME}-chi-so`,
      'Số liệu cải cách hành chính tỉnh Kon Tum theo từng chỉ số',
      `Mỗi tài nguyên là các số liệu của một chỉ số: các dòng của observations.csv (gói chính) với các cột của chuỗi số liệu, lược đồ dùng chung observations.schema.json. Các cột khác của observations.csv được bỏ, giá trị vẫn tra được theo khóa — ${seriesOmittedText()}. Chỉ số chưa có số liệu cho ra bảng chỉ có dòng tiêu đề. Các bảng này chỉ có CSV, và không nằm trong gói tải toàn bộ (zip).`,
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

/**
 * Every exported file, handed to `sink` one at a time (tables as chunks of rows), in an order where the
 * files a descriptor describes come before it. Returns the facts of every file, by path.
 */
export function writeExports(site: Site, sink: ExportSink, opts: { catalogues?: boolean } = {}): Map<string, FileFacts> {
  const datasets = buildDatasets(site);
  const files = new Map<string, FileFacts>();
  const put = (path: string, content: ExportContent) => {
    files.set(path, sink(path, content));
  };
  for (const d of datasets) {
    const f = datasetFiles(d);
    put(`data/${f.csv}`, csvChunks(d.table));
    if (f.json) put(`data/${f.json}`, jsonChunks(d.table));
  }
  // The Table Schema of each table with a file of its own, what its CSV and JSON distributions conform to in DCAT
  // (a slice has the all-figures table's columns and schema).
  for (const d of datasets.filter((x) => !isSlice(x))) put(`data/${tableSchemaFile(d)}`, json(tableSchema(d.table)));
  // One table per indicator, for the indicator pages' download buttons: CSV only, a slice of observations.csv.
  // Rows are built per indicator and let go once written.
  const byIndicator = new Map<string, Site['figures']>();
  for (const f of site.figures) {
    const list = byIndicator.get(f.indicator);
    if (list) list.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  for (const ind of site.content.indicators) {
    const table = indicatorTable((byIndicator.get(ind.id) ?? []).map((figure) => rowOf(SERIES_FIELDS, { site, figure })));
    put(`data/chi-so/${ind.id}.csv`, csvChunks(table));
  }
  put(`data/${INDICATOR_SCHEMA_FILE}`, json(tableSchema(indicatorTable([]), { foreignKeys: false })));
  // The full source texts, as published.
  for (const r of site.content.reports) put(`data/bao-cao/${r.meta.id}/source.txt`, r.sourceText);
  put('data/datapackage.json', json(dataPackage(site, datasets, files)));
  put('data/chi-so/datapackage.json', json(indicatorPackage(site, files)));
  put('robots.txt', robotsTxt());
  put('feed.xml', atomFeed(site));
  if (opts.catalogues !== false) writeCatalogues(site, files, sink);
  return files;
}

/**
 * The catalogues that describe every distribution with its size and checksum: DCAT-AP (whole and per dataset), Project
 * Open Data and the static CKAN API. The build writes them last (writeExports with `catalogues: false`), once the .xlsx
 * workbooks exist, so `files` holds the workbooks' facts too; without them a workbook is listed with no size.
 * Adds the facts of what it writes to `files`.
 */
export function writeCatalogues(site: Site, files: Map<string, FileFacts>, sink: ExportSink): void {
  const datasets = buildDatasets(site);
  const put = (path: string, content: ExportContent) => {
    files.set(path, sink(path, content));
  };
  // DCAT-AP catalogue, whole and per dataset (the dataset pages link to theirs with rel="alternate").
  const triples = catalogTriples(site, { files, contactEmail: CONTACT_EMAIL });
  put('data/catalog.jsonld', json(toJsonLd(triples)));
  put('data/catalog.ttl', toTurtle(triples));
  const stop = new Set([catalogIri(), ...datasets.map((d) => datasetIri(d.id))]);
  for (const d of datasets.filter(hasOwnDcat)) {
    const own = closure(triples, datasetIri(d.id), new Set([...stop].filter((s) => s !== datasetIri(d.id))));
    put(`data/${rdfFiles(d.id).jsonld}`, json(toJsonLd(own)));
    put(`data/${rdfFiles(d.id).ttl}`, toTurtle(own));
  }
  // Harvest and discovery: Project Open Data, the static CKAN-shaped API, crawlers, feed.
  put('data/data.json', json(podDataJson(site, files)));
  for (const [path, content] of ckanFiles(site, files)) put(path, content);
}

/** Every exported file in memory, sorted by path (tests, and pages that need sizes outside a build). */
export function exportFiles(site: Site): ExportFile[] {
  const out = new Map<string, string>();
  writeExports(site, (path, content) => {
    const text = typeof content === 'string' ? content : [...content].join('');
    out.set(path, text);
    return { bytes: byteSize(text), sha256: sha256(text) };
  });
  return [...out.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([path, content]) => ({ path, content }));
}
