// The built site under the recommended Content-Security-Policy (deploy/nginx.conf) in
// headless Chromium: one page of every type loads, runs its scripts (search included,
// which needs 'wasm-unsafe-eval') and reports no CSP violation and no request to
// another origin. A small static server on an OS-chosen port sends the snippet's headers.
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, hasBrowser } from './browser.ts';

const DIST = 'dist';

/** The headers of the marked security block of deploy/nginx.conf, and the same CSP in deploy/apache.htaccess. */
function snippetHeaders(): Record<string, string> {
  const nginx = readFileSync('deploy/nginx.conf', 'utf8');
  const block = nginx.slice(nginx.indexOf('# >>> security headers'), nginx.indexOf('# <<< security headers'));
  return Object.fromEntries([...block.matchAll(/^\s*add_header ([\w-]+) "([^"]+)" always;$/gm)].map((m) => [m[1], m[2]]));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
};

function serve(headers: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One page of every type, found in dist/ (no content ids hard-coded). */
function pagesToVisit(): string[] {
  const first = (dir: string) => readdirSync(join(DIST, dir)).filter((n) => existsSync(join(DIST, dir, n, 'index.html'))).sort()[0];
  const report = first('bao-cao');
  return [
    '/', '/bao-cao/', `/bao-cao/${report}/`, `/bao-cao/${report}/van-ban/`, '/chi-so/', `/chi-so/${first('chi-so')}/`,
    '/linh-vuc/', `/linh-vuc/${first('linh-vuc')}/`, '/don-vi/', `/don-vi/${first('don-vi')}/`, '/du-lieu/', `/du-lieu/${first('du-lieu')}/`,
    '/gioi-thieu/', `/tim-kiem/?q=${encodeURIComponent('hồ sơ trực tuyến')}`,
  ];
}

describe('recommended security headers', () => {
  it('nginx and Apache snippets ship the same strict policy', () => {
    const csp = snippetHeaders()['Content-Security-Policy'];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).toMatch(/style-src 'self';/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
    expect(readFileSync('deploy/apache.htaccess', 'utf8')).toContain(`Header always set Content-Security-Policy "${csp}"`);
  });
});

describe.skipIf(!hasBrowser)('the built site under the recommended CSP (browser)', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    server = await serve(snippetHeaders());
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** A page that records CSP violations (from the document and the console) and requests to other origins. */
  async function watchedPage() {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(`${base}/`) && !u.startsWith('blob:')) problems.push(`request: ${u}`);
    });
    const violations = async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
    return { page, violations };
  }

  it.each(pagesToVisit())('%s loads and runs with no CSP violation and no request to another origin', async (path) => {
    const { page, violations } = await watchedPage();
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    // Scripts ran: a blocked module script would leave its enhancement out.
    if (await page.$('figure.chart')) await page.waitForSelector('.chart-tools button', { state: 'attached', timeout: 10_000 });
    if (path.startsWith('/tim-kiem/')) {
      // The search page really searched (WebAssembly allowed by 'wasm-unsafe-eval').
      await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 20_000 });
      expect(await page.$$eval('#search-list > li', (lis) => lis.length)).toBeGreaterThan(0);
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('the chart PNG download works under the policy (a blob: image, img-src blob:)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${base}/bao-cao/${pagesToVisit()[2].split('/')[2]}/`);
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.locator('.chart-tools button:visible', { hasText: 'Tải PNG' }).first().click({ timeout: 10_000 });
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('a policy without wasm-unsafe-eval would break search: the test can see a violation', async () => {
    const headers = snippetHeaders();
    const strict = await serve({ ...headers, 'Content-Security-Policy': headers['Content-Security-Policy'].replace(" 'wasm-unsafe-eval'", '') });
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.violatedDirective));
    });
    await page.goto(`http://127.0.0.1:${(strict.address() as AddressInfo).port}/tim-kiem/?q=h%E1%BB%93+s%C6%A1`);
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0, undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toContain('script-src');
    await page.close();
    await new Promise((r) => strict.close(r));
  });
});
