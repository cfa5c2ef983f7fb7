// The search page's script (bundled only into /tim-kiem/). Loads Pagefind's JS API
// (/pagefind/pagefind.js) with a dynamic import the first time a search runs,
// renders results with text nodes only, keeps the search in the URL.
// The index is split by year (scripts/search-index.ts): the main bundle (pages of no
// single report, and the newest year) is always searched; older years are merged in with
// mergeIndex, newest first: FEW_RESULTS_YEARS while results are few, the rest when the
// reader asks ("Tìm cả trong các năm trước") or picks a year or period.
import { foldDiacritics, foldQuery, hasDiacritics, strokeD, unstrokeD } from '../core/text.ts';
import { urls } from '../core/urls.ts';
import { accentQuery, CONTENT_TYPES, FEW_RESULTS_YEARS, memberFields, NO_YEAR, parseExcerpt, SORT_KEY, spotPhrase, textFragmentUrl, toneForms, YEAR_FILTER, yearBundlePath, type ContentType } from '../core/search-terms.ts';

interface PfSub {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
}
interface PfData {
  url: string;
  excerpt: string;
  anchors?: { id?: string; text?: string }[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PfSub[];
}
interface PfResult {
  id: string;
  score: number;
  data(): Promise<PfData>;
}
interface PfResponse {
  results: PfResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<PfResponse | null>;
  preload(q: string, o?: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  createInstance(o: Record<string, unknown>): Pagefind;
}

// Results (documents) whose data a batch loads: each is a fragment file to fetch, and a grouped
// result shows up to MEMBERS_SHOWN hits, so 6 documents fill a screen (at 50 synthetic reports,
// 10 made a seven-word first search 164 KB).
const PAGE_SIZE = 6;
/** Members of a grouped document (figures of one report and area, consecutive passages) shown per result. */
const MEMBERS_SHOWN = 3;
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Options of the main bundle and of every merged year (each instance keeps its own, and scores must compare). */
const PF_OPTIONS = { excerptLength: 24, noWorker: true, ranking: { pageLength: 0.2 } };
/** Years added by each "search older years" click. */
const MORE_YEARS = 5;
/**
 * Fragment files of merged years that a page of results may fetch before it shows, while the only older years merged
 * are those the page merged itself because results were few (not the reader's "Tìm cả trong các năm trước" or a
 * year/period filter). An older year's fragments are packed, YEAR_FRAGMENT_DOCS documents a file
 * (scripts/search-index.ts), and each result from another file costs a whole file: the page shows results, in order,
 * up to the first one whose file is past this budget; "Xem thêm kết quả" shows the rest.
 */
const OLDER_STEP_FILES = 1;
/** Further pause in typing, after the results of the words typed so far show, before the few-results step merges a year. */
const OLDER_PAUSE_MS = 600;
/** Whether the reader asked for older years ("Tìm cả trong các năm trước"): then pages of results have no budget. */
let olderAsked = false;

// Fetches of merged years' fragment files, counted while a step has a budget (see OLDER_STEP_FILES). Past it the fetch
// is refused before any request is made: Pagefind forgets a failed load, so the same result loads later when asked.
// Pagefind fetches with the global fetch, in the order results ask for their data (one queue per bundle).
class Deferred extends Error {}
let fragmentBudget: { files: Set<string>; max: number } | null = null;
const pageFetch = window.fetch.bind(window);
// Every Pagefind file the page has fetched, by URL: the exact-marks instance (see loadExact) loads the same
// WebAssembly, metadata, chunks and fragments as the folding one, and gets them from here, not the network.
const pagefindFiles = new Map<string, Promise<{ body: ArrayBuffer; init: ResponseInit }>>();
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = new URL(url, location.href).pathname;
  if (!path.startsWith('/pagefind/') || path.endsWith('.js')) return pageFetch(input, init);
  const kept = pagefindFiles.get(url);
  if (kept) return kept.then(({ body, init }) => new Response(body.slice(0), init));
  const budget = fragmentBudget;
  if (budget && /\/pagefind\/nam\/[^/]+\/fragment\//.test(url) && !budget.files.has(url)) {
    if (budget.files.size >= budget.max) return Promise.reject(new Deferred(url));
    budget.files.add(url);
  }
  const file = pageFetch(input, init).then(async (res) => ({ ok: res.ok, body: await res.arrayBuffer(), init: { status: res.status, statusText: res.statusText, headers: res.headers } }));
  // Only files that arrived are kept: a failed load is asked again next time.
  const ok = file.then((f) => (f.ok ? f : Promise.reject(new Error(`${url}: ${f.init.status}`))));
  pagefindFiles.set(url, ok);
  ok.catch(() => pagefindFiles.delete(url));
  return file.then(({ body, init }) => new Response(body.slice(0), init));
};

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const sortSelect = document.getElementById('sap-xep') as HTMLSelectElement;
const filterSelects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
const status = document.getElementById('search-status')!;
const suggest = document.getElementById('search-suggest')!;
const list = document.getElementById('search-list') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const older = document.getElementById('search-older') as HTMLButtonElement;
const yearSelect = document.getElementById('loc-nam') as HTMLSelectElement;
/** Years of report periods, newest first; the newest is in the main bundle, each older one has a bundle of its own. */
const YEARS = (form.dataset.years ?? '').split(',').filter(Boolean).map(Number);
/** Years merged so far: merging cannot be undone, so later searches cover them too. */
const merged = new Set<number>(YEARS.slice(0, 1));

let pagefind: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = PAGEFIND_URL;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Main thread: the index is small, searches take a few ms, and it saves fetching pagefind-worker.js (12 KB).
    // Figures and passages come grouped (see reportGroups): a low length penalty keeps a group
    // holding the one matching figure above short pages.
    await pf.options(PF_OPTIONS);
    await pf.init();
    // init() only fetches the entry file; the WebAssembly, metadata and filters load on first use. Load them now
    // (on focus, while the reader types) so a search pays only for its words' chunks and its results' fragments.
    await pf.filters();
    // A first search runs Pagefind's search path cold (word segmentation, WebAssembly not yet optimised): tens of ms.
    // Pay them here, before Enter, with a search by no word and no filter (it fetches nothing).
    await pf.search(null);
    // The exact-marks instance starts from the files just loaded (nothing fetched): ready before a search needs it.
    // Without it, searches fold marks as before (see rankedSearch).
    await loadExact(pf).catch(() => {});
    // For tests and the bench: a search from now on waits for no loading of the index.
    form.dataset.index = 'ready';
    return pf;
  })();
  return pagefind;
}

/**
 * A second Pagefind instance over the same bundles with `exactDiacritics`: a word typed with marks matches only words
 * with those marks ("hạn" finds "hạn", "hạnh", not "hành"; "đúng" not "dụng"). Pagefind sets this per instance, so it
 * is an instance of its own; it fetches nothing (see pagefindFiles), it only runs its own WebAssembly.
 */
let exact: Promise<Pagefind> | null = null;
/** Years merged into the exact-marks instance: it follows `merged` when it searches. */
const exactMerged = new Set<number>(YEARS.slice(0, 1));
function loadExact(pf: Pagefind): Promise<Pagefind> {
  exact ??= (async () => {
    const ex = pf.createInstance({ ...PF_OPTIONS, exactDiacritics: true });
    await ex.init();
    await ex.search(null); // loads its WebAssembly and metadata (from pagefindFiles) and warms its search path
    return ex;
  })();
  return exact;
}

async function exactReady(pf: Pagefind): Promise<Pagefind> {
  const ex = await loadExact(pf);
  for (const y of [...merged].filter((y) => !exactMerged.has(y))) {
    exactMerged.add(y);
    await ex.mergeIndex(yearBundlePath(y), { ...PF_OPTIONS, exactDiacritics: true });
  }
  return ex;
}

/** One search of every form of the query (see toneForms), each result at its best score. */
async function searchForms(pf: Pagefind, forms: string[], o: Record<string, unknown>): Promise<PfResponse | null> {
  const all = await Promise.all(forms.map((f) => pf.search(f, o)));
  const first = all[0];
  if (!first || all.some((r) => !r)) return null;
  if (all.length === 1) return first;
  const best = new Map<string, PfResult>();
  for (const r of all as PfResponse[]) for (const x of r.results) if ((best.get(x.id)?.score ?? -Infinity) < x.score) best.set(x.id, x);
  return { ...first, results: [...best.values()].sort((a, b) => b.score - a.score) };
}

/** Ids of the results of each search, intersected: the documents that match every one. */
async function idsOfAll(pf: Pagefind, queries: string[][], o: Record<string, unknown>): Promise<Set<string>> {
  const sets: Set<string>[] = [];
  for (const forms of queries) sets.push(new Set(((await searchForms(pf, forms, o))?.results ?? []).map((x) => x.id)));
  const [first = new Set<string>(), ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
}

/**
 * The ranked search of a query (Pagefind folds marks and matches every word as a prefix, so "đúng hạn" alone ranked
 * "sử dụng … hành chính" first):
 * - a query with marks searches the exact-marks instance first (both tone placements, "hoà" and "hòa"); the folded
 *   search's other results follow, so a mark typed differently from the text still finds it;
 * - `whole` (the query was submitted, or its last word is finished): documents where every word is whole come
 *   first ("dung han" is not "dụng … hành"), and for a query of two syllables (most Vietnamese words: "đúng hạn",
 *   "giải ngân") those with the two side by side before them. Pagefind's order is kept within each tier.
 * A date sort keeps the folded search alone: its order is the date, not the match.
 */
async function rankedSearch(pf: Pagefind, typed: string, o: Record<string, unknown>, whole: boolean): Promise<PfResponse | null> {
  const query = foldQuery(typed);
  if (o.sort) return pf.search(query, o);
  const marked = hasDiacritics(typed);
  const engine = marked ? await exactReady(pf).catch(() => pf) : pf;
  // The exact-marks instance needs đ as the index writes it (d + U+0335); the folding one matches d for đ.
  const forms = marked ? toneForms(strokeD(typed).replace(/\s+/g, ' ').trim()) : [query];
  const res = await searchForms(engine, forms, o);
  if (!res) return null;
  let results = res.results;
  if (marked) {
    const folded = await pf.search(query, o);
    if (!folded) return null;
    const seen = new Set(results.map((r) => r.id));
    results = [...results, ...folded.results.filter((r) => !seen.has(r.id))];
  }
  // A query in quotes is Pagefind's own phrase search already.
  if (whole && results.length > 1 && !query.includes('"')) {
    // Whole words as typed (marks included); when no word has the marks typed, as the folded search matched them.
    const [by, as] = res.results.length ? [engine, forms] : [pf, [query]];
    const words = as[0].split(' ');
    const quoted = (i: number) => as.map((f) => `"${f.split(' ')[i]}"`);
    const allWhole = await idsOfAll(by, words.map((_, i) => quoted(i)), o);
    const adjacent = words.length === 2 ? await idsOfAll(by, [as.map((f) => `"${f}"`)], o) : new Set<string>();
    const tier = (r: PfResult) => (adjacent.has(r.id) && allWhole.has(r.id) ? 2 : allWhole.has(r.id) ? 1 : 0);
    results = results.map((r, i) => ({ r, i, t: tier(r) })).sort((a, b) => b.t - a.t || a.i - b.i).map((x) => x.r);
  }
  return { ...res, results };
}

/**
 * Pagefind's search, the last calls remembered: the same words and options over the same years give the same results,
 * so Enter reuses the search started while the reader typed (see searchAhead), finished or still running.
 */
const recent = new Map<string, Promise<PfResponse | null>>();
function searchOnce(pf: Pagefind, query: string | null, o: Record<string, unknown>, whole: boolean): Promise<PfResponse | null> {
  const key = JSON.stringify([query, o, [...merged], whole]);
  let res = recent.get(key);
  if (!res) {
    res = query == null ? pf.search(null, o) : rankedSearch(pf, query, o, whole);
    recent.set(key, res);
    res.catch(() => recent.delete(key)); // a failed search is not kept
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return res;
}

async function mergeYears(pf: Pagefind, years: number[]): Promise<void> {
  const todo = years.filter((y) => !merged.has(y));
  // One at a time, in order: Pagefind keeps the instances in the order they were merged.
  for (const y of todo) {
    merged.add(y);
    await pf.mergeIndex(yearBundlePath(y), PF_OPTIONS);
  }
}

/** The newest years not merged yet. */
function nextYears(n: number): number[] {
  return YEARS.filter((y) => !merged.has(y)).slice(0, n);
}

/** "2025–2023" for consecutive years, else a list. */
function yearsLabel(years: number[]): string {
  const ys = [...years].sort((a, b) => b - a);
  if (ys.length === 0) return '';
  if (ys.length > 2 && ys.every((y, i) => i === 0 || ys[i - 1] - y === 1)) return `${ys[0]}–${ys.at(-1)}`;
  return ys.join(', ');
}

/** Timings of each search, read by the browser tests and `npm run bench`. */
// `step`: 'first' for the years merged so far (a first search: the main bundle), 'older' after merging an older year
// because results were few. All counted from the search being submitted (Enter, the typing pause, a filter change):
// `ms` to the first results in the page (laid out), `msPage` to the whole first page, `wait` the part of `ms` spent
// waiting for the index to load (pagefind.js, WebAssembly, metadata), `search` in Pagefind's search call (its words'
// index chunks and the WebAssembly search); `at`/`atPage` are the same moments on the page's clock.
interface Timing { query: string; ms: number; msPage: number; wait: number; search: number; results: number; step: 'first' | 'older'; at: number; atPage: number }
const timings: Timing[] = [];
/** One search's clock: when it was submitted, how long it waited for the index, how long Pagefind's search took. */
interface Clock { t0: number; wait: number; search: number; first: number }
(window as unknown as { __searchTimings: typeof timings }).__searchTimings = timings;

let seq = 0;
let current: PfResult[] = [];
let shown = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function excerptNode(html: string, className = 'search-hit__excerpt'): HTMLElement {
  const p = el('p', { className });
  for (const part of parseExcerpt(html)) p.append(part.mark ? el('mark', {}, part.text) : part.text);
  return p;
}

function state() {
  const filters: Record<string, string> = {};
  for (const s of filterSelects) if (s.value) filters[s.dataset.filter!] = s.value;
  if (yearSelect?.value) filters[YEAR_FILTER] = yearSelect.value;
  return { q: input.value.trim(), filters, sort: sortSelect.value };
}

/** Years a filter pins down (a year, or a period whose option names its year): only those need merging. */
function pinnedYears(): number[] {
  const ys: number[] = [];
  if (yearSelect?.value) ys.push(Number(yearSelect.value));
  for (const s of filterSelects) {
    const y = s.selectedOptions[0]?.dataset.year;
    if (s.value && y) ys.push(Number(y));
  }
  return ys;
}

function syncUrl(s: ReturnType<typeof state>) {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const [k, v] of Object.entries(s.filters)) params.set(k, v);
  if (s.sort) params.set('sap_xep', s.sort);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

function typeLabel(type: string): string {
  return CONTENT_TYPES[type as ContentType] ?? CONTENT_TYPES.page;
}

/**
 * The members of a grouped document that matched: its sub-results (their heading ids carry the
 * member's fields, see memberId), most distinct highlighted words first; without a query
 * (filters only), its first members.
 */
function members(d: PfData, keep: (fields: string[]) => boolean): { fields: string[]; title: string; excerpt: string }[] {
  const subs = (d.sub_results ?? [])
    .filter((x) => x.anchor?.id.includes('~'))
    .map((x, i) => {
      const marked = [...x.excerpt.matchAll(/<mark>([^<]*)<\/mark>/gi)].map((m) => m[1].toLowerCase());
      // Distinct query words first ("ký tắt" over a passage saying "ký" five times), then all highlights.
      return { fields: memberFields(x.anchor!.id), title: x.title, excerpt: x.excerpt, i, n: new Set(marked).size * 1000 + marked.length };
    })
    .filter((x) => keep(x.fields) && x.n > 0);
  if (subs.length) return subs.sort((a, b) => b.n - a.n || a.i - b.i).slice(0, MEMBERS_SHOWN);
  // Filters only: the first members that pass the filters.
  return (d.anchors ?? [])
    .filter((a) => a.id?.includes('~'))
    .map((a) => ({ fields: memberFields(a.id!), title: a.text ?? '', excerpt: '' }))
    .filter((x) => keep(x.fields))
    .slice(0, MEMBERS_SHOWN);
}

function typeLine(type: string, extra: string | undefined): HTMLElement {
  const line = el('p', { className: 'search-hit__type' }, el('b', {}, typeLabel(type)));
  if (extra) line.append(` · ${extra}`);
  return line;
}

function render(d: PfData): HTMLLIElement[] {
  const m = Object.fromEntries(Object.entries(d.meta).map(([k, v]) => [k, unstrokeD(v)]));
  const type = m.type ?? 'page';
  // Grouped documents: the group's URL is its page with "?nhom=…"; each matched member is one hit.
  const page = d.url.replace(/\?.*$/, '');
  if (type === 'figure' && page !== d.url) {
    // A group passes a unit filter if any member does: show only the members that do.
    const unit = state().filters.don_vi;
    const reportId = page.split('/')[2];
    return members(d, (x) => !unit || x[3] === unit).map(({ fields, title, excerpt }) => {
      const [anchor, value, period, scope, section, indicator, area] = fields;
      return el('li', { className: 'search-hit search-hit--figure' },
        typeLine(type, area),
        el('h3', { className: 'search-hit__title' }, el('a', { href: `${page}#${anchor}` }, unstrokeD(title).replace(`: ${value}`, ''))),
        el('p', { className: 'search-hit__value' }, el('data', {}, value), ` · ${period} · ${scope}`),
        ...(excerpt ? [excerptNode(excerpt)] : []),
        el('p', { className: 'search-hit__links' },
          el('span', {}, 'Nguồn: ', el('a', { href: page }, m.report), `, mục ${section}`),
          el('a', { href: urls.quote(reportId, anchor.replace(/^so-lieu-/, '')) }, 'Câu gốc trong toàn văn'),
          el('a', { href: urls.indicator(indicator) }, 'Chuỗi số liệu của chỉ số'),
        ),
      );
    });
  }
  if (type === 'source' && page !== d.url) {
    return members(d, () => true).map(({ fields, excerpt }) => {
      const [, section] = fields;
      const phrase = spotPhrase(parseExcerpt(excerpt));
      const href = phrase ? textFragmentUrl(page, phrase) : page;
      const li = el('li', { className: 'search-hit search-hit--source' }, typeLine(type, m.period));
      li.append(el('h3', { className: 'search-hit__title' }, el('a', { href }, m.report)));
      if (section) li.append(el('p', { className: 'search-hit__type' }, `Toàn văn, ${section}`));
      if (excerpt) li.append(excerptNode(excerpt));
      li.append(el('p', { className: 'search-hit__links' }, el('a', { href }, 'Đến đoạn này trong toàn văn'), el('a', { href: m.reportUrl }, 'Trang báo cáo')));
      return li;
    });
  }
  const li = el('li', { className: `search-hit search-hit--${type}` });
  li.append(typeLine(type, d.filters.ky?.[0] ?? d.filters.linh_vuc?.[0]));
  li.append(el('h3', { className: 'search-hit__title' }, el('a', { href: d.url }, m.title || d.url)));
  li.append(excerptNode(d.excerpt));
  const subs = (d.sub_results ?? []).filter((x) => x.anchor && x.url !== d.url).slice(0, 3);
  if (subs.length) {
    li.append(el('ul', { className: 'search-hit__subs' }, ...subs.map((x) => el('li', {}, el('a', { href: x.url }, unstrokeD(x.title))))));
  }
  return [li];
}

/**
 * Show the next page of results. With `olderFiles`, at most that many fragment files of merged years are fetched
 * (see OLDER_STEP_FILES): the page ends before the first result whose data would need another.
 */
async function showMore(mySeq: number, clock?: Clock, olderFiles?: number) {
  const batch = current.slice(shown, shown + PAGE_SIZE);
  // All fragments fetched at once, each result shown as soon as it and the ones above it have arrived: the first
  // results appear while later fragments load, and the order never changes.
  const budget = olderFiles == null ? null : { files: new Set<string>(), max: olderFiles };
  fragmentBudget = budget;
  const pending = batch.map((r) => r.data());
  for (const p of pending) void p.catch(() => {}); // a failure surfaces where it is awaited, in order
  // The budget holds until this page's fetches have all been asked for (a later page sets its own).
  void Promise.allSettled(pending).then(() => {
    if (fragmentBudget === budget) fragmentBudget = null;
  });
  let n = 0;
  for (const p of pending) {
    let d: PfData;
    try {
      d = await p;
    } catch (e) {
      if (!(e instanceof Deferred)) throw e;
      break; // this result and the ones below it wait for "Xem thêm kết quả"
    }
    if (mySeq !== seq) return;
    list.append(...render(d));
    n++;
    if (clock && !clock.first) {
      void list.offsetHeight; // laid out: what the next frame paints
      clock.first = performance.now();
    }
  }
  shown += n;
  more.hidden = shown >= current.length;
}

async function showSuggestions(q: string, hasFilters: boolean) {
  suggest.replaceChildren();
  const alternatives: { label: string; q: string }[] = [];
  if (q) {
    if (hasDiacritics(q)) alternatives.push({ label: 'Thử tìm dạng không dấu', q: foldDiacritics(q) });
    else {
      try {
        const vocab = (await (await fetch('/tim-kiem/tu-vung.json')).json()) as Record<string, string>;
        const accented = accentQuery(q, vocab);
        if (accented !== q) alternatives.push({ label: 'Thử tìm dạng có dấu', q: accented });
      } catch {
        /* no vocabulary: no suggestion */
      }
    }
  }
  for (const a of alternatives) {
    const params = new URLSearchParams(location.search);
    params.set('q', a.q);
    const link = el('a', { href: `?${params}` }, a.q);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      input.value = a.q;
      run();
    });
    suggest.append(el('p', {}, `${a.label}: `, link));
  }
  if (hasFilters) {
    const clear = el('button', { type: 'button', className: 'button secondary' }, 'Bỏ mọi bộ lọc');
    clear.addEventListener('click', () => {
      for (const s of filterSelects) s.value = '';
      if (yearSelect) yearSelect.value = '';
      run();
    });
    suggest.append(el('p', {}, 'Bộ lọc đang bật có thể đã loại hết kết quả. ', clear));
  }
  suggest.append(el('p', {}, 'Gợi ý: dùng ít từ hơn, kiểm tra chính tả, hoặc gõ con số như in trong báo cáo (67.628) hay chỉ gồm chữ số (67628).'));
  suggest.hidden = false;
}

/** `typing`: started by a pause in typing (not Enter, a filter or a link), when the last word may be unfinished. */
async function run(typing = false) {
  const t0 = performance.now();
  const s = state();
  syncUrl(s);
  const mySeq = ++seq;
  const hasFilters = Object.keys(s.filters).length > 0;
  suggest.hidden = true;
  if (!s.q && !hasFilters) {
    list.replaceChildren();
    more.hidden = true;
    older.hidden = true;
    current = [];
    status.textContent = 'Nhập từ khóa hoặc chọn bộ lọc để tìm.';
    return;
  }
  status.textContent = 'Đang tìm…';
  let pf: Pagefind;
  const w0 = performance.now();
  try {
    pf = await loadPagefind();
  } catch {
    status.textContent = 'Chưa tải được chỉ mục tìm kiếm. Hãy tải lại trang; nếu vẫn lỗi, chỉ mục chưa được tạo (npm run build).';
    return;
  }
  const wait = performance.now() - w0;
  const sort = s.sort === 'moi' ? { [SORT_KEY]: 'desc' } : s.sort === 'cu' ? { [SORT_KEY]: 'asc' } : undefined;
  const query = s.q ? foldQuery(s.q) : null;
  // Whole words first once the last word is finished: Enter, a link, a filter, or a space typed after it.
  const whole = !typing || /\s$/.test(input.value);
  const search = async (): Promise<PfResponse | null> => {
    if (!sort || s.filters[YEAR_FILTER]) return searchOnce(pf, s.q || null, { filters: s.filters, ...(sort ? { sort } : {}) }, whole);
    // Pagefind merges the instances' results by score, and a sorted search scores by rank within each
    // instance, which interleaves the years. One search per year (its filter keeps one instance's
    // results), in year order; then the undated pages of the main bundle.
    const years = [...merged].sort((a, b) => (s.sort === 'moi' ? b - a : a - b)).map(String);
    const parts: PfResponse[] = [];
    for (const y of [...years, NO_YEAR]) {
      const r = await pf.search(query, { filters: { ...s.filters, [YEAR_FILTER]: y }, sort });
      if (!r) return null;
      parts.push(r);
    }
    return { results: parts.flatMap((r) => r.results), unfilteredResultCount: parts.reduce((n, r) => n + r.unfilteredResultCount, 0), filters: {} };
  };
  const pinned = pinnedYears();
  list.dataset.state = 'searching';
  let res: PfResponse | null;
  const clock: Clock = { t0, wait, search: 0, first: 0 };
  try {
    if (pinned.length) await mergeYears(pf, pinned);
    const t1 = performance.now();
    res = await search();
    clock.search = performance.now() - t1;
  } catch {
    // A year bundle missing from the host (a partial upload): say so rather than hang on "Đang tìm…".
    if (mySeq === seq) status.textContent = 'Chưa tải được chỉ mục tìm kiếm của một số năm. Hãy tải lại trang; nếu vẫn lỗi, chỉ mục chưa được tạo đủ (npm run build).';
    return;
  }
  if (mySeq !== seq || !res) return;
  // Results of the years merged so far first (a first search: the main bundle only, newest year and
  // the pages of no single report); then, when they are few, the next older year, shown when merged.
  const few = () => !pinned.length && current.length < PAGE_SIZE && nextYears(1).length > 0;
  await show(res, s, mySeq, pinned, clock, 'first');
  for (let extra = 0; mySeq === seq && extra < FEW_RESULTS_YEARS && few(); extra++) {
    // A short pause in typing shows what the words typed so far find; merging a year waits for a longer one (or Enter),
    // so that a number typed with pauses does not merge and fetch for each of its prefixes.
    if (typing && extra === 0) {
      await new Promise((r) => setTimeout(r, OLDER_PAUSE_MS));
      if (mySeq !== seq) return;
    }
    status.textContent = `${status.textContent} Đang tìm thêm trong năm ${nextYears(1)[0]}…`;
    try {
      await mergeYears(pf, nextYears(1));
      const t1 = performance.now();
      res = await search();
      clock.search = performance.now() - t1;
      clock.first = 0;
    } catch {
      if (mySeq === seq) status.textContent = 'Chưa tải được chỉ mục tìm kiếm của một số năm. Hãy tải lại trang; nếu vẫn lỗi, chỉ mục chưa được tạo đủ (npm run build).';
      return;
    }
    if (mySeq !== seq || !res) return;
    await show(res, s, mySeq, pinned, clock, 'older');
  }
  if (mySeq === seq) list.dataset.state = 'done';
}

/** Render a search's first page of results and its status line; `step` tells the timings which search this was. */
async function show(res: PfResponse, s: ReturnType<typeof state>, mySeq: number, pinned: number[], clock: Clock, step: 'first' | 'older') {
  const hasFilters = Object.keys(s.filters).length > 0;
  current = res.results;
  shown = 0;
  more.hidden = true; // until this search's first page is in
  list.replaceChildren();
  // `__searchOlderFiles`: a browser test's reference page without the budget (the same results, all on the first page).
  const files = (window as unknown as { __searchOlderFiles?: number }).__searchOlderFiles ?? OLDER_STEP_FILES;
  await showMore(mySeq, clock, pinned.length || olderAsked ? undefined : files);
  if (mySeq !== seq) return;
  const rest = pinned.length ? [] : YEARS.filter((y) => !merged.has(y));
  older.hidden = rest.length === 0;
  if (rest.length) older.textContent = `Tìm cả trong các năm trước (${yearsLabel(rest.slice(0, MORE_YEARS))})`;
  const now = performance.now();
  const first = clock.first || now; // no results: the status line is the first thing shown
  timings.push({ query: s.q, ms: first - clock.t0, msPage: now - clock.t0, wait: clock.wait, search: clock.search, results: current.length, step, at: first, atPage: now });
  list.dataset.count = String(current.length);
  const what = s.q ? ` cho “${s.q}”` : '';
  const filt = hasFilters ? ` (lọc: ${Object.values(s.filters).join(', ')})` : '';
  // Which years were searched, when not all of them.
  const scope = !pinned.length && merged.size < YEARS.length ? ` trong báo cáo ${merged.size === 1 ? 'năm' : 'các năm'} ${yearsLabel([...merged])} và các trang chung` : '';
  if (current.length === 0) {
    status.textContent = `Không tìm thấy kết quả nào${what}${filt}${scope}.`;
    if (!(step === 'first' && !pinned.length && nextYears(1).length && FEW_RESULTS_YEARS > 0)) await showSuggestions(s.q, hasFilters);
  } else {
    status.textContent = `Tìm thấy ${current.length} kết quả${what}${filt}${scope}.`;
  }
}

let timer: number | undefined;
function debounced() {
  clearTimeout(timer);
  timer = window.setTimeout(() => run(true), 200);
}

// While the reader types, fetch the index chunks of the words typed so far (Pagefind keeps them), so that Enter or
// the typing pause only searches. A word being typed falls in the chunk of the word it becomes, except across a
// chunk boundary: at most a chunk more per word. Nothing is fetched before the index has loaded (on focus).
let preloaded = '';
let ahead: number | undefined;
/** Letters of a word being typed before its chunk is fetched: a shorter prefix often sorts into another chunk than the word. */
const PRELOAD_MIN_LETTERS = 3;
/** Whether the box ends in a word still too short to fetch its chunk (see PRELOAD_MIN_LETTERS). */
function shortWordLast(): boolean {
  return !/\s$/.test(input.value) && [...(foldQuery(input.value).split(' ').at(-1) ?? '')].length < PRELOAD_MIN_LETTERS;
}
function preloadWords() {
  const words = foldQuery(input.value).split(' ');
  if (shortWordLast()) words.pop();
  const q = words.join(' ');
  if (!pagefind || !q || q === preloaded) return;
  preloaded = q;
  void pagefind.then((pf) => pf.preload(q)).catch(() => {});
}

// A short typing pause (shorter than the one that shows results) starts the search of the whole box, unsorted and
// unfiltered as run() would ask it, without showing it: Enter then finds it done or under way. It fetches only
// what preloadWords does (no search while the last word is too short; no result data is loaded).
const AHEAD_PAUSE_MS = 80;
function searchAhead() {
  clearTimeout(ahead);
  ahead = window.setTimeout(() => {
    const s = state();
    if (!pagefind || !s.q || shortWordLast() || s.sort || Object.keys(s.filters).length || pinnedYears().length) return;
    void pagefind.then((pf) => searchOnce(pf, s.q, { filters: s.filters }, true)).catch(() => {});
  }, AHEAD_PAUSE_MS);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  run();
});
input.addEventListener('input', () => {
  preloadWords();
  searchAhead();
  debounced();
});
input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
for (const s of [...filterSelects, sortSelect, ...(yearSelect ? [yearSelect] : [])]) s.addEventListener('change', () => run());
older.addEventListener('click', async () => {
  olderAsked = true;
  older.hidden = true;
  status.textContent = 'Đang tìm trong các năm trước…';
  try {
    await mergeYears(await loadPagefind(), nextYears(MORE_YEARS));
  } catch {
    /* run() reports a missing index */
  }
  await run();
});
more.addEventListener('click', async () => {
  // A grouped result may show several hits: the first link this click adds is after the links shown so far.
  const firstNew = list.querySelectorAll('.search-hit__title a').length;
  await showMore(seq);
  list.querySelectorAll<HTMLAnchorElement>('.search-hit__title a')[firstNew]?.focus();
});

// Keyboard: ↓ from the box to the first result, ↑/↓ between results, Esc back to the box.
function resultLinks() {
  return [...list.querySelectorAll<HTMLAnchorElement>('.search-hit__title a')];
}
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && resultLinks().length) {
    e.preventDefault();
    resultLinks()[0].focus();
  }
});
list.addEventListener('keydown', (e) => {
  const links = resultLinks();
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (e.key === 'Escape') {
    input.focus();
    return;
  }
  if (i < 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
  e.preventDefault();
  if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)].focus();
  else if (i === 0) input.focus();
  else links[i - 1].focus();
});

// Initial state from the URL (?q=…&loai=…&sap_xep=…), e.g. from the header search box.
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const s of filterSelects) {
  const v = params.get(s.dataset.filter!);
  if (v && [...s.options].some((o) => o.value === v)) s.value = v;
}
if (['moi', 'cu'].includes(params.get('sap_xep') ?? '')) sortSelect.value = params.get('sap_xep')!;
const year = params.get(YEAR_FILTER);
if (yearSelect && year && [...yearSelect.options].some((o) => o.value === year)) yearSelect.value = year;
if (input.value || filterSelects.some((s) => s.value) || yearSelect?.value) run();
