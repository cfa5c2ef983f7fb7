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
        break;
      }
      await p.close();
    }
    if (!page) throw new Error(`none of ${candidates.length} counts of ${years[1]} made the search page merge that year`);
    expect(await steps(page)).toEqual(['first', 'older']);
    expect(yearFragments.length).toBeLessThanOrEqual(1);
    const gated = await hrefs(page);
    expect(gated.length).toBeGreaterThan(0);
    // The same query again on this page: the year is merged now, and a first page has no budget. The years before it
    // are kept off this page, so that the few-results step of this search stops at its first page.
    await page.route(/\/pagefind\/nam\/(?!\d+\/fragment\/)/, (route) => (route.request().url().includes(`/nam/${years[1]}/`) ? route.continue() : route.abort()));
    await page.evaluate(() => (document.getElementById('search-list')!.dataset.state = ''));
    await page.fill('#q', '');
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => (window as unknown as { __searchTimings: unknown[] }).__searchTimings.length === 3);
    const whole = await hrefs(page);
    expect(whole.slice(0, gated.length)).toEqual(gated);
    expect(whole).toContain(`/bao-cao/${probe.reportId}/#so-lieu-${probe.id}`);
    await page.close();

    // Results past the budget are one click away, in the same order.
    if (whole.length > gated.length) {
      const again = await h.browser.newPage();
      await again.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: query })}`);
      await done(again);
      expect(await again.locator('#search-more').isVisible()).toBe(true);
      await again.click('#search-more');
      await again.waitForFunction((n) => document.querySelectorAll('#search-list > li').length >= n, whole.length);
      expect((await hrefs(again)).slice(0, whole.length)).toEqual(whole);
      // Keyboard: the first result the click added has the focus.
      expect(await again.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(whole[gated.length]);
      await again.close();
    }
  });
});
