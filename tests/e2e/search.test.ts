// Search in headless Chromium against the built site (dist/ with dist/pagefind/):
// diacritic-insensitive Vietnamese, numbers as printed and as digits, figure-level
// results, filters, zero results, source-text passages, keyboard, phone width, no JS elsewhere.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, hasBrowser, screenshot, useHarness } from './browser.ts';
import { urls } from '../../src/core/urls.ts';
import { getSite } from '../../src/pipeline/site.ts';
import { periodLabel as formatPeriod, periodRange } from '../../src/core/period.ts';
import { formatFigure, formatNumber } from '../../src/core/format.ts';
import { organizationName } from '../../src/core/labels.ts';

// Probes picked from whatever content exists (no hard-coded figure): a large count and a
// decimal rate whose values no other figure shares.
const site = getSite();
const unique = (f: { value: number }) => site.figures.filter((g) => g.value === f.value).length === 1;
const bigCount = site.figures.find((f) => Number.isInteger(f.value) && f.value >= 10_000 && f.denominator === null && f.comparator === null && unique(f))!;
const decimalRate = site.figures.find((f) => f.unit === '%' && !Number.isInteger(f.value) && f.comparator === null && unique(f))!;
const figureOfHref = (href: string) => {
  const m = /^\/bao-cao\/([^/]+)\/#so-lieu-(.+)$/.exec(href);
  return m ? site.figuresByKey.get(`${m[1]}/${m[2]}`) : undefined;
};


describe.skipIf(!hasBrowser)('search (browser)', () => {
  const h = useHarness();

  async function search(page: Page, query: string, params: Record<string, string> = {}) {
    const qs = new URLSearchParams({ q: query, ...params });
    await page.goto(`${h.baseUrl}/tim-kiem/?${qs}`);
    await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
  }
  /** Highlighted words of the first `n` results, lower case. */
  async function marks(page: Page, n = 10): Promise<string[]> {
    return page.$$eval('#search-list > li', (lis, n) => lis.slice(0, n).flatMap((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase())), n);
  }

  it.each([
    ['ho so truc tuyen', ['hồ', 'sơ', 'trực', 'tuyến']],
    ['cai cach the che', ['cải', 'cách', 'thể', 'chế']],
    ['Tu Mo Rong', ['mơ', 'rông']],
    ['dau tu', ['đầu', 'tư']],
    ['Dak Ha', ['đăk', 'hà']],
    ['hồ sơ trực tuyến', ['hồ', 'sơ', 'trực', 'tuyến']],
    ['đầu tư', ['đầu', 'tư']],
    ['Đăk Hà', ['đăk', 'hà']],
  ])('“%s” finds and highlights the Vietnamese text %j', async (query, words) => {
    const page = await h.browser.newPage();
    await search(page, query);
    const m = (await marks(page)).map((w) => w.replace(/[^\p{L}]/gu, ''));
    for (const w of words) expect(m, `highlight “${w}” for “${query}”`).toContain(w);
    // The index writes đ as d + U+0335; the page must never show that form.
    expect(await page.locator('#search-list').innerText()).not.toContain('\u0335');
    await page.close();
  });

  it.each([
    ['as printed', formatNumber(bigCount.value)],
    ['as digits', String(bigCount.value)],
  ])('a large count searched %s finds its figure with value, period and anchor', async (_, query) => {
    const page = await h.browser.newPage();
    await search(page, query);
    const href = urls.figure(bigCount.reportId, bigCount.id);
    const hit = page.locator('#search-list > li.search-hit--figure', { has: page.locator(`h3 a[href="${href}"]`) });
    expect(await hit.count()).toBe(1);
    const value = await hit.locator('.search-hit__value').innerText();
    expect(value).toContain(formatFigure(bigCount));
    expect(value).toContain(formatPeriod(bigCount.period));
    expect(value).toContain(organizationName(site, bigCount.scope));
    expect(await hit.locator(`a[href="${urls.quote(bigCount.reportId, bigCount.id)}"]`).count()).toBe(1);
    // It is the first result.
    expect(await page.locator('#search-list > li').first().locator('h3 a').getAttribute('href')).toBe(href);
    await page.close();
  });

  it('a decimal rate searched as printed (“98,7%”) finds its figure', async () => {
    const page = await h.browser.newPage();
    const printed = formatFigure(decimalRate);
    await search(page, printed);
    const href = urls.figure(decimalRate.reportId, decimalRate.id);
    const hit = page.locator('#search-list > li', { has: page.locator(`h3 a[href="${href}"]`) });
    expect(await hit.count()).toBe(1);
    expect(await hit.locator('.search-hit__value data').innerText()).toBe(printed);
    await page.close();
  });

  it('filters: figures of the Q3/2024 report in the administrative-procedure area, newest first, chosen in the form', async () => {
    const page = await h.browser.newPage();
    await search(page, 'ho so');
    const total = Number(await page.locator('#search-list').getAttribute('data-count'));
    const done = () => page.waitForFunction(() => document.getElementById('search-status')!.textContent!.includes('lọc'));
    await page.selectOption('#loc-loai', 'Số liệu');
    await page.selectOption('#loc-ky', 'quý III/2024');
    await page.selectOption('#loc-linh_vuc', 'Cải cách thủ tục hành chính');
    await done();
    await page.waitForFunction(() => /Cải cách thủ tục hành chính/.test(document.getElementById('search-status')!.textContent!));
    const url = new URL(page.url());
    expect(url.searchParams.get('loai')).toBe('Số liệu');
    expect(url.searchParams.get('ky')).toBe('quý III/2024');
    expect(url.searchParams.get('linh_vuc')).toBe('Cải cách thủ tục hành chính');
    const count = Number(await page.locator('#search-list').getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
    const items = page.locator('#search-list > li');
    for (let i = 0; i < (await items.count()); i++) {
      const li = items.nth(i);
      expect(await li.getAttribute('class')).toContain('search-hit--figure');
      expect(await li.locator('.search-hit__type').first().innerText()).toContain('Cải cách thủ tục hành chính');
      // "Kỳ báo cáo" is the report's period: a figure of that report may itself be dated within it ("ngày 25/8/2024").
      const f = figureOfHref((await li.locator('h3 a').getAttribute('href'))!);
      expect(f && formatPeriod(site.reportsById.get(f.reportId)!.meta.period)).toBe('quý III/2024');
    }
    // Reload keeps the filters (the URL is the state).
    await page.reload();
    await page.waitForSelector('#search-list[data-state=done]');
    expect(await page.inputValue('#loc-ky')).toBe('quý III/2024');
    expect(Number(await page.locator('#search-list').getAttribute('data-count'))).toBe(count);
    await screenshot(page, 'search-filters-1280');
    await page.close();
  });

  it('sort by period: newest first orders the figure hits by the end of their period', async () => {
    const page = await h.browser.newPage();
    await search(page, 'ho so truc tuyen', { loai: 'Số liệu', sap_xep: 'moi' });
    const hrefs = await page.$$eval('#search-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
    const ends = hrefs.map((x) => figureOfHref(x)).filter((f) => f !== undefined).map((f) => periodRange(f.period).end);
    expect(ends.length).toBeGreaterThan(1);
    expect(ends).toEqual([...ends].sort().reverse());
    await page.close();
  });

  it('says clearly when nothing is found and suggests the other form', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 800 } });
    await search(page, 'xyzzyqw');
    expect(await page.locator('#search-status').innerText()).toContain('Không tìm thấy kết quả nào cho “xyzzyqw”');
    expect(await page.locator('#search-list > li').count()).toBe(0);
    // Suggestions are filled in asynchronously: wait for them instead of sampling once.
    await page.locator('#search-suggest').waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.locator('#search-more').isVisible()).toBe(false);

    await search(page, 'Ưxyzzy');
    await page.waitForFunction(() => document.getElementById('search-suggest')!.textContent!.includes('Uxyzzy'), undefined, { timeout: 5000 });
    expect(await page.locator('#search-suggest').innerText()).toContain('Thử tìm dạng không dấu: Uxyzzy');

    // Diacritic-free words with filters that exclude everything: suggests the marked form and clearing the filters.
    await search(page, 'truc tuyen', { loai: 'Toàn văn', loai_bao_cao: 'Kế hoạch năm', ky: 'quý III/2024' });
    expect(await page.locator('#search-status').innerText()).toContain('Không tìm thấy');
    const suggest = page.locator('#search-suggest');
    await page.waitForFunction(() => document.getElementById('search-suggest')!.textContent!.includes('có dấu'));
    expect(await suggest.innerText()).toContain('Thử tìm dạng có dấu: trực tuyến');
    await screenshot(page, 'search-zero-360');
    await suggest.getByRole('button', { name: 'Bỏ mọi bộ lọc' }).click();
    await page.waitForFunction(() => Number(document.getElementById('search-list')!.dataset.count) > 0);
    await page.close();
  });

  it('a phrase of a source text finds the passage and links to the spot', async () => {
    const page = await h.browser.newPage();
    await search(page, 'ký tắt', { loai: 'Toàn văn' });
    const hrefs = await page.$$eval('#search-list > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) expect(href).toMatch(/^\/bao-cao\/[a-z0-9-]+\/van-ban\/#:~:text=/);
    // The phrase is in the Q3/2024 report; its passage is among the first results and the link names the spot.
    const href = hrefs.find((x) => x.startsWith('/bao-cao/kon-tum-2024-q3/van-ban/'))!;
    expect(href).toBeTruthy();
    expect(decodeURIComponent(href)).toMatch(/ký tắt/i);
    const link = page.locator(`#search-list > li h3 a[href="${href}"]`);
    await Promise.all([page.waitForURL('**/van-ban/**'), link.click()]);
    expect(new URL(page.url()).pathname).toBe('/bao-cao/kon-tum-2024-q3/van-ban/');
    await page.close();
  });

  it('is keyboard usable: ↓ from the box to the results, ↑/↓ between them, Esc back', async () => {
    const page = await h.browser.newPage();
    await search(page, 'giai ngan');
    await page.focus('#q');
    await page.keyboard.press('ArrowDown');
    const links = page.locator('#search-list > li h3 a');
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelector('#search-list > li'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(1).evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await links.nth(0).evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.close();
  });

  it('header search box on any page leads to results', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}${urls.report(bigCount.reportId)}`);
    await page.fill('#header-q', String(bigCount.value));
    await Promise.all([page.waitForURL('**/tim-kiem/**'), page.press('#header-q', 'Enter')]);
    await page.waitForSelector('#search-list[data-state=done]');
    expect(await page.inputValue('#q')).toBe(String(bigCount.value));
    expect(Number(await page.locator('#search-list').getAttribute('data-count'))).toBeGreaterThan(0);
    await page.close();
  });

  it('adds no JavaScript to other pages and loads nothing before a search', async () => {
    const page = await h.browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    for (const path of ['/', urls.report(bigCount.reportId), '/gioi-thieu/']) {
      await page.goto(`${h.baseUrl}${path}`, { waitUntil: 'networkidle' });
      const scripts = await page.$$eval('script[src]', (s) => s.map((x) => (x as HTMLScriptElement).src));
      expect(scripts.filter((s) => s.includes('tim-kiem'))).toEqual([]);
    }
    await page.goto(`${h.baseUrl}/tim-kiem/`, { waitUntil: 'networkidle' });
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.close();
  });

  it('works at 360 px and has no axe violations', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 800 } });
    await search(page, 'ho so truc tuyen');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('h1').count()).toBe(1);
    await screenshot(page, 'search-results-360');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
