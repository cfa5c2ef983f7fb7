// Indicator pages that stay small however many reports are published: the chart covers
// the latest years, the figure table the newest figures, and static year pages
// (/chi-so/<id>/nam/<year>/) hold every figure ever published, with the CSV
// of the whole indicator one click away. Pure functions of the derived Site.
import type { Site, TargetStatus } from '../pipeline/derive.ts';
import type { Indicator } from '../core/schema.ts';
import type { Series } from '../core/model.ts';
import { comparePeriods } from '../core/period.ts';
import { urls } from '../core/urls.ts';
import { archiveLinks, archivePages, periodYear, recentItems, type ArchiveLink, type ArchivePage } from './archive.ts';
import { indicatorFigureRows, indicatorTargets, type FigureRow } from './indicator-page.ts';
import { compareKeys } from '../core/text.ts';

/** Years of periods the indicator chart draws (the latest ones); the year pages and CSV hold the rest. */
export const INDICATOR_CHART_YEARS = 5;
/** Most figures in the indicator page's own table (whole newest years up to this many). */
export const INDICATOR_RECENT_MAX = 40;
/** Most plan targets on the indicator page (newest first); all are on the year pages. */
export const INDICATOR_TARGETS_MAX = 20;

export interface ChartWindow {
  /** The series trimmed to the window; series with no point inside it are left out. */
  series: Series[];
  /** First year drawn, or null when nothing was cut. */
  from: string | null;
  /** Series left out entirely (all their points are older). */
  hiddenSeries: number;
}

/**
 * The latest `years` years of every series (the same first year for all, so lines stay
 * comparable in time). Points keep their series: trimming never joins unlike with unlike.
 * Gaps before the first kept point go; gaps after it stay (the line still breaks there).
 */
export function chartWindow(series: Series[], years = INDICATOR_CHART_YEARS): ChartWindow {
  const latest = series.flatMap((s) => s.points.map((p) => Number(periodYear(p.figure.period)))).reduce((m, y) => Math.max(m, y), -Infinity);
  if (!Number.isFinite(latest)) return { series, from: null, hiddenSeries: 0 };
  const from = latest - years + 1;
  const inWindow = (period: string) => Number(periodYear(period)) >= from;
  if (series.every((s) => s.points.every((p) => inWindow(p.figure.period)))) return { series, from: null, hiddenSeries: 0 };
  const trimmed = series.flatMap((s) => {
    const points = s.points.filter((p) => inWindow(p.figure.period));
    if (points.length === 0) return [];
    const first = points[0].figure.period;
    return [{ ...s, points, gaps: s.gaps.filter((g) => comparePeriods(g, first) > 0) }];
  });
  return { series: trimmed, from: String(from), hiddenSeries: series.length - trimmed.length };
}

export interface IndicatorRecent {
  /** The newest figures (whole years up to INDICATOR_RECENT_MAX). */
  rows: FigureRow[];
  total: number;
  /** Every year with figures, its page and count, newest first. */
  years: ArchiveLink[];
  more: boolean;
}

const rowYear = (r: FigureRow) => periodYear(r.figure.period);

export function indicatorRecent(site: Site, indicatorId: string, max = INDICATOR_RECENT_MAX): IndicatorRecent {
  const rows = indicatorFigureRows(site, indicatorId);
  const recent = recentItems(rows, rowYear, max);
  return {
    rows: recent.items,
    total: rows.length,
    years: archiveLinks(archivePages(rows, rowYear), (y, n) => urls.indicatorYear(indicatorId, y, n)),
    more: recent.more,
  };
}

/** Plan targets of the indicator, newest target period first, at most `max`; `total` counts them all. */
export function indicatorRecentTargets(site: Site, indicatorId: string, max = INDICATOR_TARGETS_MAX): { targets: TargetStatus[]; total: number } {
  const all = indicatorTargets(site, indicatorId);
  const sorted = [...all].sort((a, b) => comparePeriods(b.target.period, a.target.period) || compareKeys(a.target.key, b.target.key));
  return { targets: sorted.slice(0, max), total: all.length };
}

export interface IndicatorYearPage {
  indicator: Indicator;
  page: ArchivePage<FigureRow>;
  years: ArchiveLink[];
}

/** Every static year page of every indicator: all figures, each on exactly one page. */
export function indicatorYearPages(site: Site): IndicatorYearPage[] {
  return site.content.indicators.flatMap((indicator) => {
    const pages = archivePages(indicatorFigureRows(site, indicator.id), rowYear);
    const years = archiveLinks(pages, (y, n) => urls.indicatorYear(indicator.id, y, n));
    return pages.map((page) => ({ indicator, page, years }));
  });
}
