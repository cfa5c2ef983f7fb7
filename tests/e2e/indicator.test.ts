// A reader on an indicator page: sees the chart and its table, follows a figure to its highlighted
// quote in the full text; indicator, area and organization pages pass axe-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, hasBrowser, screenshot, useHarness } from './browser.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';

const { site } = runPipeline(process.cwd());
const ID = 'ty-le-ho-so-truc-tuyen';

describe.skipIf(!hasBrowser)('indicator, area and organization pages in the browser', () => {
  const h = useHarness();

  async function open(path: string, width = 1280): Promise<Page & { errors: string[] }> {
    const page = (await h.browser.newPage({ viewport: { width, height: 900 } })) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(`${h.baseUrl}${path}`);
    return page;
  }

  it('on a 360 px phone shows the narrow drawing of the chart, its text at least 11 px high', async () => {
    const textHeight = async (width: number) => {
      const page = await open(urls.indicator(ID), width);
      const chart = page.locator('figure.chart').first();
      const wide = await chart.locator('.chart-wide').isVisible();
      const narrow = await chart.locator('.chart-narrow').isVisible();
      const visible = chart.locator(wide ? '.chart-wide' : '.chart-narrow');
      const h = await visible.locator('svg text').first().evaluate((t) => t.getBoundingClientRect().height);
      await page.close();
      return { wide, narrow, h };
    };
    const phone = await textHeight(360);
    expect(phone).toMatchObject({ wide: false, narrow: true });
    expect(phone.h).toBeGreaterThanOrEqual(11);
    const desktop = await textHeight(1280);
    expect(desktop).toMatchObject({ wide: true, narrow: false });
    expect(desktop.h).toBeGreaterThanOrEqual(11);
  });

  it('shows the chart SVG and its data table, and a figure links to its highlighted quote', async () => {
    const page = await open(urls.indicator(ID));
    const chart = page.locator('figure.chart').first();
    await expect(chart.locator('svg').first().isVisible()).resolves.toBe(true);
    const table = chart.locator('table');
    await expect(table.isVisible()).resolves.toBe(true);
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await table.textContent()).toContain('35,26%');
    // The enhancement adds download buttons.
    await expect(chart.getByRole('button', { name: 'Tải SVG' }).isVisible()).resolves.toBe(true);
    await expect(chart.getByRole('button', { name: 'Tải PNG' }).isVisible()).resolves.toBe(true);

    const figure = site.figures.find((f) => f.indicator === ID && f.value === 35.26)!;
    const link = page.locator(`a[href="${urls.quote(figure.reportId, figure.id)}"]`).first();
    await link.click();
    await page.waitForURL(`**${urls.quote(figure.reportId, figure.id)}`);
    const mark = page.locator(`#trich-dan-${figure.id}`);
    await expect(mark.isVisible()).resolves.toBe(true);
    expect(await mark.evaluate((el) => el.tagName)).toBe('MARK');
    expect(await page.locator('mark.is-target').count()).toBe(1);
    expect(await page.locator('mark.is-target').textContent()).toContain('35,26%');
    // The highlighted sentence is scrolled into view.
    await page.waitForFunction(
      (id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= -1 && r.top < innerHeight;
      },
      `trich-dan-${figure.id}`,
      { timeout: 5000 },
    );
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('citation text is selectable and the copy button copies it', async () => {
    const page = await open(urls.indicator(ID));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    const text = (await page.locator('#trich-dan-chi-so').textContent())!;
    expect(text).toContain(`/chi-so/${ID}/`);
    await page.getByRole('button', { name: 'Sao chép' }).click();
    // The clipboard write is async: wait for the status message instead of sampling it once.
    await page.getByRole('status').filter({ hasText: /sao chép|chọn/ }).waitFor({ state: 'visible', timeout: 5000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(text);
    await page.close();
  });

  it.each([
    ['indicator', urls.indicator(ID)],
    ['area', urls.area('thu-tuc-hanh-chinh')],
    ['organization', urls.organization('tinh-kon-tum')],
  ])('%s page has no axe-core violations', async (_, path) => {
    const page = await open(path);
    expect(await axe(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it.each([360, 1280])('indicator page screenshot at %i px, without horizontal scrolling', async (width) => {
    const page = await open(urls.indicator(ID), width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `chi-so-${ID}-${width}`);
    await page.close();
  });
});
