// Locating a verbatim quote in its source text, tolerant only of layout noise
// (whitespace, line breaks, Markdown emphasis, footnote markers). Offsets point
// into the original text so the site can anchor and highlight the quote there.
import { normalizeForQuote } from './text.ts';

const REMOVABLE = /<sup>\s*\d+\s*<\/sup>|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+/y;

interface Normalized {
  text: string;
  /** For each character of `text`, its index in the original string. */
  map: number[];
}

function normalizeWithMap(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  let i = 0;
  let space = false;
  while (i < original.length) {
    REMOVABLE.lastIndex = i;
    const removable = REMOVABLE.exec(original);
    if (removable) {
      i += removable[0].length;
      continue;
    }
    const ch = original[i];
    // `text.endsWith` here flattened the growing string on every space: quadratic (8 s for a 200 KB source).
    if (/\s/.test(ch)) {
      if (text.length > 0 && !space) {
        text += ' ';
        map.push(i);
        space = true;
      }
    } else {
      text += ch;
      map.push(i);
      space = false;
    }
    i++;
  }
  return { text, map };
}

const cache = new WeakMap<object, Normalized>();
const boxes = new Map<string, object>();

function normalizedSource(source: string): Normalized {
  let box = boxes.get(source);
  if (!box) {
    box = {};
    boxes.set(source, box);
  }
  let n = cache.get(box);
  if (!n) {
    n = normalizeWithMap(source.normalize('NFC'));
    cache.set(box, n);
  }
  return n;
}

export interface QuoteLocation {
  /** Offsets in the NFC-normalised original source text. */
  start: number;
  end: number;
}

/** Where `quote` occurs in `source`, or null. First occurrence wins. */
export function locateQuote(source: string, quote: string): QuoteLocation | null {
  const needle = normalizeForQuote(quote);
  if (!needle) return null;
  const n = normalizedSource(source);
  const at = n.text.indexOf(needle);
  if (at < 0) return null;
  return { start: n.map[at], end: n.map[at + needle.length - 1] + 1 };
}

// ---- Why a quote was not found: the nearest miss, for the curator ------------------------------
// A quote must stay verbatim, so these are never accepted as a match; they only explain the miss.
// Both folds keep the length of the text (one UTF-16 unit in, one out), so an offset found in the
// folded text is the same offset in the whole-word comparison below.

/** The five Vietnamese tone marks (in NFD): grave, acute, tilde, hook above, dot below. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

function foldEach(text: string, fold: (c: string) => string): string {
  let out = '';
  for (const c of text) {
    const f = fold(c);
    out += f.length === c.length ? f : c;
  }
  return out;
}

/** Tone marks removed, vowel marks kept: "hoà", "hòa" → "hoa"; "Thuỷ", "Thủy" → "Thuy". */
const toneless = (t: string) => foldEach(t, (c) => c.normalize('NFD').replace(TONES, '').normalize('NFC'));
/** The tone marks of a word, in order of appearance (their place in the word ignored). */
const tonesOf = (w: string) => (w.normalize('NFD').match(TONES) ?? []).join('');

const TYPOGRAPHIC: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-' };
/** Letters only: case, every mark, đ/Đ and typographic quotes and dashes folded. */
const lettersOnly = (t: string) => foldEach(t, (c) => TYPOGRAPHIC[c] ?? c.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd').normalize('NFC'));

const folds = new WeakMap<object, { toneless?: string; letters?: string }>();

export interface QuoteMiss {
  /** `tones`: the same words with the tone mark on another vowel (old "hoà/Thuỷ" vs new "hòa/Thủy" placement); `letters`: differs in marks, case or typographic punctuation. */
  kind: 'tones' | 'letters';
  /** Up to three words as the quote writes them and as the source prints them. */
  words: { quote: string; source: string }[];
  /** Offset in the NFC source where the nearly matching passage starts. */
  start: number;
}

/** When `quote` is not in `source`: the passage it nearly matches and how it differs, or null. */
export function explainQuoteMiss(source: string, quote: string): QuoteMiss | null {
  const needle = normalizeForQuote(quote);
  if (!needle) return null;
  const n = normalizedSource(source);
  const box = boxes.get(source)!;
  const f = folds.get(box) ?? {};
  folds.set(box, f);
  const diff = (at: number) => {
    const got = n.text.slice(at, at + needle.length).split(' ');
    return needle
      .split(' ')
      .map((w, i) => ({ quote: w, source: got[i] ?? '' }))
      .filter((p) => p.quote !== p.source);
  };
  const hay1 = (f.toneless ??= toneless(n.text));
  const ndl1 = toneless(needle);
  for (let at = hay1.indexOf(ndl1); at >= 0; at = hay1.indexOf(ndl1, at + 1)) {
    const words = diff(at);
    if (words.length > 0 && words.every((p) => tonesOf(p.quote) === tonesOf(p.source))) return { kind: 'tones', words: words.slice(0, 3), start: n.map[at] };
  }
  const at = (f.letters ??= lettersOnly(n.text)).indexOf(lettersOnly(needle));
  if (at >= 0) return { kind: 'letters', words: diff(at).slice(0, 3), start: n.map[at] };
  return null;
}

// ---- Where a quote stops matching: for a word added, dropped or changed (not a mark) -------------

export interface QuoteDivergence {
  /** Offset in the NFC source of the first character that differs. */
  at: number;
  /** The few words both share just before the difference ("" at the very start). */
  before: string;
  /** What the quote has there, and what the source prints there ("" when one of them has nothing). */
  quote: string;
  source: string;
}

/** Position `i` falls between two letters or digits of one word. */
const inWord = (t: string, i: number) => /[\p{L}\p{N}\p{M}]/u.test(t[i - 1]) && /[\p{L}\p{N}\p{M}]/u.test(t[i]);
const wordCount = (t: string) => Math.min(5, t.trim().split(' ').filter(Boolean).length);
/** Length of the first as many words of `text` as `like` has (at most 5). */
function wordsAfter(text: string, like: string): number {
  const m = new RegExp(`^\\s*(\\S+\\s*){0,${wordCount(like)}}`).exec(text);
  return m ? m[0].trimEnd().length : 0;
}
/** Length of the last as many words of `text` as `like` has (at most 5). */
function wordsBefore(text: string, like: string): number {
  const m = new RegExp(`(\\s*\\S+){0,${wordCount(like)}}\\s*$`).exec(text);
  return m ? m[0].trimStart().length : 0;
}

/**
 * The passage `quote` nearly copies and the one place it differs: the longest end (or start) of
 * the quote found in the source anchors it, the rest is matched from the other side.
 * "toàn tỉnh đã tiếp nhận" vs "toàn tỉnh tiếp nhận" → before "toàn tỉnh", quote "đã", source "".
 * Null when under `min` characters of either end are in the source.
 */
export function quoteDivergence(source: string, quote: string, min = 12): QuoteDivergence | null {
  const needle = normalizeForQuote(quote);
  const n = normalizedSource(source);
  const src = n.text;
  if (!needle || src.includes(needle)) return null;
  // Containment is monotone in the length of a start (or end): binary search the longest one.
  const longest = (max: number, has: (k: number) => boolean) => {
    let lo = 0;
    let hi = max;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (has(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const L = needle.length;
  const p = longest(L - 1, (k) => src.includes(needle.slice(0, k)));
  const s = longest(L - 1, (k) => src.includes(needle.slice(L - k)));
  if (Math.max(p, s) < min) return null;
  // [qa, qb) of the quote and [sa, sb) of the source are the differing middles.
  let qa: number, qb: number, sa: number, sb: number;
  if (s >= p) {
    sb = src.indexOf(needle.slice(L - s));
    qb = L - s;
    while (qb > 0 && sb > 0 && needle[qb - 1] === src[sb - 1]) (qb--, sb--);
    // The shared end starts at a word: "hồ sơ tuyến" vs "hồ sơ trực tuyến" differs by "trực", not "rực t".
    while (qb > 0 && qb < L && inWord(needle, qb)) (qb++, sb++);
    // The quote's start, looked for just before the anchor.
    const from = Math.max(0, sb - 400);
    const window = src.slice(from, sb);
    const k = longest(qb, (k) => window.includes(needle.slice(0, k)));
    // No start found nearby: the whole head differs; show as many source words before the anchor.
    qa = k >= 3 ? k : 0;
    sa = k >= 3 ? from + window.lastIndexOf(needle.slice(0, k)) + k : sb - wordsBefore(window, needle.slice(0, qb));
  } else {
    sa = src.indexOf(needle.slice(0, p));
    sa += p;
    qa = p;
    while (qa < L && sa < src.length && needle[qa] === src[sa]) (qa++, sa++);
    // The shared start ends at a word (see above).
    while (qa > 0 && qa < L && inWord(needle, qa)) (qa--, sa--);
    const to = Math.min(src.length, sa + 400);
    const window = src.slice(sa, to);
    const k = longest(L - qa, (k) => window.includes(needle.slice(L - k)));
    // No end found nearby: the whole tail differs; show as many source words after the anchor.
    qb = k >= 3 ? L - k : L;
    sb = k >= 3 ? sa + window.indexOf(needle.slice(L - k)) : sa + wordsAfter(window, needle.slice(qa));
  }
  const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 80)}…` : t).trim();
  const tail = needle.slice(0, qa).trim().split(' ').slice(-4).join(' ');
  return { at: n.map[Math.min(sa, n.map.length - 1)], before: tail, quote: clip(needle.slice(qa, qb)), source: clip(src.slice(sa, sb)) };
}
