import { chromium } from 'playwright-core';
import { serveDist } from './scripts/static-server.ts';
const server = await serveDist('/tmp/search-dist2');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (const withOpts of [false, true]) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/tim-kiem/`);
  const r = await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    const o = { excerptLength: 24, noWorker: true, ranking: { pageLength: 0.2 } };
    await pf.options(o);
    await pf.init();
    await pf.mergeIndex('/pagefind/nam/2024/', ${withOpts} ? o : {});
    const res = await pf.search('67.628');
    return Promise.all(res.results.slice(0, 5).map(async (r) => (await r.data()).url + ' ' + r.score.toFixed(2)));
  })()`);
  console.log(withOpts, r);
  await page.close();
}
await browser.close(); await server.close();
