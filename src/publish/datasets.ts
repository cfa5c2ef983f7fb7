// The dataset catalogue: which downloadable tables the portal publishes, their
// rows and metadata. Pure: the export stage serialises these, pages list them.
import Papa from 'papaparse';
import type { Site } from '../pipeline/derive.ts';
import type { Figure } from '../core/model.ts';
import type { Indicator } from '../core/schema.ts';
import { periodRange, periodLabel } from '../core/period.ts';
import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, TARGET_COLUMNS, tableOf, type Table } from './columns.ts';

export const LICENSE = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
};
export const PUBLISHER = {
  name: 'Cổng dữ liệu mở cải cách hành chính tỉnh Kon Tum',
  sourceOrganization: 'Ủy ban nhân dân tỉnh Kon Tum',
};

export type { Cell, Column, Table } from './columns.ts';

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

/** One row per figure under the observation columns of the registry (src/publish/columns.ts). */
export function observationTable(site: Site, figures: Figure[]): Table {
  return tableOf(OBSERVATION_COLUMNS, figures.map((figure) => ({ site, figure })));
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
        description: 'Bảng dài (long format) mọi số liệu trích từ các báo cáo, kế hoạch và văn bản chỉ đạo về cải cách hành chính: mỗi dòng một số liệu, kèm kỳ, cơ sở tính (trong kỳ / lũy kế / tại thời điểm), loại số liệu (thực hiện / ước / kế hoạch / dự kiến / tham chiếu), cơ quan, đơn vị, chỉ số, mục và câu trích dẫn nguyên văn làm bằng chứng.',
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
      description: 'Các chỉ tiêu kế hoạch định lượng về CCHC, kèm số liệu thực hiện: đánh giá đạt / chưa đạt chỉ bằng số liệu cùng kỳ và cùng cơ sở tính với chỉ tiêu; khi mới có số liệu một phần kỳ thì "chưa đến kỳ đánh giá" (số mới nhất để tham khảo); hoặc chưa có số liệu.',
      kind: 'targets',
      areas: uniq(targetFigures.map((f) => site.indicatorsById.get(f.indicator)!.area)),
      organizations: uniq(targetFigures.map((f) => f.scope)),
      reports: uniq([...reports, ...site.targets.flatMap((t) => (t.actual ? [t.actual.reportId] : []))]),
      periods: uniq(targetFigures.map((f) => f.period)),
      temporal: coverage(targetFigures),
      modified: modifiedOf(site, uniq([...reports, ...site.targets.flatMap((t) => (t.actual ? [t.actual.reportId] : []))])),
      frequency: 'Hàng năm',
      keywords: ['kế hoạch', 'chỉ tiêu', 'cải cách hành chính'],
      table: tableOf(TARGET_COLUMNS, site.targets.map((target) => ({ site, target }))),
    });
  }
  out.push({
    id: 'danh-muc-chi-so',
    title: 'Danh mục chỉ số cải cách hành chính',
    description: 'Danh mục chỉ số dùng trên cổng: mã, lĩnh vực, tên tiếng Việt và tiếng Anh, đơn vị tính, cơ sở tính, định nghĩa, chiều tốt lên và công thức tính.',
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
      INDICATOR_COLUMNS,
      site.content.indicators.map((indicator) => ({ site, indicator, derivation: derivationText(indicator), figures: site.figures.filter((f) => f.indicator === indicator.id).length })),
    ),
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
