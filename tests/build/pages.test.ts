// Indicator, area and organization pages exist in dist/, and no internal link of any built page is broken.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';
import { organizationsWithPages } from '../../src/view/indicator-page.ts';

const { site } = runPipeline(process.cwd());
const DIST = 'dist';
const fileOf = (path: string) => join(DIST, path, 'index.html');
const page = (path: string) => parseHTML(readFileSync(fileOf(path), 'utf8')).document;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '_astro' || e.name === 'data' || e.name === 'pagefind' ? [] : htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** dist file a site path points to, or null. */
function resolve(path: string): string | null {
  const p = decodeURIComponent(path);
  const candidates = p.endsWith('/') ? [join(DIST, p, 'index.html')] : [join(DIST, p), join(DIST, p, 'index.html'), join(DIST, `${p}.html`)];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/')) ?? null;
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1])));
    idCache.set(file, ids);
  }
  return ids;
}

describe('indicator, area and organization pages', () => {
  it.each(site.content.indicators.map((i) => [i.id]))('indicator %s', (id) => {
    const doc = page(urls.indicator(id));
    const ind = site.indicatorsById.get(id)!;
    expect(doc.documentElement.getAttribute('lang')).toBe('vi');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')!.textContent).toBe(ind.label);
    expect(doc.querySelector(`a[href="/data/chi-so/${id}.csv"]`)).not.toBeNull();
    // The per-indicator table is a slice of observations: CSV only.
    expect(doc.querySelector(`a[href="/data/chi-so/${id}.json"]`)).toBeNull();
    const figures = site.figures.filter((f) => f.indicator === id);
    for (const f of figures) {
      expect(doc.querySelector(`a[href="${urls.figure(f.reportId, f.id)}"]`), f.key).not.toBeNull();
      expect(doc.querySelector(`a[href="${urls.quote(f.reportId, f.id)}"]`), f.key).not.toBeNull();
    }
    if (site.series.some((s) => s.indicator === id)) {
      const chart = doc.querySelector('figure.chart');
      expect(chart?.querySelector('svg'), 'chart svg').toBeTruthy();
      expect(chart?.querySelector('table'), 'chart table').toBeTruthy();
    }
  });

  it('index of indicators lists every indicator under its area', () => {
    const doc = page(urls.indicators());
    for (const a of site.content.areas) expect(doc.getElementById(a.id), a.id).not.toBeNull();
    for (const i of site.content.indicators) expect(doc.querySelector(`a[href="${urls.indicator(i.id)}"]`), i.id).not.toBeNull();
    expect(doc.querySelectorAll('.sparkline svg').length).toBeGreaterThan(10);
  });

  it.each(site.content.areas.map((a) => [a.id]))('area %s', (id) => {
    const doc = page(urls.area(id));
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const withNarrative = site.content.reports.filter((r) => r.narratives.some((n) => n.section === id));
    for (const r of withNarrative) expect(doc.querySelector(`a[href="${urls.report(r.meta.id)}#${id}"]`), r.meta.id).not.toBeNull();
    // Narrative HTML comes from micromark: no script elements in main content.
    expect(doc.querySelectorAll('main script')).toHaveLength(0);
    expect(doc.querySelector(`a[href="${urls.areas()}"]`)).not.toBeNull();
  });

  it('organizations: a page for each that issues or is the scope of a report or figure, the rest listed without a link', () => {
    const withPages = organizationsWithPages(site);
    const index = page(urls.organizations());
    for (const o of site.content.organizations) {
      expect(index.body.textContent, o.id).toContain(o.name);
      expect(existsSync(fileOf(urls.organization(o.id))), o.id).toBe(withPages.has(o.id));
      expect(index.querySelector(`a[href="${urls.organization(o.id)}"]`) !== null, o.id).toBe(withPages.has(o.id));
    }
    for (const id of withPages) {
      const doc = page(urls.organization(id));
      expect(doc.querySelectorAll('h1')).toHaveLength(1);
      const own = site.figures.filter((f) => f.scope === id);
      if (own.length > 0) expect(doc.querySelectorAll('#so-lieu ~ section table tbody tr, section table tbody tr').length, id).toBeGreaterThan(0);
    }
  });
});

describe('internal links of every built page', () => {
  const files = htmlFiles(DIST);

  it('there are pages to check', () => {
    expect(files.length).toBeGreaterThan(site.content.indicators.length + site.content.areas.length);
  });

  it('every internal href/src resolves to a file in dist/, and every #anchor to an element id', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const own = `/${relative(DIST, file).replace(/index\.html$/, '')}`;
      for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        const raw = decode(m[2]);
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue; // external, mailto:, data:
        checked++;
        const [pathAndQuery, hash] = raw.split('#');
        const path = pathAndQuery.split('?')[0];
        const target = path === '' ? file : path.startsWith('/') ? resolve(path) : resolve(join(own, path));
        if (!target) {
          broken.push(`${own}: ${m[1]}="${raw}" (no file)`);
          continue;
        }
        if (hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(hash))) broken.push(`${own}: ${m[1]}="${raw}" (no #${hash})`);
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(broken.slice(0, 40), `${broken.length} broken links`).toEqual([]);
  });
});
