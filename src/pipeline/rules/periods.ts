// Validator rule family: period spelling. A valid period spelled another way ("Q1/2025")
// is read as its one canonical spelling, and reported (an error, a warning when lenient).
import type { Issue } from '../../core/model.ts';
import { isPeriodError, parsePeriod } from '../../core/period.ts';

/**
 * The canonical spelling of `period` and the issue saying so, or null when it is
 * already canonical (or not a period at all: the schema reports that).
 */
export function canonicalPeriod(period: string, lenient: boolean, at: Pick<Issue, 'file' | 'line'>): { period: string; issue: Issue } | null {
  const parsed = parsePeriod(period);
  if (!isPeriodError(parsed) || !parsed.canonical) return null;
  return {
    period: parsed.canonical,
    issue: {
      level: lenient ? 'warning' : 'error',
      code: 'period-not-canonical',
      ...at,
      column: 'period',
      message: `Kỳ "${period}" chưa viết theo cách duy nhất: ${parsed.error}.`,
      hint: `Ghi "${parsed.canonical}" (xem docs/figure-model.md).`,
    },
  };
}
