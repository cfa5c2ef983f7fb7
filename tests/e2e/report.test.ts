// Report and full-text pages in a real browser: accessibility, keyboard, no JS needed.
import { describe, expect, it } from 'vitest';
import { axe, hasBrowser, screenshot, useHarness } from './browser.ts';

describe.skipIf(!hasBrowser)('report pages in Chromium', () => {
  const h = useHarness();

  it.each([
    ['/bao-cao/kon-tum-2024-q3/'],
    ['/bao-cao/tu-mo-rong-2023-h1/'],
    ['/bao-cao/kon-tum-ke-hoach-2024/'],
    ['/bao-cao/kon-tum-2025-q1/van-ban/'],
  ])('%s has no axe violations', async (path) => {
    const page = await h.browser.newPage();
    await page.goto(h.baseUrl + path);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('is keyboard usable: the skip link moves focus to the main content', async () => {
    const page = await h.browser.newPage();
    await page.goto(h.baseUrl + '/bao-cao/kon-tum-2024-q3/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Bỏ qua');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#noi-dung');
    await page.close();
  });

  it('renders the charts and figure tables with JavaScript off', async () => {
    const ctx = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(h.baseUrl + '/bao-cao/kon-tum-2024-q3/');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    await expect(page.locator('#so-lieu-ho-so-tiep-nhan').textContent()).resolves.toContain('67.628');
    await ctx.close();
  });

  it('a figure link lands on its highlighted quote in the full text', async () => {
    const page = await h.browser.newPage();
    await page.goto(h.baseUrl + '/bao-cao/kon-tum-2024-q3/');
    await page.locator('#so-lieu-ho-so-tiep-nhan a[href*="/van-ban/#trich-dan-"]').click();
    await page.waitForURL(/van-ban\/#trich-dan-ho-so-tiep-nhan/);
    const mark = page.locator('mark.quote-mark.is-target, mark.quote-mark:target');
    await expect(mark.first().textContent()).resolves.toContain('67.628');
    const bg = await mark.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(255, 210, 77)');
    await page.close();
  });

  it('saves screenshots at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await h.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(h.baseUrl + '/bao-cao/kon-tum-2024-q3/');
      // Nothing scrolls sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await screenshot(page, `report-${width}`);
      await page.close();
    }
  });
});
