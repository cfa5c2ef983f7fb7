// What a short query puts first (src/client/search.ts, rankedSearch), in headless Chromium over the built site.
// Pagefind folds marks and matches every word as a prefix: before the exact-marks instance and the whole-word
// tiers, "đúng hạn" ranked "sử dụng … hành chính" pages first and "hoà" found "hóa". Each row names the page a reader
// means; the figures' rows are picked from whatever content exists, as in search.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useHarness } from './browser.ts';
import { urls } from '../../src/core/urls.ts';
import { getSite } from '../../src/pipeline/site.ts';
import { formatFigure, formatNumber } from '../../src/core/format.ts';

const site = getSite();
const unique = (f: { value: number }) => site.figures.filter((g) => g.value === f.value).length === 1;
const bigCount = site.figures.find((f) => Number.isInteger(f.value) && f.value >= 10_000 && f.denominator === null && f.comparator === null && unique(f))!;
const decimalRate = site.figures.find((f) => f.unit === '%' && !Number.isInteger(f.value) && f.comparator === null && unique(f))!;

/**
 * A page the reader means: the first result's link is this page (figures: its anchor; with `top`, one of the first
 * `top` links), or matches the pattern, or the first result highlights these words.
 */
type Expect = { page: string; top?: number } | { pattern: RegExp } | { marks: string[] };
// [query, what the first result must be]. Accented, unaccented, old-style tone placement, đ/d, district names.
const ROWS: [string, Expect][] = [
  ['đúng hạn', { page: '/chi-so/ty-le-ho-so-dung-han/' }],
  ['dung han', { page: '/chi-so/ty-le-ho-so-dung-han/' }],
  ['hồ sơ đúng hạn', { pattern: /^\/chi-so\/(?:ty-le-)?ho-so-dung-han\/$/ }],
  ['ho so dung han', { pattern: /^\/chi-so\/(?:ty-le-)?ho-so-dung-han\/$/ }],
  ['giải ngân', { pattern: /^\/chi-so\/[^/]*giai-ngan[^/]*\/$/ }],
  ['giai ngan', { pattern: /^\/chi-so\/[^/]*giai-ngan[^/]*\/$/ }],
  ['hồ sơ trực tuyến', { pattern: /^\/chi-so\/[^/]*ho-so[^/]*truc-tuyen[^/]*\/$/ }],
  ['ho so truc tuyen', { pattern: /^\/chi-so\/[^/]*ho-so[^/]*truc-tuyen[^/]*\/$/ }],
  ['biên chế', { pattern: /^\/chi-so\/[^/]*bien-che[^/]*\/$/ }],
  ['đầu tư công', { pattern: /^\/chi-so\/[^/]*dau-tu-cong[^/]*\/$/ }],
  ['dau tu cong', { pattern: /^\/chi-so\/[^/]*dau-tu-cong[^/]*\/$/ }],
  ['Tu Mơ Rông', { page: '/don-vi/huyen-tu-mo-rong/' }],
  ['tu mo rong', { page: '/don-vi/huyen-tu-mo-rong/' }],
  // Old-style tone placement finds the new-style text (and the reverse), not "hóa" as in "số hóa".
  ['hoà', { marks: ['hòa'] }],
  ['hoà giải', { marks: ['hòa', 'giải'] }],
  ['hòa giải', { marks: ['hòa', 'giải'] }],
  ['thuỷ', { marks: ['thủy'] }],
  // đ typed or not.
  ['Đăk Hà', { marks: ['đăk', 'hà'] }],
  ['Dak Ha', { marks: ['đăk', 'hà'] }],
  // Numbers as printed and as digits.
  [formatNumber(bigCount.value), { page: urls.figure(bigCount.reportId, bigCount.id) }],
  [String(bigCount.value), { page: urls.figure(bigCount.reportId, bigCount.id) }],
  // Other figures may quote the same rate (a count whose sentence gives it too): among the first three.
  [formatFigure(decimalRate), { page: urls.figure(decimalRate.reportId, decimalRate.id), top: 3 }],
];

describe.skipIf(!hasBrowser)('search ranking of short queries (browser)', () => {
  const h = useHarness();

  async function firstHit(page: Page, query: string): Promise<{ href: string; hrefs: string[]; marks: string[] }> {
    await page.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: query })}`);
    await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
    const hrefs = await page.$$eval('#search-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
    const marks = await page.$eval('#search-list > li', (li) => [...li.querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase().replace(/[^\p{L}]/gu, '')));
    return { href: hrefs[0], hrefs, marks };
  }

  it.each(ROWS)('“%s” puts the page the reader means first', async (query, want) => {
    const page = await h.browser.newPage();
    const hit = await firstHit(page, query);
    await page.close();
    if ('page' in want) {
      // The table names real pages: a renamed indicator must update it, not pass silently.
      expect(existsSync(join('dist', want.page.replace(/#.*$/, ''), 'index.html')), want.page).toBe(true);
      if (want.top) expect(hit.hrefs.slice(0, want.top)).toContain(want.page);
      else expect(hit.href).toBe(want.page);
    } else if ('pattern' in want) {
      expect(hit.href).toMatch(want.pattern);
    } else {
      for (const w of want.marks) expect(hit.marks, `highlight “${w}” in the first result for “${query}”`).toContain(w);
    }
  });

  it('typing a query with marks and pressing Enter gives what its URL gives', async () => {
    const query = 'đúng hạn';
    const page = await h.browser.newPage();
    const fromUrl = (await firstHit(page, query)).href;
    await page.goto(`${h.baseUrl}/tim-kiem/`);
    await page.focus('#q');
    await page.waitForSelector('#search-form[data-index=ready]', { state: 'attached', timeout: 20_000 });
    await page.keyboard.type(query, { delay: 20 });
    await page.press('#q', 'Enter');
    await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
    expect(await page.$eval('#search-list > li h3 a', (a) => a.getAttribute('href'))).toBe(fromUrl);
    await page.close();
  });

  it('the exact-marks instance fetches no file twice: every Pagefind file is requested once per page', async () => {
    const page = await h.browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/')) requested.push(r.url());
    });
    // Queries with marks (both instances search), one without, and one with few results in the main bundle (both
    // instances merge the year before).
    const older = (u: string) => u.includes('/pagefind/nam/');
    for (const q of ['đúng hạn', 'dung han', 'hòa giải', 'thuỷ lợi']) {
      await page.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q })}`);
      await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
      const dupes = requested.filter((u, i) => requested.indexOf(u) !== i);
      expect(dupes, `files fetched twice for “${q}”`).toEqual([]);
      expect(requested.some((u) => u.includes('/pagefind/wasm.'))).toBe(true);
      const merged = await page.evaluate(() => (window as unknown as { __searchTimings: { step: string }[] }).__searchTimings.some((t) => t.step === 'older'));
      expect(requested.some(older), `an older year fetched for “${q}” exactly when merged`).toBe(merged);
      // The merge path must be covered: if content grows past a page of results for it, pick a rarer word with marks.
      if (q === 'thuỷ lợi') expect(merged, 'few results: the year before merged').toBe(true);
      requested.length = 0; // each navigation is a fresh page
    }
    await page.close();
  });
});
