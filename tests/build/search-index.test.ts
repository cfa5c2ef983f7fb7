// The Pagefind bundle in dist/pagefind/ and the text the build gives it, after a real build.
// Bytes of a first query are measured in Chromium by `npm run bench`; these checks
// guard the things that bound them: the split into a main bundle and one per year, the
// size of each index chunk (one per query word and bundle), the metadata a first search
// loads, and what the indicator and dataset pages put into the index.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { classifyPage, searchYears } from '../../src/publish/search-records.ts';
import { unstrokeD } from '../../src/core/text.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { pageForIndex } from '../../scripts/search-index.ts';

const { site } = runPipeline(process.cwd());
const BUNDLE = 'dist/pagefind';
const size = (p: string) => statSync(join(BUNDLE, p)).size;
const KB = 1024;

/** The text Pagefind indexes for a built page (ignored blocks removed, đ restored). */
function indexedText(url: string): string {
  const info = classifyPage(site, url);
  if (!info) throw new Error(`${url} is not indexed`);
  const page = pageForIndex(readFileSync(join('dist', url, 'index.html'), 'utf8'), info);
  const { document } = parseHTML(page!.html);
  for (const el of document.querySelectorAll('[data-pagefind-ignore]')) el.remove();
  return unstrokeD(document.body.textContent ?? '').replace(/\s+/g, ' ');
}

describe('Pagefind bundles (main + one per year)', () => {
  // The newest year is in the main bundle; each older year has its own.
  const years = searchYears(site).slice(1);
  const dirs = [BUNDLE, ...years.map((y) => join(BUNDLE, 'nam', String(y)))];
  const chunksOf = (dir: string) => readdirSync(join(dir, 'index')).map((f) => ({ f: join(dir, 'index', f), bytes: statSync(join(dir, 'index', f)).size }));
  const metaOf = (dir: string) => statSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!)).size + statSync(join(dir, 'pagefind-entry.json')).size;

  it('one bundle per older year of report period; only the main one ships the script and WebAssembly', () => {
    expect(existsSync(join(BUNDLE, 'nam')) ? readdirSync(join(BUNDLE, 'nam')).map(Number).sort((a, b) => b - a) : []).toEqual(years);
    for (const dir of dirs.slice(1)) expect(readdirSync(dir).filter((f) => /\.(js|pagefind)$/.test(f)), dir).toEqual([]);
    expect(existsSync(join(BUNDLE, 'pagefind.js')) && existsSync(join(BUNDLE, 'wasm.unknown.pagefind'))).toBe(true);
  });

  it('main bundle chunks cost at most 12 KB per query word; an older year’s at most 32 KB (fewer, larger files for what grows with years)', () => {
    const main = chunksOf(BUNDLE);
    expect(main.length).toBeGreaterThan(10);
    const largest = (cs: { f: string; bytes: number }[]) => cs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    expect(largest(main).bytes, largest(main).f).toBeLessThanOrEqual(12 * KB);
    const older = dirs.slice(1).flatMap(chunksOf);
    if (older.length) expect(largest(older).bytes, largest(older).f).toBeLessThanOrEqual(32 * KB);
  });

  it('older-year bundles pack their fragments (Pagefind names a packed file "<language>_group_<hash>")', () => {
    // A year holds at least a report page, its dataset page and its figure groups: always more than one document.
    for (const dir of dirs.slice(1)) for (const f of readdirSync(join(dir, 'fragment'))) expect(f, dir).toContain('_group_');
  });

  it('a four-word first query stays within 150 KB with room for its result fragments', () => {
    // What every first search loads (pagefind.js as a gzip-serving host sends it, the WebAssembly, entry and metadata of the
    // main bundle), plus the chunks of a four-word query: at most its four largest chunks.
    const loaded = [BUNDLE];
    const fixed = gzipSync(readFileSync(join(BUNDLE, 'pagefind.js'))).length + size('wasm.unknown.pagefind') + loaded.reduce((n, d) => n + metaOf(d), 0);
    const largest4 = (cs: { bytes: number }[]) => cs.map((c) => c.bytes).sort((a, b) => b - a).slice(0, 4).reduce((a, b) => a + b, 0);
    const perBundle = loaded.map((d) => largest4(chunksOf(d)));
    expect(fixed + perBundle.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(125 * KB);
  });
});

describe('text the pages give the index', () => {
  const indicator = site.indicatorsById.get('ho-so-truc-tuyen')!;

  it('an indicator page: its name, definition and English name, not the figure list, downloads or citation', () => {
    const text = indexedText(urls.indicator(indicator.id));
    expect(text).toContain(indicator.label);
    expect(text).toContain(indicator.definition.replace(/\s+/g, ' '));
    expect(text).toContain(indicator.labelEn);
    expect(text).not.toContain(absolute(urls.indicator(indicator.id)));
    expect(text).not.toContain('Tải dữ liệu');
    expect(text).not.toContain('CC BY');
    for (const f of site.figures.filter((f) => f.indicator === indicator.id)) expect(text).not.toContain(f.quote.replace(/\s+/g, ' '));
  });

  it('a dataset page: title, description and metadata, not the preview rows or download blurbs', () => {
    const text = indexedText(urls.dataset('bao-cao-kon-tum-2024-q3'));
    expect(text).toContain('Số liệu: Báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2024');
    expect(text).toContain('Giấy phép');
    expect(text).not.toContain('Xem trước');
    expect(text).not.toContain('UTF-8 có BOM');
    const first = site.figures.find((f) => f.reportId === 'kon-tum-2024-q3')!;
    expect(text).not.toContain(first.quote.replace(/\s+/g, ' '));
    expect(text).not.toMatch(/https?:\/\//);
  });
});
