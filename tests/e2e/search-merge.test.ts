// The few-results step (src/client/search.ts): when the main bundle finds fewer results than a page shows, the page
// merges the year before and shows again. An older year's fragments are packed (scripts/search-index.ts), so that
// step fetches at most OLDER_STEP_FILES (1) fragment file of the year before showing; results whose data is in
// another file wait for "Xem thêm kết quả". Nothing may change what the search finds or its order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useHarness } from './browser.ts';
import { getSite } from '../../src/pipeline/site.ts';
import { formatNumber } from '../../src/core/format.ts';
import { reportYear, searchYears } from '../../src/publish/search-records.ts';

const site = getSite();
const years = searchYears(site);
// Counts of one report of the year before the newest (in a bundle of its own), shared by no other figure, printed on
// the fewest built pages first (indicator and organization pages are in the main bundle): the test uses the first
// one the main bundle finds few results for, so that the page merges that year.
const pages = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'pagefind' ? [] : walk(join(dir, e.name))) : e.name.endsWith('.html') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
})('dist');
const candidates = site.figures
  .filter((f) => Number.isInteger(f.value) && f.value >= 10_000 && reportYear(site.reportsById.get(f.reportId)!) === years[1] && site.figures.filter((g) => g.value === f.value).length === 1)
  .map((f) => ({ f, on: pages.filter((p) => p.includes(formatNumber(f.value))).length }))
  .sort((a, b) => a.on - b.on)
  .slice(0, 12)
  .map((x) => x.f);

describe.skipIf(!hasBrowser || !candidates.length)('few results: the year before merged (browser)', () => {
  const h = useHarness();
  const hrefs = (page: Page) => page.$$eval('#search-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
  const done = (page: Page) => page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
  let chosen = '';
  const steps = (page: Page) => page.evaluate(() => (window as unknown as { __searchTimings: { step: string }[] }).__searchTimings.map((t) => t.step));

  it('fetches at most one fragment file of the merged year, shows results in the order the merged search gives, and “Xem thêm kết quả” shows the rest', async () => {
    let page: Page | null = null;
    let query = '';
    let probe = candidates[0];
    let yearFragments: string[] = [];
    for (const f of candidates) {
      const p = await h.browser.newPage();
      const fetched: string[] = [];
      p.on('request', (r) => {
        if (/\/pagefind\/nam\/[^/]+\/fragment\//.test(new URL(r.url()).pathname)) fetched.push(r.url());
      });
      await p.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: formatNumber(f.value) })}`);
      await done(p);
      if ((await steps(p)).includes('older')) {
        [page, query, probe, yearFragments] = [p, formatNumber(f.value), f, fetched];
        chosen = query;
        break;
      }
      await p.close();
    }
    if (!page) throw new Error(`none of ${candidates.length} counts of ${years[1]} made the search page merge that year`);
    expect(await steps(page)).toEqual(['first', 'older']);
    expect(yearFragments.length).toBeLessThanOrEqual(1);
    const gated = await hrefs(page);
    expect(gated.length).toBeGreaterThan(0);
    const count = await page.locator('#search-list').getAttribute('data-count');

    // Results past the budget are one click away, after the ones shown; the click focuses the first link it adds.
    let more: string[] = gated;
    if (await page.locator('#search-more').isVisible()) {
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-list > li').length > n, gated.length);
      await page.waitForFunction(() => document.activeElement?.closest('#search-list') != null);
      more = await hrefs(page);
      expect(more.slice(0, gated.length)).toEqual(gated);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(more[gated.length]);
    }

    await page.close();

    // The reference: the same search on a page without the budget (as before it existed) shows the same results in
    // the same order, the whole first page at once; the budgeted page showed a prefix of it, then the rest on click.
    const ref = await h.browser.newPage();
    await ref.addInitScript(() => ((window as unknown as { __searchOlderFiles: number }).__searchOlderFiles = Infinity));
    await ref.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: query })}`);
    await done(ref);
    expect(await steps(ref)).toEqual(['first', 'older']);
    expect(await ref.locator('#search-list').getAttribute('data-count')).toBe(count);
    const whole = await hrefs(ref);
    await ref.close();
    expect(whole).toContain(`/bao-cao/${probe.reportId}/#so-lieu-${probe.id}`);
    expect(whole.slice(0, gated.length)).toEqual(gated);
    const k = Math.min(whole.length, more.length);
    expect(more.slice(0, k)).toEqual(whole.slice(0, k));
  });

  it('a short pause in typing shows what the query finds in the main bundle and merges no year until Enter (or a longer pause)', async () => {
    expect(chosen).not.toBe('');
    const page = await h.browser.newPage();
    const merges: number[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/nam/')) merges.push(Date.now());
    });
    await page.goto(`${h.baseUrl}/tim-kiem/`);
    await page.focus('#q');
    await page.waitForSelector('#search-form[data-index=ready]', { state: 'attached', timeout: 20_000 });
    // Pasted (typing it key by key loads other chunks for its prefixes, which changes what Pagefind finds for a number).
    await page.fill('#q', chosen);
    // Past the 200 ms typing pause (results of the words so far) but within the longer one before merging a year.
    await page.waitForFunction(() => (window as unknown as { __searchTimings: unknown[] }).__searchTimings.length > 0);
    await page.waitForTimeout(200);
    const enter = Date.now();
    await page.press('#q', 'Enter');
    await done(page);
    expect(merges.filter((t) => t < enter)).toEqual([]);
    expect(merges.length).toBeGreaterThan(0);
    expect(await steps(page)).toContain('older');
    await page.close();
  });
});
