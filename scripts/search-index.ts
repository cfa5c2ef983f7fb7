// Search index stage (Pagefind, Node API). Runs after `astro build` + export.
//   - HTML pages of dist/: only <main>, with listing pages, the search page and
//     the source-text pages left out (classifyPage), data tables dropped where
//     their figures have records of their own; filters/meta/sort added.
//   - Custom records: one per figure (urls.figure anchor) and one per passage of
//     every source text (text-fragment link to the passage).
//   - Every indexed text has đ/Đ written as d̵/D̵ (strokeD) so queries without
//     diacritics find đ; the search page turns excerpts back with unstrokeD.
//   - dist/tim-kiem/tu-vung.json: diacritic-free word → written form, fetched
//     by the search page only to suggest a query when nothing is found.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { parseHTML } from 'linkedom';
import type { Site } from '../src/pipeline/derive.ts';
import { buildVocabulary, classifyPage, customRecords, SEARCH_LANGUAGE, type PageInfo } from '../src/publish/search-records.ts';
import { escapeHtml, strokeD } from '../src/core/text.ts';
import { organizationName } from '../src/core/labels.ts';

/**
 * Index chunk size, in Pagefind's own unit (word locations). A query fetches one
 * chunk per word, so the chunk size sets what a first query costs. Pagefind's
 * default (20 000) gives ~20 KB chunks here, and a four-word query crossed the
 * 150 KB first-query budget; 3 000 gives chunks of ≤ 9 KB and fewer accidental
 * prefix matches ("ho" no longer picks up "hoạch" merely because both words
 * share a chunk). Pagefind 1.6 reads it only from this environment variable; the
 * build-level search test guards the chunk sizes in case a release drops it.
 */
export const INDEX_CHUNK_SIZE = 3000;

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

/** The HTML Pagefind indexes for one page: its <main>, đ stroked, with filters/meta/sort in an ignored block. */
export function pageForIndex(html: string, info: PageInfo): { html: string; title: string } | null {
  const { document } = parseHTML(html);
  const main = document.querySelector('main');
  if (!main) return null;
  const title = (main.querySelector('h1')?.textContent ?? document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const drop = ['script', 'style', 'svg', 'nav', 'noscript', 'form', 'button', 'template', '.breadcrumbs', '[data-pagefind-ignore]', '[hidden]'];
  if (info.dropTables) drop.push('table', 'details.chart-data');
  for (const el of main.querySelectorAll(drop.join(','))) el.remove();
  // Pagefind joins adjacent cells and list items ("LoạiHuyện"): keep a space after block-level elements.
  for (const b of main.querySelectorAll('p,li,dt,dd,td,th,caption,h1,h2,h3,h4,h5,h6,div,section,article,blockquote,figcaption,tr')) b.append(document.createTextNode(' '));
  const walker = document.createTreeWalker(main, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) (n as Text).data = strokeD((n as Text).data);
  const tags: string[] = [`<span data-pagefind-meta="title">${escapeHtml(title)}</span>`, `<span data-pagefind-meta="type">${info.type}</span>`];
  for (const [k, vs] of Object.entries(info.filters)) for (const v of vs) tags.push(`<span data-pagefind-filter="${k}">${escapeHtml(v)}</span>`);
  for (const [k, v] of Object.entries(info.sort)) tags.push(`<span data-pagefind-sort="${k}">${escapeHtml(v)}</span>`);
  return {
    title,
    html: `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div data-pagefind-body>${main.innerHTML}<div data-pagefind-ignore>${tags.join('')}</div></div></body></html>`,
  };
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
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

export async function buildSearchIndex(site: Site, dist: string, log: (m: string) => void): Promise<void> {
  const outputPath = join(dist, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  // Read by the Pagefind service process when createIndex spawns it.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, writePlayground: false });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    let pages = 0;
    for (const file of htmlFiles(dist)) {
      const url = urlOf(dist, file);
      const info = classifyPage(site, url);
      if (!info) continue;
      const page = pageForIndex(readFileSync(file, 'utf8'), info);
      if (!page) continue;
      const res = await index.addHTMLFile({ url, content: page.html });
      if (res.errors.length) throw new Error(`Pagefind ${url}: ${res.errors.join('; ')}`);
      pages++;
    }
    const records = customRecords(site);
    for (const r of records) {
      const res = await index.addCustomRecord(r);
      if (res.errors.length) throw new Error(`Pagefind ${r.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const f of UNUSED) rmSync(join(outputPath, f), { force: true });
    const figures = records.filter((r) => r.meta.type === 'figure').length;
    const { bytes, files } = dirSize(outputPath);
    log(`tìm kiếm: ${pages} trang, ${figures} số liệu, ${records.length - figures} đoạn toàn văn; chỉ mục ${(bytes / 1024).toFixed(0)} KB trong ${files} tệp (dist/pagefind/)`);
  } finally {
    await pagefind.close();
  }

  const texts = [
    ...site.content.reports.flatMap((r) => [r.sourceText, r.meta.title, r.meta.summary, ...r.narratives.map((n) => n.markdown)]),
    ...site.content.indicators.flatMap((i) => [i.label, i.definition]),
    ...site.content.areas.map((a) => a.label),
    ...site.content.organizations.flatMap((o) => [o.name, organizationName(site, o.id)]),
  ];
  const vocabulary = buildVocabulary(texts);
  mkdirSync(join(dist, 'tim-kiem'), { recursive: true });
  writeFileSync(join(dist, 'tim-kiem', 'tu-vung.json'), JSON.stringify(vocabulary));
  log(`tìm kiếm: từ vựng gợi ý ${Object.keys(vocabulary).length} từ`);
}
