// Issue 14 on the real build: (1) a crawl of dist/ from the home page, following plain
// <a href> links only (no JavaScript), reaches every figure's quote anchor; (2) the
// in-memory link graph the scale test crawls at 50 synthetic reports (src/view/link-graph.ts)
// matches the built HTML: every page, link and anchor it lists is really there;
// (3) page-size invariants over every built page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';
import { siteLinkGraph } from '../../src/view/link-graph.ts';

const { site } = runPipeline(process.cwd());
const DIST = 'dist';
/** Budgets of issue 14 (at any size: the lists are built not to grow). */
const MAX_ELEMENTS = 5000;
const MAX_GZIP = 100 * 1024;
const MAX_HOME_GZIP = 30 * 1024;

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const fileOf = (path: string) => join(DIST, decodeURIComponent(path), 'index.html');

interface Parsed { hrefs: string[]; ids: Set<string> }
const cache = new Map<string, Parsed | null>();
function parse(path: string): Parsed | null {
  if (!cache.has(path)) {
    const file = fileOf(path);
    if (!existsSync(file)) cache.set(path, null);
    else {
      const html = readFileSync(file, 'utf8');
      cache.set(path, {
        hrefs: [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => decode(m[1])),
        ids: new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]))),
      });
    }
  }
  return cache.get(path)!;
}

/** Site paths of pages reached from home through <a href> (same-site, directory pages). */
function crawlDist(): Set<string> {
  const seen = new Set(['/']);
  const queue = ['/'];
  while (queue.length) {
    const page = parse(queue.shift()!);
    for (const href of page?.hrefs ?? []) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const path = href.split('#')[0].split('?')[0];
      if (!path.endsWith('/') || seen.has(path) || !parse(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  return seen;
}

describe('crawl of the built site from home (no JavaScript)', () => {
  const reached = crawlDist();

  it('reaches every figure at its row on the report page or its quote in the source text', () => {
    expect(site.figures.length).toBeGreaterThan(0);
    const lost = site.figures.filter((f) => {
      const row = reached.has(urls.report(f.reportId)) && parse(urls.report(f.reportId))!.ids.has(`so-lieu-${f.id}`);
      const quote = reached.has(urls.source(f.reportId)) && parse(urls.source(f.reportId))!.ids.has(`trich-dan-${f.id}`);
      return !row && !quote;
    });
    expect(lost.map((f) => f.key)).toEqual([]);
  });

  it('reaches every year page of the reports list and of every indicator', () => {
    const years = [...reached].filter((p) => /\/nam\/\d{4}\//.test(p));
    expect(years.some((p) => p.startsWith('/bao-cao/nam/'))).toBe(true);
    for (const i of site.content.indicators) {
      if (site.figures.some((f) => f.indicator === i.id)) expect(years.some((p) => p.startsWith(`/chi-so/${i.id}/nam/`)), i.id).toBe(true);
    }
  });
});

describe('the in-memory link graph matches the built HTML', () => {
  const graph = siteLinkGraph(site);
  it('every page it lists exists with every listed link and anchor', () => {
    expect(graph.size).toBeGreaterThan(10);
    const wrong = [...graph].flatMap(([path, expected]) => {
      const page = parse(path);
      if (!page) return [`${path}: missing in dist`];
      const hrefs = new Set(page.hrefs);
      return [
        ...expected.links.filter((l) => !hrefs.has(l)).map((l) => `${path}: no link to ${l}`),
        ...expected.anchors.filter((a) => !page.ids.has(a)).map((a) => `${path}: no id ${a}`),
      ];
    });
    expect(wrong).toEqual([]);
  });
});

describe('page size (issue 14 budgets)', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return ['_astro', 'data', 'pagefind'].includes(e.name) ? [] : walk(p);
      return e.name.endsWith('.html') ? [p] : [];
    });
  // Measured as scripts/bench-scale.ts does: start tags in the markup; gzip of the HTML plus its own CSS/JS.
  const pages = walk(DIST).map((file) => {
    const html = readFileSync(file, 'utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => join(DIST, m[1]));
    const gzip = gzipSync(html).length + assets.reduce((n, a) => n + (existsSync(a) ? gzipSync(readFileSync(a)).length : 0), 0);
    return { path: `/${relative(DIST, file)}`, elements: (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length, gzip };
  });
  const isReportPage = (p: string) => /^\/bao-cao\/(?!nam\/)[^/]+\/index\.html$/.test(p);

  it('finds the pages', () => expect(pages.length).toBeGreaterThan(10));

  it(`every page is at most ${MAX_GZIP / 1024} KB gzip, home at most ${MAX_HOME_GZIP / 1024} KB`, () => {
    expect(pages.filter((p) => p.gzip > MAX_GZIP).map((p) => `${p.path}: ${p.gzip} B`)).toEqual([]);
    expect(pages.find((p) => p.path === '/index.html')!.gzip).toBeLessThanOrEqual(MAX_HOME_GZIP);
  });

  it(`every list, indicator, area and organization page has at most ${MAX_ELEMENTS} elements`, () => {
    expect(pages.filter((p) => !isReportPage(p.path) && p.elements > MAX_ELEMENTS).map((p) => `${p.path}: ${p.elements}`)).toEqual([]);
  });

  // Report pages hold one report's figures (they do not grow with the number of reports): about
  // 18 elements per figure row and one compact drawing per chart keep the largest under budget.
  it(`every report page has at most ${MAX_ELEMENTS} elements`, () => {
    expect(pages.filter((p) => isReportPage(p.path) && p.elements > MAX_ELEMENTS).map((p) => `${p.path}: ${p.elements}`)).toEqual([]);
  });
});
