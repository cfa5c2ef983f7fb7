// The hedge word a report prints right before a number ("khoảng 2,8", "gần 2,8", "trên 1,4",
// "tối thiểu 90%") and the comparator it means. A reader compares what the portal shows with
// the source, so the word shown is the word printed (`Figure.hedge`) and the comparator must
// mean the same thing (validator rule: src/pipeline/rules/hedges.ts).
import type { Comparator } from './schema.ts';
import { numbersInText } from './vn-number.ts';

/**
 * Printed hedge phrases → the one comparator each means, the comparator's own word first. Matched
 * longest first: "trên dưới" (about) is not "dưới" (below), "không dưới" (at least) is not "dưới".
 */
export const HEDGE_PHRASES: readonly (readonly [phrase: string, comparator: Comparator])[] = [
  ['trên', '>'],
  ['hơn', '>'],
  ['tối thiểu', '>='],
  ['ít nhất', '>='],
  ['không dưới', '>='],
  ['không thấp hơn', '>='],
  ['không ít hơn', '>='],
  ['dưới', '<'],
  ['tối đa', '<='],
  ['không quá', '<='],
  ['không vượt quá', '<='],
  ['nhiều nhất', '<='],
  ['không cao hơn', '<='],
  ['không nhiều hơn', '<='],
  ['khoảng', '~'],
  ['xấp xỉ', '~'],
  ['khoảng chừng', '~'],
  ['chừng', '~'],
  ['ước khoảng', '~'],
  ['trên dưới', '~'],
  ['gần', '<~'],
  ['gần như', '<~'],
];

/** The word shown for a comparator when the report printed none (or a figure carries no hedge). */
export const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>': 'trên',
  '>=': 'tối thiểu',
  '<': 'dưới',
  '<=': 'tối đa',
  '~': 'khoảng',
  '<~': 'gần',
  '=': '',
};

// "cao hơn 2 điểm", "nhiều hơn 5 hồ sơ": a difference, not a hedge on the number.
const COMPARATIVE = /(?:cao|thấp|nhiều|ít|lớn|nhỏ|tăng|giảm|sớm|muộn|chậm|nhanh|ngắn|dài)\s+$/iu;
const PHRASES = [...HEDGE_PHRASES].sort((a, b) => b[0].length - a[0].length);

/** The hedge phrase printed right before position `index` of `text` (whitespace or "(" between), or null. */
export function hedgeBefore(text: string, index: number): { phrase: string; comparator: Comparator } | null {
  const before = text.slice(Math.max(0, index - 24), index).normalize('NFC').toLowerCase().replace(/[\s\u00a0]*$/u, ' ');
  for (const [phrase, comparator] of PHRASES) {
    const at = before.length - phrase.length - 1;
    if (at < 0 || !before.endsWith(`${phrase} `)) continue;
    // A whole word: "phần trên" yes, "bên trên" yes, but not the tail of another word.
    if (at > 0 && /\p{L}/u.test(before[at - 1])) continue;
    if (phrase === 'hơn' && COMPARATIVE.test(before.slice(0, at))) continue;
    // "không dưới" etc. are listed; a bare "không" before "trên/dưới/quá" means something else.
    return { phrase, comparator };
  }
  return null;
}

export interface PrintedValue {
  token: string;
  /** The hedge printed right before this occurrence, or null. */
  hedge: { phrase: string; comparator: Comparator } | null;
}

/** Every occurrence of `value` printed in `quote`, each with the hedge printed before it. */
export function printedValues(quote: string, value: number): PrintedValue[] {
  return numbersInText(quote)
    .filter((n) => n.values.some((v) => Math.abs(v - value) < 1e-9))
    .map((n) => ({ token: n.token, hedge: hedgeBefore(quote, n.index) }));
}

export type HedgeVerdict =
  /** The comparator agrees with a printed occurrence; `hedge` is the printed phrase to show (null: none printed). */
  | { ok: true; hedge: string | null }
  /**
   * `contradicts`: the comparator is set and every occurrence is printed with a hedge of
   * another meaning (an error); `unstated`: no comparator but every occurrence is hedged (a warning).
   */
  | { ok: false; kind: 'contradicts' | 'unstated'; printed: string; expected: Comparator; token: string };

/** Whether `comparator` says what the quote prints before the value (see HedgeVerdict). */
export function hedgeVerdict(quote: string, value: number, comparator: Comparator | null): HedgeVerdict {
  const printed = printedValues(quote, value);
  if (printed.length === 0) return { ok: true, hedge: null };
  const plain = comparator === null || comparator === '=';
  const agreeing = printed.find((p) => (p.hedge ? p.hedge.comparator === comparator : plain));
  if (agreeing) return { ok: true, hedge: agreeing.hedge?.phrase ?? null };
  // A comparator with an unhedged occurrence: the bound may be said elsewhere ("từ 90% trở lên", "ước").
  if (!plain && printed.some((p) => !p.hedge)) return { ok: true, hedge: null };
  const first = printed.find((p) => p.hedge)!;
  return { ok: false, kind: plain ? 'unstated' : 'contradicts', printed: first.hedge!.phrase, expected: first.hedge!.comparator, token: first.token };
}

/** The word shown before a figure's value: the printed hedge, else the comparator's own word ('' for none). */
export function shownHedge(f: { comparator: string | null; hedge?: string | null }): string {
  return f.hedge || (f.comparator ? ((COMPARATOR_WORDS as Record<string, string>)[f.comparator] ?? '') : '');
}

const MEANING: Record<Comparator, string> = {
  '>': 'more than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
  '~': 'about',
  '<~': 'nearly, just below',
  '=': 'a target to reach exactly',
};

/** "> more than (trên, hơn); >= tối thiểu, ít nhất, …": each comparator with the printed words that mean it (dictionary text). */
export function comparatorGuide(): string {
  const words = new Map<string, string[]>();
  for (const [phrase, c] of HEDGE_PHRASES) words.set(c, [...(words.get(c) ?? []), phrase]);
  return Object.keys(COMPARATOR_WORDS)
    .map((c) => `${c} ${MEANING[c as Comparator]}${words.has(c) ? ` (${words.get(c)!.join(', ')})` : ''}`)
    .join('; ');
}
