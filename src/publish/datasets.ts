// The dataset catalogue: which downloadable tables the portal publishes, their
// rows and metadata. Pure: the export stage serialises these, pages list them.
import Papa from 'papaparse';
import type { Site } from '../pipeline/derive.ts';
import type { Figure } from '../core/model.ts';
import type { Indicator } from '../core/schema.ts';
import { absolute, urls } from '../core/urls.ts';
import { periodRange, periodLabel } from '../core/period.ts';

export const LICENSE = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
};
export const PUBLISHER = {
  name: 'Cổng dữ liệu mở cải cách hành chính tỉnh Kon Tum',
  sourceOrganization: 'Ủy ban nhân dân tỉnh Kon Tum',
};

export type Cell = string | number | null;
export interface Column {
  name: string;
  /** Frictionless field type. */
  type: 'string' | 'number' | 'integer' | 'date' | 'boolean';
  title: string;
  description: string;
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
}

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
  { name: 'report_id', type: 'string', title: 'Mã báo cáo', description: 'Report id' },
  { name: 'report_title', type: 'string', title: 'Báo cáo', description: 'Report title (Vietnamese)' },
  { name: 'report_kind', type: 'string', title: 'Loại văn bản', description: 'quarterly-report | half-year-report | annual-plan | directive' },
  { name: 'figure_id', type: 'string', title: 'Mã số liệu', description: 'Figure id, unique within the report' },
  { name: 'period', type: 'string', title: 'Kỳ', description: 'Period the figure refers to: 2024-Q3, 2023-H1, 2024, 2024-01/2024-09 …' },
  { name: 'period_start', type: 'date', title: 'Từ ngày', description: 'First day of the period' },
  { name: 'period_end', type: 'date', title: 'Đến ngày', description: 'Last day of the period' },
  { name: 'scope_id', type: 'string', title: 'Mã đơn vị', description: 'Organization / territory the figure is about' },
  { name: 'scope_name', type: 'string', title: 'Đơn vị', description: 'Organization name' },
  { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id' },
  { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id' },
  { name: 'indicator_label', type: 'string', title: 'Chỉ tiêu', description: 'Indicator label (Vietnamese)' },
  { name: 'indicator_label_en', type: 'string', title: 'Indicator', description: 'Indicator label (English)' },
  { name: 'breakdown', type: 'string', title: 'Phân tổ', description: 'Breakdown id (e.g. cap-tinh); empty for totals' },
  { name: 'value', type: 'number', title: 'Giá trị', description: 'Value as printed, plain number with "." as decimal point' },
  { name: 'denominator', type: 'number', title: 'Mẫu số', description: 'Denominator when printed as "a/b"' },
  { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit' },
  { name: 'comparator', type: 'string', title: 'So sánh', description: 'For targets / approximate figures: > >= < <= = ~' },
  { name: 'section', type: 'string', title: 'Mục', description: 'Section of the source document' },
  { name: 'quote', type: 'string', title: 'Trích dẫn nguyên văn', description: 'Verbatim quote from the source that contains the figure' },
  { name: 'note', type: 'string', title: 'Ghi chú biên tập', description: "Editor's note" },
  { name: 'quality_note', type: 'string', title: 'Ghi chú chất lượng dữ liệu', description: 'Consistency problems found in the source' },
  { name: 'url', type: 'string', title: 'Liên kết', description: 'Permalink of the figure on the portal' },
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
  return { columns: OBSERVATION_COLUMNS, rows: figures.map((f) => observationRow(site, f)) };
}

function coverage(figures: Figure[]): { start: string; end: string } | null {
  if (figures.length === 0) return null;
  const ranges = figures.map((f) => periodRange(f.period));
  return {
    start: ranges.map((r) => r.start).sort()[0],
    end: ranges.map((r) => r.end).sort().at(-1)!,
  };
}

function modifiedOf(site: Site, reportIds: string[]): string {
  const dates = reportIds.map((id) => {
    const m = site.reportsById.get(id)!.meta;
    return m.date ?? periodRange(m.period).end;
  });
  return dates.sort().at(-1) ?? '1970-01-01';
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
    temporal: coverage(figures),
    modified: modifiedOf(site, reports),
    table: observationTable(site, figures),
  };
}

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
      temporal: coverage(targetFigures),
      modified: modifiedOf(site, uniq([...reports, ...site.targets.flatMap((t) => (t.actual ? [t.actual.reportId] : []))])),
      frequency: 'Hàng năm',
      keywords: ['kế hoạch', 'chỉ tiêu', 'cải cách hành chính'],
      table: {
        columns: [
          { name: 'report_id', type: 'string', title: 'Mã kế hoạch', description: 'Plan report id' },
          { name: 'figure_id', type: 'string', title: 'Mã chỉ tiêu kế hoạch', description: 'Target figure id' },
          { name: 'period', type: 'string', title: 'Năm', description: 'Target period' },
          { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id' },
          { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id' },
          { name: 'indicator_label', type: 'string', title: 'Chỉ tiêu', description: 'Indicator label (Vietnamese)' },
          { name: 'indicator_label_en', type: 'string', title: 'Indicator', description: 'Indicator label (English)' },
          { name: 'scope_id', type: 'string', title: 'Mã đơn vị', description: 'Scope' },
          { name: 'comparator', type: 'string', title: 'So sánh', description: 'Comparator of the target' },
          { name: 'target_value', type: 'number', title: 'Chỉ tiêu', description: 'Target value' },
          { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit' },
          { name: 'actual_value', type: 'number', title: 'Thực hiện', description: 'Latest measured value in the target year' },
          { name: 'actual_period', type: 'string', title: 'Kỳ thực hiện', description: 'Period of the measured value' },
          { name: 'actual_report_id', type: 'string', title: 'Báo cáo thực hiện', description: 'Report of the measured value' },
          { name: 'status', type: 'string', title: 'Trạng thái', description: 'met | not-met | no-data' },
          { name: 'quote', type: 'string', title: 'Trích dẫn chỉ tiêu', description: 'Verbatim quote of the target' },
        ],
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
        { name: 'indicator_id', type: 'string', title: 'Mã chỉ tiêu', description: 'Indicator id' },
        { name: 'area_id', type: 'string', title: 'Mã lĩnh vực', description: 'Reform area id' },
        { name: 'label', type: 'string', title: 'Tên chỉ tiêu', description: 'Label (Vietnamese)' },
        { name: 'label_en', type: 'string', title: 'Indicator', description: 'Label (English)' },
        { name: 'unit', type: 'string', title: 'Đơn vị tính', description: 'Unit' },
        { name: 'definition', type: 'string', title: 'Định nghĩa', description: 'Definition (Vietnamese)' },
        { name: 'higher_is_better', type: 'boolean', title: 'Càng cao càng tốt', description: 'true / false / empty when neutral' },
        { name: 'derivation', type: 'string', title: 'Công thức', description: 'How the indicator is computed from others' },
        { name: 'figures', type: 'integer', title: 'Số số liệu', description: 'Number of figures on the portal' },
      ],
      rows: site.content.indicators.map((i) => [
        i.id,
        i.area,
        i.label,
        i.labelEn,
        i.unit,
        i.definition,
        i.higherIsBetter === null ? null : String(i.higherIsBetter),
        derivationText(i),
        site.figures.filter((f) => f.indicator === i.id).length,
      ]),
    },
  });
  return out;
}

/** CSV that Excel opens correctly with Vietnamese text: UTF-8 with BOM, CRLF. */
export function toCsv(table: Table): string {
  const body = Papa.unparse(
    { fields: table.columns.map((c) => c.name), data: table.rows.map((r) => r.map((v) => (v === null ? '' : v))) },
    // Neutralise spreadsheet formulas, but a lone "=" (a target comparator) is data, not a formula.
    { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r].+$/s },
  );
  return `\uFEFF${body}\r\n`;
}

export function toJson(table: Table): string {
  const records = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** File names under /data/: the all-figures table keeps the well-known name "observations". */
export function datasetFiles(d: Dataset): { csv: string; json: string } {
  const base = d.kind === 'observations' ? 'observations' : d.id;
  return { csv: `${base}.csv`, json: `${base}.json` };
}
