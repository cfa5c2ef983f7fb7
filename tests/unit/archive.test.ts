// Archive pages: every item on exactly one page, newest group first, pages bounded;
// the "recent" part of a page bounded too. Then the reports list built on them.
import { describe, expect, it } from 'vitest';
import { archiveLinks, archivePages, pageNav, periodYear, recentItems } from '../../src/view/archive.ts';
import { REPORTS_INDEX_MAX, reportsIndex, reportsYearPages } from '../../src/view/report-list.ts';
import { urls } from '../../src/core/urls.ts';
import { syntheticSite } from '../support/synthetic-site.ts';

const items = (spec: [string, number][]) => spec.flatMap(([year, n]) => Array.from({ length: n }, (_, i) => ({ year, id: `${year}-${i}` })));
const yearOf = (x: { year: string }) => x.year;

describe('archivePages', () => {
  it('puts every item on exactly one page, newest year first, in input order, at most perPage each', () => {
    const list = items([['2023', 5], ['2025', 2], ['2024', 7]]);
    const pages = archivePages(list, yearOf, 3);
    expect(pages.map((p) => [p.group, p.page, p.pages, p.items.length])).toEqual([
      ['2025', 1, 1, 2],
      ['2024', 1, 3, 3], ['2024', 2, 3, 3], ['2024', 3, 3, 1],
      ['2023', 1, 2, 3], ['2023', 2, 2, 2],
    ]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id)).sort()).toEqual(list.map((i) => i.id).sort());
    expect(pages.find((p) => p.group === '2024')!.items.map((i) => i.id)).toEqual(['2024-0', '2024-1', '2024-2']);
  });

  it('is empty for no items and refuses a page size below one', () => {
    expect(archivePages([], yearOf)).toEqual([]);
    expect(() => archivePages(items([['2024', 1]]), yearOf, 0)).toThrow(/perPage/);
  });

  it('links each group once with its count; page 1 is the group URL, later pages are numbered below it', () => {
    const pages = archivePages(items([['2024', 5], ['2023', 1]]), yearOf, 2);
    expect(archiveLinks(pages, (g, n) => urls.reportsYear(g, n))).toEqual([
      { group: '2024', count: 5, href: '/bao-cao/nam/2024/' },
      { group: '2023', count: 1, href: '/bao-cao/nam/2023/' },
    ]);
    const nav = pageNav(pages[1], (g, n) => urls.reportsYear(g, n));
    expect(nav).toEqual({ prev: '/bao-cao/nam/2024/', next: '/bao-cao/nam/2024/3/', all: ['/bao-cao/nam/2024/', '/bao-cao/nam/2024/2/', '/bao-cao/nam/2024/3/'] });
  });
});

describe('recentItems', () => {
  it.each([
    [[['2025', 3], ['2024', 4], ['2023', 9]], 10, ['2025', '2024'], 7, true],
    [[['2025', 3], ['2024', 4]], 10, ['2025', '2024'], 7, false],
    [[['2025', 12], ['2024', 1]], 10, [], 10, true],
    [[], 10, [], 0, false],
  ] as [[string, number][], number, string[], number, boolean][])('%j with max %i → years %j, %i items, more=%s', (spec, max, groups, count, more) => {
    const r = recentItems(items(spec), yearOf, max);
    expect(r.groups).toEqual(groups);
    expect(r.items).toHaveLength(count);
    expect(r.more).toBe(more);
    expect(r.items.length).toBeLessThanOrEqual(max);
  });
});

describe('periodYear', () => {
  it.each([['2024-Q3', '2024'], ['2023-09/2024-08', '2023'], ['2025', '2025'], ['2024-H1', '2024']])('%s → %s', (p, y) => expect(periodYear(p)).toBe(y));
});

describe('reports list at 50 synthetic reports', () => {
  const site = syntheticSite(50);
  const index = reportsIndex(site);
  const years = reportsYearPages(site);

  it('the index lists at most REPORTS_INDEX_MAX reports and links every year page', () => {
    expect(index.total).toBe(site.content.reports.length);
    expect(index.summaries.length).toBeLessThanOrEqual(REPORTS_INDEX_MAX);
    expect(index.summaries.length).toBeGreaterThan(0);
    expect(index.years.map((y) => y.href).sort()).toEqual(years.filter((y) => y.page.page === 1).map((y) => urls.reportsYear(y.page.group)).sort());
  });

  it('every report is on exactly one year page, and its year is the page year', () => {
    const listed = years.flatMap((y) => y.summaries.map((s) => { expect(s.year).toBe(y.page.group); return s.report.id; }));
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
  const site = syntheticSite(50);

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

describe('elide and capList', async () => {
  const { elide, capList } = await import('../../src/view/archive.ts');
  it.each([[0], [5], [25], [26], [100]])('%i values: first and last kept, the count between, nothing lost or repeated', (n) => {
    const values = Array.from({ length: n }, (_, i) => i);
    const e = elide(values, 12, 12);
    expect(e.head.length + e.omitted + e.tail.length).toBe(n);
    expect([...e.head, ...e.tail]).toEqual(n <= 25 ? values : [...values.slice(0, 12), ...values.slice(n - 12)]);
    expect(e.omitted === 0 || e.omitted >= 2).toBe(true);
  });
  it('capList keeps the first items and counts the rest', () => {
    expect(capList([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1 });
    expect(capList([1], 2)).toEqual({ shown: [1], more: 0 });
  });
});

describe('dataset catalogue at 50 synthetic reports', async () => {
  const { catalogDatasets, datasetYearPages, CATALOG_RECENT_REPORTS } = await import('../../src/view/dataset-archive.ts');
  const site = syntheticSite(50);
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
