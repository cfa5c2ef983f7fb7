// Validator rule family: consistency the indicator catalogue implies between figures of one
// report — a total and its named parts (derivation "sum"), a total and its breakdowns
// (breakdownsSumToTotal), a printed rate and its counts ("ratio") or its "a/b" pair
// ("fraction"). Each break is a data-quality note (warning), never an error.
import type { Figure, Issue, ReportContent } from '../../core/model.ts';
import type { Indicator } from '../../core/schema.ts';
import { EPS, rateMismatch, sumMismatch } from './checks.ts';

/** Consistency checks across figures of one report: warnings that become data-quality notes. */
export function checkConsistency(reports: ReportContent[], indicatorById: ReadonlyMap<string, Indicator>, issues: Issue[]): void {
  for (const report of reports) {
    const file = report.files.figures ?? report.files.report;
    // Targets in a plan are not measurements; they need not add up.
    if (report.meta.kind === 'annual-plan') continue;
    // Only exact measurements take part in sums and ratios: targets and "trên/khoảng" values do not.
    const measured = report.figures.filter((f) => f.comparator === null);
    const byCell = new Map<string, Figure[]>();
    // Relations hold between figures of one scope, breakdown, status and period (a rate's basis may differ from its counts').
    const cell = (indicator: string, f: Pick<Figure, 'scope' | 'breakdown' | 'status' | 'period'>) => `${indicator}|${f.scope}|${f.breakdown ?? ''}|${f.status}|${f.period}`;
    for (const f of measured) {
      const k = cell(f.indicator, f);
      byCell.set(k, [...(byCell.get(k) ?? []), f]);
    }
    // A relation also declared in checks.csv is reported once, from there.
    const sameFigures = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
    const warn = (code: string, figs: Figure[], message: string) => {
      const keys = figs.map((f) => f.key);
      if (issues.some((i) => i.code === code && i.figures && sameFigures(i.figures, keys))) return;
      issues.push({ level: 'warning', code, file, line: figs[0]?.line, message, figures: keys });
    };

    for (const totals of byCell.values()) {
      const total = totals[0];
      const ind = indicatorById.get(total.indicator);
      if (!ind) continue;
      // Sum of named parts (e.g. received = online + direct + carried over).
      if (ind.derivation?.kind === 'sum') {
        const parts = ind.derivation.parts.map((p) => byCell.get(cell(p, total))?.[0]);
        if (parts.every((p): p is Figure => !!p)) {
          const sum = parts.reduce((s, p) => s + p.value, 0);
          for (const t of totals)
            if (Math.abs(sum - t.value) > EPS)
              warn('sum-mismatch', [t, ...parts], sumMismatch(ind.label, t.value, parts.map((p) => p.value), 'các thành phần'));
        }
      }
      // Breakdowns adding up to the total.
      if (ind.breakdownsSumToTotal && total.breakdown === null) {
        const parts = measured.filter((f) => f.indicator === total.indicator && f.scope === total.scope && f.period === total.period && f.basis === total.basis && f.status === total.status && f.breakdown !== null);
        const unique = [...new Map(parts.map((p) => [p.breakdown, p])).values()];
        if (unique.length >= 2) {
          const sum = unique.reduce((s, p) => s + p.value, 0);
          for (const t of totals)
            if (Math.abs(sum - t.value) > EPS)
              warn('sum-mismatch', [t, ...unique], sumMismatch(ind.label, t.value, unique.map((p) => p.value), 'các phân tổ'));
        }
      }
      // Printed rate vs the counts it is computed from.
      if (ind.derivation?.kind === 'ratio') {
        const num = byCell.get(cell(ind.derivation.numerator, total))?.[0];
        const den = byCell.get(cell(ind.derivation.denominator, total))?.[0];
        if (num && den && den.value !== 0) {
          const computed = (num.value / den.value) * 100;
          const tolerance = ind.derivation.tolerance;
          for (const t of totals)
            if (Math.abs(computed - t.value) > tolerance + EPS)
              warn('rate-mismatch', [t, num, den], rateMismatch(ind.label, t.value, num.value, den.value));
        }
      }
      // Printed rate vs the "a/b" pair it summarises (e.g. "10/30 đơn vị (tỷ lệ 30,3%)").
      if (ind.derivation?.kind === 'fraction') {
        const pair = byCell.get(cell(ind.derivation.of, total))?.find((f) => f.denominator !== null && f.denominator !== 0);
        const denominator = pair?.denominator;
        if (pair && denominator) {
          const computed = (pair.value / denominator) * 100;
          for (const t of totals)
            if (Math.abs(computed - t.value) > ind.derivation.tolerance + EPS)
              warn('rate-mismatch', [t, pair], rateMismatch(ind.label, t.value, pair.value, denominator));
        }
      }
    }
  }
}
