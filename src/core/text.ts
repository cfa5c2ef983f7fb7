// Text helpers shared by the build and the browser (no Node imports here).

/** Remove Vietnamese tone and vowel marks and fold đ/Đ to d/D. "Tu Mơ Rông" → "Tu Mo Rong". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** The one slug function: lower-case ASCII words joined by "-". "Đăk Hà" → "dak-ha". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Normalise text for locating a quote in its source: Unicode NFC, Markdown
 * emphasis (`*`) and footnote markers (¹², ⁽³⁾, <sup>4</sup>) removed,
 * whitespace collapsed. Quotes stay verbatim; only layout noise is ignored.
 */
export function normalizeForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, '')
    .replace(/⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const KEYS = new Intl.Collator('en');
const VI = new Intl.Collator('vi');
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Order of ids, keys, paths and ISO dates, the same on every machine: a fixed collator, not
 * `a.localeCompare(b)`, which follows the machine's LANG (in Danish "aa" sorts after "z").
 * English/root order is what the build always used under LANG=C, so no output moved.
 */
export function compareKeys(a: string, b: string): number {
  return KEYS.compare(a, b) || byCodeUnit(a, b);
}

/** Order of names a reader scans (units, places, labels): Vietnamese collation (đ after d), then code units so it is total. */
export function compareVi(a: string, b: string): number {
  return VI.compare(a, b) || byCodeUnit(a, b);
}

/** Escape the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// ---- Search helpers (Pagefind). Pagefind ≥1.5 ignores tone and vowel marks
// (ơ, ư, â, ă, ê, ô and the five tones) but keeps đ as its own letter. The
// index therefore stores đ/Đ as d/D + U+0335 (combining short stroke overlay):
// Pagefind drops the combining mark when indexing, so "dau tu" finds "đầu tư",
// and the text it returns for excerpts turns back into "đ" with `unstrokeD`.

/** The combining short stroke overlay used to write đ as "d̵" in indexed text. */
export const STROKE = '\u0335';

/** Indexed form: "đầu tư" → "d̵ầu tư" (NFC otherwise; U+0335 already in the text is dropped first). */
export function strokeD(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0335/g, '')
    .replace(/đ/g, `d${STROKE}`)
    .replace(/Đ/g, `D${STROKE}`);
}

/** Inverse of `strokeD`, for excerpts and titles read back from the index: "d̵ầu" → "đầu". */
export function unstrokeD(text: string): string {
  return text.replace(/d\u0335/g, 'đ').replace(/D\u0335/g, 'Đ');
}

/** Query form: only đ/Đ → d/D, tone marks kept (Pagefind folds them itself and ranks exact forms first). */
export function foldQuery(query: string): string {
  return query.normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/\s+/g, ' ').trim();
}

/** Whether the text has any Vietnamese mark (tone, vowel mark or đ). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize('NFC');
}

/**
 * A figure's section named in a sentence: "mục II.1.d", but "chú thích 53" (a footnote is not a section: "mục chú
 * thích 53" misread it) and "phần mở đầu". `start` capitalises it for the start of a sentence or a cell.
 */
export function sectionPhrase(section: string, start = false): string {
  const s = section.trim();
  const phrase = /^chú thích\b/iu.test(s) ? `chú thích${s.slice('chú thích'.length)}` : /^mở đầu$/iu.test(s) ? 'phần mở đầu' : `mục ${s}`;
  return start ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}
