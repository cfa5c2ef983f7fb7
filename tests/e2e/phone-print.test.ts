// Phones (360 px), keyboard and paper, beyond readers.test.ts: every route type including year pages,
// the API and version pages; WCAG 2.2 target size (2.5.8, axe's rule is off by default); heading order;
// a sensible, visible Tab path; print of report, indicator and dataset pages with nothing cut off.
// Invariants over whatever content exists: pages are picked from dist/ and the site model.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useHarness } from './browser.ts';
import { getSite } from '../../src/pipeline/site.ts';

const site = getSite();
/** Poppler's pdftotext reads back a printed PDF (.ci/run installs poppler-utils). */
const PDFTOTEXT = '/usr/bin/pdftotext';
if (!existsSync(PDFTOTEXT) && process.env.CI) throw new Error(`${PDFTOTEXT} not found: .ci/run must apt-get install poppler-utils`);
const smallestReport = [...site.content.reports].sort((a, b) => a.figures.length - b.figures.length)[0].meta.id;
const someIndicator = site.figures[0].indicator;
const someDataset = `bao-cao-${site.content.reports[0].meta.id}`;

/** The first year page under dist/<base>/…/nam/, or none when the content has no such page. */
function yearPage(base: string): string | undefined {
  const dir = `dist${base}nam`;
  if (!existsSync(dir)) return undefined;
  const year = readdirSync(dir).filter((n) => /^\d{4}$/.test(n)).sort()[0];
  return year ? `${base}nam/${year}/` : undefined;
}
/** A year page of the first entity (indicator, area, organization) that has one. */
function entityYearPage(kind: string): string | undefined {
  if (!existsSync(`dist/${kind}`)) return undefined;
  for (const id of readdirSync(`dist/${kind}`).sort()) {
    const page = yearPage(`/${kind}/${id}/`);
    if (page) return page;
  }
  return undefined;
}

/** Route types readers.test.ts does not visit at 360 px, plus the heaviest ones again. */
function pagesToVisit(): string[] {
  return [
    '/',
    `/bao-cao/${smallestReport}/`,
    `/bao-cao/${smallestReport}/van-ban/`,
    `/chi-so/${someIndicator}/`,
    `/du-lieu/${someDataset}/`,
    '/du-lieu/danh-muc-chi-so/',
    '/du-lieu/api/',
    '/du-lieu/phien-ban/',
    '/tim-kiem/?q=h%E1%BB%93+s%C6%A1',
    '/gioi-thieu/',
    yearPage('/bao-cao/'),
    yearPage('/du-lieu/'),
    entityYearPage('chi-so'),
    entityYearPage('linh-vuc'),
    entityYearPage('don-vi'),
  ].filter((p): p is string => !!p);
}

/** Elements whose box reaches past the viewport's right edge without a scrolling box around them. */
function cutOff(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const scrolls = (e: Element | null): boolean => {
      for (let a = e?.parentElement; a; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return a !== document.documentElement && a !== document.body;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        // Content of a closed <details> keeps a stale box: only what is rendered counts.
        return r.width > 0 && r.right > w + 1 && e.checkVisibility({ contentVisibilityAuto: true }) && !scrolls(e) && !e.closest('.visually-hidden, .skip-link');
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
  }, width);
}

describe.skipIf(!hasBrowser)('phones, keyboard and paper', () => {
  const h = useHarness();

  it('every route type, year pages included, fits 360 px: no sideways scroll, nothing past the right edge', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of pagesToVisit()) {
      const res = await page.goto(h.baseUrl + path);
      expect(res?.status(), path).toBe(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(1);
      // Long paths in API tables and code blocks once widened /du-lieu/api/ to 1 027 px.
      expect(await cutOff(page, 360), path).toEqual([]);
    }
    await page.close();
  });

  it('a dataset preview wider than the phone says it scrolls sideways, and its caption starts on screen', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/du-lieu/${someDataset}/`);
    const r = await page.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('.preview-wrap')!;
      const cue = document.querySelector<HTMLElement>('.preview-scroll-cue')!;
      const caption = document.querySelector<HTMLElement>('.preview-table caption')!;
      const range = document.createRange();
      range.selectNodeContents(caption);
      return { wider: wrap.scrollWidth > wrap.clientWidth, cue: cue.getBoundingClientRect().height > 0, captionLeft: range.getBoundingClientRect().left, captionRight: range.getBoundingClientRect().right };
    });
    expect(r.wider).toBe(true);
    expect(r.cue).toBe(true);
    expect(r.captionLeft).toBeGreaterThanOrEqual(0);
    expect(r.captionLeft).toBeLessThan(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator('.preview-scroll-cue').isVisible()).toBe(false);
    await page.close();
  });

  it('one h1 and no skipped heading level on every route type', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of pagesToVisit()) {
      await page.goto(h.baseUrl + path);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
      expect(levels.filter((l) => l === 1), path).toHaveLength(1);
      expect(levels[0], path).toBe(1);
      const skips = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1] + 1 ? [`h${levels[i - 1]}→h${l}`] : []));
      expect(skips, path).toEqual([]);
    }
    await page.close();
  });

  it('tap targets are 24 px or spaced apart at 360 px (axe target-size, WCAG 2.2 SC 2.5.8)', async () => {
    const { source } = await import('axe-core');
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/', `/bao-cao/${smallestReport}/`, '/du-lieu/', '/du-lieu/phien-ban/', '/gioi-thieu/', `/chi-so/${someIndicator}/`]) {
      await page.goto(h.baseUrl + path);
      await page.addScriptTag({ content: source });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error injected global
        // A figure row's "Nguồn" toggle was 61×17 px, 19–21 px from the row's label link: now 24 px tall.
        const result = await window.axe.run(document, { runOnly: ['target-size'], resultTypes: ['violations'] });
        return result.violations.flatMap((v: { nodes: { target: string[] }[] }) => v.nodes.map((n) => n.target.join(' ')));
      });
      // The contents list of a report and the key-list links of /du-lieu/phien-ban/ were 16 px tall and 23.8 px apart.
      expect(violations, path).toEqual([]);
    }
    await page.close();
  });

  it.each([`/bao-cao/${smallestReport}/`, '/tim-kiem/'])('Tab through %s: every stop visible, outlined and not covered', async (path) => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(h.baseUrl + path);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((i) => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const r = e.getBoundingClientRect();
        const cs = getComputedStyle(e);
        const at = document.elementFromPoint(r.left + Math.min(r.width / 2, 8), r.top + r.height / 2);
        return {
          name: `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.getAttribute('name') || '').trim().slice(0, 30)}" #${i}`,
          key: `${e.tagName}|${e.id}|${(e as HTMLAnchorElement).href ?? ''}|${e.textContent?.slice(0, 40)}`,
          size: r.width > 0 && r.height > 0,
          inView: r.bottom > 0 && r.top < innerHeight,
          outlined: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
          covered: !!at && !(at === e || e.contains(at) || at.contains(e)),
        };
      }, i);
      if (!stop) break;
      expect(stop.size && stop.inView && stop.outlined && !stop.covered, JSON.stringify(stop)).toBe(true);
      seen.add(stop.key);
    }
    // The path moves on: no element traps focus.
    expect(seen.size).toBeGreaterThan(5);
    await page.close();
  });

  it.each([`/bao-cao/${smallestReport}/`, `/chi-so/${someIndicator}/`, `/du-lieu/${someDataset}/`])(
    'print %s: no navigation, controls or scrolling boxes on paper; nothing cut off at A4 width',
    async (path) => {
      // A4 at 96 dpi is 794 px wide; Chromium lays the printed page out at that width.
      const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.goto(h.baseUrl + path);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator('nav, button, input, select, .preview-tools').evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => `${e.tagName.toLowerCase()}.${String(e.className)} ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}`),
      );
      expect(shown, path).toEqual([]);
      // A box that scrolls on screen is clipped on paper: the dataset preview once lost every column after the sixth.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          .filter((e) => e.offsetParent !== null && !e.closest('.visually-hidden') && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
      );
      expect(clipped, path).toEqual([]);
      expect(await cutOff(page, 794), path).toEqual([]);
      // The printed quote stays readable: at least a quarter of a figure table's width.
      const quoteShare = await page.evaluate(() => {
        const t = document.querySelector<HTMLElement>('table.fig-table');
        const src = t?.querySelector<HTMLElement>('th.fig-src');
        return t && src ? src.getBoundingClientRect().width / t.getBoundingClientRect().width : 1;
      });
      expect(quoteShare, path).toBeGreaterThanOrEqual(0.25);
      // Where a link to a data file (download button, CSV of a chart, DCAT, datapackage.json) is printed, so is its address.
      const files = await page.locator('main a[href^="/data/"]').evaluateAll((els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => [e.getAttribute('href'), getComputedStyle(e, '::after').content]),
      );
      for (const [href, content] of files) expect(content, `${path} ${href}`).toContain(`(${href})`);
      await page.close();
    },
  );
});

/** A report whose page has the data-quality notes section (folded on screen), else the smallest. */
function reportWithNotes(): string {
  const id = site.content.reports.map((r) => r.meta.id).find((id) => existsSync(`dist/bao-cao/${id}/index.html`) && readFileSync(`dist/bao-cao/${id}/index.html`, 'utf8').includes('id="chat-luong-du-lieu"'));
  return id ?? smallestReport;
}

describe.skipIf(!hasBrowser)('paper, as a reader holds it', () => {
  const h = useHarness();

  async function printed(path: string): Promise<Page> {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    const res = await page.goto(h.baseUrl + path);
    expect(res?.status(), path).toBe(200);
    await page.emulateMedia({ media: 'print' });
    return page;
  }

  it.each(['/', `/bao-cao/${reportWithNotes()}/`, '/du-lieu/phien-ban/'])('print %s: folded sections print open, without the ▸ marker or link colour', async (path) => {
    const page = await printed(path);
    const r = await page.evaluate(() => {
      const shown = [...document.querySelectorAll('main details')].filter((d) => d.checkVisibility());
      return {
        // A child that would be drawn (its own display is not none) but is folded away: a report's data-quality notes
        // and overview, the plan's targets on the home page, a release's changes printed as a bare "▸ heading".
        folded: shown.flatMap((d) =>
          [...d.children].filter((c) => c.tagName !== 'SUMMARY' && getComputedStyle(c).display !== 'none' && !c.checkVisibility()).map((c) => `${d.className || 'details'} > ${c.tagName.toLowerCase()}.${String(c.className)}`),
        ),
        markers: [...document.querySelectorAll('main summary')].filter((s) => s.checkVisibility() && getComputedStyle(s).listStyleType !== 'none').map((s) => (s.textContent ?? '').trim().slice(0, 40)),
        // …nor in the link colour of something to click ("Tóm tắt nội dung văn bản" printed blue).
        linkColoured: [...document.querySelectorAll('main summary')].filter((s) => s.checkVisibility() && getComputedStyle(s).color !== getComputedStyle(s.parentElement!.parentElement!).color).map((s) => (s.textContent ?? '').trim().slice(0, 40)),
      };
    });
    expect(r.folded, path).toEqual([]);
    expect(r.markers, path).toEqual([]);
    expect(r.linkColoured, path).toEqual([]);
    await page.close();
  });

  it('print an indicator: no embed code (it is pasted into web pages), and a citation file prints its address', async () => {
    const page = await printed(`/chi-so/${someIndicator}/`);
    const r = await page.evaluate(() => ({
      embed: [...document.querySelectorAll('main p')].filter((p) => p.checkVisibility() && (p.textContent ?? '').includes('<iframe')).length,
      downloads: [...document.querySelectorAll<HTMLAnchorElement>('main a[download]')].filter((a) => a.checkVisibility()).map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]),
    }));
    expect(r.embed).toBe(0);
    expect(r.downloads.length).toBeGreaterThan(0);
    for (const [href, content] of r.downloads) expect(content, href!).toContain(`(${href})`);
    await page.close();
  });

  it('print the home page: a plan target\'s name keeps most of its table row', async () => {
    const page = await printed('/');
    const { tables, shares } = await page.evaluate(() => {
      const tables = [...document.querySelectorAll<HTMLTableElement>('table.targets')];
      return { tables: tables.length, shares: tables.filter((t) => t.checkVisibility()).map((t) => t.querySelector('thead th')!.getBoundingClientRect().width / t.getBoundingClientRect().width) };
    });
    // Every one printed (they are folded on screen)…
    expect(shares).toHaveLength(tables);
    // …and it had a sixth of the row (one word a line) beside a mostly empty "Thực hiện mới nhất".
    for (const share of shares) expect(share).toBeGreaterThan(0.4);
    await page.close();
  });

  it('print the dataset catalogue: without its filter panel the list takes the page width', async () => {
    const page = await printed('/du-lieu/');
    const share = await page.evaluate(() => document.querySelector('.dataset-list')!.getBoundingClientRect().width / document.querySelector('main')!.getBoundingClientRect().width);
    // It was left in the hidden panel's 17rem column: a third of the paper.
    expect(share).toBeGreaterThan(0.9);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('paper: where it came from', () => {
  const h = useHarness();

  it.each([
    // The search's query and a missing page's path are not in the canonical address the build writes.
    ['/tim-kiem/?q=h%E1%BB%93+s%C6%A1', '/tim-kiem/?q=hồ+sơ'],
    ['/khong-co-trang-nay/', '/khong-co-trang-nay/'],
    [`/nhung/chi-so/${someIndicator}/`, `/nhung/chi-so/${someIndicator}/`],
  ])('print %s: the paper names the address printed and the day', async (path, shown) => {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(h.baseUrl + path);
    await page.emulateMedia({ media: 'print' });
    const meta = page.locator('.print-meta');
    expect(await meta.isVisible(), path).toBe(true);
    const text = (await meta.textContent()) ?? '';
    expect(text, path).toContain(`cong-du-lieu-cchc.example${shown}`);
    expect(text, path).toMatch(/ngày \d\d\/\d\d\/\d{4}/);
    await page.close();
  });

  it('a list filtered on screen says so on paper (the filter box itself is not printed)', async () => {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(`${h.baseUrl}/chi-so/`);
    await page.locator('[data-filter-input]').fill('thu tuc');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-filter-input]').isVisible()).toBe(false);
    const status = page.locator('[data-filter-status]');
    expect(await status.isVisible()).toBe(true);
    expect(await status.textContent()).toMatch(/^\d+ \/ \d+ mục khớp “thu tuc”$/);
    expect(await page.locator('.print-meta').textContent()).toContain('/chi-so/?loc=thu+tuc');
    await page.close();
  });

  /** The text of each A4 page of a path printed as a reader would (pdftotext separates pages with a form feed). */
  const printedPages = new Map<string, Promise<string[]>>();
  function pagesOf(path: string): Promise<string[]> {
    if (!printedPages.has(path))
      printedPages.set(path, (async () => {
        const page = await h.browser.newPage();
        await page.goto(h.baseUrl + path);
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4' });
        await page.close();
        return execFileSync(PDFTOTEXT, ['-layout', '-', '-'], { input: pdf }).toString('utf8').split('\f').filter((p) => p.trim());
      })());
    return printedPages.get(path)!;
  }
  /** The three reports with fewest figures (a PDF of the largest takes several seconds). */
  const smallReports = [...site.content.reports].sort((a, b) => a.figures.length - b.figures.length).slice(0, 3).map((r) => `/bao-cao/${r.meta.id}/`);

  it.skipIf(!existsSync(PDFTOTEXT)).each(smallReports)('print %s: every page is numbered "Trang i/N"', async (path) => {
    const pages = await pagesOf(path);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages.length}`));
  });

  it.skipIf(!existsSync(PDFTOTEXT)).each(['/', ...smallReports])('print %s: no page ends with a heading, or a heading and its lead-in paragraph', async (path) => {
    const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(h.baseUrl + path);
    await page.emulateMedia({ media: 'print' });
    // Each printed heading as text (spaces collapsed), and the same with the paragraph right after it when its section
    // goes on after that paragraph (a list, a table, a subsection; not a section that is one paragraph).
    const ends = await page.evaluate(() => {
      const text = (e: Element) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
      const level = (e: Element | null) => (e && /^H[1-6]$/.test(e.tagName) ? Number(e.tagName[1]) : 9);
      return [...document.querySelectorAll('main :is(h2, h3)')].filter((e) => e.checkVisibility() && text(e)).flatMap((e) => {
        const next = e.nextElementSibling;
        const leadIn = next?.tagName === 'P' && next.checkVisibility() && next.nextElementSibling && level(next.nextElementSibling) > level(e);
        return [{ heading: text(e), leadIn: leadIn ? text(next) : null }];
      });
    });
    await page.close();
    const pages = await pagesOf(path);
    // The last lines of each page but the last, above the page number, joined: does the page end with exactly one of those?
    const orphans = pages.slice(0, -1).flatMap((t, i) => {
      const lines = t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l && !/Trang \d+\/\d+|^Dữ liệu CCHC Kon Tum$/.test(l));
      const tails = Array.from({ length: Math.min(8, lines.length) }, (_, k) => lines.slice(-(k + 1)).join(' '));
      // The heading alone, or the heading and all or the first lines of its lead-in (the rest on the next page).
      const hit = ends.find(({ heading, leadIn }) => tails.some((t) => t === heading || (leadIn && t.startsWith(`${heading} `) && `${heading} ${leadIn}`.startsWith(t))));
      return hit ? [`page ${i + 1}: ${hit.heading.slice(0, 60)}`] : [];
    });
    // The home page's "Số liệu nổi bật" and its lead-in once ended page 2, its cards on page 3; then three of its four
    // lines did (break-after alone split the paragraph).
    expect(orphans, path).toEqual([]);
  });

  it.skipIf(!existsSync(PDFTOTEXT)).each(smallReports)('print %s: no page ends with a figure table\'s header row alone', async (path) => {
    const pages = await pagesOf(path);
    // The last line of text above the page number: the header row ("Giá trị  Số liệu, kỳ, phạm vi  Nguồn") with its
    // rows on the next page was the last thing on 3 of 18 pages of the Tu Mơ Rông report.
    const header = /^Giá trị\s+Số liệu, kỳ, phạm vi\s+Nguồn$/;
    const last = pages.map((t) => t.split('\n').map((l) => l.trim()).filter((l) => l && !/Trang \d+\/\d+|^Dữ liệu CCHC Kon Tum$/.test(l)).at(-1) ?? '');
    expect(last.flatMap((l, i) => (header.test(l) ? [`page ${i + 1}`] : [])), path).toEqual([]);
  });
});
