// deploy/nginx.conf served by a real nginx over the built dist/: the recommended configuration must load (`nginx -t`)
// and answer as README promises — security headers on every response, caching and CORS per path, data MIME types with
// charset, the CKAN-shaped API's ?id= mapping and JSON errors, the portal's own 404 page. (The file carried unresolved
// merge markers and a broken ?id= rewrite for several sessions because nothing ran it.)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const hasNginx = existsSync(NGINX);
if (!hasNginx && process.env.CI) throw new Error(`nginx not found at ${NGINX}: .ci/run must apt-get install nginx-light`);
if (!hasNginx) console.warn(`[e2e] nginx test skipped: no nginx at ${NGINX} (apt-get install nginx-light)`);

const DIST = resolve('dist');

/** A port the OS has just handed out (nginx cannot listen on port 0). */
function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

describe.skipIf(!hasNginx)('deploy/nginx.conf under nginx', () => {
  let dir = '';
  let base = '';
  let server: ChildProcess | undefined;
  const conf = () => join(dir, 'nginx.conf');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-nginx-'));
    const port = await freePort();
    const site = readFileSync('deploy/nginx.conf', 'utf8').replace(/listen 80;/, `listen 127.0.0.1:${port};`).replace(/root \S+;/, `root ${DIST};`);
    writeFileSync(join(dir, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir};`).join(' ');
    writeFileSync(conf(), `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n  include ${dir}/site.conf;\n}\n`);
    execFileSync(NGINX, ['-t', '-q', '-c', conf()], { stdio: 'pipe' });
    server = spawn(NGINX, ['-c', conf()], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${base}/`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not answer:\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
  });
  afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, h: res.headers, body: await res.text() };
  };
  const csp = () => readFileSync('deploy/nginx.conf', 'utf8').match(/add_header Content-Security-Policy "([^"]+)" always;/)![1];

  it('pages: 200, revalidated, the strict security headers', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.h.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.h.get('cache-control')).toBe('no-cache');
    expect(r.h.get('content-security-policy')).toBe(csp());
    expect(r.h.get('x-content-type-options')).toBe('nosniff');
    expect(r.h.get('access-control-allow-origin')).toBeNull();
  });

  it('an unknown address gets the portal\'s 404 page, with the same headers', async () => {
    const r = await get('/khong-co-trang-nay/');
    expect(r.status).toBe(404);
    expect(r.body).toContain('Không tìm thấy trang');
    expect(r.body).toContain('lang="vi"');
    expect(r.h.get('content-security-policy')).toBe(csp());
  });

  it('data files: typed with charset, readable from other origins, revalidated after 5 minutes, security headers kept', async () => {
    for (const [path, type] of [['/data/observations.csv', 'text/csv; charset=utf-8'], ['/data/catalog.jsonld', 'application/ld+json; charset=utf-8'], ['/data/catalog.ttl', 'text/turtle; charset=utf-8']]) {
      if (!existsSync(join(DIST, path))) continue;
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.h.get('content-type'), path).toBe(type);
      expect(r.h.get('access-control-allow-origin'), path).toBe('*');
      expect(r.h.get('cache-control'), path).toBe('public, max-age=300, must-revalidate');
      expect(r.h.get('content-security-policy'), path).toBe(csp());
    }
  });

  it('hashed build assets are immutable', async () => {
    const asset = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.css'))!;
    const r = await get(`/_astro/${asset}`);
    expect(r.status).toBe(200);
    expect(r.h.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('CKAN-shaped API: ?id= maps to the per-id file; an unknown id or action answers JSON', async () => {
    const id = readdirSync(join(DIST, 'api/3/action/package_show')).sort()[0].replace(/\.json$/, '');
    const ok = await get(`/api/3/action/package_show?id=${id}`);
    expect(ok.status).toBe(200);
    expect(ok.h.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(ok.body)).toMatchObject({ success: true, result: { id } });
    const list = await get('/api/3/action/package_list');
    expect(JSON.parse(list.body)).toMatchObject({ success: true });
    for (const path of ['/api/3/action/package_show?id=khong-co', '/api/3/action/package_show?id=../x', '/api/3/action/khong-co']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.h.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(JSON.parse(r.body), path).toMatchObject({ success: false });
    }
  });

  it('CKAN-shaped API: package_search pages as CKAN does: past the one page of every dataset, an empty page', async () => {
    // ckanext-harvest's CKANHarvester._search_for_datasets: rows=100, start += rows until a page has no new results.
    // As CKAN does, a page past the last result is empty, so a client that stops only at an empty page stops too.
    const listed = JSON.parse((await get('/api/3/action/package_list')).body).result as string[];
    const seen = new Set<string>();
    let previous = '';
    for (let start = 0, pages = 0; ; start += 100, pages++) {
      expect(pages, 'paging never ends').toBeLessThan(3);
      const r = await get(`/api/3/action/package_search?rows=100&start=${start}&sort=id+asc&fq=metadata_modified%3A%5B2020-01-01T00%3A00%3A00Z+TO+*%5D`);
      expect(r.status, `start=${start}`).toBe(200);
      expect(r.h.get('content-type')).toBe('application/json; charset=utf-8');
      expect(r.body, `start=${start}: the same page again`).not.toBe(previous);
      previous = r.body;
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({ success: true, result: { count: listed.length } });
      const page = body.result.results as { id: string; name: string }[];
      if (page.length === 0) break;
      for (const p of page) seen.add(p.name);
    }
    expect([...seen].sort()).toEqual([...listed].sort());
  });
});
