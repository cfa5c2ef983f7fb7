// Archive pages: every item on exactly one page, newest group first, pages bounded;
// the "recent" part of a page bounded too. The lists built on them are checked at 50
// synthetic reports in tests/unit/link-graph.test.ts (one synthetic site for all).
import { describe, expect, it } from 'vitest';
import { archiveLinks, archivePages, pageNav, periodYear, recentItems } from '../../src/view/archive.ts';
import { urls } from '../../src/core/urls.ts';

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

  it('packs consecutive quiet years into one page from the oldest on, so older pages never change', () => {
    const list = items([['2021', 1], ['2022', 1], ['2023', 2], ['2024', 3]]);
    const pages = archivePages(list, yearOf, 3);
    expect(pages.map((p) => [p.group, p.label, p.items.map((i) => i.id)])).toEqual([
      ['2024', '2024', ['2024-0', '2024-1', '2024-2']],
      ['2023', '2023', ['2023-0', '2023-1']],
      ['2021', '2021–2022', ['2022-0', '2021-0']],
    ]);
    // A newer year joins the newest page or opens its own; the older pages stay as they were.
    const later = archivePages([...items([['2025', 1]]), ...list], yearOf, 3);
    expect(later.slice(1)).toEqual(pages);
  });

  it('is empty for no items and refuses a page size below one', () => {
    expect(archivePages([], yearOf)).toEqual([]);
    expect(() => archivePages(items([['2024', 1]]), yearOf, 0)).toThrow(/perPage/);
  });

  it('links each group once with its count; page 1 is the group URL, later pages are numbered below it', () => {
    const pages = archivePages(items([['2024', 5], ['2023', 1]]), yearOf, 2);
    expect(archiveLinks(pages, (g, n) => urls.reportsYear(g, n))).toEqual([
      { group: '2024', label: '2024', count: 5, href: '/bao-cao/nam/2024/' },
      { group: '2023', label: '2023', count: 1, href: '/bao-cao/nam/2023/' },
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

