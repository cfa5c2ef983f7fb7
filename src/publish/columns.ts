// The column registry: one declaration per exported column (name, type, Vietnamese
// title, description, vocabulary, value getter). It drives the CSV and JSON exports,
// the Table Schema of datapackage.json and the dataset dictionary pages, so adding a
// column is one entry here. Titles follow the glossary: chỉ số = indicator, chỉ tiêu
// kế hoạch = target, đơn vị tính = unit, cơ quan, đơn vị = organization.
import type { Site, TargetStatus } from '../pipeline/derive.ts';
import { TARGET_STATES } from '../pipeline/derive.ts';
import { byId, type Figure, type Indicator } from '../core/model.ts';
import { adminEventKinds, bases, comparators, organizationKinds, reportKinds, statuses, type AdminEvent, type Organization, type Report } from '../core/schema.ts';
import { periodRange } from '../core/period.ts';
import { comparatorGuide, shownHedge } from '../core/hedge.ts';
import { absolute, urls } from '../core/urls.ts';

export type Cell = string | number | boolean | null;

/** A published column, as the Table Schema and the dictionary pages describe it. */
export interface Column {
  name: string;
  /** Frictionless field type. */
  type: 'string' | 'number' | 'integer' | 'date' | 'boolean';
  /** Vietnamese title. */
  title: string;
  /** English description. */
  description: string;
  /** Every row has a value (Table Schema constraints.required). */
  required?: boolean;
  /** The closed vocabulary of the column, when it has one (Table Schema constraints.enum). */
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

/** A column with how to get its value from one row's source item. */
export interface ColumnDef<T> extends Column {
  value: (item: T) => Cell;
}

/** Names of the reference tables (datapackage resources) foreign keys point to. */
export const REF = {
  reports: { resource: 'danh-muc-bao-cao', field: 'report_id' },
  organizations: { resource: 'danh-muc-don-vi', field: 'organization_id' },
  areas: { resource: 'danh-muc-linh-vuc', field: 'area_id' },
  indicators: { resource: 'danh-muc-chi-so', field: 'indicator_id' },
  breakdowns: { resource: 'danh-muc-phan-to', field: 'breakdown_id' },
  events: { resource: 'danh-muc-su-kien', field: 'event_id' },
} as const;

/** The published columns of a declaration list (without the value getters). */
export function columnsOf<T>(defs: ColumnDef<T>[]): Column[] {
  return defs.map(({ value: _value, ...column }) => column);
}

/** One row of `item` under `defs`. */
export function rowOf<T>(defs: ColumnDef<T>[], item: T): Cell[] {
  return defs.map((d) => d.value(item));
}

/** A table of `items` under `defs`. */
export function tableOf<T>(defs: ColumnDef<T>[], items: T[], primaryKey?: string[]): Table {
  return { columns: columnsOf(defs), rows: items.map((item) => rowOf(defs, item)), ...(primaryKey ? { primaryKey } : {}) };
}

// ---------------------------------------------------------------- observations

export interface ObservationItem {
  site: Site;
  figure: Figure;
}

const meta = (o: ObservationItem) => byId(o.site.reportsById, o.figure.reportId, 'báo cáo').meta;
const indicatorOf = (o: ObservationItem): Indicator => byId(o.site.indicatorsById, o.figure.indicator, 'chỉ số');

/** observations.csv/json and every per-dataset, per-indicator and per-report figure table. */
export const OBSERVATION_FIELDS: ColumnDef<ObservationItem>[] = [
  // No report title column: it is the same long text on every row of a report (~18% of this table's
  // bytes, copied into every slice, workbook and the zip); the reports catalogue holds it by report_id.
  { name: 'report_id', type: 'string', title: 'Mã báo cáo', description: 'Report id; title, number, date and publisher are in the reports catalogue (foreign key)', required: true, references: REF.reports, value: (o) => meta(o).id },
  { name: 'report_kind', type: 'string', title: 'Loại văn bản', description: 'Kind of source document', enum: reportKinds, required: true, value: (o) => meta(o).kind },
  { name: 'figure_id', type: 'string', title: 'Mã số liệu', description: 'Figure id, unique within the report', required: true, value: (o) => o.figure.id },
  {
    name: 'period',
    type: 'string',
    title: 'Kỳ',
    description: 'Period the figure refers to, canonical spelling: 2024, 2024-H1, 2024-Q3, 2024-08, 2025-03-14 (as-of date), or an ISO 8601 interval 2024-01/2024-09, 2023-09/2024-08 (school year), 2021/2025 (programme phase)',
    required: true,
    value: (o) => o.figure.period,
  },
  { name: 'period_start', type: 'date', title: 'Từ ngày', description: 'First day of the period', required: true, value: (o) => periodRange(o.figure.period).start },
  { name: 'period_end', type: 'date', title: 'Đến ngày', description: 'Last day of the period (the as-of date of a stock)', required: true, value: (o) => periodRange(o.figure.period).end },
  {
    name: 'basis',
    type: 'string',
    title: 'Cơ sở tính',
    description: 'flow = amount during the period; cumulative = amount from the start of the period to its end (year-to-date, programme-to-date); stock = level as of the end of the period',
    enum: bases,
    required: true,
    value: (o) => o.figure.basis,
  },
  {
    name: 'status',
    type: 'string',
    title: 'Loại số liệu',
    description: 'actual = achieved; estimate = estimated (ước, khoảng); target = plan target (chỉ tiêu kế hoạch); planned = planned/expected (dự kiến); reference = a list, norm or count of rules in force, not an achievement',
    enum: statuses,
    required: true,
    value: (o) => o.figure.status,
  },
  { name: 'scope_id', type: 'string', title: 'Mã cơ quan, đơn vị', description: 'Organization the figure is about or that acted (the actor)', required: true, references: REF.organizations, value: (o) => o.figure.scope },
  {
    name: 'scope_name',
    type: 'string',
    title: 'Cơ quan, đơn vị',
    description: 'Organization name',
    required: true,
    value: (o) => o.site.organizationsById.get(o.figure.scope)?.name ?? o.figure.scope,
  },
  { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas, value: (o) => indicatorOf(o).area },
  { name: 'indicator_id', type: 'string', title: 'Mã chỉ số', description: 'Indicator id', required: true, references: REF.indicators, value: (o) => indicatorOf(o).id },
  { name: 'indicator_label', type: 'string', title: 'Chỉ số', description: 'Indicator label (Vietnamese)', required: true, value: (o) => indicatorOf(o).label },
  // The English label is in the indicator catalogue (danh-muc-chi-so, by indicator_id): repeated on
  // every row it was ~45 bytes a figure in each copy of this table.
  { name: 'breakdown', type: 'string', title: 'Phân tổ', description: 'Breakdown id (e.g. cap-tinh, dia-ban-<district>); empty for totals', references: REF.breakdowns, value: (o) => o.figure.breakdown },
  { name: 'value', type: 'number', title: 'Giá trị', description: 'Value as printed, plain number with "." as decimal point', required: true, value: (o) => o.figure.value },
  { name: 'denominator', type: 'number', title: 'Mẫu số', description: 'Denominator when printed as "a/b"', value: (o) => o.figure.denominator },
  { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit of measurement', required: true, value: (o) => o.figure.unit },
  { name: 'comparator', type: 'string', title: 'So sánh', description: `For targets / approximate figures, with the words a source prints for each: ${comparatorGuide()}`, enum: comparators, value: (o) => o.figure.comparator },
  { name: 'hedge', type: 'string', title: 'Từ so sánh như văn bản in', description: 'The word shown before the value: the one the source prints (e.g. gần = nearly, just below; xấp xỉ = about), else the comparator’s own word; empty when none', value: (o) => shownHedge(o.figure) || null },
  { name: 'section', type: 'string', title: 'Mục', description: 'Section of the source document', required: true, value: (o) => o.figure.section },
  { name: 'quote', type: 'string', title: 'Trích dẫn nguyên văn', description: 'Verbatim quote from the source that contains the figure', required: true, value: (o) => o.figure.quote },
  { name: 'note', type: 'string', title: 'Ghi chú biên tập', description: "Editor's note", value: (o) => o.figure.note },
  {
    name: 'quality_note',
    type: 'string',
    title: 'Ghi chú chất lượng dữ liệu',
    description: 'Consistency problems found in the source',
    value: (o) => (o.site.qualityNotes.get(o.figure.key) ?? []).join(' | ') || null,
  },
  { name: 'url', type: 'string', title: 'Liên kết', description: 'Permalink of the figure on the portal', required: true, value: (o) => absolute(urls.figure(o.figure.reportId, o.figure.id)) },
];

// ---------------------------------------------------------------- plan targets

export interface TargetItem {
  site: Site;
  target: TargetStatus;
}

const targetIndicator = (t: TargetItem): Indicator => byId(t.site.indicatorsById, t.target.indicator, 'chỉ số');

export const TARGET_FIELDS: ColumnDef<TargetItem>[] = [
  { name: 'report_id', type: 'string', title: 'Mã văn bản đặt chỉ tiêu kế hoạch', description: 'Id of the plan or report that sets the target', required: true, references: REF.reports, value: (t) => t.target.target.reportId },
  { name: 'figure_id', type: 'string', title: 'Mã chỉ tiêu kế hoạch', description: 'Target figure id', required: true, value: (t) => t.target.target.id },
  { name: 'period', type: 'string', title: 'Kỳ của chỉ tiêu kế hoạch', description: 'Period the target is set for', required: true, value: (t) => t.target.target.period },
  { name: 'basis', type: 'string', title: 'Cơ sở tính', description: 'Basis of the target (flow, cumulative, stock)', enum: bases, required: true, value: (t) => t.target.target.basis },
  { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas, value: (t) => targetIndicator(t).area },
  { name: 'indicator_id', type: 'string', title: 'Mã chỉ số', description: 'Indicator id', required: true, references: REF.indicators, value: (t) => targetIndicator(t).id },
  { name: 'indicator_label', type: 'string', title: 'Chỉ số', description: 'Indicator label (Vietnamese)', value: (t) => targetIndicator(t).label },
  { name: 'indicator_label_en', type: 'string', title: 'Chỉ số (tiếng Anh)', description: 'Indicator label (English)', value: (t) => targetIndicator(t).labelEn },
  { name: 'scope_id', type: 'string', title: 'Mã cơ quan, đơn vị', description: 'Organization the target is set for', required: true, references: REF.organizations, value: (t) => t.target.target.scope },
  { name: 'comparator', type: 'string', title: 'So sánh', description: `Comparator of the target: ${comparatorGuide()}`, enum: comparators, value: (t) => t.target.target.comparator },
  { name: 'hedge', type: 'string', title: 'Từ so sánh như văn bản in', description: 'The word shown before the target value: the one the source prints (e.g. ít nhất, tối thiểu), else the comparator’s own word; empty when none', value: (t) => shownHedge(t.target.target) || null },
  { name: 'target_value', type: 'number', title: 'Chỉ tiêu kế hoạch', description: 'Target value', required: true, value: (t) => t.target.target.value },
  { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit of measurement', value: (t) => t.target.target.unit },
  {
    name: 'actual_value',
    type: 'number',
    title: 'Thực hiện',
    description: 'Actual of the target’s own period and basis, or (not yet due) the latest value inside the target period, for information',
    value: (t) => t.target.latest?.value ?? null,
  },
  { name: 'actual_period', type: 'string', title: 'Kỳ thực hiện', description: 'Period of the actual value', value: (t) => t.target.latest?.period ?? null },
  { name: 'actual_report_id', type: 'string', title: 'Báo cáo thực hiện', description: 'Report of the actual value', references: REF.reports, value: (t) => t.target.latest?.reportId ?? null },
  {
    name: 'assessment',
    type: 'string',
    title: 'Đánh giá',
    description: 'met / not-met: judged against an actual of the target’s own period and basis; not-due: only part of the period reported so far; no-data',
    enum: TARGET_STATES,
    required: true,
    value: (t) => t.target.status,
  },
  { name: 'quote', type: 'string', title: 'Trích dẫn chỉ tiêu kế hoạch', description: 'Verbatim quote of the target', required: true, value: (t) => t.target.target.quote },
];

// ---------------------------------------------------------------- report catalogue

/**
 * danh-muc-bao-cao: every field a curator gives in report.json, published (tests/unit/column-registry.test.ts
 * fails when a report.json field has no column here). New columns go last: readers by position keep working.
 */
export const REPORT_FIELDS: ColumnDef<Report>[] = [
  { name: 'report_id', type: 'string', title: 'Mã báo cáo', description: 'Report id', required: true, value: (r) => r.id },
  { name: 'kind', type: 'string', title: 'Loại văn bản', description: 'Document kind', required: true, enum: reportKinds, value: (r) => r.kind },
  { name: 'title', type: 'string', title: 'Tên văn bản', description: 'Title (Vietnamese)', required: true, value: (r) => r.title },
  { name: 'issuer_id', type: 'string', title: 'Cơ quan ban hành', description: 'Issuing organization', required: true, references: REF.organizations, value: (r) => r.issuer },
  { name: 'scope_id', type: 'string', title: 'Phạm vi', description: 'Territory the report covers', required: true, references: REF.organizations, value: (r) => r.scope },
  { name: 'period', type: 'string', title: 'Kỳ', description: 'Period of the report', required: true, value: (r) => r.period },
  { name: 'document_number', type: 'string', title: 'Số hiệu', description: 'Document number as printed; empty when the source prints none', value: (r) => r.documentNumber },
  { name: 'date', type: 'date', title: 'Ngày ban hành', description: 'Date as printed; empty when the source prints none', value: (r) => r.date },
  // report.json's sourceFile is always source.txt: published as its address.
  { name: 'source_url', type: 'string', title: 'Toàn văn', description: 'Full source text (UTF-8)', required: true, value: (r) => absolute(urls.sourceTxt(r.id)) },
  { name: 'url', type: 'string', title: 'Liên kết', description: 'Report page on the portal', required: true, value: (r) => absolute(urls.report(r.id)) },
  {
    name: 'official_url',
    type: 'string',
    title: 'Bản gốc',
    description: "Address where the issuer publishes the original document; empty when none is known (never guessed)",
    value: (r) => r.officialUrl ?? null,
  },
  { name: 'summary', type: 'string', title: 'Tóm tắt', description: "Curator's summary of the document (Vietnamese)", required: true, value: (r) => r.summary },
];

// ---------------------------------------------------------------- organization catalogue

/**
 * danh-muc-don-vi: data/organizations.json, with the unit's history (validity, successor, the event of
 * data/events.json that changed it). predecessors is the inverse of successor and is not repeated.
 */
export const ORGANIZATION_FIELDS: ColumnDef<Organization>[] = [
  { name: 'organization_id', type: 'string', title: 'Mã cơ quan, đơn vị', description: 'Organization id', required: true, value: (o) => o.id },
  { name: 'kind', type: 'string', title: 'Loại', description: 'Kind of organization', required: true, enum: organizationKinds, value: (o) => o.kind },
  { name: 'name', type: 'string', title: 'Tên cơ quan, đơn vị', description: 'Name (Vietnamese)', required: true, value: (o) => o.name },
  { name: 'short_name', type: 'string', title: 'Tên ngắn', description: 'Short name (Vietnamese)', required: true, value: (o) => o.shortName },
  { name: 'name_en', type: 'string', title: 'Name', description: 'Name (English)', required: true, value: (o) => o.nameEn },
  { name: 'parent_id', type: 'string', title: 'Trực thuộc', description: 'Organization this one belongs to', references: REF.organizations, value: (o) => o.parent ?? null },
  { name: 'valid_from', type: 'date', title: 'Hoạt động từ ngày', description: 'First day the unit existed in this form; empty when it predates the data', value: (o) => o.validFrom ?? null },
  { name: 'valid_to', type: 'date', title: 'Hoạt động đến ngày', description: 'Last day the unit existed (dissolved or merged); empty while it exists', value: (o) => o.validTo ?? null },
  { name: 'successor_id', type: 'string', title: 'Đơn vị kế thừa', description: 'Unit that took over its territory and tasks after valid_to', references: REF.organizations, value: (o) => o.successor ?? null },
  { name: 'event_id', type: 'string', title: 'Sự kiện', description: 'Id of the dated change (merger, dissolution) that ended or created the unit, in the events catalogue', references: REF.events, value: (o) => o.event ?? null },
];

// ---------------------------------------------------------------- event catalogue

/** Ids of a list cell: ";" between slugs (which never contain it), so one cell, one split. */
const idList = (ids: readonly string[]) => ids.join(';');

/**
 * danh-muc-su-kien: data/events.json, one row per dated change of administrative units (merger,
 * dissolution …), with its legal basis. Lists (units, legal documents) are one cell each:
 * tests/unit/event-catalogue.test.ts fails when an events.json field has no column here.
 */
export const EVENT_FIELDS: ColumnDef<AdminEvent>[] = [
  { name: 'event_id', type: 'string', title: 'Mã sự kiện', description: 'Event id (organizations catalogue: event_id)', required: true, value: (e) => e.id },
  { name: 'kind', type: 'string', title: 'Loại sự kiện', description: 'merger, dissolution, establishment or reorganization', required: true, enum: adminEventKinds, value: (e) => e.kind },
  { name: 'effective', type: 'date', title: 'Có hiệu lực từ ngày', description: 'First day the new arrangement is in force (predecessors end the day before)', required: true, value: (e) => e.effective },
  { name: 'title', type: 'string', title: 'Tên sự kiện', description: 'Title (Vietnamese)', required: true, value: (e) => e.title },
  { name: 'description', type: 'string', title: 'Mô tả', description: 'Description (Vietnamese)', required: true, value: (e) => e.description },
  { name: 'predecessor_ids', type: 'string', title: 'Cơ quan, đơn vị trước sự kiện', description: 'Organization ids of the units that ceased on the effective date, separated by ";"', required: true, value: (e) => idList(e.predecessors) },
  { name: 'successor_ids', type: 'string', title: 'Cơ quan, đơn vị sau sự kiện', description: 'Organization ids of the units that exist from the effective date, separated by ";"', required: true, value: (e) => idList(e.successors) },
  {
    name: 'legal_basis',
    type: 'string',
    title: 'Căn cứ pháp lý',
    description: 'Legal documents, each "document (issuer, YYYY-MM-DD): title", separated by " | "',
    required: true,
    value: (e) => e.legalBasis.map((b) => `${b.document} (${b.issuer}, ${b.date}): ${b.title}`).join(' | '),
  },
  {
    name: 'legal_basis_urls',
    type: 'string',
    title: 'Địa chỉ văn bản căn cứ',
    description: 'Web addresses of the legal documents that have one, in the order of legal_basis, separated by " "',
    value: (e) => e.legalBasis.flatMap((b) => (b.url ? [b.url] : [])).join(' ') || null,
  },
];

// ---------------------------------------------------------------- indicator catalogue

export interface IndicatorItem {
  indicator: Indicator;
  /** Number of figures of the indicator on the portal. */
  figures: number;
  derivation: string | null;
}

export const INDICATOR_FIELDS: ColumnDef<IndicatorItem>[] = [
  { name: 'indicator_id', type: 'string', title: 'Mã chỉ số', description: 'Indicator id', required: true, value: (i) => i.indicator.id },
  { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id', required: true, references: REF.areas, value: (i) => i.indicator.area },
  { name: 'label', type: 'string', title: 'Tên chỉ số', description: 'Label (Vietnamese)', required: true, value: (i) => i.indicator.label },
  { name: 'label_en', type: 'string', title: 'Tên chỉ số (tiếng Anh)', description: 'Label (English)', required: true, value: (i) => i.indicator.labelEn },
  { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit of measurement', required: true, value: (i) => i.indicator.unit },
  { name: 'basis', type: 'string', title: 'Cơ sở tính', description: "The indicator's natural basis (flow, cumulative, stock)", enum: bases, required: true, value: (i) => i.indicator.basis },
  { name: 'definition', type: 'string', title: 'Định nghĩa', description: 'Definition (Vietnamese)', required: true, value: (i) => i.indicator.definition },
  {
    name: 'higher_is_better',
    type: 'boolean',
    title: 'Càng cao càng tốt',
    description: 'true / false / empty when neutral',
    value: (i) => i.indicator.higherIsBetter,
  },
  { name: 'derivation', type: 'string', title: 'Công thức', description: 'How the indicator is computed from others', value: (i) => i.derivation },
  { name: 'figures', type: 'integer', title: 'Số số liệu', description: 'Number of figures on the portal', required: true, value: (i) => i.figures },
];

/** The observation columns as published (Table Schema, dictionary pages). */
export const OBSERVATION_COLUMNS: Column[] = columnsOf(OBSERVATION_FIELDS);

// ---------------------------------------------------------------- per-indicator series

/**
 * Observation columns a per-indicator table (/data/chi-so/<id>.csv) leaves out, each with where its
 * value stays: the indicator's catalogue entry or a code list by a key the row keeps, or the row of
 * observations.csv with the same report_id + figure_id (its primary key). At 1,000 reports these were
 * ~60 % of the per-indicator files (the quote and note alone ~40 %): ~35 MB of dist/.
 * The dataset page of observations.csv and the indicator package describe the split.
 */
/** Id of the all-figures dataset (observations.csv) in datapackage.json and DCAT. */
export const OBSERVATIONS_DATASET = 'so-lieu-cchc';

export interface OmittedColumn {
  /** The table (datapackage resource) that holds the value. */
  resource: string;
  /** Keys of this file → the matching columns of that table. */
  by: Readonly<Record<string, string>>;
  /** The column of that table with the value. */
  column: string;
}
const byFigure = { report_id: 'report_id', figure_id: 'figure_id' };
export const SERIES_OMITTED: Readonly<Record<string, OmittedColumn>> = {
  report_kind: { resource: REF.reports.resource, by: { report_id: REF.reports.field }, column: 'kind' },
  scope_name: { resource: REF.organizations.resource, by: { scope_id: REF.organizations.field }, column: 'name' },
  area_id: { resource: REF.indicators.resource, by: { indicator_id: REF.indicators.field }, column: 'area_id' },
  indicator_label: { resource: REF.indicators.resource, by: { indicator_id: REF.indicators.field }, column: 'label' },
  section: { resource: OBSERVATIONS_DATASET, by: byFigure, column: 'section' },
  quote: { resource: OBSERVATIONS_DATASET, by: byFigure, column: 'quote' },
  note: { resource: OBSERVATIONS_DATASET, by: byFigure, column: 'note' },
};

/**
 * A per-indicator table: the series to chart or compare (when, basis, status, scope, breakdown,
 * value, unit), the quality note that qualifies a value, and the figure's permalink (quote and
 * source there). Same declarations, names and order as OBSERVATION_FIELDS, fewer of them.
 */
export const SERIES_FIELDS: ColumnDef<ObservationItem>[] = OBSERVATION_FIELDS.filter((c) => !(c.name in SERIES_OMITTED));
export const SERIES_COLUMNS: Column[] = columnsOf(SERIES_FIELDS);
/** A figure is identified by its report and its id within the report. */
export const OBSERVATION_KEY = ['report_id', 'figure_id'];
