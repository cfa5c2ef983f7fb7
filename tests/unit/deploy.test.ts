// Deployment correctness: the production build refuses to run without SITE_URL, and the
// nginx/Apache snippets declare a MIME type for every kind of file the export writes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSiteUrl } from '../../scripts/site-url.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { CKAN_ACTIONS, PACKAGE_SEARCH_PAST_END } from '../../src/publish/discovery.ts';

describe('SITE_URL guard', () => {
  it('production (--production, CI=true, NODE_ENV=production) without SITE_URL is an error naming the fix', () => {
    for (const [env, argv] of [[{}, ['--production']], [{ CI: 'true' }, []], [{ NODE_ENV: 'production', SITE_URL: ' ' }, []]] as const) {
      const r = resolveSiteUrl(env, [...argv]);
      expect(r.production).toBe(true);
      expect(r.error).toMatch(/SITE_URL=https:\/\//);
    }
  });
  it('a local build without SITE_URL works and says which URL it used', () => {
    const r = resolveSiteUrl({}, []);
    expect(r.error).toBeUndefined();
    expect(r.note).toContain('http://localhost:4321');
  });
  it('rejects malformed, sub-path and (in production) local URLs; strips a trailing slash', () => {
    expect(resolveSiteUrl({ SITE_URL: 'cchc.gov.vn' }, []).error).toMatch(/không phải URL/);
    expect(resolveSiteUrl({ SITE_URL: 'https://a.vn/portal/' }, []).error).toMatch(/đường dẫn con/);
    expect(resolveSiteUrl({ SITE_URL: 'http://localhost:8080', CI: 'true' }, []).error).toMatch(/máy cục bộ/);
    expect(resolveSiteUrl({ SITE_URL: 'https://a.vn/' }, ['--production'])).toMatchObject({ url: 'https://a.vn', production: true });
  });
  it('the build script exits non-zero before building when CI=true and SITE_URL is missing', () => {
    const env = { ...process.env, CI: 'true', SITE_URL: '', OUT_DIR: '/nonexistent-never-written' };
    let out = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts'], { env, stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      status = err.status;
      out = err.stderr.toString();
    }
    expect(status).toBe(1);
    expect(out).toContain('Thiếu SITE_URL');
  });
});

describe('server snippets', () => {
  const nginx = readFileSync('deploy/nginx.conf', 'utf8');
  const apache = readFileSync('deploy/apache.htaccess', 'utf8');
  const { site } = runPipeline(process.cwd());
  // Every file extension the build publishes (plus the binaries written after export).
  const exts = new Set([...exportFiles(site).map((f) => f.path.match(/\.([a-z0-9]+)$/)?.[1]).filter(Boolean), 'xlsx', 'zip']);
  const stock = new Set(['html', 'css', 'js', 'xml', 'svg']); // in every stock mime.types

  it('declare a MIME type for every published extension', () => {
    const nginxTypes = nginx.slice(nginx.indexOf('types {'), nginx.indexOf('}', nginx.indexOf('types {')));
    for (const ext of exts) {
      if (stock.has(ext!)) continue;
      expect(nginxTypes, `nginx: ${ext}`).toMatch(new RegExp(`\\s${ext}[\\s;]`));
      expect(apache, `apache: ${ext}`).toMatch(new RegExp(`^AddType \\S+ .*\\.${ext}\\b`, 'm'));
    }
    expect(nginxTypes).toMatch(/text\/csv\s+csv;/);
    expect(apache).toMatch(/^AddType application\/ld\+json \.jsonld$/m);
  });

  it('serve the extension-less CKAN actions as JSON and map ?id= to the per-id files', () => {
    expect(nginx).toMatch(/location \^~ \/api\/3\/action\/ \{\s*types \{ \} default_type application\/json;/);
    const files = apache.match(/<FilesMatch "\^\(([^)]+)\)\$">/)![1].split('|');
    expect(files.sort()).toEqual([...CKAN_ACTIONS].sort());
    for (const s of [nginx, apache]) expect(s).toContain('package_show|organization_show|group_show');
    // package_search?start=N past its one page → the empty page (the nginx e2e test pages through it as a CKAN client does).
    for (const s of [nginx, apache]) expect(s).toContain(`/api/3/action/${PACKAGE_SEARCH_PAST_END}`);
    expect(exportFiles(site).map((f) => f.path)).toContain(`api/3/action/${PACKAGE_SEARCH_PAST_END}`);
  });

  it('cache hashed assets as immutable and revalidate HTML and data', () => {
    for (const s of [nginx, apache]) {
      expect(s).toMatch(/_astro[\s\S]{0,120}max-age=31536000, immutable/);
      expect(s).toContain('no-cache');
      expect(s).toMatch(/>>> OPENDATA: caching >>>[\s\S]*<<< OPENDATA: caching <<</);
    }
  });

  it('revalidate every Pagefind entry file, the year bundles’ included (they name the current metadata file)', () => {
    // The pattern each config gives "no-cache" under /pagefind/ (the first one: later ones do not apply to a match).
    const patterns = [/~(\^\/pagefind\/\S+)\s+"no-cache"/.exec(nginx)?.[1], /m#(\^\/pagefind\/[^#]+)#">\s*Header set Cache-Control "no-cache"/.exec(apache)?.[1]];
    for (const p of patterns) {
      expect(p).toBeDefined();
      const re = new RegExp(p!);
      for (const url of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/moi-nhat/pagefind-entry.json', '/pagefind/nam/2023/pagefind-entry.json']) expect(re.test(url), `${p} ${url}`).toBe(true);
      for (const url of ['/pagefind/moi-nhat/pagefind.vi_0a1b2c.pf_meta', '/pagefind/index/vi_0a1b2c.pf_index']) expect(re.test(url), `${p} ${url}`).toBe(false);
    }
  });
});
