// Chart text and secondary text on phones (320 and 360 px), on a desktop and on paper, measured in
// Chromium. Effective size = computed font size × the SVG's current scale (getScreenCTM): a chart drawn
// wide and scaled down to a phone once showed 9 px text. Pages are picked from dist/ (the heaviest of
// each chart-bearing type), so the tests hold for whatever content exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useHarness } from './browser.ts';

/** The page of `dir` (dist/<dir>/<id>/index.html) with the most chart text, or none. */
function heaviest(dir: string, filter: (id: string) => boolean = () => true): string | undefined {
  if (!existsSync(`dist/${dir}`)) return undefined;
  let best: [number, string] | undefined;
  for (const id of readdirSync(`dist/${dir}`).sort()) {
    const file = `dist/${dir}/${id}/index.html`;
    if (!filter(id) || !existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const charts = html.split('<figure class="chart"').slice(1).join('');
    const score = (charts.match(/<text\b/g) ?? []).length;
    if (score > 0 && (!best || score > best[0])) best = [score, `/${dir}/${id}/`];
  }
  return best?.[1];
}

/**
 * Every chart-bearing page type: a report, an indicator with a line chart, one with a missing period
 * marked ("không có số liệu"), one with bars only, an embed.
 */
function chartPages(): string[] {
  const html = (id: string) => (existsSync(`dist/chi-so/${id}/index.html`) ? readFileSync(`dist/chi-so/${id}/index.html`, 'utf8') : '');
  const hasLine = (id: string) => /<path[^>]*marker-start/.test(html(id));
  const pages = [
    heaviest('bao-cao', (id) => id !== 'nam'),
    heaviest('chi-so', (id) => id !== 'nam' && hasLine(id)),
    heaviest('chi-so', (id) => id !== 'nam' && html(id).includes('chart-gap-label')),
    heaviest('chi-so', (id) => id !== 'nam' && html(id).includes('<figure class="chart"') && !hasLine(id)),
    heaviest('nhung/chi-so'),
  ];
  return [...new Set(pages.filter((p): p is string => !!p))];
}

interface ChartText {
  /** Smallest effective font size of any visible text in any chart, with where it is. */
  min: number;
  where: string;
  /** Largest, so desktop text does not balloon. */
  max: number;
  texts: number;
  /** Pairs of text boxes in one chart that overlap by more than a pixel. */
  overlaps: string[];
  /** Charts that show other than exactly one drawing. */
  drawings: string[];
}

/** Measures the text of every visible chart on the page (every <details> opened). */
function measureCharts(page: Page): Promise<ChartText> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const out: ChartText = { min: Infinity, where: '', max: 0, texts: 0, overlaps: [], drawings: [] };
    for (const fig of document.querySelectorAll<HTMLElement>('figure.chart')) {
      const shown = [...fig.querySelectorAll<HTMLElement>('.chart-wide, .chart-narrow, .chart-compact')].filter((d) => d.checkVisibility());
      if (shown.length !== 1) out.drawings.push(`${fig.id}: ${shown.length}`);
      for (const svg of fig.querySelectorAll<SVGSVGElement>('svg')) {
        // Plot's legend swatches are small svgs without text.
        if (!svg.checkVisibility() || svg.closest('[class$="-swatch"]')) continue;
        const boxes: { r: DOMRect; text: string }[] = [];
        for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
          if (!t.textContent?.trim()) continue;
          const m = t.getScreenCTM();
          if (!m) continue;
          const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          out.texts++;
          if (size < out.min) [out.min, out.where] = [size, `${fig.id} "${t.textContent.trim().slice(0, 30)}"`];
          out.max = Math.max(out.max, size);
          const lines = t.querySelectorAll('tspan');
          for (const l of lines.length ? [...lines] : [t]) if (l.textContent?.trim()) boxes.push({ r: l.getBoundingClientRect(), text: l.textContent.trim() });
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i].r, boxes[j].r];
            const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (dx > 1 && dy > 1) out.overlaps.push(`${fig.id}: "${boxes[i].text}" × "${boxes[j].text}"`);
          }
      }
    }
    return out;
  });
}

/** Smallest font size of visible text outside charts, on elements and their ::before/::after, with where. */
function smallestText(page: Page): Promise<{ size: number; where: string }[]> {
  return page.evaluate(() => {
    // A standard small element: footnote markers (<sup>, <sub>) may be smaller than the text around them.
    const exempt = (e: Element) => !!e.closest('svg, sup, sub, .visually-hidden, script, style, noscript');
    const found: { size: number; where: string }[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement;
      if (!e || !n.textContent?.trim() || exempt(e) || !e.checkVisibility()) continue;
      const size = parseFloat(getComputedStyle(e).fontSize);
      if (size < 14) found.push({ size, where: `${name(e)} "${n.textContent.trim().slice(0, 30)}"` });
    }
    for (const e of document.querySelectorAll('body *')) {
      if (exempt(e) || !e.checkVisibility()) continue;
      for (const pseudo of ['::before', '::after']) {
        const cs = getComputedStyle(e, pseudo);
        // Generated text only (not empty boxes, quotes or separators of one character).
        if (!/^".{2,}"$|^attr\(/.test(cs.content) || cs.display === 'none') continue;
        const size = parseFloat(cs.fontSize);
        if (size < 14) found.push({ size, where: `${name(e)}${pseudo} ${cs.content.slice(0, 30)}` });
      }
    }
    return found;
  });
}

const sideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasBrowser)('chart text and secondary text on phones, desktop and paper', () => {
  const h = useHarness();
  const pages = chartPages();

  it('finds a page of every chart-bearing type', () => {
    // A report's area charts, an indicator's line chart, an indicator's bars, an embed.
    expect(pages.length, pages.join(' ')).toBeGreaterThanOrEqual(4);
  });

  it.each([
    [320, 11],
    [360, 12],
  ])('at %i px every chart text is at least %i px, no two texts overlap, one drawing per chart, no sideways scroll', async (width, minSize) => {
    const page = await h.browser.newPage({ viewport: { width, height: 740 } });
    for (const path of pages) {
      await page.goto(h.baseUrl + path);
      const m = await measureCharts(page);
      expect(m.texts, path).toBeGreaterThan(0);
      expect(m.min, `${path} ${m.where}`).toBeGreaterThanOrEqual(minSize);
      expect(m.overlaps, path).toEqual([]);
      expect(m.drawings, path).toEqual([]);
      expect(await sideScroll(page), path).toBeLessThanOrEqual(1);
    }
    await page.close();
  });

  it('at 1280 px chart text stays between 12 and 16 px (the wide drawing, not a phone one blown up), without overlaps', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const path of pages) {
      await page.goto(h.baseUrl + path);
      const m = await measureCharts(page);
      expect(m.min, `${path} ${m.where}`).toBeGreaterThanOrEqual(12);
      expect(m.max, path).toBeLessThanOrEqual(16);
      expect(m.overlaps, path).toEqual([]);
      expect(m.drawings, path).toEqual([]);
    }
    await page.close();
  });

  it('print: one drawing per chart, its text at least 9 px (A4 width)', async () => {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    for (const path of pages) {
      await page.goto(h.baseUrl + path);
      await page.emulateMedia({ media: 'print' });
      const m = await measureCharts(page);
      expect(m.drawings, path).toEqual([]);
      expect(m.min, `${path} ${m.where}`).toBeGreaterThanOrEqual(9);
    }
    await page.close();
  });

  it('at 360 px secondary text (captions, notes, badges, metadata, footers) is at least 14 px on every page type', async () => {
    const report = pages.find((p) => p.startsWith('/bao-cao/'));
    const firstDir = (dir: string) => (existsSync(`dist/${dir}`) ? readdirSync(`dist/${dir}`).filter((n) => n !== 'nam' && existsSync(`dist/${dir}/${n}/index.html`)).sort()[0] : undefined);
    const paths = [
      '/',
      '/bao-cao/',
      report,
      report && `${report}van-ban/`,
      ...pages.filter((p) => p.startsWith('/chi-so/')),
      '/chi-so/',
      `/linh-vuc/${firstDir('linh-vuc')}/`,
      `/don-vi/${firstDir('don-vi')}/`,
      '/du-lieu/',
      `/du-lieu/${firstDir('du-lieu')}/`,
      '/du-lieu/api/',
      '/du-lieu/phien-ban/',
      '/tim-kiem/?q=h%E1%BB%93+s%C6%A1',
      '/gioi-thieu/',
      '/khong-co-trang-nay/',
    ].filter((p): p is string => !!p && !p.includes('/undefined/'));
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of paths) {
      await page.goto(h.baseUrl + path);
      if (path.startsWith('/tim-kiem/')) await page.locator('.search-hit').first().waitFor({ timeout: 10_000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const small = await smallestText(page);
      expect(small.slice(0, 5), path).toEqual([]);
    }
    await page.close();
  });
});
