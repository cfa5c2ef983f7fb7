// A citizen on the home page: headline figures, a source link down to the quoted
// sentence, the reports list filters, accessibility and screenshots.
import { describe, expect, it } from 'vitest';
import { axe, hasBrowser, screenshot, useHarness } from './browser.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { headlineCards, reportSummaries } from '../../src/view/dashboard.ts';
import { formatWithComparator } from '../../src/core/format.ts';
import { textMentionsValue } from '../../src/core/vn-number.ts';

const { site } = runPipeline(process.cwd());

describe.skipIf(!hasBrowser)('home page (browser)', () => {
  const h = useHarness();

  it('shows headline figures and a source link that lands on the highlighted quote', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${h.baseUrl}/`);
    expect(await page.locator('h1').count()).toBe(1);

    const expected = headlineCards(site)[0].cards[0];
    const cards = page.locator('li[data-headline]');
    expect(await cards.count()).toBe(headlineCards(site).reduce((n, g) => n + g.cards.length, 0));
    const first = cards.first();
    expect(await first.getAttribute('data-headline')).toBe(expected.key);
    const f = expected.figure;
    expect((await first.locator('.figure-value').innerText()).trim()).toBe(formatWithComparator(f.value, f.unit, f.comparator ?? '', f.denominator));

    const link = first.locator('a[data-source-link]');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/bao-cao/${f.reportId}/van-ban/#trich-dan-${f.id}`);
    await Promise.all([page.waitForURL(`**/bao-cao/${f.reportId}/van-ban/**`), link.click()]);
    expect(new URL(page.url()).pathname).toBe(`/bao-cao/${f.reportId}/van-ban/`);
    expect(new URL(page.url()).hash).toBe(`#trich-dan-${f.id}`);

    // The element with the target id is the quote's <mark>, or an anchor inside (or right before) a mark shared by several figures.
    const mark = await page.evaluate((id) => {
      const el = document.getElementById(id);
      let m: Element | null = el?.closest('mark') ?? el;
      while (m && m.tagName !== 'MARK') m = m.nextElementSibling;
      if (!el || !m) return null;
      const box = m.getBoundingClientRect();
      return {
        tag: el.tagName,
        text: m.textContent ?? '',
        highlighted: m.classList.contains('is-target') || m.matches(':target'),
        background: getComputedStyle(m).backgroundColor,
        inViewport: box.top < window.innerHeight && box.bottom > 0,
      };
    }, `trich-dan-${f.id}`);
    expect(mark).not.toBeNull();
    expect(['MARK', 'SPAN']).toContain(mark!.tag);
    expect(mark!.highlighted).toBe(true);
    expect(mark!.inViewport).toBe(true);
    expect(mark!.background).not.toBe('rgba(0, 0, 0, 0)');
    // The quoted sentence contains the number as printed in the source.
    expect(textMentionsValue(mark!.text, f.value)).toBe(true);
    await page.close();
  });

  it('the home search box submits q to /tim-kiem/', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/`);
    const form = page.locator('main form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/tim-kiem/');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.locator('input[name="q"]').count()).toBe(1);
    await page.close();
  });

  it('the reports list reads without JavaScript and filters with it', async () => {
    const total = reportSummaries(site).length;
    const plans = reportSummaries(site).filter((s) => s.report.kind === 'annual-plan').length;

    const noJs = await h.browser.newContext({ javaScriptEnabled: false });
    const p1 = await noJs.newPage();
    await p1.goto(`${h.baseUrl}/bao-cao/`);
    expect(await p1.locator('form[data-report-filters]').isVisible()).toBe(false);
    expect(await p1.locator('[data-report-item]:visible').count()).toBe(total);
    expect(await p1.locator('nav.browse details').count()).toBe(3);
    await noJs.close();

    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/bao-cao/`);
    await page.locator('form[data-report-filters]').waitFor({ state: 'visible' });
    await page.locator('input[name="kind"][value="annual-plan"]').check();
    expect(await page.locator('[data-report-item]:visible').count()).toBe(plans);
    expect(await page.locator('[data-filter-status]').innerText()).toContain(`${plans}/${total}`);
    await page.locator('form[data-report-filters] button[type="reset"]').click();
    await expect.poll(() => page.locator('[data-report-item]:visible').count()).toBe(total);
    await page.close();
  });

  it.each(['/', '/bao-cao/', '/gioi-thieu/'])('axe-core finds no violations on %s', async (path) => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}${path}`);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it.each([360, 1280])('screenshot of / at %i px', async (width) => {
    const page = await h.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${h.baseUrl}/`);
    // Nothing may overflow the viewport horizontally (tables scroll or stack inside their wrapper).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const path = await screenshot(page, `home-${width}`);
    expect(path).toMatch(/home-\d+\.png$/);
    await page.close();
  });
});
