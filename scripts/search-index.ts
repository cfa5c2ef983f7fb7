// Search index stage (Pagefind, Node API). Runs after `astro build` + export.
//   - HTML pages of dist/: only <main>, with listing pages, the search page and
//     the source-text pages left out (classifyPage), data tables dropped where
//     their figures have records of their own; filters/meta/sort added.
//   - Figures and source passages grouped (reportGroups: up to 25 figures of one report
//     and area, or 6 consecutive passages, per document), each member a heading whose id
//     carries what the search page shows of it; Pagefind's sub-results find the member.
//   - Split by year of the report period (planBundles): dist/pagefind/ holds the
//     newest year and the pages that belong to no single report, plus pagefind.js
//     and its WebAssembly; dist/pagefind/nam/<year>/ one bundle per older year
//     (index, fragments, filters, metadata only), written one after the other with
//     a fresh index each, so memory is bounded by the largest year. A first search
//     loads the main bundle only: a chunk (~5 KB) per query word. Older years are
//     written as few files (bundleSettings): larger chunks and fragments packed per report.
//   - Every indexed text has đ/Đ written as d̵/D̵ (strokeD) so queries without
//     diacritics find đ; the search page turns excerpts back with unstrokeD.
//   - dist/tim-kiem/tu-vung.json: diacritic-free word → written form, fetched
//     by the search page only to suggest a query when nothing is found.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { Site } from '../src/pipeline/derive.ts';
import { buildVocabulary, classifyPage, reportGroups, reportYear, SEARCH_LANGUAGE, searchYears, type PageInfo, type SearchGroup } from '../src/publish/search-records.ts';
import type { Figure } from '../src/core/model.ts';
import { escapeHtml, strokeD } from '../src/core/text.ts';
import { organizationName } from '../src/core/labels.ts';
import { cacheDir, cachedBytes, codeHash } from './cache.ts';

/**
 * Index chunk size, in Pagefind's own unit (word locations). A query fetches one
 * chunk per word, so the chunk size sets what a first query costs. Pagefind's
 * default (20 000) gives ~20 KB chunks here, and a four-word query crossed the
 * 150 KB first-query budget; 3 000 gives chunks of ≤ 9 KB and fewer accidental
 * prefix matches ("ho" no longer picks up "hoạch" merely because both words
 * share a chunk). Pagefind 1.6 reads it only from this environment variable when
 * its service process starts (see `serviceFor`); the build-level search test
 * guards the chunk sizes in case a release drops it.
 * This is the main bundle's: the one every first search loads.
 */
export const INDEX_CHUNK_SIZE = 3000;

/**
 * Chunk size of the older-year bundles, which a search loads only when it merges that
 * year. Most of the index is there (all years but the newest), and at 3 000 it was ~10
 * chunk files per report (34,833 Pagefind files at 1,000 reports, 20,000 allowed for the
 * whole site). Pagefind's default, 20 000: ~2 chunk files per report; a merged year costs
 * one chunk per query word, ~19 KB on the synthetic copies and up to ~29 KB on the real,
 * more varied, reports (24 000 gave 34 KB there; 16 000, 2.6 files per report).
 */
export const YEAR_INDEX_CHUNK_SIZE = 20000;

/**
 * Documents per fragment file in the older-year bundles (Pagefind 1.6 `maxFragments`: past
 * that many files it packs fragments into shared files, in the order documents were added).
 * Documents are added report by report, so one file holds neighbouring documents of one
 * report; showing a result loads its whole file. The main bundle keeps one file per
 * document: a first search loads only the fragments of the results it shows.
 * The search page's few-results step (the year before merged) fetches one such file before it
 * shows (OLDER_STEP_FILES in src/client/search.ts): 16 documents made files of up to ~35 KB
 * and that step 141–203 KB in all; 8 gives ≤ ~20 KB files for ~1.4 more files per report.
 */
export const YEAR_FRAGMENT_DOCS = 8;

/** Pagefind's UI bundles: the portal has its own search page, so these are removed from dist/pagefind/. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'pagefind' || name === 'data' || name === '_astro' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

function urlOf(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const DROP_TAGS = new Set(['script', 'style', 'svg', 'nav', 'noscript', 'form', 'button', 'template', 'textarea']);
// Pagefind joins adjacent cells and list items ("LoạiHuyện"): keep a space after block-level elements.
const BLOCK = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'section', 'article', 'blockquote', 'figcaption', 'tr', 'summary']);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

// On pages whose figures have documents of their own: key-figure cards (each with a long "compared with" line) and
// chart captions repeat those figures; at 50 reports they were a third of a report page's indexed text.
const DUPLICATES = /^<(?:ul|ol)\s[^>]*\bclass="(?:[^"]*\s)?cards\b|^<figure\s[^>]*\bclass="(?:[^"]*\s)?chart\b/;

const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;

function attrsHave(attrs: string, re: RegExp): boolean {
  return re.test(attrs);
}

function decodeText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp|#x([0-9a-f]+)|#(\d+));/gi, (all, name: string, hex?: string, dec?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' } as Record<string, string>)[name.toLowerCase()] ?? all;
  });
}

/**
 * The HTML Pagefind indexes for one page: its <main>, đ stroked, with filters/meta/sort in an ignored block.
 * A single pass over the tags (no DOM): parsing every page with a DOM library took minutes and
 * gigabytes at 1,000 reports. Astro's output is well formed; an unmatched end tag closes what is open.
 */
export function pageForIndex(html: string, info: PageInfo): { html: string; title: string } | null {
  const mainAt = html.search(/<main[\s>]/);
  if (mainAt < 0) return null;
  const out: string[] = [];
  const stack: string[] = [];
  let skipDepth = -1; // stack depth at which a dropped element started, -1 when nothing is dropped
  let h1: string[] | null = null;
  let h1Depth = -1;
  let title = '';
  TOKEN.lastIndex = mainAt;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const tok = m[0];
    if (tok.startsWith('<!--')) continue;
    const name = m[2]?.toLowerCase();
    if (!name) {
      // Text (or a stray "<").
      if (h1 && !title) h1.push(tok);
      if (skipDepth < 0) out.push(escapeText(strokeD(decodeText(tok))));
      continue;
    }
    const attrs = m[3] ?? '';
    if (m[1]) {
      // End tag: close up to the matching open element.
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      while (stack.length > at) {
        const closed = stack.pop()!;
        if (skipDepth < 0) {
          if (BLOCK.has(closed)) out.push(' ');
          out.push(`</${closed}>`);
        }
        if (h1 && stack.length === h1Depth) {
          title ||= decodeText(h1.join('')).replace(/\s+/g, ' ').trim();
          h1 = null;
        }
        if (stack.length === skipDepth) skipDepth = -1;
      }
      if (!stack.length) break; // </main>
      continue;
    }
    const selfClosing = VOID.has(name) || attrs.endsWith('/');
    if (name === 'h1' && !title && !h1) {
      h1 = [];
      h1Depth = stack.length;
    }
    if (skipDepth < 0 && stack.length > 0) {
      const drop =
        DROP_TAGS.has(name) ||
        attrsHave(attrs.replace(/"[^"]*"|'[^']*'/g, '""'), /(?:^|\s)(?:data-pagefind-ignore|hidden)(?:[\s=/]|$)/) ||
        attrsHave(attrs, /\sclass="[^"]*\bbreadcrumbs\b/) ||
        (info.dropTables && (name === 'table' || (name === 'details' && attrsHave(attrs, /\sclass="[^"]*\bchart-data\b/)) || DUPLICATES.test(`<${name}${attrs}`)));
      if (drop && !selfClosing) skipDepth = stack.length;
      else if (!drop) out.push(tok);
    }
    if (!selfClosing) stack.push(name);
    // Script and style bodies may hold "<": jump straight to their end tag.
    if ((name === 'script' || name === 'style') && !selfClosing) {
      const end = name === 'script' ? SCRIPT_END : STYLE_END;
      end.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = end.exec(html)?.index ?? html.length;
    }
  }
  const body = out.join('').replace(/<\/main>$/, '');
  title ||= decodeText(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '').replace(/\s+/g, ' ').trim();
  const tags: string[] = [`<span data-pagefind-meta="title">${escapeHtml(title)}</span>`, `<span data-pagefind-meta="type">${info.type}</span>`];
  for (const [k, vs] of Object.entries(info.filters)) for (const v of vs) tags.push(`<span data-pagefind-filter="${k}">${escapeHtml(v)}</span>`);
  for (const [k, v] of Object.entries(info.sort)) tags.push(`<span data-pagefind-sort="${k}">${escapeHtml(v)}</span>`);
  return {
    title,
    html: `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div data-pagefind-body>${body}<div data-pagefind-ignore>${tags.join('')}</div></div></body></html>`,
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function dirSize(dir: string, keep: (name: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    if (!keep(name)) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) {
      const d = dirSize(p);
      bytes += d.bytes;
      files += d.files;
    } else {
      bytes += s.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** One Pagefind bundle: HTML pages of dist/ and grouped figures and passages, written to `dir`. */
export interface Bundle {
  /** Output folder relative to dist/ ("pagefind" or "pagefind/nam/<year>"). */
  dir: string;
  /** The year of an older-year bundle; null for the main bundle (which holds the newest year). */
  year: number | null;
  pages: { url: string; file: string; info: PageInfo }[];
  groups: () => SearchGroup[];
}

/** Files every bundle needs; the year bundles use the main bundle's pagefind.js and WebAssembly. */
const BUNDLE_ONLY = (name: string) => name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || ['index', 'fragment', 'filter'].includes(name);

/**
 * Split the site into bundles: the main one (dist/pagefind/, pages that belong to no single report)
 * with the newest year, and one per older year of report period (dist/pagefind/nam/<year>/), newest first.
 */
export function planBundles(site: Site, dist: string): Bundle[] {
  const main: Bundle = { dir: 'pagefind', year: null, pages: [], groups: () => [] };
  const byYear = new Map<number, Bundle>();
  const newest = searchYears(site)[0] ?? null;
  const bundleFor = (year: number | null): Bundle => {
    if (year == null || year === newest) return main;
    let b = byYear.get(year);
    if (!b) byYear.set(year, (b = { dir: `pagefind/nam/${year}`, year, pages: [], groups: () => [] }));
    return b;
  };
  for (const year of searchYears(site)) bundleFor(year);
  for (const file of htmlFiles(dist)) {
    const url = urlOf(dist, file);
    const info = classifyPage(site, url);
    if (info) bundleFor(info.year ?? null).pages.push({ url, file, info });
  }
  const figuresByReport = new Map<string, Figure[]>();
  for (const f of site.figures) (figuresByReport.get(f.reportId) ?? figuresByReport.set(f.reportId, []).get(f.reportId)!).push(f);
  const reportsOf = (year: number | null) => site.content.reports.filter((r) => (year == null ? [null, newest] : [year]).includes(reportYear(r)));
  // Groups are made when their bundle is written, so only one year's are in memory at a time.
  for (const b of [main, ...byYear.values()]) b.groups = () => reportsOf(b.year).flatMap((r) => reportGroups(site, r, figuresByReport.get(r.meta.id) ?? []));
  return [main, ...[...byYear.values()].sort((a, b) => b.year! - a.year!)];
}

/** Report a document belongs to (its page, dataset page or grouped records), "" for the rest: keeps a report's documents adjacent. */
function reportOfUrl(url: string): string {
  return /^\/bao-cao\/([^/?#]+)/.exec(url)?.[1] ?? /^\/du-lieu\/bao-cao-([^/?#]+)\//.exec(url)?.[1] ?? '';
}

/**
 * How a bundle is written: the main bundle with small chunks and a file per fragment (what a
 * first search loads), an older year with larger chunks and fragments packed per report.
 */
export function bundleSettings(bundle: Pick<Bundle, 'year'>, documents: number): { chunkSize: number; maxFragments: number | undefined } {
  if (bundle.year == null) return { chunkSize: INDEX_CHUNK_SIZE, maxFragments: undefined };
  return { chunkSize: YEAR_INDEX_CHUNK_SIZE, maxFragments: Math.max(1, Math.ceil(documents / YEAR_FRAGMENT_DOCS)) };
}

/** Pagefind reads the chunk size when its service process starts: restart it when a bundle needs another. */
async function serviceFor(chunkSize: number): Promise<void> {
  const wanted = String(chunkSize);
  if (process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE === wanted) return;
  await pagefind.close();
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = wanted;
}

/** A bundle's files as one blob (header: JSON of [path, size] pairs, then the bytes in order), for the build cache. */
export function packDir(dir: string): Uint8Array {
  const entries: [string, Buffer][] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else entries.push([relative(dir, p).split(sep).join('/'), readFileSync(p)]);
    }
  };
  walk(dir);
  const header = Buffer.from(JSON.stringify(entries.map(([p, b]) => [p, b.length])));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(header.length);
  return new Uint8Array(Buffer.concat([size, header, ...entries.map(([, b]) => b)]));
}

export function unpackDir(blob: Uint8Array, dir: string): void {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const length = buf.readUInt32BE(0);
  const entries = JSON.parse(buf.subarray(4, 4 + length).toString('utf8')) as [string, number][];
  let at = 4 + length;
  for (const [path, n] of entries) {
    if (path.split('/').includes('..')) throw new Error(`search cache: bad path ${path}`);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), buf.subarray(at, at + n));
    at += n;
  }
}

/**
 * What each page gives the index, remembered between builds by the page's bytes: a bundle's cache key needs every
 * document as indexed, and extracting it (pageForIndex) from every page of the archive on every build cost more than
 * indexing the one bundle an edit changed (~7 s at 1,000 reports). An entry maps sha256(code, URL, page info, the HTML
 * file's bytes) to sha256 of the document (or "" when the page gives none); only entries this build used are written
 * back. Used only with the build cache; a missing or unreadable file is an empty memo.
 */
export class PageMemo {
  private old = new Map<string, string>();
  private used = new Map<string, string>();
  private path: string | null;
  private code: string;
  hits = 0;
  misses = 0;
  // No parameter properties: `npm run build` runs this file with Node's type stripping.
  constructor(path: string | null, code = codeHash(['scripts/search-index.ts', 'src/core/text.ts'])) {
    this.path = path;
    this.code = code;
    if (!path) return;
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { code: string; pages: [string, string][] };
      if (saved.code === this.code) this.old = new Map(saved.pages);
    } catch { /* no memo yet, or an unreadable one: extract every page */ }
  }

  /** The hash of the page's document ("" when it has none), extracting it only when its bytes are new. */
  docHash(page: { url: string; file: string; info: PageInfo }): string {
    const bytes = readFileSync(page.file);
    const key = createHash('sha256').update(this.code).update('\0').update(page.url).update('\0').update(JSON.stringify(page.info)).update('\0').update(bytes).digest('hex');
    let hash = this.used.get(key) ?? this.old.get(key);
    if (hash === undefined) {
      this.misses++;
      const html = pageForIndex(bytes.toString('utf8'), page.info)?.html;
      hash = html == null ? '' : createHash('sha256').update(html).digest('hex');
    } else this.hits++;
    this.used.set(key, hash);
    return hash;
  }

  save(): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ code: this.code, pages: [...this.used].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
    renameSync(tmp, this.path);
  }
}

/** Where the page memo lives: beside the build cache's entries (pruned with them when no build uses it for long). */
export const pageMemoPath = () => join(cacheDir(), 'search-pages', 'memo.json');

/**
 * The build cache of written bundles (scripts/cache.ts): a bundle whose documents (every page's indexed HTML and
 * every group, in order), settings and Pagefind version are unchanged is unpacked instead of indexed again, so an
 * edit re-indexes its own year and the main bundle, not the whole archive. Off with CCHC_CACHE=0.
 */
export type BundleCache = (input: { dir: string; settings: object; docs: () => Iterable<string> }, compute: () => Promise<Uint8Array>) => Promise<Uint8Array>;

/** Write one bundle with a fresh Pagefind index, then free it (bounded memory whatever the number of years). */
export async function writeBundle(bundle: Bundle, dist: string, pf: typeof pagefind = pagefind, cache?: BundleCache, memo?: PageMemo): Promise<{ pages: number; figures: number; passages: number; groups: number; documents: number; bytes: number; files: number }> {
  const outputPath = join(dist, bundle.dir);
  const groups = bundle.groups();
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  // `key`: what the bundle's cache key takes of the document (its hash), null when the page gives no document.
  const docs: { url: string; html: () => string | null; key: () => string | null; page: boolean }[] = [
    ...bundle.pages.map((p) => {
      const html = () => pageForIndex(readFileSync(p.file, 'utf8'), p.info)?.html ?? null;
      const key = memo ? () => memo.docHash(p) || null : () => { const h = html(); return h == null ? null : sha(h); };
      return { url: p.url, page: true, html, key };
    }),
    ...groups.map((g) => ({ url: g.url, page: false, html: () => g.html, key: () => sha(g.html) })),
  ];
  // Report by report (pages of no report first), so a packed fragment file holds one report's documents.
  const order = new Map<string, number>();
  for (const d of docs) if (!order.has(reportOfUrl(d.url))) order.set(reportOfUrl(d.url), reportOfUrl(d.url) ? order.size + 1 : 0);
  const sorted = docs.map((d, i) => ({ d, i, k: order.get(reportOfUrl(d.url))! })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.d);
  const settings = bundleSettings(bundle, docs.length);
  let pages = 0;
  let documents = 0;
  const index = async (): Promise<void> => {
    await serviceFor(settings.chunkSize);
    const { index, errors } = await pf.createIndex({ forceLanguage: SEARCH_LANGUAGE, writePlayground: false, ...(settings.maxFragments ? { maxFragments: settings.maxFragments } : {}) });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    pages = documents = 0;
    for (const d of sorted) {
      const html = d.html();
      if (html == null) continue;
      const res = await index.addHTMLFile({ url: d.url, content: html });
      if (res.errors.length) throw new Error(`Pagefind ${d.url}: ${res.errors.join('; ')}`);
      if (d.page) pages++;
      documents++;
    }
    // The search page loads Pagefind from the main bundle: an empty one has no language index and every search fails.
    if (bundle.year == null && documents === 0) throw new Error('Pagefind: the main bundle (dist/pagefind/) has no page to index; the search page needs it to load any year.');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    if (bundle.year == null) for (const f of UNUSED) rmSync(join(outputPath, f), { force: true });
    else for (const f of readdirSync(outputPath)) if (!BUNDLE_ONLY(f)) rmSync(join(outputPath, f), { recursive: true, force: true });
  };
  if (!cache) await index();
  else {
    // Keyed by every document as indexed, by its hash (pages through the memo: unchanged pages are read and hashed,
    // not extracted); indexing extracts them only on a miss.
    let hit = true;
    const seen = { pages: 0, documents: 0 };
    const keyDocs = function* () {
      for (const d of sorted) {
        const key = d.key();
        if (key == null) continue;
        if (d.page) seen.pages++;
        seen.documents++;
        yield `${d.url}\0${key}`;
      }
    };
    const blob = await cache({ dir: bundle.dir, settings: { ...settings, language: SEARCH_LANGUAGE }, docs: keyDocs }, async () => {
      hit = false;
      await index();
      return packDir(outputPath);
    });
    if (hit) {
      unpackDir(blob, outputPath);
      ({ pages, documents } = seen);
    }
  }
  const count = (type: string) => groups.filter((g) => g.type === type).reduce((n, g) => n + g.anchors.length, 0);
  const size = dirSize(outputPath, bundle.year == null ? (name) => name !== 'nam' : () => true);
  return { pages, figures: count('figure'), passages: count('source'), groups: groups.length, documents, ...size };
}

/**
 * A second instance of Pagefind's JS API, with a service process of its own: the module keeps one
 * service per instance, and a query string makes Node load the module again. It starts its process
 * with the same environment (chunk size) as the first.
 */
let second: typeof pagefind | null = null;
async function secondPagefind(): Promise<typeof pagefind> {
  return (await import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?lane=2`)) as typeof pagefind;
}

export async function buildSearchIndex(site: Site, dist: string, log: (m: string) => void, cache?: BundleCache): Promise<void> {
  const started = performance.now();
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
  const bundles = planBundles(site, dist);
  const memo = cache ? new PageMemo(process.env.CCHC_CACHE === '0' ? null : pageMemoPath()) : undefined;
  try {
    const total = { pages: 0, figures: 0, passages: 0, groups: 0, documents: 0, bytes: 0, files: 0 };
    let largest = { dir: '', bytes: 0 };
    const add = (b: Bundle, s: Awaited<ReturnType<typeof writeBundle>>) => {
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
      if (b.year != null && s.bytes > largest.bytes) largest = { dir: b.dir, bytes: s.bytes };
    };
    const [main, ...years] = bundles;
    add(main, await writeBundle(main, dist, pagefind, cache, memo));
    // Older years on two Pagefind processes at once (most of this stage is Pagefind's own CPU; a 2-core
    // machine's second core was idle). Each bundle is still written whole by one index, so its bytes do
    // not depend on which process wrote it or when; totals are sums.
    const queue = [...years];
    const lane = async (pf: typeof pagefind) => {
      for (let b = queue.shift(); b; b = queue.shift()) add(b, await writeBundle(b, dist, pf, cache, memo));
    };
    if (years.length) {
      await serviceFor(bundleSettings(years[0], 1).chunkSize);
      await Promise.all([lane(pagefind), lane(second ??= await secondPagefind())]);
    }
    log(
      `tìm kiếm: ${total.pages} trang, ${total.figures} số liệu và ${total.passages} đoạn toàn văn trong ${total.groups} nhóm (${total.documents} tài liệu); ${bundles.length} gói chỉ mục (chung + ${bundles.length - 1} năm), ` +
        `${(total.bytes / 1024).toFixed(0)} KB trong ${total.files} tệp; gói năm lớn nhất ${largest.dir || '—'} ${(largest.bytes / 1024).toFixed(0)} KB` +
        (memo && memo.hits + memo.misses ? `; trang: ${memo.hits} nhận theo băm, ${memo.misses} trích mới` : '') +
        ` — ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (memo && memo.hits + memo.misses) memo.save();
  } finally {
    await pagefind.close();
    await second?.close();
    second = null;
  }

  const texts = [
    ...site.content.reports.flatMap((r) => [r.sourceText, r.meta.title, r.meta.summary, ...r.narratives.map((n) => n.markdown)]),
    ...site.content.indicators.flatMap((i) => [i.label, i.definition]),
    ...site.content.areas.map((a) => a.label),
    ...site.content.organizations.flatMap((o) => [o.name, organizationName(site, o.id)]),
  ];
  // With the build cache, keyed by the texts: every source text of the archive is re-read word by word otherwise
  // (1.3 s at 250 reports), though only an edit of some text changes it.
  const compute = async (t: string[]) => Buffer.from(JSON.stringify(buildVocabulary(t)));
  const json = Buffer.from(await (cache ? cachedBytes('search-vocab', codeHash(['scripts/search-index.ts', 'src/publish/search-records.ts', 'src/core/text.ts']), compute)(texts) : compute(texts)));
  mkdirSync(join(dist, 'tim-kiem'), { recursive: true });
  writeFileSync(join(dist, 'tim-kiem', 'tu-vung.json'), json);
  log(`tìm kiếm: từ vựng gợi ý ${Object.keys(JSON.parse(json.toString('utf8')) as object).length} từ`);
}
