// Page cache keys (src/view/page-keys.ts): a key must move when anything its pages show moves, and stay put
// otherwise (that is what lets an incremental build skip a page). scripts/check-incremental.ts checks the whole
// build byte for byte; these are the rules on a small in-memory site.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { nodeReader } from '../../src/pipeline/node-reader.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { PAGE_ENV, pageKeys, setPageKeysByBuild, stableJson, withPageKeys } from '../../src/view/page-keys.ts';
import { csv, fixtureFiles, fixtureReader, GOOD, QUA_HAN } from '../fixtures/content.ts';

const SECOND_ROW = { id: 'kiem-tra', indicator: 'don-vi-kiem-tra', scope: 'tinh', period: '2024-Q2', unit: 'đơn vị', section: 'I', value: '10', denominator: '30', quote: 'Kiểm tra tại 10/30 đơn vị' };
const EARLIER_ROW = { id: 'tiep-nhan', indicator: 'ho-so-tiep-nhan', scope: 'tinh', period: '2023-Q3', unit: 'hồ sơ', section: 'I', value: '60000', quote: 'tiếp nhận 60.000 hồ sơ' };
/** A one-figure quarterly report of the province, as content files. */
function oneFigureReport(id: string, title: string, period: string, source: string, row: Record<string, string>): Record<string, string> {
  return {
    [`content/reports/${id}/report.json`]: JSON.stringify({
      id, kind: 'quarterly-report', title, issuer: 'tinh', scope: 'tinh', period, documentNumber: null, date: null, sourceFile: 'source.txt', summary: `${title}.`,
    }),
    [`content/reports/${id}/source.txt`]: source,
    [`content/reports/${id}/figures.csv`]: csv([row]),
  };
}
const SECOND_REPORT = oneFigureReport('bc-hai', 'Báo cáo thử thứ hai', '2024-Q2', 'Kiểm tra tại 10/30 đơn vị.\n', SECOND_ROW);
// An earlier report bc-thu's received-applications figure compares against (same scope, basis, a year before).
const EARLIER = oneFigureReport('bc-truoc', 'Báo cáo thử năm trước', '2023-Q3', 'Toàn tỉnh tiếp nhận 60.000 hồ sơ.\n', EARLIER_ROW);

function site(overrides: Record<string, string | null> = {}, env: Record<string, string> = {}) {
  const { content, issues } = validateContent(loadContent(fixtureReader({ ...SECOND_REPORT, ...EARLIER, ...overrides })));
  expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  return pageKeys(deriveSite(content, issues), env);
}

const base = site();

describe('page keys', () => {
  it.each([
    ['a note of a figure on ho-so-dung-han', { 'content/reports/bc-thu/figures.csv': csv(GOOD.map((r) => (r.id === 'ho-so-dung-han' ? { ...r, note: 'ghi chú mới' } : r))) }, { changed: ['i:ho-so-dung-han', 'r:bc-thu'], same: ['catalogue', 'i:ho-so-tiep-nhan', 'i:don-vi-kiem-tra', 'r:bc-hai'] }],
    ['a narrative of bc-thu', { 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md': 'Đoạn khác.\n' }, { changed: ['r:bc-thu'], same: ['catalogue', 'i:ho-so-dung-han', 'r:bc-hai'] }],
    // (The data version every page cites is in the catalogue key; against data/releases.json both fixtures are the same
    // unreleased major version, so here only the figure's own pages move. scripts/check-incremental.ts covers the version.)
    ['a figure added to bc-thu', { 'content/reports/bc-thu/figures.csv': csv([...GOOD, { ...QUA_HAN, id: 'qua-han', breakdown: 'cap-tinh' }]) }, { changed: ['i:ho-so-dung-han', 'r:bc-thu'], same: ['i:don-vi-kiem-tra', 'r:bc-hai'] }],
    ['an indicator label (every page resolves labels)', { 'data/indicators.json': fixtureFiles()['data/indicators.json'].replace('"Đúng hạn"', '"Hồ sơ đúng hạn"') }, { changed: ['catalogue', 'i:ho-so-tiep-nhan', 'r:bc-thu', 'r:bc-hai'], same: [] }],
    ['a report title', { 'content/reports/bc-hai/report.json': SECOND_REPORT['content/reports/bc-hai/report.json'].replace('thứ hai"', 'thứ hai (sửa)"') }, { changed: ['catalogue', 'r:bc-thu', 'r:bc-hai'], same: [] }],
    // A report page prints each figure's earlier value, period and report: an edit there re-renders the reports that
    // compare against it, and no other (not every report sharing the indicator). The full text shows only its own report.
    ['a note of the earlier figure bc-thu compares against', { 'content/reports/bc-truoc/figures.csv': csv([{ ...EARLIER_ROW, note: 'ghi chú mới' }]) }, { changed: ['r:bc-truoc', 't:bc-truoc', 'r:bc-thu', 'i:ho-so-tiep-nhan'], same: ['catalogue', 't:bc-thu', 'r:bc-hai', 't:bc-hai'] }],
    ['a value of the earlier figure bc-thu compares against', { 'content/reports/bc-truoc/source.txt': 'Toàn tỉnh tiếp nhận 60.001 hồ sơ.\n', 'content/reports/bc-truoc/figures.csv': csv([{ ...EARLIER_ROW, value: '60001', quote: 'tiếp nhận 60.001 hồ sơ' }]) }, { changed: ['r:bc-truoc', 't:bc-truoc', 'r:bc-thu', 'i:ho-so-tiep-nhan'], same: ['catalogue', 't:bc-thu', 'r:bc-hai', 't:bc-hai'] }],
    ['a note of bc-hai, which nobody compares against', { 'content/reports/bc-hai/figures.csv': csv([{ ...SECOND_ROW, note: 'ghi chú mới' }]) }, { changed: ['r:bc-hai', 't:bc-hai', 'i:don-vi-kiem-tra'], same: ['catalogue', 'r:bc-thu', 't:bc-thu', 'r:bc-truoc'] }],
  ] as const)('%s', (_name, overrides, { changed, same }) => {
    const edited = site(overrides);
    const key = (k: typeof base, name: string) => (name === 'catalogue' ? k.catalogue() : name.startsWith('i:') ? k.indicator(name.slice(2)) : name.startsWith('t:') ? k.reportText(name.slice(2)) : k.report(name.slice(2)));
    for (const name of changed) expect(key(edited, name), `${name} should change`).not.toBe(key(base, name));
    for (const name of same) expect(key(edited, name), `${name} should not change`).toBe(key(base, name));
  });

  it('equal content gives equal keys; the build environment the pages read is part of every key', () => {
    expect(site().report('bc-thu')).toBe(base.report('bc-thu'));
    expect(site().indicator('ho-so-dung-han')).toBe(base.indicator('ho-so-dung-han'));
    const moved = site({}, { SITE_URL: 'https://du-lieu.example' });
    expect(moved.catalogue()).not.toBe(base.catalogue());
    expect(moved.indicator('ho-so-dung-han')).not.toBe(base.indicator('ho-so-dung-han'));
    expect(moved.report('bc-hai')).not.toBe(base.report('bc-hai'));
  });

  it("a report's content is plain data, in the fixtures and in content/ (its key is plain JSON: a Map or Set would hash as {})", () => {
    const fixture = validateContent(loadContent(fixtureReader({ ...SECOND_REPORT, ...EARLIER }))).content;
    const real = validateContent(loadContent(nodeReader(process.cwd()))).content;
    const odd: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v instanceof Map || v instanceof Set || typeof v === 'function' || typeof v === 'bigint') odd.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') {
        if (Object.getPrototypeOf(v) !== Object.prototype) odd.push(`${path} (${v.constructor?.name})`);
        for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      }
    };
    expect(fixture.reports.length).toBeGreaterThan(1);
    for (const r of [...fixture.reports, ...real.reports]) walk(r, r.meta.id);
    expect(odd).toEqual([]);
  });

  it('PAGE_ENV names every environment variable src/ reads outside the browser', () => {
    const read = new Set<string>();
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'client' || e.name === 'generated' ? [] : walk(join(dir, e.name))) : [join(dir, e.name)]));
    for (const file of walk(join(process.cwd(), 'src')).filter((f) => /\.(ts|astro|mjs)$/.test(f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)) read.add(m[1]);
    }
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((n) => !(PAGE_ENV as readonly string[]).includes(n))).toEqual([]);
  });
});

describe('withPageKeys', () => {
  afterEach(() => setPageKeysByBuild(false));
  const paths = [{ params: { id: 'a' } }, { params: { id: 'b' } }];
  it('adds no cacheKey unless the build is incremental (dev and plain builds pay nothing)', () => {
    setPageKeysByBuild(false);
    expect(withPageKeys(paths, () => { throw new Error('not called'); })).toBe(paths);
  });
  it('adds a key per path that moves with what the page shows', () => {
    setPageKeysByBuild(true);
    const keyed = withPageKeys(paths, (p) => ({ id: p.params.id, shows: 'x' }));
    expect(keyed.map((p) => p.params)).toEqual(paths.map((p) => p.params));
    expect(keyed[0].cacheKey).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed[0].cacheKey).not.toBe(keyed[1].cacheKey);
    expect(withPageKeys(paths, (p) => ({ id: p.params.id, shows: 'x' }))[0].cacheKey).toBe(keyed[0].cacheKey);
    expect(withPageKeys(paths, (p) => ({ id: p.params.id, shows: 'y' }))[0].cacheKey).not.toBe(keyed[0].cacheKey);
  });
  it('moves every key when the site code changes (a kept page must not name a renamed client script)', () => {
    setPageKeysByBuild(true, undefined, 'code-1');
    const before = withPageKeys(paths, (p) => p.params.id).map((p) => p.cacheKey);
    setPageKeysByBuild(true, undefined, 'code-1');
    expect(withPageKeys(paths, (p) => p.params.id).map((p) => p.cacheKey)).toEqual(before);
    setPageKeysByBuild(true, undefined, 'code-2');
    const after = withPageKeys(paths, (p) => p.params.id).map((p) => p.cacheKey);
    for (const [i, k] of after.entries()) expect(k).not.toBe(before[i]);
  });
});

describe('stableJson', () => {
  it.each([
    ['Map entries in order', new Map([['a', 1]]), '{"$map":[["a",1]]}'],
    ['Set members in order', new Set(['x', 'y']), '{"$set":["x","y"]}'],
    ['undefined fields kept as null', { a: undefined, b: 1 }, '{"a":null,"b":1}'],
    ['nested', { m: new Map([['k', new Set([1])]]) }, '{"m":{"$map":[["k",{"$set":[1]}]]}}'],
  ])('%s', (_name, value, want) => expect(stableJson(value)).toBe(want));
  it('a Map and a plain object with the same entries differ', () => {
    expect(stableJson(new Map([['a', 1]]))).not.toBe(stableJson({ a: 1 }));
  });
  it('an object with a known key is written as that key, wherever it sits', () => {
    const table = { rows: [[1, 2]] };
    const keyed = new WeakMap([[table, 'k1']]);
    expect(stableJson({ cards: [{ dataset: table, title: 'x' }] }, keyed)).toBe('{"cards":[{"dataset":{"$key":"k1"},"title":"x"}]}');
    // An equal but different object is not the keyed one: written in full.
    expect(stableJson({ dataset: { rows: [[1, 2]] } }, keyed)).toBe('{"dataset":{"rows":[[1,2]]}}');
  });
});

describe('dataset keys', () => {
  it('are computed once per dataset and move with its table', async () => {
    const { buildDatasets } = await import('../../src/publish/datasets.ts');
    const load = (overrides: Record<string, string | null>) => {
      const { content, issues } = validateContent(loadContent(fixtureReader({ ...SECOND_REPORT, ...EARLIER, ...overrides })));
      return deriveSite(content, issues);
    };
    const a = load({});
    const b = load({
      'content/reports/bc-hai/figures.csv': SECOND_REPORT['content/reports/bc-hai/figures.csv'].replaceAll('10', '11'),
      'content/reports/bc-hai/source.txt': 'Kiểm tra tại 11/30 đơn vị.\n',
    });
    const obs = (s: ReturnType<typeof load>) => buildDatasets(s).find((d) => d.kind === 'observations')!;
    expect(obs(b).table.rows.length).toBe(obs(a).table.rows.length);
    const ka = pageKeys(a).dataset(obs(a));
    expect(pageKeys(a).dataset(obs(a))).toBe(ka);
    expect(obs(b).table.rows).not.toEqual(obs(a).table.rows);
    expect(pageKeys(b).dataset(obs(b))).not.toBe(ka);
  });
});
