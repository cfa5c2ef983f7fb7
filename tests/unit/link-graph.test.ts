// Issue 14: with lists cut into recent items + year pages, every figure must stay
// reachable from home by plain links. Crawled in memory over the pages' own view-models
// at 50 synthetic reports (no Astro build); tests/build/crawl.test.ts checks on today's
// content that the graph matches the built HTML.
import { describe, expect, it } from 'vitest';
import { crawl, siteLinkGraph, unreachableFigures } from '../../src/view/link-graph.ts';
import { indicatorYearPages } from '../../src/view/indicator-archive.ts';
import { urls } from '../../src/core/urls.ts';
import { syntheticSite } from '../support/synthetic-site.ts';

const site = syntheticSite(50);
const graph = siteLinkGraph(site);
// Computed once: the machine is shared, and each test reads them.
const yearPages = indicatorYearPages(site);
const { pages } = crawl(graph);

describe('link graph at 50 synthetic reports', () => {
  it('has more reports than the reports list shows, so the year pages are what is tested', () => {
    expect(site.content.reports.length).toBe(50);
    const listed = graph.get(urls.reports())!.links.filter((l) => /^\/bao-cao\/[^/]+\/$/.test(l) && l !== urls.reports());
    expect(listed.length).toBeLessThan(site.content.reports.length);
  });

  it('reaches every figure quote anchor from home', () => {
    expect(site.figures.length).toBeGreaterThan(0);
    expect(unreachableFigures(site, graph)).toEqual([]);
  });

  it('reaches every report page and every indicator year page from home', () => {
    expect(site.content.reports.map((r) => urls.report(r.meta.id)).filter((p) => !pages.has(p))).toEqual([]);
    expect(yearPages.length).toBeGreaterThan(site.content.indicators.length);
    expect(yearPages.map((y) => urls.indicatorYear(y.indicator.id, y.page.group, y.page.page)).filter((p) => !pages.has(p))).toEqual([]);
  });

  it('indicator year pages list every figure exactly once, with its quote link', () => {
    const keys = yearPages.flatMap((y) => y.page.items.map((r) => r.key));
    expect(keys.sort()).toEqual(site.figures.map((f) => f.key).sort());
  });

  it('a report no page links to is noticed: its figures are reported unreachable', () => {
    const oldest = site.content.reports.map((r) => r.meta).sort((a, b) => a.period.localeCompare(b.period))[0];
    const target = urls.report(oldest.id);
    const cut = new Map([...graph].map(([path, p]) => [path, { ...p, links: p.links.filter((l) => !l.startsWith(target)) }]));
    const lost = unreachableFigures(site, cut);
    expect(lost.length).toBe(site.reportsById.get(oldest.id)!.figures.length);
    expect(lost.every((k) => k.startsWith(`${oldest.id}/`))).toBe(true);
  });

  it('the oldest report is reached through a year page, not from the reports list itself', () => {
    const oldest = site.content.reports.map((r) => r.meta).sort((a, b) => a.period.localeCompare(b.period))[0];
    expect(graph.get(urls.reports())!.links).not.toContain(urls.report(oldest.id));
    const linking = [...graph].filter(([, p]) => p.links.includes(urls.report(oldest.id))).map(([path]) => path);
    expect(linking.some((p) => p.startsWith('/bao-cao/nam/'))).toBe(true);
  });
});

describe('every year page of every list is reached from home', () => {
  it('reports, indicators, areas and organizations', () => {
    const listed = [...graph.keys()].filter((p) => /\/nam\/\d{4}\//.test(p));
    for (const prefix of ['/bao-cao/nam/', '/chi-so/', '/linh-vuc/', '/don-vi/', '/du-lieu/nam/']) expect(listed.some((p) => p.startsWith(prefix)), prefix).toBe(true);
    expect(listed.filter((p) => !pages.has(p))).toEqual([]);
  });
});
