// A citizen's and a journalist's tasks on a phone (session 10): the words a page uses to guide the reader must match
// what the page has, counts must add up to the totals they print, and a report of a former unit must say so.
// Invariants over whatever content exists.
import { describe, expect, it } from 'vitest';
import { hasBrowser, useHarness } from './browser.ts';
import { getSite } from '../../src/pipeline/site.ts';

const site = getSite();
const someIndicator = site.figures[0].indicator;
const formerScopeReport = site.content.reports.find((r) => site.organizationsById.get(r.meta.scope)?.validTo);

describe.skipIf(!hasBrowser)('reader tasks at 360 px', () => {
  const h = useHarness();

  it('the indicator page tells the reader to tap a button by the name the button has', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/chi-so/${someIndicator}/`);
    const { named, buttons } = await page.evaluate(() => {
      const section = document.querySelector('section[aria-labelledby="so-lieu"]')!;
      const hint = section.querySelector('p')!.textContent!;
      return {
        named: [...hint.matchAll(/Bấm “([^”]+)”/g)].map((m) => m[1]),
        buttons: [...section.querySelectorAll('summary, button')].map((b) => b.textContent!.trim()),
      };
    });
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(buttons, `"${n}"`).toContain(n);
    await page.close();
  });

  it('every plan-target summary on the home page adds up to the total it prints', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/`);
    const summaries = await page.$$eval('#chi-tieu-ke-hoach ~ * summary, section[aria-labelledby="chi-tieu-ke-hoach"] summary', (s) => s.map((x) => x.textContent!));
    if (site.targets.length) expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) {
      const m = /(\d+) chỉ tiêu \((.*)\)/.exec(s);
      expect(m, s).not.toBeNull();
      const parts = [...m![2].matchAll(/(\d+) /g)].map((x) => Number(x[1]));
      expect(parts.reduce((a, b) => a + b, 0), s).toBe(Number(m![1]));
    }
    await page.close();
  });

  it.skipIf(!formerScopeReport)('a report of a former unit says so beside its scope', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${h.baseUrl}/bao-cao/${formerScopeReport!.meta.id}/`);
    const note = page.locator('.meta-list .scope-history');
    await expect(note.isVisible()).resolves.toBe(true);
    expect(await note.textContent()).toMatch(/trước ngày \d{1,2}\/\d{1,2}\/\d{4}; nay/);
    await page.close();
  });

  it('the search status names the years it searched in plain Vietnamese ("năm 2025", "các năm 2025, 2024")', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 } });
    // A word of every report's text, so results are many and no older year is merged on its own.
    await page.goto(`${h.baseUrl}/tim-kiem/?q=${encodeURIComponent('cải cách')}`);
    await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
    const status = (await page.locator('#search-status').textContent()) ?? '';
    expect(status).toMatch(/^Tìm thấy \d+ kết quả/);
    expect(status).not.toMatch(/các năm \d{4} và/);
    await page.close();
  });
});
