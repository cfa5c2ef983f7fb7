// Stage 3 — derive: everything computed from validated content. Pure functions.
// Missing values are typed markers ({ kind: 'missing', reason }), never NaN or "".
import { groupBy } from '../core/group.ts';
import type { Content, Figure, Issue, ReportContent, Series } from '../core/model.ts';
import type { Area, Breakdown, Indicator, Organization, Report } from '../core/schema.ts';
import { comparePeriods, periodRange, periodShape, previousPeriod } from '../core/period.ts';
import { PRE_AUDIT_LENIENCY } from './rules/series.ts';
import { compareKeys } from '../core/text.ts';

export interface Missing<R extends string = string> {
  kind: 'missing';
  reason: R;
}

export interface Change {
  kind: 'change';
  /** The previous point of the same series (same basis, status and period length). */
  previous: Figure;
  delta: number;
  /** Relative change in percent, or null when the previous value is 0. */
  relative: number | null;
  /** Periods of the series' kind between the previous point and this one that have no figure (oldest first). */
  missing: string[];
}

/** met / not-met: judged against an actual of the target's own period and basis; not-due: only other periods so far. */
export type TargetState = 'met' | 'not-met' | 'not-due' | 'no-data';
export const TARGET_STATES: readonly TargetState[] = ['met', 'not-met', 'not-due', 'no-data'];

export interface TargetStatus {
  target: Figure;
  indicator: string;
  /** The actual of the target's own period and basis that the verdict is based on, or null. */
  actual: Figure | null;
  /** The latest measured value inside the target's period, shown for information (equals `actual` when there is one). */
  latest: Figure | null;
  status: TargetState;
}

export interface Site {
  content: Content;
  reportsById: Map<string, ReportContent>;
  indicatorsById: Map<string, Indicator>;
  /** Catalogue look-ups by id (every page and export resolves ids through these, never a linear find). */
  areasById: Map<string, Area>;
  organizationsById: Map<string, Organization>;
  breakdownsById: Map<string, Breakdown>;
  /** All curated figures, in report then file order. */
  figures: Figure[];
  figuresByKey: Map<string, Figure>;
  /** Figures, series and targets per indicator id, in the order of the lists above (pages look these up, never filter the lists). */
  figuresByIndicator: Map<string, Figure[]>;
  seriesByIndicator: Map<string, Series[]>;
  targetsByIndicator: Map<string, TargetStatus[]>;
  changes: Map<string, Change | Missing<'no-previous' | 'target'>>;
  series: Series[];
  /** Series by their key (seriesKey of any of their figures). */
  seriesByKey: Map<string, Series>;
  targets: TargetStatus[];
  /** Data-quality notes (consistency warnings) per figure key. */
  qualityNotes: Map<string, string[]>;
  warnings: Issue[];
}

/** Whether an actual value satisfies a target with the target's comparator. */
export function meetsTarget(actual: number, target: number, comparator: string | null): boolean {
  switch (comparator) {
    case '>':
      return actual > target;
    case '>=':
      return actual >= target;
    case '<':
      return actual < target;
    case '<=':
      return actual <= target;
    default:
      // "100% …" in a plan is a floor to reach; a higher value (impossible for %) would also meet it.
      return actual >= target;
  }
}

/**
 * Targets: figures with status "target". Before the re-audit (PRE_AUDIT_LENIENCY), rows
 * without a status column read as "actual", so the old reading still applies to them:
 * every figure of a plan, and elsewhere figures stated as a goal with "=", ">=" or "<="
 * ("phấn đấu tỷ lệ … đạt 60%"); ">", "<", "~" and "<~" outside a plan are approximate
 * measurements ("trên 1,4 tỷ đồng"), not targets.
 */
export function isTarget(f: Pick<Figure, 'comparator' | 'status'>, report: Pick<Report, 'kind'>, legacy = PRE_AUDIT_LENIENCY): boolean {
  if (f.status === 'target') return true;
  if (!legacy || f.status !== 'actual') return false;
  return report.kind === 'annual-plan' || f.comparator === '=' || f.comparator === '>=' || f.comparator === '<=';
}

/** Figures that are measurements of what happened (actual or estimated), not plans, forecasts or reference lists. */
export function isMeasured(f: Pick<Figure, 'comparator' | 'status'>, report: Pick<Report, 'kind'>, legacy = PRE_AUDIT_LENIENCY): boolean {
  return (f.status === 'actual' || f.status === 'estimate') && !isTarget(f, report, legacy);
}

/** Series key: (indicator, scope, breakdown, basis, status, period shape); only points of one key share a line. */
export function seriesKey(f: Pick<Figure, 'indicator' | 'scope' | 'breakdown' | 'basis' | 'status' | 'period'>): string {
  return `${f.indicator}|${f.scope}|${f.breakdown ?? ''}|${f.basis}|${f.status}|${periodShape(f.period)}`;
}

/** Periods with no figure strictly between `from` and `to` (same kind and length), oldest first; [] when the kind has no regular step. */
export function missingBetween(from: string, to: string): string[] {
  // Asked twice per pair of neighbouring points (series gaps, changes), for the same pairs across series.
  const key = `${from}|${to}`;
  let known = missingCache.get(key);
  if (!known) missingCache.set(key, (known = computeMissingBetween(from, to)));
  return [...known];
}
const missingCache = new Map<string, string[]>();

function computeMissingBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = previousPeriod(to); p !== null && comparePeriods(p, from) > 0 && out.length < 240; p = previousPeriod(p)) out.unshift(p);
  // Only a regular step that lands exactly on `from` describes gaps (e.g. quarters); otherwise say nothing.
  const before = out.length ? previousPeriod(out[0]) : previousPeriod(to);
  return before === from ? out : [];
}

/** Change of each measured figure against the previous point of its series; `missing` names the periods skipped. */
export function computeChanges(series: Series[]): Map<string, Change | Missing<'no-previous'>> {
  const out = new Map<string, Change | Missing<'no-previous'>>();
  for (const s of series) {
    s.points.forEach((p, i) => {
      const start = periodRange(p.figure.period).start;
      let previous: Figure | null = null;
      for (let j = i - 1; j >= 0; j--) {
        const q = s.points[j].figure;
        if (periodRange(q.period).end < start) {
          previous = q;
          break;
        }
      }
      if (!previous) {
        out.set(p.figure.key, { kind: 'missing', reason: 'no-previous' });
        return;
      }
      const delta = Math.round((p.figure.value - previous.value) * 1e9) / 1e9;
      out.set(p.figure.key, {
        kind: 'change',
        previous,
        delta,
        relative: previous.value === 0 ? null : Math.round((delta / previous.value) * 1e6) / 1e4,
        missing: missingBetween(previous.period, p.figure.period),
      });
    });
  }
  return out;
}

export function buildSeries(reports: ReportContent[], legacy = PRE_AUDIT_LENIENCY): Series[] {
  const map = new Map<string, Series>();
  for (const r of reports) {
    for (const f of r.figures) {
      if (!isMeasured(f, r.meta, legacy)) continue;
      const key = seriesKey(f);
      let s = map.get(key);
      if (!s) {
        s = { key, indicator: f.indicator, scope: f.scope, breakdown: f.breakdown, basis: f.basis, status: f.status, shape: periodShape(f.period), points: [], gaps: [] };
        map.set(key, s);
      }
      // One point per period: when a report prints the same quantity twice, keep the first (both stay in the report's table with a data-quality note).
      if (!s.points.some((p) => p.figure.period === f.period)) s.points.push({ figure: f, report: r.meta });
    }
  }
  const series = [...map.values()];
  for (const s of series) {
    s.points.sort((a, b) => comparePeriods(a.figure.period, b.figure.period) || compareKeys(a.figure.key, b.figure.key));
    s.gaps = s.points.slice(1).flatMap((p, i) => missingBetween(s.points[i].figure.period, p.figure.period));
  }
  return series.sort((a, b) => compareKeys(a.key, b.key));
}

/**
 * Each target with its verdict. It is judged only against an actual of the target's own
 * indicator, scope, breakdown, basis and period: otherwise it is "not-due" (chưa đến kỳ
 * đánh giá) with the latest measured value inside the target's period for information,
 * or "no-data" when nothing was measured in that period.
 */
export function computeTargets(reports: ReportContent[], series: Series[], legacy = PRE_AUDIT_LENIENCY): TargetStatus[] {
  const out: TargetStatus[] = [];
  for (const r of reports) {
    for (const t of r.figures) {
      if (!isTarget(t, r.meta, legacy)) continue;
      const range = periodRange(t.period);
      const mine = series.filter((s) => s.indicator === t.indicator && s.scope === t.scope && s.breakdown === t.breakdown);
      const actual =
        mine.filter((s) => s.basis === t.basis && s.status === 'actual').flatMap((s) => s.points.map((p) => p.figure)).find((f) => f.period === t.period) ?? null;
      const inside = mine
        .flatMap((s) => s.points.map((p) => p.figure))
        .filter((f) => {
          const fr = periodRange(f.period);
          return fr.start >= range.start && fr.end <= range.end;
        })
        .sort((a, b) => comparePeriods(a.period, b.period) || compareKeys(a.key, b.key));
      const latest = actual ?? inside.at(-1) ?? null;
      out.push({
        target: t,
        indicator: t.indicator,
        actual,
        latest,
        status: actual ? (meetsTarget(actual.value, t.value, t.comparator) ? 'met' : 'not-met') : latest ? 'not-due' : 'no-data',
      });
    }
  }
  return out;
}

export function deriveSite(content: Content, issues: Issue[]): Site {
  const figures = content.reports.flatMap((r) => r.figures);
  const series = buildSeries(content.reports);
  const changes = new Map<string, Change | Missing<'no-previous' | 'target'>>(computeChanges(series));
  for (const r of content.reports) for (const f of r.figures) if (!changes.has(f.key)) changes.set(f.key, { kind: 'missing', reason: isTarget(f, r.meta) ? 'target' : 'no-previous' });
  const qualityNotes = new Map<string, string[]>();
  const warnings = issues.filter((i) => i.level === 'warning');
  for (const w of warnings) for (const key of w.figures ?? []) qualityNotes.set(key, [...(qualityNotes.get(key) ?? []), w.message]);
  const targets = computeTargets(content.reports, series);
  return {
    content,
    reportsById: new Map(content.reports.map((r) => [r.meta.id, r])),
    indicatorsById: new Map(content.indicators.map((i) => [i.id, i])),
    areasById: new Map(content.areas.map((a) => [a.id, a])),
    organizationsById: new Map(content.organizations.map((o) => [o.id, o])),
    breakdownsById: new Map(content.breakdowns.map((b) => [b.id, b])),
    figures,
    figuresByKey: new Map(figures.map((f) => [f.key, f])),
    figuresByIndicator: groupBy(figures, (f) => f.indicator),
    seriesByIndicator: groupBy(series, (x) => x.indicator),
    targetsByIndicator: groupBy(targets, (t) => t.indicator),
    changes,
    series,
    seriesByKey: new Map(series.map((x) => [x.key, x])),
    targets,
    qualityNotes,
    warnings,
  };
}
