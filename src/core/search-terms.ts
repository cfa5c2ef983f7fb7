// Search constants and pure helpers shared by the index build (src/publish/search-records.ts)
// and the search page's script (src/client/search.ts). Imports nothing heavy: it ships to the browser.
import { foldDiacritics, unstrokeD } from './text.ts';

/** Filter keys as stored in the index, with their Vietnamese labels (order = order on the search page). */
export const FILTERS = {
  loai: 'Loại nội dung',
  linh_vuc: 'Lĩnh vực cải cách',
  ky: 'Kỳ báo cáo',
  loai_bao_cao: 'Loại văn bản',
  don_vi: 'Đơn vị, địa bàn',
} as const;
export type FilterKey = keyof typeof FILTERS;

/** Values of the `loai` filter. */
export const CONTENT_TYPES = {
  figure: 'Số liệu',
  report: 'Báo cáo',
  source: 'Toàn văn',
  indicator: 'Chỉ số',
  dataset: 'Bộ dữ liệu',
  page: 'Trang khác',
} as const;
export type ContentType = keyof typeof CONTENT_TYPES;

/** The one sort key: end of the period covered (ISO date, sorts as text). */
export const SORT_KEY = 'ky';

/** Percent-encode a phrase for a URL text fragment (`#:~:text=`): "-", "&" and "," are syntax there. */
export function encodeTextDirective(phrase: string): string {
  return encodeURIComponent(phrase).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Link to a phrase of a page with a text fragment, so the browser scrolls to and highlights it. */
export function textFragmentUrl(pageUrl: string, phrase: string): string {
  return `${pageUrl.split('#')[0]}#:~:text=${encodeTextDirective(phrase)}`;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * A Pagefind excerpt ("…<mark>d̵ầu</mark> tư…") as plain text parts, đ restored and
 * any other markup dropped, so the page renders it with text nodes (never innerHTML).
 */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  // The "(số: 67.628 67628)" forms exist for matching only; never show them (even cut off by the excerpt window).
  const shown = html.replace(/\s*\(số:[^)]*(?:\)|$)/g, '');
  for (const token of shown.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(token)) mark = true;
    else if (/^<\/mark>$/i.test(token)) mark = false;
    else if (token) {
      const text = unstrokeD(decodeEntities(token.replace(/<[^>]*>/g, '')));
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}

/**
 * A short phrase of the excerpt around its first highlighted word, for a text-fragment
 * link to "the spot" in a source text: up to `before` words before it and `n` words in all.
 */
export function spotPhrase(parts: ExcerptPart[], n = 7, before = 2): string {
  const words: { w: string; mark: boolean }[] = [];
  for (const p of parts) for (const w of p.text.split(/\s+/)) if (w) words.push({ w, mark: p.mark });
  const first = words.findIndex((x) => x.mark);
  if (first < 0) return '';
  const start = Math.max(0, first - before);
  return words
    .slice(start, start + n)
    .map((x) => x.w)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
}

/** Put the marks back on a diacritic-free query with a vocabulary ("ho so" → "hồ sơ"); unknown or marked words stay as typed. */
export function accentQuery(query: string, vocabulary: Record<string, string>): string {
  return query.replace(/\p{L}+/gu, (w) => {
    if (foldDiacritics(w) !== w) return w;
    const hit = vocabulary[w.toLowerCase()];
    if (!hit) return w;
    return w[0] !== w[0].toLowerCase() ? hit[0].toUpperCase() + hit.slice(1) : hit;
  });
}

/**
 * The index is split by year of the report period: the main bundle /pagefind/ holds the
 * newest year and the pages that belong to no single report (indicators, areas,
 * organizations, catalogue datasets); each older year has a bundle under /pagefind/nam/<year>/,
 * merged on demand with Pagefind's mergeIndex. A first search loads the main bundle only,
 * whatever the number of years published.
 */
export const YEAR_FILTER = 'nam';
/** Value of the `nam` filter on documents of the main bundle, so a year filter excludes them. */
export const NO_YEAR = 'chung';

export function yearBundlePath(year: number): string {
  return `/pagefind/nam/${year}/`;
}

/**
 * Older years a search adds, one at a time, while it has fewer results than a page shows:
 * each merged year costs its metadata file, a chunk per query word (larger than the main
 * bundle's, see YEAR_INDEX_CHUNK_SIZE) and one fragment file (OLDER_STEP_FILES in src/client/search.ts).
 */
export const FEW_RESULTS_YEARS = 1;

/** A member's heading id in a grouped document: its fields percent-encoded (ids have no spaces) and joined by "~". */
export function memberId(fields: string[]): string {
  return fields.map((f) => encodeURIComponent(f).replace(/~/g, '%7E')).join('~');
}

/** Inverse of `memberId`. */
export function memberFields(id: string): string[] {
  return id.split('~').map((f) => decodeURIComponent(f));
}

/** Fields of a figure member id, in order (built by figureGroups, read by the search page). */
export const FIGURE_MEMBER = ['anchor', 'value', 'period', 'scope', 'section', 'indicator', 'area'] as const;
/** Fields of a source-passage member id, in order. */
export const PASSAGE_MEMBER = ['n', 'section'] as const;
/** Query parameter that makes each group's URL unique (Pagefind keys documents by URL). */
export const GROUP_QUERY = 'nhom';

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
// A word ending in oa/oe/uy with no final consonant, its one tone mark on either vowel (NFD): "hoà"/"hòa", "thuỷ"/"thủy".
const TONE_ON_SECOND = new RegExp(`^(.*?)([ou])([aey])([${TONE_MARKS}])$`, 'iu');
const TONE_ON_FIRST = new RegExp(`^(.*?)([ou])([${TONE_MARKS}])([aey])$`, 'iu');
/** Only oa, oe and uy move their mark; after q the u is part of the consonant ("quà", "quý"). */
const movable = (before: string, first: string, second: string) => /^(?:o[ae]|uy)$/i.test(first + second) && !/q$/i.test(before);

/**
 * The same word with its tone mark placed the other way: old style "hoà, thuỷ" ↔ new style "hòa, thủy" (both are
 * printed in the sources, and Pagefind compares marks letter by letter). null when the word has no such mark:
 * "hoàn" (a final consonant), "quý" (u belongs to "qu"), "thuế" (ê carries the tone in both styles).
 */
export function otherTonePlacement(word: string): string | null {
  const nfd = word.normalize('NFD');
  const second = TONE_ON_SECOND.exec(nfd);
  if (second && movable(second[1], second[2], second[3])) return `${second[1]}${second[2]}${second[4]}${second[3]}`.normalize('NFC');
  const first = TONE_ON_FIRST.exec(nfd);
  if (first && movable(first[1], first[2], first[4])) return `${first[1]}${first[2]}${first[4]}${first[3]}`.normalize('NFC');
  return null;
}

/** The query's forms to search: as typed, and with every oa/oe/uy tone mark placed the other way when it has one. */
export function toneForms(query: string): string[] {
  const other = query.split(' ').map((w) => otherTonePlacement(w) ?? w).join(' ');
  return other === query ? [query] : [query, other];
}
