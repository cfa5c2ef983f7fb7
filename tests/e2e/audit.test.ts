// Session 9 rehearsal of the outside audits (phone, zoom, print, keyboard, axe): one test per class of
// problem found, each failing before its fix. Invariants over whatever content exists.
import { describe, expect, it } from 'vitest';
import { hasBrowser, useHarness } from './browser.ts';
import { getSite } from '../../src/pipeline/site.ts';

const site = getSite();
// The report with the most data-quality note links: its note links sat 15 px tall beside the label links.
const noted = [...site.content.reports].sort((a, b) => site.figures.filter((f) => f.reportId === b.meta.id && f.note).length - site.figures.filter((f) => f.reportId === a.meta.id && f.note).length)[0].meta.id;
const someIndicator = site.figures[0].indicator;

describe.skipIf(!hasBrowser)('outside audits: axe with sources opened, 200 % zoom, print, long words, keyboard', () => {
  const h = useHarness();

  it.each([
    [360, `/bao-cao/${noted}/`],
    [1280, `/bao-cao/${noted}/`],
    [1280, '/'],
    [360, '/khong-co-trang-nay/'],
  ])('at %i px %s has no axe violations (WCAG 2.2 AA, target size, best practice) with every <details> open', async (width, path) => {
    const { source } = await import('axe-core');
    const page = await h.browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(h.baseUrl + path);
    // A figure's opened source (citation, "Sao chép", BibTeX/RIS, "Báo lỗi số liệu") had 16 and 22.8 px targets.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.addScriptTag({ content: source });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error injected global
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
      return r.violations.flatMap((v: { id: string; nodes: { target: string[] }[] }) => v.nodes.slice(0, 3).map((n) => `${v.id} ${n.target.join(' ')}`));
    });
    expect(violations, path).toEqual([]);
    await page.close();
  });

  it('at 200 % zoom of a 1280 px screen every box that scrolls sideways is a labelled, focusable region', async () => {
    const page = await h.browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const path of [`/bao-cao/${noted}/`, `/chi-so/${someIndicator}/`]) {
      await page.goto(h.baseUrl + path);
      const bad = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1 && e.checkVisibility())
          .filter((e) => !(e.tabIndex === 0 && e.getAttribute('role') === 'region' && e.getAttribute('aria-label')))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      );
      // A report's figure tables (48 rem of columns) scrolled in an unfocusable wrapper between 640 and 768 px.
      expect(bad, path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(1);
    }
    await page.close();
  });

  it('body text is 16 px: the full text, data-quality notes and form controls', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/bao-cao/${noted}/van-ban/`);
    expect(await page.locator('.source-text p').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16);
    await page.goto(`${h.baseUrl}/khong-co-trang-nay/`);
    // The 404 page's "Tìm" button was the browser's 13.3 px.
    expect(await page.locator('main button').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16);
    await page.goto(`${h.baseUrl}/gioi-thieu/`);
    const notes = await page.locator('.note-quality').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    for (const size of notes) expect(size).toBeGreaterThanOrEqual(16);
    await page.close();
  });

  it('a 300-letter word in a title, breadcrumb, narrative or note wraps at 360 px instead of widening the page', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/bao-cao/${noted}/`);
    // Content is untrusted: a hostile report's long word (scratch build) widened its pages by 4 368 px.
    await page.evaluate(() => {
      const word = `Hồsơ${'x'.repeat(300)}`;
      for (const sel of ['h1', '.breadcrumbs li:last-child span', 'main p']) {
        const e = document.querySelector(sel);
        if (e) e.textContent = `${e.textContent} ${word}`;
      }
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('print: no form controls on paper; links to other sites print their address', async () => {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    for (const path of ['/', '/bao-cao/', '/du-lieu/']) {
      await page.goto(h.baseUrl + path);
      await page.emulateMedia({ media: 'print' });
      // The report-kind checkboxes and the home search box were printed.
      const controls = await page.locator('main input, main select, main button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.outerHTML.slice(0, 80)));
      expect(controls, path).toEqual([]);
      const links = await page.locator('main a[href^="http"]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => [e.getAttribute('href'), getComputedStyle(e, '::after').content]));
      for (const [href, content] of links) expect(content, `${path} ${href}`).toContain(`(${href})`);
    }
    await page.close();
  });

  it('keyboard only: skip link, then the header search finds results that Tab reaches', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(h.baseUrl + '/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await page.goto(h.baseUrl + '/');
    for (let i = 0; i < 30 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'q'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('hồ sơ');
    await page.keyboard.press('Enter');
    await page.waitForURL(/tim-kiem/);
    await page.locator('.search-hit a').first().waitFor({ timeout: 10_000 });
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('.search-hit'));
    }
    expect(reached).toBe(true);
    await page.close();
  });
});
