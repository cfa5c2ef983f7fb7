// Vietnamese labels for enumerations, shared by pages and components.
import type { Site } from '../pipeline/derive.ts';
import type { Figure } from '../core/model.ts';

export const reportKindLabel: Record<string, string> = {
  'quarterly-report': 'Báo cáo quý',
  'half-year-report': 'Báo cáo 6 tháng',
  'annual-plan': 'Kế hoạch năm',
  directive: 'Văn bản chỉ đạo',
};

export const targetStatusLabel: Record<string, string> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'no-data': 'Chưa có số liệu',
};

export function organizationName(site: Site, id: string): string {
  return site.content.organizations.find((o) => o.id === id)?.shortName ?? id;
}

export function breakdownLabel(site: Site, id: string | null): string {
  if (!id) return '';
  return site.content.breakdowns.find((b) => b.id === id)?.label ?? id;
}

/** "Hồ sơ TTHC tiếp nhận — Cấp tỉnh" */
export function figureLabel(site: Site, f: Figure): string {
  const ind = site.indicatorsById.get(f.indicator);
  const b = breakdownLabel(site, f.breakdown);
  return `${ind?.label ?? f.indicator}${b ? ` — ${b}` : ''}`;
}

/** Ready-to-copy citation: "Nguồn: UBND tỉnh Kon Tum, Báo cáo CCHC quý III/2024, mục II.2.c". */
export function citation(site: Site, f: Figure): string {
  const r = site.reportsById.get(f.reportId)!.meta;
  const issuer = site.content.organizations.find((o) => o.id === r.issuer)?.name ?? r.issuer;
  const number = r.documentNumber ? ` số ${r.documentNumber}` : '';
  return `Nguồn: ${issuer}, ${r.title}${number}, mục ${f.section}.`;
}
