import { chromium } from 'playwright-core';
import { serveDist } from './scripts/static-server.ts';
const server = await serveDist('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(`${server.url}/tim-kiem/`);
const r = await page.evaluate(`(async () => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ noWorker: true });
  await pf.init();
  for (const y of [2025, 2024, 2023]) await pf.mergeIndex('/pagefind/nam/' + y + '/');
  const out = {};
  for (const dir of ['desc', 'asc']) {
    const res = await pf.search('ho so', { sort: { ky: dir } });
    out[dir] = await Promise.all(res.results.slice(0, 40).map(async (r) => { const d = await r.data(); return (d.url.match(/bao-cao\\/([^/]+)/) || [])[1] + ' ' + Math.round(r.score*100)/100; }));
  }
  return out;
})()`);
console.log(JSON.stringify(r, null, 0));
await browser.close(); await server.close();
