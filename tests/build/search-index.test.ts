// The Pagefind bundle in dist/pagefind/ and the text the build gives it, after a real build.
// Bytes of a first query are measured in Chromium by `npm run bench`; these checks
// guard the two things that bound them: the size of each index chunk (one per query
// word) and what the indicator and dataset pages put into the index.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { classifyPage } from '../../src/publish/search-records.ts';
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

describe('Pagefind bundle', () => {
  const chunks = readdirSync(join(BUNDLE, 'index')).map((f) => ({ f, bytes: size(join('index', f)) }));

  it('has index chunks small enough that each query word costs at most 12 KB', () => {
    expect(chunks.length).toBeGreaterThan(50);
    const largest = chunks.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    expect(largest.bytes, largest.f).toBeLessThanOrEqual(12 * KB);
  });

  it('a four-word first query stays within 150 KB with room for its result fragments', () => {
    // What every first search loads (pagefind.js as a gzip-serving host sends it), plus the four largest chunks.
    const meta = readdirSync(BUNDLE).find((f) => f.endsWith('.pf_meta'))!;
    const fixed = gzipSync(readFileSync(join(BUNDLE, 'pagefind.js'))).length + size('wasm.unknown.pagefind') + size(meta) + size('pagefind-entry.json');
    const fourWords = chunks
      .map((c) => c.bytes)
      .sort((a, b) => b - a)
      .slice(0, 4)
      .reduce((a, b) => a + b, 0);
    expect(fixed + fourWords).toBeLessThanOrEqual(125 * KB);
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
