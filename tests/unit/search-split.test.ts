// The search index split by year, at scale: 50 synthetic reports (scripts/scale/synthesize.ts),
// only the search stage (custom records: every figure and source passage; no Astro build),
// written as the build writes it (main bundle + one bundle per year), then searched in
// Chromium the way the search page does: main bundle loaded, year bundles merged with mergeIndex.
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, hasBrowser } from '../e2e/browser.ts';
import { serveDist, type StaticServer } from '../../scripts/static-server.ts';
import { planBundles, writeBundle, YEAR_FRAGMENT_DOCS } from '../../scripts/search-index.ts';
import { synthesize } from '../../scripts/scale/synthesize.ts';
import { loadContent, memoryReader } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite, type Site } from '../../src/pipeline/derive.ts';
import { FIGURE_GROUP_SIZE, figureGroups, memberFields, memberId, numberForms, reportGroups, reportYear, searchYears } from '../../src/publish/search-records.ts';
import { organizationName } from '../../src/core/labels.ts';
import { periodLabel, periodRange } from '../../src/core/period.ts';
import { urls } from '../../src/core/urls.ts';
import { formatNumber } from '../../src/core/format.ts';
import { escapeHtml } from '../../src/core/text.ts';

const N = 50;

function tree(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((p) => [relative('.', p), readFileSync(p, 'utf8')]));
}

const site: Site = (() => {
  const { content, issues } = validateContent(loadContent(memoryReader(synthesize({ ...tree('content/reports'), ...tree('data') }, N))));
  if (issues.some((i) => i.level === 'error')) throw new Error('synthetic content is invalid');
  return deriveSite(content, issues);
})();
// One page, an indicator's, in the main bundle (the search page loads Pagefind from it); the years get records only.
const pages = mkdtempSync(join(tmpdir(), 'cchc-pages-'));
const indicator = site.content.indicators[0];
mkdirSync(join(pages, 'chi-so', indicator.id), { recursive: true });
writeFileSync(join(pages, 'chi-so', indicator.id, 'index.html'), `<!doctype html><html lang="vi"><body><main><h1>${escapeHtml(indicator.label)}</h1></main></body></html>`);
const bundles = planBundles(site, pages);

describe(`search index split by year at ${N} synthetic reports`, () => {
  it('puts every figure in exactly one group of one bundle, its report’s year (the newest in the main bundle), with every printed form of its numbers in the indexed text', () => {
    const years = searchYears(site);
    expect(years.length).toBeGreaterThan(3);
    expect(bundles.map((b) => b.year)).toEqual([null, ...years.slice(1)]);
    expect(bundles[0].pages.map((p) => p.url)).toEqual([`/chi-so/${indicator.id}/`]);
    const seen = new Map<string, { year: number | null; html: string }>();
    for (const b of bundles) {
      for (const g of b.groups()) {
        expect(g.html).toContain(`data-pagefind-filter="nam">${b.year ?? years[0]}<`);
        if (g.type !== 'figure') continue;
        expect(g.anchors.length).toBeLessThanOrEqual(FIGURE_GROUP_SIZE);
        const page = g.url.replace(/\?.*$/, '');
        for (const a of g.anchors) {
          const url = `${page}#${memberFields(a)[0]}`;
          expect(seen.has(url), url).toBe(false);
          seen.set(url, { year: b.year ?? years[0], html: g.html });
        }
      }
    }
    expect(seen.size).toBe(site.figures.length);
    for (const f of site.figures) {
      const url = urls.figure(f.reportId, f.id);
      expect(seen.get(url)?.year, url).toBe(reportYear(site.reportsById.get(f.reportId)!));
      for (const form of numberForms(f.value)) expect(seen.get(url)!.html).toContain(form);
    }
  });
});

describe(`documents and files per report at ${N} synthetic reports`, () => {
  // Pagefind writes a fragment per document (packed in the older-year bundles) and an entry per document in the
  // metadata a search loads: grouping figures and passages took ~140 documents per report down to ~24; this fails
  // if a change to the groups (or to what reportGroups makes) sends it back up.
  it('at most 30 search documents per report (its figure and passage groups, its page and dataset page)', () => {
    let documents = 0;
    for (const r of site.content.reports) documents += reportGroups(site, r).length + 2;
    expect(documents / site.content.reports.length).toBeLessThanOrEqual(30);
  });
});

describe.skipIf(!hasBrowser)(`search in Chromium over the split index at ${N} synthetic reports`, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  // The main bundle (script, WebAssembly, newest year) and the next and the oldest year bundles: indexing all years takes too long for a test.
  const years = [bundles[1].year!, bundles.at(-1)!.year!];
  const written = new Map<number | null, Awaited<ReturnType<typeof writeBundle>>>();
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cchc-search-split-'));
    try {
      for (const b of bundles) if (b.year == null || years.includes(b.year)) written.set(b.year, await writeBundle(b, dist));
    } finally {
      await pagefind.close();
    }
    server = await serveDist(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
    rmSync(pages, { recursive: true, force: true });
  });

  it('year bundles carry no script or WebAssembly of their own (the main bundle’s serve every merged year)', () => {
    for (const y of years) expect(readdirSync(join(dist, 'pagefind/nam', String(y))).filter((f) => /\.(js|pagefind)$/.test(f))).toEqual([]);
    expect(readdirSync(join(dist, 'pagefind'))).toContain('wasm.unknown.pagefind');
  });

  it('an older-year bundle packs its fragments (~YEAR_FRAGMENT_DOCS documents a file) and has fewer index chunk files than reports × 4', () => {
    // At 1,000 reports Pagefind wrote ~35 files per report, one fragment per document and 3,000-location chunks;
    // the whole site may have 20,000. These bound what grows with reports: fragment and index files of the years.
    for (const y of years) {
      const dir = join(dist, 'pagefind/nam', String(y));
      const { documents } = written.get(y)!;
      const reports = site.content.reports.filter((r) => reportYear(r) === y).length;
      const fragments = readdirSync(join(dir, 'fragment')).length;
      expect(fragments, dir).toBeLessThanOrEqual(Math.ceil(documents / YEAR_FRAGMENT_DOCS));
      expect(fragments, dir).toBeLessThan(documents);
      expect(readdirSync(join(dir, 'index')).length, dir).toBeLessThanOrEqual(reports * 4);
    }
  });

  it('finds every figure of a merged year by its printed value (filtered to its year, period and unit, as a reader could), and words without diacritics find both years', async () => {
    // Each (report, printed value, unit) once: every such figure's URL must be among the results.
    const wanted = new Map<string, { q: string; filters: Record<string, string>; urls: Set<string> }>();
    for (const f of site.figures) {
      const report = site.reportsById.get(f.reportId)!;
      const year = reportYear(report)!;
      if (!years.includes(year)) continue;
      const q = formatNumber(f.value);
      const key = `${f.reportId}|${q}|${f.scope}`;
      const w = wanted.get(key) ?? { q, filters: { nam: String(year), ky: periodLabel(report.meta.period), don_vi: organizationName(site, f.scope) }, urls: new Set<string>() };
      w.urls.add(urls.figure(f.reportId, f.id));
      wanted.set(key, w);
    }
    expect(wanted.size).toBeGreaterThan(20);
    const page = await browser.newPage();
    await page.goto(`${server.url}/pagefind/pagefind-entry.json`);
    const queries = [...wanted.values()].map((w) => ({ q: w.q, filters: w.filters }));
    // A string, so the test runner's transform leaves the browser's dynamic import alone.
    const { found, folded } = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ noWorker: true });
      await pf.init();
      for (const y of ${JSON.stringify(years)}) await pf.mergeIndex('/pagefind/nam/' + y + '/');
      // Each grouped hit's matched members, as the search page reads them: page URL + the anchor in the member's heading id.
      const hits = async (res) => (await Promise.all(res.results.map(async (r) => {
        const d = await r.data();
        const page = d.url.replace(/[?].*$/, '');
        return d.sub_results.filter((x) => x.anchor && x.anchor.id.includes('~')).map((x) => page + '#' + decodeURIComponent(x.anchor.id.split('~')[0]));
      }))).flat();
      const found = [];
      for (const { q, filters } of ${JSON.stringify(queries)}) found.push(await hits(await pf.search(q, { filters })));
      const folded = [];
      for (const y of ${JSON.stringify(years)}) folded.push((await pf.search('ho so', { filters: { nam: String(y), loai: 'Số liệu' } })).results.length);
      return { found, folded };
    })()`)) as { found: string[][]; folded: number[] };
    await page.close();
    const missing: string[] = [];
    [...wanted.values()].forEach((w, i) => {
      for (const u of w.urls) if (!found[i].includes(u)) missing.push(`${w.q} ${u}`);
    });
    expect(missing).toEqual([]);
    for (const n of folded) expect(n).toBeGreaterThan(0);
  }, 60_000);
});

describe('grouped documents', () => {
  it('member ids round-trip any field text, "~" and spaces included', () => {
    const fields = ['so-lieu-a~b', '67.628 hồ sơ', 'quý III/2024', '100%'];
    const id = memberId(fields);
    expect(id).not.toMatch(/\s/);
    expect(memberFields(id)).toEqual(fields);
  });

  it('a figure group holds one area and one period end (its sort key is every member’s)', () => {
    const report = site.content.reports[0];
    const figures = site.figures.filter((f) => f.reportId === report.meta.id);
    const groups = figureGroups(site, report, figures);
    expect(groups.reduce((n, g) => n + g.anchors.length, 0)).toBe(figures.length);
    const byAnchor = new Map(figures.map((f) => [`so-lieu-${f.id}`, f]));
    for (const g of groups) {
      const ms = g.anchors.map((a) => byAnchor.get(memberFields(a)[0])!);
      expect(new Set(ms.map((f) => periodRange(f.period).end)).size).toBe(1);
      expect(new Set(ms.map((f) => site.indicatorsById.get(f.indicator)?.area)).size).toBe(1);
    }
  });
});
