// View-model of /tim-kiem/: the filter options of the Pagefind search, and the no-JavaScript
// fallback lists (every report, every indicator A–Z).
import type { Site } from '../../pipeline/derive.ts';
import type { Indicator, Report } from '../../core/schema.ts';
import { comparePeriods, periodLabel } from '../../core/period.ts';
import { organizationName, reportKindLabel } from '../../core/labels.ts';
import { CONTENT_TYPES, reportYear, searchYears } from '../../publish/search-records.ts';
import type { PageHead } from './head.ts';

export interface SearchPage {
  head: PageHead;
  /** Filter name → values, in display order. */
  options: Record<string, string[]>;
  reports: { meta: Report }[];
  indicatorsAz: Indicator[];
  /** Years of report periods, newest first: the year filter and the index bundles the page merges. */
  years: number[];
  /** Year of each period label of the `ky` filter, so picking a period searches its year's bundle. */
  periodYears: Record<string, number>;
}

const KIND_ORDER = ['province', 'department', 'committee', 'agency', 'district', 'commune'];

export function searchPage(site: Site): SearchPage {
  const reports = [...site.content.reports].sort((a, b) => comparePeriods(b.meta.period, a.meta.period));
  const scopes = new Set([...site.figures.map((f) => f.scope), ...reports.map((r) => r.meta.scope)]);
  const orgs = site.content.organizations
    .filter((o) => scopes.has(o.id))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.shortName.localeCompare(b.shortName, 'vi'));
  return {
    head: {
      title: 'Tìm kiếm',
      description: 'Tìm số liệu, báo cáo, chỉ số, bộ dữ liệu và toàn văn nguồn về cải cách hành chính tỉnh Kon Tum; gõ có dấu hoặc không dấu.',
      breadcrumbs: [{ label: 'Tìm kiếm' }],
    },
    options: {
      loai: Object.values(CONTENT_TYPES),
      linh_vuc: [...site.content.areas].sort((a, b) => a.order - b.order).map((a) => a.label),
      ky: [...new Set(reports.map((r) => periodLabel(r.meta.period)))],
      loai_bao_cao: [...new Set(reports.map((r) => reportKindLabel[r.meta.kind] ?? r.meta.kind))],
      don_vi: [...new Set(orgs.map((o) => organizationName(site, o.id)))],
    },
    reports,
    // No-JS fallback in Vietnamese alphabetical order.
    indicatorsAz: [...site.content.indicators].sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    years: searchYears(site),
    periodYears: Object.fromEntries(reports.flatMap((r) => (reportYear(r) ? [[periodLabel(r.meta.period), reportYear(r)!]] : []))),
  };
}
