// Periods: the one home of the canonical period grammar of docs/figure-model.md.
// Pure; parses a period string once into a typed Period (cached), and gives its
// dates, length, Vietnamese label, order and predecessor.
import { compareKeys } from './text.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day' | 'interval';

/** What an interval is, when it is one of the named shapes. */
export type IntervalShape =
  /** Years A/B: a programme phase ("giai đoạn 2021–2025"). */
  | 'phase'
  /** September → August of the next year: a school year ("năm học 2023–2024"). */
  | 'school-year'
  /** From January to a later month (or from 1 January to a day) of one year: year to date. */
  | 'year-to-date'
  /** Any other range of whole months, or of days. */
  | 'months'
  | 'days';

export interface Period {
  /** The canonical spelling, e.g. "2024-Q3", "2024-01/2024-09". */
  text: string;
  kind: PeriodKind;
  /** Only for kind "interval". */
  shape: IntervalShape | null;
  /** First and last day covered, ISO dates (comparable as strings). */
  start: string;
  end: string;
  /** Whole calendar months covered, or null when the period does not cover whole months (a day, a range of days). */
  months: number | null;
  /** Days covered, both ends included. */
  days: number;
}

export interface PeriodError {
  error: string;
  /** The canonical spelling of the same period, when the text names a valid period spelled another way. */
  canonical?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export const PERIOD_HELP =
  'dùng "2024", "2024-H1", "2024-Q3", "2024-08", "2025-03-14" hoặc khoảng "A/B" ("2024-01/2024-09", "2025-01-01/2025-03-14", "2023-09/2024-08", "2021/2025")';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** One side of a period: a year, half, quarter, month or day, with its first and last day. */
type Side = { kind: Exclude<PeriodKind, 'interval'>; start: string; end: string } | { error: string };

/** Years a period may name: a typo such as "0204" for "2024" is an error, not a figure in year 204. */
export const PERIOD_YEARS = { min: 1900, max: 2100 } as const;

function side(text: string): Side {
  let m: RegExpMatchArray | null;
  const year = /^\d{4}/.test(text) ? Number(text.slice(0, 4)) : null;
  if (year !== null && (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max)) return { error: `năm ${text.slice(0, 4)} nằm ngoài ${PERIOD_YEARS.min}–${PERIOD_YEARS.max} (gõ nhầm?)` };
  if ((m = text.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { kind: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) };
  }
  if ((m = text.match(/^(\d{4})-H([12])$/))) {
    const y = Number(m[1]);
    return m[2] === '1' ? { kind: 'half', start: iso(y, 1, 1), end: iso(y, 6, 30) } : { kind: 'half', start: iso(y, 7, 1), end: iso(y, 12, 31) };
  }
  if ((m = text.match(/^(\d{4})-Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { kind: 'quarter', start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, daysInMonth(y, q * 3)) };
  }
  if ((m = text.match(/^(\d{4})-(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return { error: `tháng ${m[2]} không có thật` };
    return { kind: 'month', start: iso(y, mo, 1), end: iso(y, mo, daysInMonth(y, mo)) };
  }
  if ((m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12) return { error: `tháng ${m[2]} không có thật` };
    if (d < 1 || d > daysInMonth(y, mo)) return { error: `ngày ${text} không có thật (tháng ${mo}/${y} có ${daysInMonth(y, mo)} ngày)` };
    return { kind: 'day', start: text, end: text };
  }
  return { error: `"${text}" không đúng cú pháp kỳ` };
}

/** The one spelling of the period from `start` to `end` (ISO days, start ≤ end). */
export function canonicalSpelling(start: string, end: string): string {
  const [y1, m1, d1] = ymd(start);
  const [y2, m2, d2] = ymd(end);
  const wholeMonths = d1 === 1 && d2 === daysInMonth(y2, m2);
  if (start === end) return start;
  if (!wholeMonths) return `${start}/${end}`;
  if (m1 === 1 && m2 === 12) return y1 === y2 ? String(y1) : `${y1}/${y2}`;
  if (y1 === y2) {
    if (m1 === m2) return `${y1}-${pad(m1)}`;
    if ((m1 === 1 && m2 === 6) || (m1 === 7 && m2 === 12)) return `${y1}-H${m1 === 1 ? 1 : 2}`;
    if (m1 % 3 === 1 && m2 === m1 + 2) return `${y1}-Q${(m1 + 2) / 3}`;
  }
  return `${y1}-${pad(m1)}/${y2}-${pad(m2)}`;
}

function build(text: string, kind: PeriodKind, start: string, end: string): Period {
  const [y1, m1, d1] = ymd(start);
  const [y2, m2, d2] = ymd(end);
  const whole = d1 === 1 && d2 === daysInMonth(y2, m2);
  const months = whole ? (y2 - y1) * 12 + (m2 - m1) + 1 : null;
  let shape: IntervalShape | null = null;
  if (kind === 'interval') {
    if (whole && m1 === 1 && m2 === 12) shape = 'phase';
    else if (whole && m1 === 9 && m2 === 8 && y2 === y1 + 1) shape = 'school-year';
    else if (y1 === y2 && m1 === 1 && d1 === 1) shape = 'year-to-date';
    else shape = whole ? 'months' : 'days';
  }
  return { text, kind, shape, start, end, months, days: dayNumber(end) - dayNumber(start) + 1 };
}

const cache = new Map<string, Period | PeriodError>();

/**
 * Parse a period of the canonical grammar. Returns an error (never throws) for bad
 * syntax, a date that does not exist, an interval whose end is before its start, and
 * a period spelled other than canonically (the error then carries the canonical spelling).
 */
export function parsePeriod(text: string): Period | PeriodError {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseUncached(text);
  if (cache.size < 10_000) cache.set(text, result);
  return result;
}

function parseUncached(text: string): Period | PeriodError {
  const parts = text.split('/');
  if (parts.length > 2) return { error: `"${text}" có nhiều hơn một dấu "/"` };
  const a = side(parts[0]);
  if ('error' in a) return { error: a.error };
  if (parts.length === 1) return build(text, a.kind, a.start, a.end);
  const b = side(parts[1]);
  if ('error' in b) return { error: b.error };
  const granularity = (s: string) => (s.match(/^\d{4}-\d{2}-\d{2}$/) ? 'day' : s.match(/^\d{4}-\d{2}$/) ? 'month' : s.match(/^\d{4}$/) ? 'year' : 'other');
  if (granularity(parts[0]) === 'other' || granularity(parts[1]) === 'other')
    return { error: `mỗi đầu của khoảng "${text}" phải là YYYY, YYYY-MM hoặc YYYY-MM-DD` };
  if (b.end < a.start) return { error: `khoảng "${text}" có điểm cuối trước điểm đầu` };
  const canonical = canonicalSpelling(a.start, b.end);
  if (canonical !== text) return { error: `kỳ "${text}" phải viết là "${canonical}" (mỗi kỳ chỉ có một cách viết)`, canonical };
  return build(text, 'interval', a.start, b.end);
}

const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * The period a common slip most likely meant ("2024-Q03", "Q3/2024", "2024-III", "2024-h1", "8/2024",
 * "14/3/2025" → "2024-Q3", "2024-Q3", "2024-Q3", "2024-H1", "2024-08", "2025-03-14"), or null.
 * Only a guess for the message: content is never rewritten.
 */
export function guessPeriod(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/QUÝ|QUY/g, 'Q');
  const pad = (n: string) => n.padStart(2, '0');
  let m: RegExpMatchArray | null;
  let guess: string | null = null;
  if ((m = t.match(/^(\d{4})[-/ .]*Q\s*0?([1-4])$/)) || (m = t.match(/^Q\s*0?([1-4])[-/ .]+(\d{4})$/))) guess = /^\d{4}$/.test(m[1]) ? `${m[1]}-Q${m[2]}` : `${m[2]}-Q${m[1]}`;
  else if ((m = t.match(/^(\d{4})[-/ .]+(I{1,3}|IV)$/)) || (m = t.match(/^(I{1,3}|IV)[-/ .]+(\d{4})$/))) guess = /^\d{4}$/.test(m[1]) ? `${m[1]}-Q${ROMAN_QUARTER[m[2]]}` : `${m[2]}-Q${ROMAN_QUARTER[m[1]]}`;
  else if ((m = t.match(/^(\d{4})[-/ .]*[H6]\s*0?([12])$/)) || (m = t.match(/^H\s*0?([12])[-/ .]+(\d{4})$/))) guess = /^\d{4}$/.test(m[1]) ? `${m[1]}-H${m[2]}` : `${m[2]}-H${m[1]}`;
  else if ((m = t.match(/^(\d{1,2})[/.-](\d{4})$/))) guess = `${m[2]}-${pad(m[1])}`;
  else if ((m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/))) guess = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  if (!guess || guess === text) return null;
  const p = parsePeriod(guess);
  return isPeriodError(p) ? null : guess;
}

export function isPeriodError(p: Period | PeriodError): p is PeriodError {
  return 'error' in p;
}

/** Parse a period known to be valid (validated content); throws on a programming error. */
export function period(text: string): Period {
  const p = parsePeriod(text);
  if (isPeriodError(p)) throw new Error(`Invalid period "${text}": ${p.error}`);
  return p;
}

/** Parse leniently: a valid but non-canonical spelling is read as its canonical period; bad text gives null. */
export function periodOrNull(text: string): Period | null {
  const p = parsePeriod(text);
  if (!isPeriodError(p)) return p;
  if (p.canonical) return periodOrNull(p.canonical);
  return null;
}

function dmy(date: string): string {
  const [y, m, d] = ymd(date);
  return `${d}/${m}/${y}`;
}

/**
 * Vietnamese label: "quý III/2024", "6 tháng đầu năm 2024", "9 tháng đầu năm 2024",
 * "từ 1/1/2025 đến 14/3/2025", "năm học 2023–2024", "giai đoạn 2021–2025", "ngày 14/3/2025".
 * Text that is not a period is returned as is.
 */
export function periodLabel(text: string): string {
  // Pages label the same few periods hundreds of thousands of times at archive scale.
  let label = labels.get(text);
  if (label === undefined) {
    label = labelUncached(text);
    if (labels.size < 10_000) labels.set(text, label);
  }
  return label;
}
const labels = new Map<string, string>();

function labelUncached(text: string): string {
  const p = periodOrNull(text);
  if (!p) return text;
  const [y1, m1] = ymd(p.start);
  const [y2, m2] = ymd(p.end);
  switch (p.kind) {
    case 'year':
      return `năm ${y1}`;
    case 'half':
      return m1 === 1 ? `6 tháng đầu năm ${y1}` : `6 tháng cuối năm ${y1}`;
    case 'quarter':
      return `quý ${ROMAN[(m1 - 1) / 3]}/${y1}`;
    case 'month':
      return `tháng ${m1}/${y1}`;
    case 'day':
      return `ngày ${dmy(p.start)}`;
    case 'interval':
      switch (p.shape) {
        case 'phase':
          return `giai đoạn ${y1}–${y2}`;
        case 'school-year':
          return `năm học ${y1}–${y2}`;
        case 'year-to-date':
          return p.months !== null ? `${p.months} tháng đầu năm ${y1}` : `từ ${dmy(p.start)} đến ${dmy(p.end)}`;
        case 'months':
          return `từ tháng ${m1}/${y1} đến tháng ${m2}/${y2}`;
        default:
          return `từ ${dmy(p.start)} đến ${dmy(p.end)}`;
      }
  }
}

/** Chronological order: by last day, then first day (a year sorts after its last quarter). */
export function comparePeriods(a: string, b: string): number {
  const pa = periodOrNull(a);
  const pb = periodOrNull(b);
  if (!pa || !pb) return compareKeys(a, b);
  return compareKeys(pa.end, pb.end) || compareKeys(pa.start, pb.start) || compareKeys(a, b);
}

/** Two periods that may be joined in one line: same kind, same shape and the same length. */
export function sameLength(a: Period, b: Period): boolean {
  if (a.kind !== b.kind || a.shape !== b.shape) return false;
  // Year to a date: 1/1–14/3 of one year matches 1/1–14/3 of another, leap day or not.
  if (a.shape === 'year-to-date' && (a.months === null || b.months === null)) return a.end.slice(5) === b.end.slice(5);
  return a.months !== null && b.months !== null ? a.months === b.months : a.days === b.days;
}

/**
 * A key equal for two periods exactly when sameLength() holds: "quarter", "year",
 * "interval:year-to-date:9", "interval:year-to-date:03-14", "interval:school-year:12", "day".
 */
export function periodShape(text: string): string {
  const p = periodOrNull(text);
  if (!p) return 'unknown';
  if (p.kind !== 'interval') return p.kind;
  if (p.shape === 'year-to-date' && p.months === null) return `interval:year-to-date:${p.end.slice(5)}`;
  return `interval:${p.shape}:${p.months ?? `${p.days}d`}`;
}

function shiftMonths(date: string, delta: number, toEnd: boolean): string {
  const [y, m, d] = ymd(date);
  const total = y * 12 + (m - 1) + delta;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, toEnd ? daysInMonth(ny, nm) : Math.min(d, daysInMonth(ny, nm)));
}

/**
 * The immediately preceding period of the same kind and length: 2024-Q3 → 2024-Q2,
 * 2025-Q1 → 2024-Q4, 2024 → 2023, 2023-09/2024-08 → 2022-09/2023-08, 2021/2025 → 2016/2020,
 * 2024-01/2024-09 → 2023-01/2023-09 (the same months a year before). An as-of day or an
 * arbitrary range has no natural predecessor: null.
 */
export function previousPeriod(text: string): string | null {
  // Memoised like parsePeriod: a series' gaps walk back one step at a time, so the same periods recur
  // millions of times in a large archive (1.6 s of the pipeline at 300 reports before).
  let prev = previousCache.get(text);
  if (prev === undefined) previousCache.set(text, (prev = computePreviousPeriod(text)));
  return prev;
}
const previousCache = new Map<string, string | null>();

function computePreviousPeriod(text: string): string | null {
  const p = periodOrNull(text);
  if (!p) return null;
  switch (p.kind) {
    case 'day':
      return null;
    case 'interval':
      if (p.shape === 'year-to-date' || p.shape === 'school-year' || p.shape === 'phase') {
        const back = p.shape === 'phase' ? p.months! : 12;
        const start = shiftMonths(p.start, -back, false);
        const end = p.months !== null ? shiftMonths(p.end, -back, true) : shiftMonths(p.end, -back, false);
        return canonicalSpelling(start, end);
      }
      return null;
    default: {
      const start = shiftMonths(p.start, -p.months!, false);
      const end = shiftMonths(p.end, -p.months!, true);
      return canonicalSpelling(start, end);
    }
  }
}

/** The years a period touches, e.g. "2023-09/2024-08" → ["2023", "2024"]. */
export function periodYears(text: string): string[] {
  const p = periodOrNull(text);
  if (!p) return [];
  const out: string[] = [];
  for (let y = Number(p.start.slice(0, 4)); y <= Number(p.end.slice(0, 4)); y++) out.push(String(y));
  return out;
}

/** First and last day of a validated period, ISO dates (text that is not a period maps to itself). */
export function periodRange(text: string): { start: string; end: string } {
  const p = periodOrNull(text);
  return p ? { start: p.start, end: p.end } : { start: text, end: text };
}

/** Granularity, so a quarter is compared with a quarter, not with a half-year. */
export function periodKind(text: string): PeriodKind {
  return periodOrNull(text)?.kind ?? 'interval';
}

/** Compact label for chart axes: "Q3/2024", "H1/2023", "9T/2024", "T8/2024", "14/3/2025", "2024", "NH 2023–24", "2021–2025". */
export function periodShortLabel(text: string): string {
  const p = periodOrNull(text);
  if (!p) return text;
  const [y1, m1, d1] = ymd(p.start);
  const [y2, m2, d2] = ymd(p.end);
  switch (p.kind) {
    case 'year':
      return String(y1);
    case 'half':
      return `H${m1 === 1 ? 1 : 2}/${y1}`;
    case 'quarter':
      return `Q${(m1 + 2) / 3}/${y1}`;
    case 'month':
      return `T${m1}/${y1}`;
    case 'day':
      return `${d1}/${m1}/${y1}`;
    case 'interval':
      if (p.shape === 'phase') return `${y1}–${y2}`;
      if (p.shape === 'school-year') return `NH ${y1}–${String(y2).slice(2)}`;
      if (p.shape === 'year-to-date' && p.months !== null) return `${p.months}T/${y1}`;
      if (p.months !== null) return `T${m1}/${y1}–T${m2}/${y2}`;
      return `${d1}/${m1}–${d2}/${m2}/${y2}`;
  }
}
