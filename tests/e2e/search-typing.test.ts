// Search while the reader types and results as they arrive (src/client/search.ts): the words' index chunks load as
// they are typed, a short pause starts the search that Enter then reuses, and each result is shown as soon as it and
// the ones above it have their data. None of this may change what a search finds or the order it shows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useHarness } from './browser.ts';

interface Timing { query: string; ms: number; msPage: number; wait: number; at: number; atPage: number; step: string }

describe.skipIf(!hasBrowser)('search while typing, results as they arrive (browser)', () => {
  const h = useHarness();

  const hrefs = (page: Page) => page.$$eval('#search-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
  const done = (page: Page) => page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
  const lastTiming = (page: Page) => page.evaluate(() => (window as unknown as { __searchTimings: Timing[] }).__searchTimings.filter((t) => t.step === 'first').at(-1)!);
  /** Main-bundle index chunks the page has started to fetch, with when (page clock). */
  const chunkFetches = (page: Page) =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/pagefind/index/')).map((e) => e.startTime));

  /** The results of a search opened from its URL (nothing typed: no preloading, no search ahead). */
  async function fromUrl(query: string): Promise<string[]> {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: query })}`);
    await done(page);
    const out = await hrefs(page);
    await page.close();
    return out;
  }

  it.each(['giai quyet dung han', 'hồ sơ trực tuyến'])('typing “%s” fetches its words’ chunks before Enter and finds what its URL finds, in the same order', async (query) => {
    const expected = await fromUrl(query);
    expect(expected.length).toBeGreaterThan(0);
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/tim-kiem/`);
    await page.focus('#q');
    await page.waitForSelector('#search-form[data-index=ready]', { state: 'attached', timeout: 20_000 });
    await page.keyboard.type(query, { delay: 20 });
    expect((await chunkFetches(page)).length, 'chunks fetched while typing').toBeGreaterThan(0);
    await page.press('#q', 'Enter');
    await done(page);
    const t = await lastTiming(page);
    expect(t.query).toBe(query);
    expect(t.wait).toBeLessThan(1); // the index had loaded on focus
    // Every word (the last one too: it is longer than the preloading threshold) was fetched before Enter.
    expect((await chunkFetches(page)).filter((start) => start >= t.at - t.ms), 'chunks fetched after Enter').toEqual([]);
    expect(await hrefs(page)).toEqual(expected);
    await page.close();
  });

  it('shows the first results while later ones are still loading, in the final order', async () => {
    const query = 'ho so truc tuyen';
    const expected = await fromUrl(query);
    expect(expected.length).toBeGreaterThan(1);
    const page = await h.browser.newPage();
    // The first result's data arrives at once (results ask for their data in order), the rest 1 s later.
    let first = true;
    await page.route('**/pagefind/fragment/**', async (route) => {
      if (!first) await new Promise((r) => setTimeout(r, 1000));
      first = false;
      await route.continue();
    });
    await page.goto(`${h.baseUrl}/tim-kiem/?${new URLSearchParams({ q: query })}`);
    await page.waitForSelector('#search-list > li', { timeout: 20_000 });
    const early = await hrefs(page);
    expect(await page.locator('#search-list').getAttribute('data-state')).toBe('searching');
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(expected.length);
    expect(early).toEqual(expected.slice(0, early.length));
    await done(page);
    expect(await hrefs(page)).toEqual(expected);
    const t = await lastTiming(page);
    expect(t.ms).toBeLessThan(t.msPage - 500); // first results counted when they showed, the page when it was whole
    await page.close();
  });
});
