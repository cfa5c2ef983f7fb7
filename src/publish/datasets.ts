// The dataset catalogue: which downloadable tables the portal publishes, their
// rows and metadata. Pure: the export stage serialises these, pages list them.
import Papa from 'papaparse';
import { isTarget, type Site, type TargetState } from '../pipeline/derive.ts';
import type { Figure } from '../core/model.ts';
import { comparators, organizationKinds, reportKinds, type Indicator } from '../core/schema.ts';
import { absolute, urls } from '../core/urls.ts';
import { periodRange, periodLabel } from '../core/period.ts';

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

export type Cell = string | number | boolean | null;
export interface Column {
  name: string;
  /** Frictionless field type. */
  type: 'string' | 'number' | 'integer' | 'date' | 'boolean';
  title: string;
  description: string;
  /** Every row has a value (Table Schema constraints.required). */
  required?: boolean;
  /** The only values allowed (constraints.enum). */
  enum?: readonly string[];
  /** Foreign key: every non-empty value is a key of this reference table (a resource of datapackage.json). */
  references?: { resource: string; field: string };
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
  /** Columns whose values together identify a row. */
  primaryKey?: string[];
}

/** Names of the reference tables (datapackage resources) foreign keys point to. */
export const REF = {
  reports: { resource: 'danh-muc-bao-cao', field: 'report_id' },
  organizations: { resource: 'danh-muc-don-vi', field: 'organization_id' },
  areas: { resource: 'danh-muc-linh-vuc', field: 'area_id' },
  indicators: { resource: 'danh-muc-chi-so', field: 'indicator_id' },
  breakdowns: { resource: 'danh-muc-phan-to', field: 'breakdown_id' },
} as const;

export interface Dataset {
  id: string;
  title: string;
  description: string;
  /** Facets. */
  kind: 'observations' | 'area' | 'report' | 'targets' | 'catalogue';
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

/** Human-readable formula of an indicator's derivation, or null. */
export function derivationText(i: Indicator): string | null {
  const d = i.derivation;
  if (!d) return null;
  if (d.kind === 'ratio') return `${d.numerator} / ${d.denominator} × 100`;
  if (d.kind === 'fraction') return `tử số / mẫu số của ${d.of} × 100`;
  return d.parts.join(' + ');
}

export const OBSERVATION_COLUMNS: Column[] = [
  { name: 'report_id', type: 'string', title: 'Mã báo cáo', description: 'Report id', required: true, references: REF.reports },
  { name: 'report_title', type: 'string', title: 'Báo cáo', description: 'Report title (Vietnamese)', required: true },
  { name: 'report_kind', type: 'string', title: 'Loại văn bản', description: 'quarterly-report | half-year-report | annual-plan | directive', required: true, enum: reportKinds },
  { name: 'figure_id', type: 'string', title: 'Mã số liệu', description: 'Figure id, unique within the report', required: true },
  { name: 'period', type: 'string', title: 'Kỳ', description: 'Period the figure refers to: 2024-Q3, 2023-H1, 2024, 2024-01/2024-09 …', required: true },
  { name: 'period_start', type: 'date', title: 'Từ ngày', description: 'First day of the period', required: true },
  { name: 'period_end', type: 'date', title: 'Đến ngày', description: 'Last day of the period', required: true },
  { name: 'scope_id', type: 'string', title: 'Mã đơn vị', description: 'Organization / territory the figure is about', required: true, references: REF.organizations },
  { name: 'scope_name', type: 'string', title: 'Đơn vị', description: 'Organization name', required: true },
  { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas },
  { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id', required: true, references: REF.indicators },
  { name: 'indicator_label', type: 'string', title: 'Chỉ tiêu', description: 'Indicator label (Vietnamese)', required: true },
  { name: 'indicator_label_en', type: 'string', title: 'Indicator', description: 'Indicator label (English)', required: true },
  { name: 'breakdown', type: 'string', title: 'Phân tổ', description: 'Breakdown id (e.g. cap-tinh); empty for totals', references: REF.breakdowns },
  { name: 'value', type: 'number', title: 'Giá trị', description: 'Value as printed, plain number with "." as decimal point', required: true },
  { name: 'denominator', type: 'number', title: 'Mẫu số', description: 'Denominator when printed as "a/b"' },
  { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit', required: true },
  { name: 'comparator', type: 'string', title: 'So sánh', description: 'For targets / approximate figures: > >= < <= = ~', enum: comparators },
  { name: 'section', type: 'string', title: 'Mục', description: 'Section of the source document', required: true },
  { name: 'quote', type: 'string', title: 'Trích dẫn nguyên văn', description: 'Verbatim quote from the source that contains the figure', required: true },
  { name: 'note', type: 'string', title: 'Ghi chú biên tập', description: "Editor's note" },
  { name: 'quality_note', type: 'string', title: 'Ghi chú chất lượng dữ liệu', description: 'Consistency problems found in the source' },
  { name: 'url', type: 'string', title: 'Liên kết', description: 'Permalink of the figure on the portal', required: true },
];

export function observationRow(site: Site, f: Figure): Cell[] {
  const report = site.reportsById.get(f.reportId)!.meta;
  const ind = site.indicatorsById.get(f.indicator)!;
  const org = site.content.organizations.find((o) => o.id === f.scope);
  const range = periodRange(f.period);
  return [
    report.id,
    report.title,
    report.kind,
    f.id,
    f.period,
    range.start,
    range.end,
    f.scope,
    org?.name ?? f.scope,
    ind.area,
    ind.id,
    ind.label,
    ind.labelEn,
    f.breakdown,
    f.value,
    f.denominator,
    f.unit,
    f.comparator,
    f.section,
    f.quote,
    f.note,
    (site.qualityNotes.get(f.key) ?? []).join(' | ') || null,
    absolute(urls.figure(f.reportId, f.id)),
  ];
}

function observationTable(site: Site, figures: Figure[]): Table {
  return { columns: OBSERVATION_COLUMNS, rows: figures.map((f) => observationRow(site, f)), primaryKey: OBSERVATION_KEY };
}

/** A figure is identified by its report and its id within the report. */
export const OBSERVATION_KEY = ['report_id', 'figure_id'];

/** Time covered by measured figures: plan targets (future years) are not coverage, unless the table holds only targets. */
function coverage(site: Site, figures: Figure[]): { start: string; end: string } | null {
  if (figures.length === 0) return null;
  const measured = figures.filter((f) => !isTarget(f, site.reportsById.get(f.reportId)!.meta));
  const ranges = (measured.length ? measured : figures).map((f) => periodRange(f.period));
  return {
    start: ranges.map((r) => r.start).sort()[0],
    end: ranges.map((r) => r.end).sort().at(-1)!,
  };
}

/** The date a report speaks for: its printed date, else the end of its period. */
export function reportDate(site: Site, id: string): string {
  const m = site.reportsById.get(id)!.meta;
  return m.date ?? periodRange(m.period).end;
}

function modifiedOf(site: Site, reportIds: string[]): string {
  return reportIds.map((id) => reportDate(site, id)).sort().at(-1) ?? '1970-01-01';
}

/** Newest date of the content: report dates where printed, else period ends. Deterministic stand-in for "now". */
export function siteModified(site: Site): string {
  return modifiedOf(site, site.content.reports.map((r) => r.meta.id));
}

const uniq = <T,>(xs: T[]) => [...new Set(xs)].sort() as T[];

function figureDataset(site: Site, base: Omit<Dataset, 'areas' | 'organizations' | 'reports' | 'periods' | 'temporal' | 'modified' | 'table'>, figures: Figure[]): Dataset {
  const reports = uniq(figures.map((f) => f.reportId));
  return {
    ...base,
    areas: uniq(figures.map((f) => site.indicatorsById.get(f.indicator)!.area)),
    organizations: uniq(figures.map((f) => f.scope)),
    reports,
    periods: uniq(figures.map((f) => f.period)),
    temporal: coverage(site, figures),
    modified: modifiedOf(site, reports),
    table: observationTable(site, figures),
  };
}

const TARGET_STATES: readonly TargetState[] = ['met', 'not-met', 'no-data'];

const datasetCache = new WeakMap<Site, Dataset[]>();

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
        id: 'so-lieu-cchc',
        title: 'Toàn bộ số liệu cải cách hành chính tỉnh Kon Tum',
        description: 'Bảng dài (long format) mọi số liệu trích từ các báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính: mỗi dòng một số liệu, kèm kỳ, đơn vị, chỉ tiêu, mục và câu trích dẫn nguyên văn làm bằng chứng.',
        kind: 'observations',
        frequency: 'Hàng quý',
        keywords: ['cải cách hành chính', 'CCHC', 'Kon Tum', 'thủ tục hành chính', 'số liệu'],
      },
      all,
    ),
  );
  for (const area of site.content.areas) {
    const figures = all.filter((f) => site.indicatorsById.get(f.indicator)?.area === area.id);
    if (figures.length === 0) continue;
    out.push(
      figureDataset(
        site,
        {
          id: `linh-vuc-${area.id}`,
          title: `Số liệu lĩnh vực ${area.label}`,
          description: `${area.description} Số liệu từ mọi báo cáo, theo kỳ và đơn vị.`,
          kind: 'area',
          frequency: 'Hàng quý',
          keywords: ['cải cách hành chính', area.label],
        },
        figures,
      ),
    );
  }
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
          keywords: ['cải cách hành chính', periodLabel(r.meta.period)],
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
      description: 'Các chỉ tiêu định lượng trong kế hoạch CCHC của tỉnh, kèm giá trị thực hiện mới nhất cùng năm (nếu có báo cáo) và trạng thái đạt / chưa đạt / chưa có số liệu.',
      kind: 'targets',
      areas: uniq(targetFigures.map((f) => site.indicatorsById.get(f.indicator)!.area)),
      organizations: uniq(targetFigures.map((f) => f.scope)),
      reports: uniq([...reports, ...site.targets.flatMap((t) => (t.actual ? [t.actual.reportId] : []))]),
      periods: uniq(targetFigures.map((f) => f.period)),
      temporal: coverage(site, targetFigures),
      modified: modifiedOf(site, uniq([...reports, ...site.targets.flatMap((t) => (t.actual ? [t.actual.reportId] : []))])),
      frequency: 'Hàng năm',
      keywords: ['kế hoạch', 'chỉ tiêu', 'cải cách hành chính'],
      table: {
        columns: [
          { name: 'report_id', type: 'string', title: 'Mã kế hoạch', description: 'Plan report id', required: true, references: REF.reports },
          { name: 'figure_id', type: 'string', title: 'Mã chỉ tiêu kế hoạch', description: 'Target figure id', required: true },
          { name: 'period', type: 'string', title: 'Năm', description: 'Target period', required: true },
          { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas },
          { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id', required: true, references: REF.indicators },
          { name: 'indicator_label', type: 'string', title: 'Chỉ tiêu', description: 'Indicator label (Vietnamese)' },
          { name: 'indicator_label_en', type: 'string', title: 'Indicator', description: 'Indicator label (English)' },
          { name: 'scope_id', type: 'string', title: 'Mã đơn vị', description: 'Scope', required: true, references: REF.organizations },
          { name: 'comparator', type: 'string', title: 'So sánh', description: 'Comparator of the target', enum: comparators },
          { name: 'target_value', type: 'number', title: 'Chỉ tiêu', description: 'Target value', required: true },
          { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit' },
          { name: 'actual_value', type: 'number', title: 'Thực hiện', description: 'Latest measured value in the target year' },
          { name: 'actual_period', type: 'string', title: 'Kỳ thực hiện', description: 'Period of the measured value' },
          { name: 'actual_report_id', type: 'string', title: 'Báo cáo thực hiện', description: 'Report of the measured value', references: REF.reports },
          { name: 'status', type: 'string', title: 'Trạng thái', description: 'met | not-met | no-data', required: true, enum: TARGET_STATES },
          { name: 'quote', type: 'string', title: 'Trích dẫn chỉ tiêu', description: 'Verbatim quote of the target', required: true },
        ],
        primaryKey: ['report_id', 'figure_id'],
        rows: site.targets.map((t) => {
          const ind = site.indicatorsById.get(t.indicator)!;
          return [t.target.reportId, t.target.id, t.target.period, ind.area, ind.id, ind.label, ind.labelEn, t.target.scope, t.target.comparator, t.target.value, t.target.unit, t.actual?.value ?? null, t.actual?.period ?? null, t.actual?.reportId ?? null, t.status, t.target.quote];
        }),
      },
    });
  }
  out.push({
    id: 'danh-muc-chi-so',
    title: 'Danh mục chỉ tiêu cải cách hành chính',
    description: 'Danh mục chỉ tiêu dùng trên cổng: mã, lĩnh vực, tên tiếng Việt và tiếng Anh, đơn vị tính, định nghĩa, chiều tốt lên và công thức tính.',
    kind: 'catalogue',
    areas: site.content.areas.map((a) => a.id),
    organizations: [],
    reports: [],
    periods: [],
    temporal: null,
    modified: modifiedOf(site, site.content.reports.map((r) => r.meta.id)),
    frequency: 'Khi có thay đổi',
    keywords: ['danh mục', 'chỉ tiêu', 'metadata'],
    table: {
      columns: [
        { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id', required: true },
        { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas },
        { name: 'label', type: 'string', title: 'Tên chỉ tiêu', description: 'Label (Vietnamese)', required: true },
        { name: 'label_en', type: 'string', title: 'Indicator', description: 'Label (English)', required: true },
        { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit', required: true },
        { name: 'definition', type: 'string', title: 'Định nghĩa', description: 'Definition (Vietnamese)', required: true },
        { name: 'higher_is_better', type: 'boolean', title: 'Càng cao càng tốt', description: 'true / false / empty when neutral' },
        { name: 'derivation', type: 'string', title: 'Công thức', description: 'How the indicator is computed from others' },
        { name: 'figures', type: 'integer', title: 'Số số liệu', description: 'Number of figures on the portal', required: true },
      ],
      primaryKey: ['indicator_id'],
      rows: site.content.indicators.map((i) => [
        i.id,
        i.area,
        i.label,
        i.labelEn,
        i.unit,
        i.definition,
        i.higherIsBetter,
        derivationText(i),
        site.figures.filter((f) => f.indicator === i.id).length,
      ]),
    },
  });
  return out;
}

/** A code list the datasets' foreign keys point to, published beside them (the indicator list is a dataset itself). */
export interface ReferenceTable {
  id: string;
  title: string;
  description: string;
  table: Table;
}

export function referenceTables(site: Site): ReferenceTable[] {
  const { areas, organizations, breakdowns, reports } = site.content;
  return [
    {
      id: REF.reports.resource,
      title: 'Danh mục văn bản nguồn',
      description: 'Các báo cáo, kế hoạch, văn bản chỉ đạo mà số liệu được trích ra: loại, cơ quan ban hành, phạm vi, kỳ, số và ngày văn bản.',
      table: {
        columns: [
          { name: 'report_id', type: 'string', title: 'Mã báo cáo', description: 'Report id', required: true },
          { name: 'kind', type: 'string', title: 'Loại văn bản', description: 'Document kind', required: true, enum: reportKinds },
          { name: 'title', type: 'string', title: 'Tên văn bản', description: 'Title (Vietnamese)', required: true },
          { name: 'issuer_id', type: 'string', title: 'Cơ quan ban hành', description: 'Issuing organization', required: true, references: REF.organizations },
          { name: 'scope_id', type: 'string', title: 'Phạm vi', description: 'Territory the report covers', required: true, references: REF.organizations },
          { name: 'period', type: 'string', title: 'Kỳ', description: 'Period of the report', required: true },
          { name: 'document_number', type: 'string', title: 'Số hiệu', description: 'Document number as printed; empty when the source prints none' },
          { name: 'date', type: 'date', title: 'Ngày ban hành', description: 'Date as printed; empty when the source prints none' },
          { name: 'source_url', type: 'string', title: 'Toàn văn', description: 'Full source text (UTF-8)', required: true },
          { name: 'url', type: 'string', title: 'Liên kết', description: 'Report page on the portal', required: true },
        ],
        primaryKey: ['report_id'],
        rows: reports.map((r) => [r.meta.id, r.meta.kind, r.meta.title, r.meta.issuer, r.meta.scope, r.meta.period, r.meta.documentNumber, r.meta.date, absolute(urls.sourceTxt(r.meta.id)), absolute(urls.report(r.meta.id))]),
      },
    },
    {
      id: REF.organizations.resource,
      title: 'Danh mục cơ quan, đơn vị',
      description: 'Cơ quan, địa phương ban hành văn bản hoặc được số liệu nói đến.',
      table: {
        columns: [
          { name: 'organization_id', type: 'string', title: 'Mã đơn vị', description: 'Organization id', required: true },
          { name: 'kind', type: 'string', title: 'Loại', description: 'Kind of organization', required: true, enum: organizationKinds },
          { name: 'name', type: 'string', title: 'Tên', description: 'Name (Vietnamese)', required: true },
          { name: 'short_name', type: 'string', title: 'Tên ngắn', description: 'Short name (Vietnamese)', required: true },
          { name: 'name_en', type: 'string', title: 'Name', description: 'Name (English)', required: true },
          { name: 'parent_id', type: 'string', title: 'Trực thuộc', description: 'Organization this one belongs to', references: REF.organizations },
        ],
        primaryKey: ['organization_id'],
        rows: organizations.map((o) => [o.id, o.kind, o.name, o.shortName, o.nameEn, o.parent ?? null]),
      },
    },
    {
      id: REF.areas.resource,
      title: 'Danh mục lĩnh vực cải cách hành chính',
      description: 'Bảy lĩnh vực của chương trình cải cách hành chính nhà nước.',
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

export function toJson(table: Table): string {
  const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** File names under /data/: the all-figures table keeps the well-known name "observations". */
export function datasetFiles(d: Dataset): { csv: string; json: string; xlsx: string } {
  const base = d.kind === 'observations' ? 'observations' : d.id;
  return { csv: `${base}.csv`, json: `${base}.json`, xlsx: `${base}.xlsx` };
}
