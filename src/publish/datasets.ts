// The dataset catalogue: which downloadable tables the portal publishes, their
// rows and metadata. Pure: the export stage serialises these, pages list them.
import Papa from 'papaparse';
import { isTarget, type Site, type TargetState } from '../pipeline/derive.ts';
import { byId, type Figure } from '../core/model.ts';
import { comparators, type Indicator } from '../core/schema.ts';
import { absolute, urls } from '../core/urls.ts';
import { periodRange, periodLabel } from '../core/period.ts';
import { EVENT_FIELDS, INDICATOR_FIELDS, ORGANIZATION_FIELDS, REPORT_FIELDS, OBSERVATION_FIELDS, OBSERVATION_KEY, OBSERVATIONS_DATASET, REF, TARGET_FIELDS, tableOf, type Column, type Table } from './columns.ts';

export const LICENSE = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  /** Canonical URL: CKAN's DCAT harvester and SPDX matchers compare it exactly (no /deed.vi). */
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** The human-readable Vietnamese deed, for links on pages. */
  deed: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
};
export const PUBLISHER = {
  name: 'Cổng dữ liệu mở cải cách hành chính tỉnh Kon Tum',
  sourceOrganization: 'Ủy ban nhân dân tỉnh Kon Tum',
};

export { REF } from './columns.ts';
export type { Cell, Column, Table } from './columns.ts';

export interface Dataset {
  id: string;
  title: string;
  description: string;
  /** English title and description, for the catalogues harvesters read (DCAT); none for a report's slice. */
  en?: { title: string; description: string };
  /** Facets. `catalogue`: a code list (indicators, reports, organizations, events, areas, breakdowns). */
  kind: 'observations' | 'report' | 'targets' | 'catalogue';
  areas: string[];
  organizations: string[];
  reports: string[];
  periods: string[];
  temporal: { start: string; end: string } | null;
  modified: string;
  frequency: string;
  keywords: string[];
  table: Table;
}

/** Official addresses (report.json officialUrl) of a dataset's source documents, sorted, once each. */
export function officialUrls(site: Site, d: Pick<Dataset, 'reports'>): string[] {
  const all = d.reports.flatMap((id) => byId(site.reportsById, id, 'báo cáo').meta.officialUrl ?? []);
  return [...new Set(all)].sort();
}

/** Human-readable formula of an indicator's derivation, or null. */
export function derivationText(i: Indicator): string | null {
  const d = i.derivation;
  if (!d) return null;
  if (d.kind === 'ratio') return `${d.numerator} / ${d.denominator} × 100`;
  if (d.kind === 'fraction') return `tử số / mẫu số của ${d.of} × 100`;
  return d.parts.join(' + ');
}

export { OBSERVATION_COLUMNS, OBSERVATION_KEY } from './columns.ts';

export function observationTable(site: Site, figures: Figure[]): Table {
  return tableOf(OBSERVATION_FIELDS, figures.map((figure) => ({ site, figure })), OBSERVATION_KEY);
}

/** Time covered by measured figures: plan targets (future years) are not coverage, unless the table holds only targets. */
function coverage(site: Site, figures: Figure[]): { start: string; end: string } | null {
  if (figures.length === 0) return null;
  const measured = figures.filter((f) => !isTarget(f, byId(site.reportsById, f.reportId, 'báo cáo').meta));
  const ranges = (measured.length ? measured : figures).map((f) => periodRange(f.period));
  return {
    start: ranges.map((r) => r.start).sort()[0],
    end: ranges.map((r) => r.end).sort().at(-1)!,
  };
}

/** The date a report speaks for: its printed date, else the end of its period. */
export function reportDate(site: Site, id: string): string {
  const m = byId(site.reportsById, id, 'báo cáo').meta;
  return m.date ?? periodRange(m.period).end;
}

function modifiedOf(site: Site, reportIds: string[]): string {
  return reportIds.map((id) => reportDate(site, id)).sort().at(-1) ?? '1970-01-01';
}

/** Newest date of the content: report dates where printed, else period ends. Deterministic stand-in for "now". */
export function siteModified(site: Site): string {
  // Asked by most pages (footer, JSON-LD, citations): computed once per site.
  let date = modifiedBySite.get(site);
  if (date === undefined) {
    date = modifiedOf(site, site.content.reports.map((r) => r.meta.id));
    modifiedBySite.set(site, date);
  }
  return date;
}
const modifiedBySite = new WeakMap<Site, string>();

const uniq = <T,>(xs: T[]) => [...new Set(xs)].sort() as T[];

function figureDataset(site: Site, base: Omit<Dataset, 'areas' | 'organizations' | 'reports' | 'periods' | 'temporal' | 'modified' | 'table'>, figures: Figure[]): Dataset {
  const reports = uniq(figures.map((f) => f.reportId));
  return {
    ...base,
    areas: uniq(figures.map((f) => byId(site.indicatorsById, f.indicator, 'chỉ số').area)),
    organizations: uniq(figures.map((f) => f.scope)),
    reports,
    periods: uniq(figures.map((f) => f.period)),
    temporal: coverage(site, figures),
    modified: modifiedOf(site, reports),
    table: observationTable(site, figures),
  };
}

const TARGET_STATES: readonly TargetState[] = ['met', 'not-met', 'no-data'];

// Process-wide (Symbol.for): `npm run build` and the Astro pages load this module as two instances
// but share one site (src/pipeline/site.ts shareSite), so the datasets are built once.
const datasetCache: WeakMap<Site, Dataset[]> = ((globalThis as Record<symbol, unknown>)[Symbol.for('cchc.datasets')] ??= new WeakMap()) as WeakMap<Site, Dataset[]>;

/**
 * A period as a keyword: its label without "/" or "–" ("quý III/2024" → "quý III năm 2024", "ngày 14/3/2025"
 * → "ngày 14-3-2025", "giai đoạn 2021–2025" → "giai đoạn 2021-2025"). CKAN takes keywords as tags
 * (ckanext-dcat from dcat:keyword, package_search here) and its tag validator refuses both, which would
 * make a harvester drop the whole dataset.
 */
export function periodKeyword(period: string): string {
  return periodLabel(period)
    .replace(/(quý [IVX]+|tháng \d{1,2})\/(\d{4})/g, '$1 năm $2')
    .replace(/[/–]/g, '-');
}

/** The published datasets of a site (memoised: pages and exports ask for them many times). */
export function buildDatasets(site: Site): Dataset[] {
  let cached = datasetCache.get(site);
  if (!cached) {
    cached = computeDatasets(site);
    datasetCache.set(site, cached);
  }
  return cached;
}

function computeDatasets(site: Site): Dataset[] {
  const all = site.figures;
  const out: Dataset[] = [];
  out.push(
    figureDataset(
      site,
      {
        id: OBSERVATIONS_DATASET,
        title: 'Toàn bộ số liệu cải cách hành chính tỉnh Kon Tum',
        description: 'Bảng dài (long format) mọi số liệu trích từ các báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính: mỗi dòng một số liệu, kèm kỳ, cơ sở tính (trong kỳ / lũy kế / tại thời điểm), loại số liệu (thực hiện / ước / kế hoạch / dự kiến / tham chiếu), cơ quan, đơn vị, chỉ số, mục và câu trích dẫn nguyên văn làm bằng chứng.',
        en: {
          title: 'All administrative reform figures of Kon Tum province',
          description: 'Long-format table of every figure extracted from administrative reform reports, plans and directives: one row per figure, with its period, basis (flow / cumulative / stock), kind (actual / estimate / plan / forecast / reference), organization, indicator, section and the verbatim quote it comes from.',
        },
        kind: 'observations',
        frequency: 'Hàng quý',
        keywords: ['cải cách hành chính', 'CCHC', 'Kon Tum', 'thủ tục hành chính', 'số liệu'],
      },
      all,
    ),
  );
  // No dataset per reform area: each was a seventh of observations.csv again (79 KB per added report
  // across the seven); observations.csv carries area_id to filter on, and the area pages list the figures.
  for (const r of site.content.reports) {
    if (r.figures.length === 0) continue;
    out.push(
      figureDataset(
        site,
        {
          id: `bao-cao-${r.meta.id}`,
          title: `Số liệu: ${r.meta.title}`,
          description: `Mọi số liệu trích từ văn bản "${r.meta.title}" (${periodLabel(r.meta.period)}), kèm trích dẫn nguyên văn.`,
          kind: 'report',
          frequency: 'Một lần',
          keywords: ['cải cách hành chính', periodKeyword(r.meta.period)],
        },
        r.figures,
      ),
    );
  }
  if (site.targets.length > 0) {
    const targetFigures = site.targets.map((t) => t.target);
    const reports = uniq(targetFigures.map((f) => f.reportId));
    out.push({
      id: 'chi-tieu-ke-hoach',
      title: 'Chỉ tiêu kế hoạch cải cách hành chính và mức độ đạt',
      description: 'Các chỉ tiêu kế hoạch định lượng về CCHC, kèm số liệu thực hiện: đánh giá đạt / chưa đạt chỉ bằng số liệu cùng kỳ và cùng cơ sở tính với chỉ tiêu; khi mới có số liệu một phần kỳ thì "chưa đến kỳ đánh giá" (số mới nhất để tham khảo); hoặc chưa có số liệu.',
      en: {
        title: 'Administrative reform plan targets and whether they were met',
        description: 'Quantitative administrative reform plan targets with the actual figures: met / not met is judged only on a figure of the same period and basis as the target; a part-period figure is shown as "not yet due" (latest figure for reference); or no data yet.',
      },
      kind: 'targets',
      areas: uniq(targetFigures.map((f) => byId(site.indicatorsById, f.indicator, 'chỉ số').area)),
      organizations: uniq(targetFigures.map((f) => f.scope)),
      reports: uniq([...reports, ...site.targets.flatMap((t) => (t.latest ? [t.latest.reportId] : []))]),
      periods: uniq(targetFigures.map((f) => f.period)),
      temporal: coverage(site, targetFigures),
      modified: modifiedOf(site, uniq([...reports, ...site.targets.flatMap((t) => (t.latest ? [t.latest.reportId] : []))])),
      frequency: 'Hàng năm',
      keywords: ['kế hoạch', 'chỉ tiêu kế hoạch', 'cải cách hành chính'],
      table: tableOf(TARGET_FIELDS, site.targets.map((target) => ({ site, target })), ['report_id', 'figure_id']),
    });
  }
  out.push({
    id: 'danh-muc-chi-so',
    title: 'Danh mục chỉ số cải cách hành chính',
    description: 'Danh mục chỉ số dùng trên cổng: mã, lĩnh vực, tên tiếng Việt và tiếng Anh, đơn vị tính, cơ sở tính, định nghĩa, chiều tốt lên và công thức tính.',
    en: {
      title: 'Catalogue of administrative reform indicators',
      description: 'The indicators used on the portal: id, reform area, Vietnamese and English name, unit, basis, definition, which direction is better and the formula of derived indicators.',
    },
    kind: 'catalogue',
    areas: site.content.areas.map((a) => a.id),
    organizations: [],
    reports: [],
    periods: [],
    temporal: null,
    modified: modifiedOf(site, site.content.reports.map((r) => r.meta.id)),
    frequency: 'Khi có thay đổi',
    keywords: ['danh mục', 'chỉ số', 'metadata'],
    table: tableOf(
      INDICATOR_FIELDS,
      site.content.indicators.map((indicator) => ({ indicator, derivation: derivationText(indicator), figures: site.figuresByIndicator.get(indicator.id)?.length ?? 0 })),
      ['indicator_id'],
    ),
  });
  // The other code lists the foreign keys point to: each its own dataset (why: ARCHITECTURE.md, "Dữ liệu mở cho máy thu thập").
  for (const r of referenceTables(site)) out.push(referenceDataset(site, r));
  return out;
}

/** A code list as a dataset: its files keep their names (danh-muc-*.csv/json/xlsx); it gets a page and a DCAT entry. */
function referenceDataset(site: Site, r: ReferenceTable): Dataset {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    en: r.en,
    kind: 'catalogue',
    // The areas list is about every area (like the indicator list); the others about none in particular.
    areas: r.id === REF.areas.resource ? site.content.areas.map((a) => a.id) : [],
    organizations: [],
    reports: [],
    periods: [],
    temporal: r.temporal,
    modified: siteModified(site),
    frequency: 'Khi có thay đổi',
    keywords: ['danh mục', ...r.keywords],
    table: r.table,
  };
}

/**
 * A code list the datasets' foreign keys point to, besides the indicator list (built with the datasets
 * above). Each is published as a dataset of kind 'catalogue' (referenceDataset).
 */
export interface ReferenceTable {
  id: string;
  title: string;
  description: string;
  en: { title: string; description: string };
  keywords: string[];
  /** Time the rows speak about, where that means something (report periods, event dates). */
  temporal: { start: string; end: string } | null;
  table: Table;
}

/** Earliest start and latest end of some date ranges, or null for none. */
function span(ranges: { start: string; end: string }[]): { start: string; end: string } | null {
  if (ranges.length === 0) return null;
  return { start: ranges.map((r) => r.start).sort()[0], end: ranges.map((r) => r.end).sort().at(-1)! };
}

export function referenceTables(site: Site): ReferenceTable[] {
  const { areas, organizations, breakdowns, reports, events = [] } = site.content;
  return [
    {
      id: REF.reports.resource,
      title: 'Danh mục văn bản nguồn',
      description: 'Các báo cáo, kế hoạch, văn bản chỉ đạo mà số liệu được trích ra: loại, cơ quan ban hành, phạm vi, kỳ, số và ngày văn bản, địa chỉ bản gốc (nếu có) và tóm tắt.',
      en: { title: 'Catalogue of source documents', description: 'The reports, plans and directives the figures are extracted from: kind, issuing organization, territory, period, document number and date, address of the original (where known) and summary.' },
      keywords: ['văn bản nguồn', 'báo cáo'],
      temporal: span(reports.map((r) => periodRange(r.meta.period))),
      table: tableOf(REPORT_FIELDS, reports.map((r) => r.meta), ['report_id']),
    },
    {
      id: REF.organizations.resource,
      title: 'Danh mục cơ quan, đơn vị',
      description: 'Cơ quan, địa phương ban hành văn bản hoặc được số liệu nói đến, kèm thời gian hoạt động, đơn vị kế thừa và sự kiện sắp xếp (sáp nhập, giải thể).',
      en: { title: 'Catalogue of organizations and administrative units', description: 'Agencies and localities that issue the documents or that the figures are about, with their period of existence, successor unit and reorganization event (merger, dissolution).' },
      keywords: ['cơ quan', 'đơn vị hành chính'],
      temporal: null,
      table: tableOf(ORGANIZATION_FIELDS, organizations, ['organization_id']),
    },
    {
      id: REF.events.resource,
      title: 'Danh mục sự kiện sắp xếp đơn vị hành chính',
      description: 'Các thay đổi đơn vị hành chính có ngày hiệu lực (hợp nhất, sáp nhập, giải thể, thành lập): đơn vị trước và sau sự kiện, căn cứ pháp lý (số, cơ quan ban hành, ngày, tên văn bản, địa chỉ nếu có). Cột event_id của danh mục cơ quan, đơn vị trỏ tới đây.',
      en: { title: 'Catalogue of administrative unit reorganization events', description: 'Dated changes of administrative units (consolidation, merger, dissolution, establishment): units before and after the event and its legal basis (number, issuer, date, title, address where known). The event_id column of the organizations catalogue points here.' },
      keywords: ['sắp xếp đơn vị hành chính', 'sự kiện'],
      temporal: span(events.map((e) => ({ start: e.effective, end: e.effective }))),
      table: tableOf(EVENT_FIELDS, events, ['event_id']),
    },
    {
      id: REF.areas.resource,
      title: 'Danh mục lĩnh vực cải cách hành chính',
      description: 'Bảy lĩnh vực của chương trình cải cách hành chính nhà nước.',
      en: { title: 'Catalogue of administrative reform areas', description: 'The seven areas of the state administrative reform programme.' },
      keywords: ['lĩnh vực'],
      temporal: null,
      table: {
        columns: [
          { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true },
          { name: 'order', type: 'integer', title: 'Thứ tự', description: 'Order in reports', required: true },
          { name: 'label', type: 'string', title: 'Lĩnh vực', description: 'Label (Vietnamese)', required: true },
          { name: 'label_en', type: 'string', title: 'Area', description: 'Label (English)', required: true },
          { name: 'description', type: 'string', title: 'Mô tả', description: 'Description (Vietnamese)', required: true },
        ],
        primaryKey: ['area_id'],
        rows: areas.map((a) => [a.id, a.order, a.label, a.labelEn, a.description]),
      },
    },
    {
      id: REF.breakdowns.resource,
      title: 'Danh mục phân tổ',
      description: 'Các phân tổ (cấp tỉnh, cấp huyện, cấp xã …) của số liệu.',
      en: { title: 'Catalogue of breakdowns', description: 'The breakdowns of the figures (provincial, district, commune level …).' },
      keywords: ['phân tổ'],
      temporal: null,
      table: {
        columns: [
          { name: 'breakdown_id', type: 'string', title: 'Mã phân tổ', description: 'Breakdown id', required: true },
          { name: 'label', type: 'string', title: 'Phân tổ', description: 'Label (Vietnamese)', required: true },
          { name: 'label_en', type: 'string', title: 'Breakdown', description: 'Label (English)', required: true },
        ],
        primaryKey: ['breakdown_id'],
        rows: breakdowns.map((b) => [b.id, b.label, b.labelEn]),
      },
    },
  ];
}

/** File names of a reference table under /data/. */
export const referenceFiles = (r: ReferenceTable) => ({ csv: `${r.id}.csv`, json: `${r.id}.json`, xlsx: `${r.id}.xlsx` });

/**
 * Canonical CSV: plain UTF-8 without BOM (what Frictionless, pandas, R and d3 read
 * as is), RFC 4180 with CRLF, exactly one line break after the last record even when
 * there are no rows. Excel users get the .xlsx beside it.
 */
export function toCsv(table: Table): string {
  const body = Papa.unparse(
    { fields: table.columns.map((c) => c.name), data: table.rows.map((r) => r.map((v) => (v === null ? '' : v))) },
    // Neutralise spreadsheet formulas, but a lone "=" (a target comparator) is data, not a formula.
    { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r].+$/s },
  );
  // Papa ends a header-only table with its own line break: strip before adding ours.
  return `${body.replace(/(\r\n)+$/, '')}\r\n`;
}

/** Rows per chunk of the streaming writers: big enough that per-call overhead vanishes, small enough to hold. */
const CHUNK_ROWS = 500;
const CSV_OPTS = { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r].+$/s } as const;

/**
 * toCsv(table) in chunks (header, then CHUNK_ROWS rows at a time): the build writes each to disk as
 * produced, so a 90,000-row table is never one string. Joined, the chunks are exactly toCsv(table)
 * (tests/unit/stream-exports.test.ts): papaparse quotes cell by cell, and the trailing line breaks
 * toCsv strips are held back here until a non-empty line follows (only a one-column table has empty lines).
 */
export function* csvChunks(table: Table): Generator<string> {
  let held = '';
  const emit = function* (piece: string) {
    const s = held + piece;
    const tail = /(\r\n)+$/.exec(s);
    held = tail ? tail[0] : '';
    const out = tail ? s.slice(0, tail.index) : s;
    if (out) yield out;
  };
  // Without rows, papaparse ends the header with its line break: the rows below bring their own.
  yield* emit(Papa.unparse({ fields: table.columns.map((c) => c.name), data: [] }, CSV_OPTS).replace(/\r\n$/, ''));
  for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
    const rows = table.rows.slice(i, i + CHUNK_ROWS).map((r) => r.map((v) => (v === null ? '' : v)));
    yield* emit(`\r\n${Papa.unparse(rows, CSV_OPTS)}`);
  }
  yield '\r\n';
}

/** toJson(table) in chunks of CHUNK_ROWS records; joined, exactly toJson(table). */
export function* jsonChunks(table: Table): Generator<string> {
  if (table.rows.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) {
    const records = table.rows.slice(i, i + CHUNK_ROWS).map((r) => JSON.stringify(Object.fromEntries(table.columns.map((c, j) => [c.name, r[j]]))));
    yield `${i === 0 ? '[' : ','}${records.join(',')}`;
  }
  yield ']\n';
}

/** Size and checksum of an exported file: all that descriptors, DCAT and the API need of its content. */
export interface FileFacts {
  bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** Table Schema (Frictionless v1 and v2) of a table, from its column declarations. */
export function tableSchema(table: Table, opts: { foreignKeys?: boolean } = {}) {
  const fks = opts.foreignKeys === false ? [] : table.columns.filter((c) => c.references);
  return {
    fields: table.columns.map((c) => {
      const constraints = { ...(c.required ? { required: true } : {}), ...(c.enum ? { enum: [...c.enum] } : {}) };
      return { name: c.name, type: c.type, title: c.title, description: c.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
    }),
    missingValues: [''],
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    ...(fks.length
      ? { foreignKeys: fks.map((c) => ({ fields: [c.name], reference: { resource: c.references!.resource, fields: [c.references!.field] } })) }
      : {}),
  };
}

/** Compact (one line, no indentation): the tables are the largest files of /data/ and pretty-printing added ~40 %. */
export function toJson(table: Table): string {
  const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));
  return `${JSON.stringify(records)}\n`;
}

/**
 * Slices (per report) repeat rows of observations.csv: they are published as CSV only,
 * and left out of the bulk zip, so /data/ grows by one copy of each figure per slice kind, not four
 * formats of each. The canonical tables (observations, targets, indicator catalogue) also come as JSON and XLSX.
 */
export const isSlice = (d: Pick<Dataset, 'kind'>) => d.kind === 'report';

/**
 * Where a dataset's DCAT description is: its own pair under /data/dcat/, or, for a report's dataset
 * (one per report: two files each made a seventh of dist/'s files at 1,000 reports), the whole
 * catalogue, which holds the same triples under the dataset's IRI.
 */
export const hasOwnDcat = (d: Pick<Dataset, 'kind'>) => d.kind !== 'report';
export const dcatFiles = (d: Pick<Dataset, 'id' | 'kind'>) =>
  hasOwnDcat(d) ? { jsonld: `dcat/${d.id}.jsonld`, ttl: `dcat/${d.id}.ttl` } : { jsonld: 'catalog.jsonld', ttl: 'catalog.ttl' };

/**
 * The Table Schema file (under /data/) a dataset's CSV and JSON conform to: its own, or for a report's slice the
 * all-figures table's (same columns, same keys), so no file is added per report.
 */
export const tableSchemaFile = (d: Pick<Dataset, 'id' | 'kind'>) => `schema/${isSlice(d) ? OBSERVATIONS_DATASET : d.id}.json`;

export type DownloadFormat = 'CSV' | 'JSON' | 'XLSX';

/**
 * File names under /data/: the all-figures table keeps the well-known name "observations"; slices have a
 * CSV only. The all-figures table has CSV and XLSX but no JSON: its records repeat every column name
 * (112 KB per added report, the largest file of /data/ at 1,000 reports, beside an 80 KB CSV of the same rows).
 */
export function datasetFiles(d: Dataset): { csv: string; json?: string; xlsx?: string } {
  const base = d.kind === 'observations' ? 'observations' : d.id;
  if (d.kind === 'observations') return { csv: `${base}.csv`, xlsx: `${base}.xlsx` };
  return isSlice(d) ? { csv: `${base}.csv` } : { csv: `${base}.csv`, json: `${base}.json`, xlsx: `${base}.xlsx` };
}

/** The downloads of a dataset, in display order: what DCAT, data.json, the CKAN API and the pages list. */
export function datasetDownloads(d: Dataset): { format: DownloadFormat; file: string }[] {
  const f = datasetFiles(d);
  return ([['CSV', f.csv], ['JSON', f.json], ['XLSX', f.xlsx]] as const).flatMap(([format, file]) => (file ? [{ format, file }] : []));
}
