// Stage 3 — derive: everything computed from validated content. Pure functions.
// Missing values are typed markers ({ kind: 'missing', reason }), never NaN or "".
import type { Content, Figure, Issue, ReportContent, Series } from '../core/model.ts';
import type { Indicator, Report } from '../core/schema.ts';
import { comparePeriods, periodKind, periodRange } from '../core/period.ts';


export interface Missing<R extends string = string> {
  kind: 'missing';
  reason: R;
}

export interface Change {
  kind: 'change';
  previous: Figure;
  delta: number;
  /** Relative change in percent, or null when the previous value is 0. */
  relative: number | null;
}

export type TargetState = 'met' | 'not-met' | 'no-data';

export interface TargetStatus {
  target: Figure;
  indicator: string;
  actual: Figure | null;
  status: TargetState;
  /** The actual value covers only part of the target period (e.g. Q1 against a year target): the status is provisional. */
  partial: boolean;
}

export interface Site {
  content: Content;
  reportsById: Map<string, ReportContent>;
  indicatorsById: Map<string, Indicator>;
  /** All curated figures, in report then file order. */
  figures: Figure[];
  figuresByKey: Map<string, Figure>;
  changes: Map<string, Change | Missing<'no-previous' | 'target'>>;
  series: Series[];
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
 * Targets: every figure of a plan, and elsewhere figures stated as a goal with
 * "=", ">=" or "<=" ("phấn đấu tỷ lệ … đạt 60%"). ">", "<" and "~" outside a plan
 * are approximate measurements ("trên 1,4 tỷ đồng"), not targets.
 */
export function isTarget(f: Pick<Figure, 'comparator'>, report: Pick<Report, 'kind'>): boolean {
  return report.kind === 'annual-plan' || f.comparator === '=' || f.comparator === '>=' || f.comparator === '<=';
}

export function seriesKey(f: Pick<Figure, 'indicator' | 'scope' | 'breakdown'>): string {
  return `${f.indicator}|${f.scope}|${f.breakdown ?? ''}`;
}

/** Change of each measured figure against the previous period of the same indicator, scope, breakdown and granularity. */
export function computeChanges(series: Series[]): Map<string, Change | Missing<'no-previous'>> {
  const out = new Map<string, Change | Missing<'no-previous'>>();
  for (const s of series) {
    s.points.forEach((p, i) => {
      const kind = periodKind(p.figure.period);
      const start = periodRange(p.figure.period).start;
      let previous: Figure | null = null;
      for (let j = i - 1; j >= 0; j--) {
        const q = s.points[j].figure;
        if (periodKind(q.period) === kind && periodRange(q.period).end < start) {
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
      });
    });
  }
  return out;
}

export function buildSeries(reports: ReportContent[]): Series[] {
  const map = new Map<string, Series>();
  for (const r of reports) {
    for (const f of r.figures) {
      if (isTarget(f, r.meta)) continue;
      const key = seriesKey(f);
      let s = map.get(key);
      if (!s) {
        s = { key, indicator: f.indicator, scope: f.scope, breakdown: f.breakdown, points: [] };
        map.set(key, s);
      }
      // One point per period: when a report prints the same quantity twice, keep the first (both stay in the report's table with a data-quality note).
      if (!s.points.some((p) => p.figure.period === f.period)) s.points.push({ figure: f, report: r.meta });
    }
  }
  const series = [...map.values()];
  for (const s of series) s.points.sort((a, b) => comparePeriods(a.figure.period, b.figure.period) || a.figure.key.localeCompare(b.figure.key));
  return series.sort((a, b) => a.key.localeCompare(b.key));
}

/** Each plan target with the latest measured value of the same indicator and scope in the target's year. */
export function computeTargets(reports: ReportContent[], series: Series[]): TargetStatus[] {
  const bySeries = new Map(series.map((s) => [s.key, s]));
  const out: TargetStatus[] = [];
  for (const r of reports) {
    for (const t of r.figures) {
      if (!isTarget(t, r.meta)) continue;
      const year = periodRange(t.period);
      const points = (bySeries.get(seriesKey(t))?.points ?? []).filter((p) => {
        const range = periodRange(p.figure.period);
        return range.start >= year.start && range.end <= year.end;
      });
      const actual = points.at(-1)?.figure ?? null;
      out.push({
        target: t,
        indicator: t.indicator,
        actual,
        status: actual === null ? 'no-data' : meetsTarget(actual.value, t.value, t.comparator) ? 'met' : 'not-met',
        partial: actual !== null && periodRange(actual.period).end < year.end,
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
  return {
    content,
    reportsById: new Map(content.reports.map((r) => [r.meta.id, r])),
    indicatorsById: new Map(content.indicators.map((i) => [i.id, i])),
    figures,
    figuresByKey: new Map(figures.map((f) => [f.key, f])),
    changes,
    series,
    targets: computeTargets(content.reports, series),
    qualityNotes,
    warnings,
  };
}
