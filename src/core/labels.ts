// Vietnamese labels for enumerations, shared by pages and components.
import type { Site } from '../pipeline/derive.ts';
import { byId, type Basis, type Figure, type Status } from './model.ts';
import { periodLabel, periodOrNull } from './period.ts';
import { sectionPhrase } from './text.ts';

export const reportKindLabel: Record<string, string> = {
  'quarterly-report': 'Báo cáo quý',
  'half-year-report': 'Báo cáo 6 tháng',
  'annual-plan': 'Kế hoạch năm',
  directive: 'Văn bản chỉ đạo',
};

export const targetStatusLabel: Record<string, string> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'not-due': 'Chưa đến kỳ đánh giá',
  'no-data': 'Chưa có số liệu',
};

/** The basis vocabulary in plain Vietnamese (dictionary pages, filters). */
export const basisLabel: Record<Basis, string> = {
  flow: 'trong kỳ',
  cumulative: 'lũy kế',
  stock: 'tại thời điểm',
};

/** The status vocabulary in plain Vietnamese. */
export const statusLabel: Record<Status, string> = {
  actual: 'thực hiện',
  estimate: 'ước',
  target: 'kế hoạch',
  planned: 'dự kiến',
  reference: 'tham chiếu',
};

/**
 * What the value covers, in words, next to the value: "quý III/2024", "lũy kế 9 tháng đầu năm 2024",
 * "tính đến 14/3/2025", "tính đến kỳ báo cáo quý III/2024", "năm 2024" (a level for the year), prefixed by "ước", "kế hoạch", "dự kiến",
 * "tham chiếu" when the figure is not an actual.
 */
export function figureWhen(f: Pick<Figure, 'period' | 'basis' | 'status'>): string {
  const p = periodOrNull(f.period);
  const label = periodLabel(f.period);
  let when = label;
  if (f.basis === 'cumulative') when = `lũy kế ${label}`;
  else if (f.basis === 'stock')
    // A level as of a date; a plan's level is the one to reach by the end of its period.
    // A level for a whole year (a staffing quota "được giao năm 2024") is that year's, not one read at the end of a
    // reporting period: "tính đến kỳ báo cáo năm 2023" in a half-year report suggested a year-end reading.
    when =
      p?.kind === 'day' ? `tính đến ${label.replace(/^ngày /, '')}`
      : f.status === 'target' || f.status === 'planned' ? `đến cuối ${label}`
      : p?.kind === 'year' ? label
      : `tính đến kỳ báo cáo ${label}`;
  return f.status === 'actual' ? when : `${statusLabel[f.status]}, ${when}`;
}

export function organizationName(site: Site, id: string): string {
  return site.organizationsById.get(id)?.shortName ?? id;
}

export function breakdownLabel(site: Site, id: string | null): string {
  if (!id) return '';
  return site.breakdownsById.get(id)?.label ?? id;
}

/** "Hồ sơ TTHC tiếp nhận — Cấp tỉnh" */
export function figureLabel(site: Site, f: Figure): string {
  const ind = site.indicatorsById.get(f.indicator);
  const b = breakdownLabel(site, f.breakdown);
  return `${ind?.label ?? f.indicator}${b ? ` — ${b}` : ''}`;
}

/** Ready-to-copy citation: "Nguồn: UBND tỉnh Kon Tum, Báo cáo CCHC quý III/2024, mục II.2.c". */
export function citation(site: Site, f: Figure): string {
  const r = byId(site.reportsById, f.reportId, 'báo cáo').meta;
  const issuer = site.organizationsById.get(r.issuer)?.name ?? r.issuer;
  const number = r.documentNumber ? ` số ${r.documentNumber}` : '';
  return `Nguồn: ${issuer}, ${r.title}${number}, ${sectionPhrase(f.section)}.`;
}
