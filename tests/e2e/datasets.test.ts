// A data user on the dataset catalogue: finds the all-observations dataset, explores it
// in the in-browser preview (sort, paginate, filter), downloads the CSV and reads it.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, hasBrowser, screenshot, useHarness } from './browser.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { buildDatasets } from '../../src/publish/datasets.ts';
import { urls } from '../../src/core/urls.ts';

const { site } = runPipeline(process.cwd());
const datasets = buildDatasets(site);
const all = datasets.find((d) => d.kind === 'observations')!;

describe.skipIf(!hasBrowser)('dataset catalogue in the browser', () => {
  const h = useHarness();

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await h.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${h.baseUrl}${path}`);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  it('filters the catalogue by facet checkboxes and keeps the selection in the URL', async () => {
    const page = await open(urls.datasets());
    await page.waitForSelector('form[data-facets][data-ready="true"]');
    const visible = () => page.locator('[data-dataset]:visible').count();
    expect(await visible()).toBe(datasets.length);
    await page.getByLabel(/^Theo báo cáo/).check();
    const reportCount = datasets.filter((d) => d.kind === 'report').length;
    expect(await visible()).toBe(reportCount);
    await expect.poll(() => page.locator('[data-result-count]').textContent()).toContain(`${reportCount}/${datasets.length}`);
    expect(page.url()).toContain('loai=report');
    // Keyboard: tick a year with the space bar.
    const year = page.locator('input[data-facet="period"]').first();
    await year.focus();
    await page.keyboard.press('Space');
    expect(await year.isChecked()).toBe(true);
    expect(await visible()).toBeLessThanOrEqual(reportCount);
    // A shared link restores the filter.
    const again = await open(`${urls.datasets()}?loai=report`);
    await again.waitForSelector('form[data-facets][data-ready="true"]');
    expect(await again.locator('[data-dataset]:visible').count()).toBe(reportCount);
    await again.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await expect.poll(() => again.locator('[data-dataset]:visible').count()).toBe(datasets.length);
    await again.close();
    await page.close();
  });

  it('opens the all-observations dataset, sorts and pages the preview, downloads the CSV', async () => {
    const page = await open(urls.datasets());
    await page.locator(`[data-dataset="${all.id}"] h3 a`).click();
    await page.waitForURL(`**${urls.dataset(all.id)}`);
    expect(await page.locator('h1').textContent()).toBe(all.title);

    // The enhanced preview replaces the 20-row server table.
    await page.waitForSelector('[data-dataset-preview][data-enhanced="true"]');
    const table = page.locator('[data-preview-interactive] table');
    const bodyRows = table.locator('tbody tr');
    expect(await bodyRows.count()).toBe(Math.min(25, site.figures.length));
    const pages = Math.ceil(site.figures.length / 25);
    const pager = page.getByRole('navigation', { name: 'Trang của bảng xem trước' });
    await expect.poll(() => pager.textContent()).toContain(`Trang 1/${pages}`);

    // Pagination: next page shows the 26th figure first.
    await pager.getByRole('button', { name: /Trang sau/ }).click();
    expect(await pager.textContent()).toContain(`Trang 2/${pages}`);
    const col = (name: string) => all.table.columns.findIndex((c) => c.name === name);
    expect(await bodyRows.first().locator('td').nth(col('figure_id')).textContent()).toBe(site.figures[25].id);
    await pager.getByRole('button', { name: /Trang trước/ }).click();
    expect(await pager.getByRole('button', { name: /Trang trước/ }).isDisabled()).toBe(true);

    // Sorting by value: click → ascending, Enter → descending; the first row changes to the
    // smallest / largest value (ties keep file order: the sort is stable).
    const valueHeader = table.locator('thead th').nth(col('value'));
    const firstKey = async () => {
      const cells = bodyRows.first().locator('td');
      return `${await cells.nth(col('report_id')).textContent()}/${await cells.nth(col('figure_id')).textContent()}`;
    };
    expect(await firstKey()).toBe(site.figures[0].key);
    expect(await valueHeader.getAttribute('aria-sort')).toBeNull();
    const values = site.figures.map((f) => f.value);
    const min = site.figures.find((f) => f.value === Math.min(...values))!;
    const max = site.figures.find((f) => f.value === Math.max(...values))!;
    await valueHeader.getByRole('button').click();
    expect(await valueHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstKey()).toBe(min.key);
    await valueHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await valueHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstKey()).toBe(max.key);
    expect(max.key).not.toBe(site.figures[0].key);
    expect(await pager.textContent()).toContain('Trang 1/');
    // Only the sorted column carries aria-sort.
    expect(await table.locator('thead th[aria-sort]').count()).toBe(1);

    // Text filter (accent-insensitive).
    await page.getByLabel('Lọc các dòng').fill('ho so truc tuyen');
    await expect.poll(() => page.locator('.preview-status').textContent()).toContain('lọc từ');
    const filtered = await bodyRows.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(25);
    const text = (await table.locator('tbody').textContent())!.toLowerCase();
    expect(text).toContain('trực tuyến');

    await screenshot(page, 'datasets-observations-1280');

    // Download the CSV via the button and read it back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.button[data-download="csv"]').click()]);
    expect(download.suggestedFilename()).toBe('observations.csv');
    const file = await download.path();
    const raw = readFileSync(file);
    // Canonical CSV: plain UTF-8 without a BOM (Excel users get the .xlsx beside it).
    expect([...raw.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(raw.toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(site.figures.length);
    expect(parsed.data.map((r) => `${r.report_id}/${r.figure_id}`)).toEqual(site.figures.map((f) => f.key));
    expect(parsed.data.some((r) => r.quote.includes('hồ sơ'))).toBe(true);
    expect(parsed.data.map((r) => r.quote).join('')).not.toMatch(/Ã|á»/);

    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('shows the 20-row server preview without JavaScript', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}${urls.dataset(all.id)}`);
    expect(await page.locator('[data-preview-static] tbody tr').count()).toBe(Math.min(20, site.figures.length));
    await page.goto(`${h.baseUrl}${urls.datasets()}`);
    expect(await page.locator('[data-dataset]:visible').count()).toBe(datasets.length);
    await context.close();
  });

  it.each([
    ['catalogue', urls.datasets()],
    ['observations', urls.dataset(all.id)],
    ['targets', urls.dataset('chi-tieu-ke-hoach')],
    // Code lists with long text cells (legal basis, summaries): datasets of their own since session 10.
    ['events code list', urls.dataset('danh-muc-su-kien')],
    ['reports code list', urls.dataset('danh-muc-bao-cao')],
  ])('axe finds no violations on the %s page (360 and 1280 px)', async (name, path) => {
    for (const width of [360, 1280]) {
      const page = await open(path, width);
      if (path !== urls.datasets()) await page.waitForSelector('[data-dataset-preview][data-enhanced]');
      else await page.waitForSelector('form[data-facets][data-ready="true"]');
      await screenshot(page, `datasets-${name}-${width}`);
      expect(await axe(page), `${path} @${width}`).toEqual([]);
      // Nothing overflows the viewport horizontally except inside scrollable table regions.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} @${width}`).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});
