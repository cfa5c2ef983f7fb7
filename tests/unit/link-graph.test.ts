// Issue 14 at 50 synthetic reports, one synthetic site for every check (building it is the
// slow part): bounded lists (reports, areas, organizations, datasets, home), and, with lists
// cut into recent items + year pages, every figure must stay
// reachable from home by plain links. Crawled in memory over the pages' own view-models
// at 50 synthetic reports (no Astro build); tests/build/crawl.test.ts checks on today's
// content that the graph matches the built HTML.
import { describe, expect, it } from 'vitest';
import { crawl, siteLinkGraph, unreachableFigures } from '../../src/view/link-graph.ts';
import { indicatorYearPages } from '../../src/view/indicator-archive.ts';
import { urls } from '../../src/core/urls.ts';
import { syntheticSite } from '../support/synthetic-site.ts';
import { REPORTS_INDEX_MAX, reportsIndex, reportsYearPages } from '../../src/view/report-list.ts';
import { HOME_LIMITS, homeAnswers, homeHeadlines, homeTargets, recentCard } from '../../src/view/home.ts';
import { headlineCards, plainAnswers, targetGroups } from '../../src/view/dashboard.ts';
import { ABOUT_NOTES_MAX, ABOUT_REPORTS_MAX, aboutPage } from '../../src/view/pages/about.ts';

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

describe('reports list at 50 synthetic reports', () => {
  const index = reportsIndex(site);
  const years = reportsYearPages(site);

  it('the index lists at most REPORTS_INDEX_MAX reports and links every year page', () => {
    expect(index.total).toBe(site.content.reports.length);
    expect(index.summaries.length).toBeLessThanOrEqual(REPORTS_INDEX_MAX);
    expect(index.summaries.length).toBeGreaterThan(0);
    expect(index.years.map((y) => y.href).sort()).toEqual(years.filter((y) => y.page.page === 1).map((y) => urls.reportsYear(y.page.group)).sort());
  });

  it('every report is on exactly one year page, within the years the page covers', () => {
    const listed = years.flatMap((y) => y.summaries.map((s) => { expect(s.year >= y.page.group && s.year <= y.page.label.slice(-4)).toBe(true); return s.report.id; }));
    expect(listed.sort()).toEqual(site.content.reports.map((r) => r.meta.id).sort());
  });

  it('filter facets describe only the reports on the page', () => {
    for (const y of [index, ...years]) {
      const ids = new Set(y.summaries.map((s) => s.report.id));
      for (const f of y.facets) for (const v of f.values) for (const id of v.reports) expect(ids.has(id)).toBe(true);
    }
  });
});

describe('area and organization archives at 50 synthetic reports', async () => {
  const { areaRecent, areaYearPages, organizationRecent, organizationYearPages, organizationReportList, AREA_RECENT_MAX, ORGANIZATION_RECENT_MAX } = await import('../../src/view/entity-archive.ts');
  const { areaNarratives } = await import('../../src/view/indicator-page.ts');

  it('area pages show at most AREA_RECENT_MAX narratives; year pages hold each narrative once', () => {
    let cut = false;
    for (const area of site.content.areas) {
      const recent = areaRecent(site, area.id);
      expect(recent.narratives.length).toBeLessThanOrEqual(AREA_RECENT_MAX);
      cut ||= recent.more;
      const onYears = areaYearPages(site).filter((y) => y.area.id === area.id).flatMap((y) => y.page.items.map((n) => n.report.id));
      expect(onYears.sort()).toEqual(areaNarratives(site, area.id).map((n) => n.report.id).sort());
    }
    expect(cut).toBe(true);
  });

  it('organization pages show at most ORGANIZATION_RECENT_MAX reports; year pages hold each report once', () => {
    let cut = false;
    for (const org of site.content.organizations) {
      const recent = organizationRecent(site, org.id);
      expect(recent.issued.length + recent.about.length).toBeLessThanOrEqual(ORGANIZATION_RECENT_MAX);
      cut ||= recent.more;
      const onYears = organizationYearPages(site).filter((y) => y.organization.id === org.id).flatMap((y) => [...y.issued, ...y.about].map((r) => r.id));
      expect(onYears.sort()).toEqual(organizationReportList(site, org.id).map((r) => r.report.id).sort());
    }
    expect(cut).toBe(true);
  });
});

describe('dataset catalogue at 50 synthetic reports', async () => {
  const { catalogDatasets, datasetYearPages, CATALOG_RECENT_REPORTS } = await import('../../src/view/dataset-archive.ts');
  // Only the facet fields matter here: one stand-in per report plus two fixed datasets.
  const datasets = [
    { id: 'so-lieu-cchc', kind: 'observations' as const, reports: site.content.reports.map((r) => r.meta.id) },
    ...site.content.reports.map((r) => ({ id: `bao-cao-${r.meta.id}`, kind: 'report' as const, reports: [r.meta.id] })),
    { id: 'chi-tieu-ke-hoach', kind: 'targets' as const, reports: [] },
  ];

  it('the catalogue keeps every fixed dataset and at most CATALOG_RECENT_REPORTS report datasets, in its own order', () => {
    const c = catalogDatasets(site, datasets);
    const reportsShown = c.shown.filter((d) => d.kind === 'report');
    expect(reportsShown.length).toBeLessThanOrEqual(CATALOG_RECENT_REPORTS);
    expect(c.shown.filter((d) => d.kind !== 'report').map((d) => d.id)).toEqual(['so-lieu-cchc', 'chi-tieu-ke-hoach']);
    expect(c.shown).toEqual(datasets.filter((d) => c.shown.includes(d)));
    expect(c.hidden).toBe(datasets.length - c.shown.length);
    expect(c.hidden).toBeGreaterThan(0);
  });

  it('year pages hold every report dataset exactly once', () => {
    const ids = datasetYearPages(site, datasets).flatMap((y) => y.page.items.map((d) => d.id));
    expect(ids.sort()).toEqual(datasets.filter((d) => d.kind === 'report').map((d) => d.id).sort());
  });
});

describe('home at 50 synthetic reports', () => {
  it('plain answers: the latest periods only, newest first', () => {
    const all = plainAnswers(site);
    const shown = homeAnswers(site);
    expect(all.length).toBeGreaterThan(HOME_LIMITS.answerPeriods);
    expect(shown).toEqual(all.slice(0, HOME_LIMITS.answerPeriods));
  });

  it('headline figures: the province first, at most the scope limit, sparklines of at most the point limit', () => {
    const { groups, hidden } = homeHeadlines(site);
    const all = headlineCards(site);
    expect(groups.length).toBeLessThanOrEqual(HOME_LIMITS.scopes);
    expect(groups.length + hidden).toBe(all.length);
    expect(groups[0].scope).toBe(all[0].scope);
    const cards = groups.flatMap((g) => g.cards);
    expect(cards.some((c, i) => c.points.length < all.flatMap((g) => g.cards).find((x) => x.key === c.key)!.points.length || i < 0)).toBe(true);
    for (const c of cards) expect(c.points.length).toBeLessThanOrEqual(HOME_LIMITS.sparkPoints);
  });

  it('targets: the newest plan and a few other documents; the rest counted', () => {
    const t = homeTargets(site);
    expect(t.plans.length).toBeLessThanOrEqual(HOME_LIMITS.plans);
    expect(t.others.length).toBeLessThanOrEqual(HOME_LIMITS.otherTargetDocs);
    expect(t.total).toBe(targetGroups(site).length);
    expect(t.hidden).toBeGreaterThan(0);
    expect(t.plans[0]).toEqual(targetGroups(site).find((g) => g.isPlan));
  });
});

describe('about page at 50 synthetic reports', () => {
  // At 1,000 reports the full list of sources made /gioi-thieu/ 8,623 elements (bench).
  it('lists the newest source documents and data-quality notes only, counting the rest', () => {
    const m = aboutPage(site);
    expect(m.reportCount).toBe(site.content.reports.length);
    expect(m.reports.length).toBe(Math.min(ABOUT_REPORTS_MAX, m.reportCount));
    expect(m.reports.length + m.moreReports).toBe(m.reportCount);
    expect(m.moreReports).toBeGreaterThan(0);
    expect(m.notes.length).toBeLessThanOrEqual(ABOUT_NOTES_MAX);
  });
});

describe('recentCard', () => {
  it('keeps the latest points and only the gaps after the first kept point', () => {
    const card = headlineCards(site).flatMap((g) => g.cards).find((c) => c.points.length > 3 && c.gaps.length > 0);
    expect(card).toBeDefined();
    const r = recentCard(card!, 2);
    expect(r.points).toEqual(card!.points.slice(-2));
    const first = r.points[0].figure.period;
    expect(r.gaps.every((g) => card!.gaps.includes(g) && g > first.slice(0, 4))).toBe(true);
    expect(recentCard(card!, 1000)).toBe(card);
  });
});

describe('year-page view-models (src/view/pages/archives.ts)', async () => {
  const { reportsYearPaths, indicatorYearPaths, areaYearPaths, organizationYearPaths, datasetYearPaths } = await import('../../src/view/pages/archives.ts');
  const all = { reportsYearPaths, indicatorYearPaths, areaYearPaths, organizationYearPaths, datasetYearPaths };
  it.each(Object.keys(all))('%s: unique routes, each in the link graph, titled with its year, at most 100 items', (name) => {
    const paths = all[name as keyof typeof all](site);
    expect(paths.length).toBeGreaterThan(0);
    const keys = paths.map((p) => JSON.stringify(p.params));
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of paths) {
      expect(p.props.m.title).toContain(p.props.m.page.group);
      expect(p.params.year).toBe(p.props.m.page.group);
      expect(p.props.m.page.items.length).toBeLessThanOrEqual(100);
      const href = p.props.m.nav.all[p.props.m.page.page - 1];
      expect(graph.has(href), href).toBe(true);
    }
  });
});
