// Pure helpers of the dataset catalogue: facets, counts, filtering, sizes, preview table.
import { describe, expect, it, vi } from 'vitest';
import {
  catalogEntry,
  columnFits,
  compareCells,
  exportSizes,
  facetCounts,
  filterEntries,
  filterRows,
  matches,
  paginate,
  periodYears,
  previewTable,
  searchKey,
  selectionFromParams,
  selectionToParams,
  sizeParts,
  sortFacetValues,
  sortRows,
  unescapeFormula,
  type CatalogEntry,
} from '../../src/view/dataset-catalog.ts';
import { buildDatasets, toCsv } from '../../src/publish/datasets.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import Papa from 'papaparse';

const entry = (id: string, f: Partial<CatalogEntry['facets']>): CatalogEntry => ({
  id,
  facets: { kind: [], area: [], organization: [], period: [], format: ['CSV', 'JSON'], ...f },
});
const E = [
  entry('all', { kind: ['observations'], area: ['the-che', 'cong-vu'], organization: ['tinh', 'huyen'], period: ['2024', '2023'] }),
  entry('the-che', { kind: ['area'], area: ['the-che'], organization: ['tinh'], period: ['2024'] }),
  entry('cong-vu', { kind: ['area'], area: ['cong-vu'], organization: ['huyen'], period: ['2023'] }),
  entry('cat', { kind: ['catalogue'], area: ['the-che', 'cong-vu'] }),
];
const ids = (xs: CatalogEntry[]) => xs.map((x) => x.id);

describe('periodYears', () => {
  it.each([
    [['2024-Q3'], ['2024']],
    [['2023-H1', '2024'], ['2024', '2023']],
    [['2024-01/2024-09'], ['2024']],
    [['2022-07/2024-06'], ['2024', '2023', '2022']],
    [['2024-09-10', '2024-Q1', '2021'], ['2024', '2021']],
    [[], []],
    [['xx'], []],
  ])('%j → %j', (periods, years) => expect(periodYears(periods)).toEqual(years));
});

describe('catalogEntry', () => {
  it('maps a dataset to facet values, both formats, years from periods', () => {
    const e = catalogEntry({ id: 'x', kind: 'report', areas: ['cong-vu'], organizations: ['tinh-kon-tum'], periods: ['2023-H1', '2024-Q3'] });
    expect(e).toEqual({ id: 'x', facets: { kind: ['report'], area: ['cong-vu'], organization: ['tinh-kon-tum'], period: ['2024', '2023'], format: ['CSV'] } });
  });
});

describe('matches / filterEntries', () => {
  it.each([
    [{}, ['all', 'the-che', 'cong-vu', 'cat']],
    [{ kind: ['area'] }, ['the-che', 'cong-vu']],
    [{ kind: [] }, ['all', 'the-che', 'cong-vu', 'cat']],
    // OR within a facet
    [{ kind: ['area', 'catalogue'] }, ['the-che', 'cong-vu', 'cat']],
    // AND across facets
    [{ kind: ['area'], period: ['2024'] }, ['the-che']],
    [{ area: ['the-che'], organization: ['huyen'] }, ['all']],
    [{ period: ['2024'], organization: ['nobody'] }, []],
    [{ format: ['JSON'] }, ['all', 'the-che', 'cong-vu', 'cat']],
  ])('%j → %j', (sel, expected) => expect(ids(filterEntries(E, sel))).toEqual(expected));

  it('can ignore one facet', () => {
    expect(matches(E[1], { kind: ['catalogue'] })).toBe(false);
    expect(matches(E[1], { kind: ['catalogue'] }, 'kind')).toBe(true);
  });
});

describe('facetCounts', () => {
  it('counts every value with no selection', () => {
    const c = facetCounts(E);
    expect(Object.fromEntries(c.kind)).toEqual({ observations: 1, area: 2, catalogue: 1 });
    expect(Object.fromEntries(c.area)).toEqual({ 'the-che': 3, 'cong-vu': 3 });
    expect(Object.fromEntries(c.period)).toEqual({ '2024': 2, '2023': 2 });
    expect(Object.fromEntries(c.format)).toEqual({ CSV: 4, JSON: 4 });
  });

  it('is disjunctive: a facet ignores its own selection but applies the others', () => {
    const c = facetCounts(E, { kind: ['area'] });
    // kind counts unaffected by kind selection
    expect(Object.fromEntries(c.kind)).toEqual({ observations: 1, area: 2, catalogue: 1 });
    // other facets only count the two area datasets
    expect(Object.fromEntries(c.area)).toEqual({ 'the-che': 1, 'cong-vu': 1 });
    expect(Object.fromEntries(c.period)).toEqual({ '2024': 1, '2023': 1 });
    expect(Object.fromEntries(c.format)).toEqual({ CSV: 2, JSON: 2 });
  });

  it('keeps values that no longer match at 0, including selected unknown values', () => {
    const c = facetCounts(E, { period: ['2024'], organization: ['ghost'] });
    expect(c.kind.get('catalogue')).toBe(0);
    expect(c.organization.get('ghost')).toBe(0);
    expect(c.organization.get('huyen')).toBe(1);
  });

  it('counts a value once per dataset even if repeated', () => {
    expect(facetCounts([entry('d', { area: ['a', 'a'] })]).area.get('a')).toBe(1);
  });
});

describe('sortFacetValues', () => {
  const counts = new Map([['b', 1], ['a', 3], ['c', 3]]);
  it('orders by count then Vietnamese label', () => {
    const labels: Record<string, string> = { a: 'Đơn vị', b: 'An', c: 'Cục thuế' };
    expect(sortFacetValues('organization', counts, (v) => labels[v]).map((x) => x.value)).toEqual(['c', 'a', 'b']);
  });
  it('orders years newest first regardless of counts', () => {
    expect(sortFacetValues('period', new Map([['2023', 5], ['2024', 1], ['2021', 2]]), (v) => v).map((x) => x.value)).toEqual(['2024', '2023', '2021']);
  });
});

describe('selection ⇄ URL parameters', () => {
  it('round-trips and drops unknown values and empty parameters', () => {
    const sel = { area: ['the-che', 'cong-vu'], period: ['2024'] };
    const params = selectionToParams(sel);
    expect(params.toString()).toBe('linh-vuc=the-che&linh-vuc=cong-vu&nam=2024');
    expect(selectionFromParams(params)).toEqual(sel);
    const known = { kind: [], area: ['the-che'], organization: [], period: ['2024'], format: [] };
    expect(selectionFromParams(new URLSearchParams('linh-vuc=the-che&linh-vuc=x&nam=&nam=2024&nam=2024&foo=1'), known)).toEqual({ area: ['the-che'], period: ['2024'] });
  });
});

describe('sizeParts', () => {
  it.each([
    [0, 0, 'B'],
    [999, 999, 'B'],
    [1000, 1, 'kB'],
    [1049, 1, 'kB'],
    [1050, 1.1, 'kB'],
    [123_456, 123.5, 'kB'],
    [999_949, 999.9, 'kB'],
    [999_950, 1, 'MB'],
    [2_345_678, 2.3, 'MB'],
  ])('%d B → %d %s', (bytes, value, unit) => expect(sizeParts(bytes)).toEqual({ value, unit }));
  it('rejects nonsense', () => {
    expect(() => sizeParts(-1)).toThrow(RangeError);
    expect(() => sizeParts(Number.NaN)).toThrow(RangeError);
  });
});

describe('exportSizes', () => {
  it('computes sizes once per site object', () => {
    const site = {};
    const files = vi.fn(() => [{ path: 'data/a.csv', content: 'hồ sơ' }, { path: 'data/b.json', content: '[]' }]);
    const size = (s: string) => new TextEncoder().encode(s).length;
    const a = exportSizes(site, files, size);
    const b = exportSizes(site, files, size);
    expect(a).toBe(b);
    expect(files).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(a)).toEqual({ 'data/a.csv': 8, 'data/b.json': 2 });
    exportSizes({}, files, size);
    expect(files).toHaveBeenCalledTimes(2);
  });
});

describe('unescapeFormula', () => {
  it.each([
    ["'=", '='],
    ["'-5 hồ sơ", '-5 hồ sơ'],
    ["'+1", '+1'],
    ["'@x", '@x'],
    ["'abc", "'abc"],
    ['=', '='],
    ['', ''],
  ])('%j → %j', (cell, out) => expect(unescapeFormula(cell)).toBe(out));

  it('undoes exactly what toCsv escapes', () => {
    const values = ['=', '-12', '+x', '@y', "'quoted", 'hồ sơ, "trích"', ''];
    const csv = toCsv({ columns: [{ name: 'v', type: 'string', title: 'v', description: 'v' }], rows: values.map((v) => [v]) });
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    // An empty cell in a one-column table is an empty line, which skipEmptyLines drops.
    expect(parsed.map((r) => unescapeFormula(r[0]))).toEqual(values.filter((v) => v !== ''));
  });
});

describe('searchKey / filterRows', () => {
  it.each([
    ['Hồ sơ', 'ho so'],
    ['ĐẮK HÀ', 'dak ha'],
    ['Tỷ lệ', 'ty le'],
    ['tinh-kon-tum', 'tinh-kon-tum'],
  ])('%s → %s', (a, b) => expect(searchKey(a)).toBe(b));

  const rows = [
    ['1', 'Hồ sơ tiếp nhận', 'tinh-kon-tum'],
    ['2', 'Hồ sơ trực tuyến', 'huyen-dak-ha'],
    ['3', 'Văn bản QPPL', 'tinh-kon-tum'],
  ];
  it.each([
    ['', ['1', '2', '3']],
    ['  ', ['1', '2', '3']],
    ['hồ sơ', ['1', '2']],
    ['ho so', ['1', '2']],
    ['HỒ SƠ kon-tum', ['1']],
    ['dak', ['2']],
    ['không có', []],
  ])('%j → rows %j', (q, expected) => expect(filterRows(rows, q).map((r) => r[0])).toEqual(expected));
});

describe('compareCells / sortRows', () => {
  it('compares numbers numerically, text with Vietnamese collation, empties last', () => {
    expect(compareCells('9', '10', true)).toBeLessThan(0);
    expect(compareCells('9', '10', false)).toBeLessThan(0); // numeric collation of text
    expect(compareCells('98.7', '100', true)).toBeLessThan(0);
    expect(compareCells('', '1', true)).toBeGreaterThan(0);
    expect(compareCells('a', 'b', false)).toBeLessThan(0);
    expect(compareCells('Đắk Hà', 'Ea', false)).toBeLessThan(0);
  });
  const rows = [['b', '10'], ['a', ''], ['c', '9'], ['d', '10']];
  it('sorts ascending and descending, stable, empty cells last both ways', () => {
    expect(sortRows(rows, 1, 1, true).map((r) => r[0])).toEqual(['c', 'b', 'd', 'a']);
    expect(sortRows(rows, 1, -1, true).map((r) => r[0])).toEqual(['b', 'd', 'c', 'a']);
    expect(sortRows(rows, 0, -1, false).map((r) => r[0])).toEqual(['d', 'c', 'b', 'a']);
    expect(rows.map((r) => r[0])).toEqual(['b', 'a', 'c', 'd']); // input untouched
  });
});

describe('paginate', () => {
  const xs = Array.from({ length: 53 }, (_, i) => i);
  it.each([
    [1, 25, 25, 1, 3, 0],
    [3, 25, 3, 3, 3, 50],
    [9, 25, 3, 3, 3, 50],
    [0, 25, 25, 1, 3, 0],
    [Number.NaN, 25, 25, 1, 3, 0],
    [1, 100, 53, 1, 1, 0],
  ])('page %d size %d → %d rows, page %d/%d starting at %d', (page, size, n, p, pages, first) => {
    const r = paginate(xs, page, size);
    expect(r.rows).toHaveLength(n);
    expect(r.page).toBe(p);
    expect(r.pages).toBe(pages);
    expect(r.rows[0]).toBe(first);
  });
  it('has one empty page for no rows', () => expect(paginate([], 4, 25)).toEqual({ rows: [], page: 1, pages: 1 }));
});

describe('previewTable with the real content', () => {
  const { site } = runPipeline(process.cwd());
  const datasets = buildDatasets(site);
  it('gives the first 20 rows as CSV text and the total', () => {
    const all = datasets.find((d) => d.kind === 'observations')!;
    const p = previewTable(all.table, 20);
    expect(p.total).toBe(site.figures.length);
    expect(p.rows).toHaveLength(Math.min(20, site.figures.length));
    expect(p.rows[0][0]).toBe(site.figures[0].reportId);
    // Read by column name, not position: the registry decides the order.
    expect(p.rows[0][all.table.columns.findIndex((c) => c.name === 'figure_id')]).toBe(site.figures[0].id);
    expect(p.rows.flat().every((c) => typeof c === 'string')).toBe(true);
  });
  it('every dataset has catalogue facets; only the catalogue has no years', () => {
    for (const d of datasets) {
      const e = catalogEntry(d);
      expect(e.facets.kind).toEqual([d.kind]);
      expect(e.facets.period.length === 0).toBe(d.kind === 'catalogue');
    }
    const counts = facetCounts(datasets.map(catalogEntry));
    expect(counts.format.get('CSV')).toBe(datasets.length);
    expect(counts.kind.get('observations')).toBe(1);
  });
});

describe('columnFits', () => {
  const col = (name: string) => ({ name, type: 'string' as const, title: name, description: '' });
  it.each([
    [['a', 'b'], 'nowrap'],
    [['x'.repeat(28)], 'nowrap'],
    [['x'.repeat(29)], 'normal'],
    [['x'.repeat(60)], 'normal'],
    [['x'.repeat(61), null], 'wide'],
  ])('%j → %s', (cells, fit) => {
    expect(columnFits({ columns: [col('c')], rows: cells.map((c) => [c]) })).toEqual([fit]);
  });
  it('counts the header too', () => expect(columnFits({ columns: [col('h'.repeat(30))], rows: [['1']] })).toEqual(['normal']));
});
