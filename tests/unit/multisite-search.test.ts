// Cross-site search for a build per province: each province's site has its own Pagefind
// index; a portal page merges the others' indexes in the browser (Pagefind's mergeIndex),
// so one query finds results from every site. Two small synthetic sites, two origins.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, hasBrowser } from '../e2e/browser.ts';
import { serveDist, type StaticServer } from '../../scripts/static-server.ts';
import { escapeHtml, strokeD } from '../../src/core/text.ts';
import { SEARCH_LANGUAGE } from '../../src/publish/search-records.ts';

interface Doc { url: string; title: string; text: string; province?: string }

/** One province's site: a page per doc and its Pagefind bundle in <dir>/pagefind/. */
async function buildSite(dir: string, docs: Doc[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm</title></head><body></body></html>');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, writePlayground: false });
  if (!index) throw new Error(errors.join('; '));
  for (const d of docs) {
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title></head><body><div data-pagefind-body><h1>${escapeHtml(strokeD(d.title))}</h1><p>${escapeHtml(strokeD(d.text))}</p>${d.province ? `<div data-pagefind-ignore><span data-pagefind-filter="tinh">${escapeHtml(d.province)}</span></div>` : ''}</div></body></html>`;
    const res = await index.addHTMLFile({ url: d.url, content: html });
    if (res.errors.length) throw new Error(res.errors.join('; '));
  }
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('; '));
}

describe.skipIf(!hasBrowser)('multisite search: one query over two province sites (Pagefind mergeIndex)', () => {
  let root: string;
  let a: StaticServer;
  let b: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cchc-multisite-'));
    try {
      await buildSite(join(root, 'kon-tum'), [
        { url: '/bao-cao/kon-tum-2024-q3/', title: 'Báo cáo CCHC quý III/2024, Kon Tum', text: 'Tiếp nhận 67.628 hồ sơ thủ tục hành chính, đạt 98,7% đúng hạn.', province: 'Kon Tum' },
        { url: '/chi-so/ho-so-truc-tuyen/', title: 'Hồ sơ trực tuyến', text: 'Số hồ sơ nộp trực tuyến toàn trình ở Đăk Hà.', province: 'Kon Tum' },
      ]);
      await buildSite(join(root, 'quang-ngai'), [
        { url: '/bao-cao/quang-ngai-2025-q1/', title: 'Báo cáo CCHC quý I/2025, Quảng Ngãi', text: 'Tiếp nhận 41.205 hồ sơ thủ tục hành chính, đạt 97,2% đúng hạn.' },
      ]);
    } finally {
      await pagefind.close();
    }
    // Site B tags nothing itself: the merging page labels its results (mergeFilter).
    // Two origins, as two provinces' hosts would be; the merged site must allow cross-origin reads.
    a = await serveDist(join(root, 'kon-tum'));
    b = await serveDist(join(root, 'quang-ngai'), { 'access-control-allow-origin': '*' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await a?.close();
    await b?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function search(query: string, filters: Record<string, string> = {}): Promise<string[]> {
    const page = await browser.newPage();
    await page.goto(`${a.url}/`);
    // A string, so the test runner's transform leaves the browser's dynamic import alone.
    const urls = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ noWorker: true });
      await pf.mergeIndex(${JSON.stringify(`${b.url}/pagefind/`)}, { baseUrl: ${JSON.stringify(`${b.url}/`)}, mergeFilter: { tinh: 'Quảng Ngãi' }, noWorker: true });
      const res = await pf.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
      return Promise.all(res.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    await page.close();
    return urls;
  }

  it('a query without diacritics finds documents of both sites, each with its own site’s URL', async () => {
    const urls = await search('ho so thu tuc');
    expect(urls).toContain('/bao-cao/kon-tum-2024-q3/');
    expect(urls).toContain(`${b.url}/bao-cao/quang-ngai-2025-q1/`);
  });

  it('a number as printed finds it only on the site that published it; a filter narrows to one province (set by the merging page for the other site)', async () => {
    expect(await search('41.205')).toEqual([`${b.url}/bao-cao/quang-ngai-2025-q1/`]);
    expect(await search('67.628')).toEqual(['/bao-cao/kon-tum-2024-q3/']);
    const onlyKonTum = await search('ho so', { tinh: 'Kon Tum' });
    expect(onlyKonTum.length).toBeGreaterThan(0);
    for (const u of onlyKonTum) expect(u.startsWith('/')).toBe(true);
    expect(await search('ho so', { tinh: 'Quảng Ngãi' })).toEqual([`${b.url}/bao-cao/quang-ngai-2025-q1/`]);
  });
});
