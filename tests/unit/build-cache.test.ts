// The build cache (scripts/cache.ts): a hit returns the stored bytes without recomputing;
// new input or new code recomputes; CCHC_CACHE=0 always recomputes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBytes, codeHash, feedJson, installChartCache, pruneCache, type CacheStats } from '../../scripts/cache.ts';
import { barChart, CHART_CACHE, lineChart } from '../../src/view/charts/index.ts';

describe('feedJson (cache keys of large inputs, hashed in pieces)', () => {
  const long = Array.from({ length: 200 }, (_, i) => [i, `dòng "${i}"`, i % 3 ? null : 1.5, undefined]);
  it.each([
    ['a table', { columns: [{ name: 'a', type: 'string' }], rows: long, primaryKey: ['a'] }],
    ['arrays with holes and functions', Array.from({ length: 100 }, (_, i) => (i % 2 ? undefined : i % 3 ? () => 1 : i))],
    ['objects with undefined, Dates and nested long arrays', { a: undefined, d: new Date('2025-01-02T00:00:00Z'), n: [long, { x: long }], s: 'đ😀' }],
    ['scalars', [1, 'x', null, true, -0, 1e21]],
  ])('pieces join to JSON.stringify: %s', (_n, value) => {
    const pieces: string[] = [];
    feedJson((p) => pieces.push(p), value);
    expect(pieces.join('')).toBe(JSON.stringify(value));
  });
});

describe('cachedBytes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-cache-'));
    process.env.CCHC_CACHE_DIR = dir;
  });
  afterAll(() => {
    delete process.env.CCHC_CACHE_DIR;
    delete process.env.CCHC_CACHE;
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes once per input and code, then reads the stored bytes', async () => {
    let calls = 0;
    const compute = async (x: { rows: number[] }) => (calls++, new TextEncoder().encode(JSON.stringify(x.rows)));
    const stats: CacheStats = { hits: 0, misses: 0 };
    const f = cachedBytes('t', 'code-1', compute, stats);
    const a = await f({ rows: [1, 2] });
    const b = await f({ rows: [1, 2] });
    expect(new TextDecoder().decode(b)).toBe('[1,2]');
    expect(b).toEqual(a);
    expect(calls).toBe(1);
    await f({ rows: [1, 3] });
    expect(calls).toBe(2);
    await cachedBytes('t', 'code-2', compute, stats)({ rows: [1, 2] });
    expect(calls).toBe(3);
    expect(stats).toEqual({ hits: 1, misses: 3 });
    expect(readdirSync(join(dir, 't')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('CCHC_CACHE=0 recomputes every time', async () => {
    process.env.CCHC_CACHE = '0';
    let calls = 0;
    const f = cachedBytes('u', 'c', async () => (calls++, new Uint8Array([1])));
    await f(1);
    await f(1);
    expect(calls).toBe(2);
    delete process.env.CCHC_CACHE;
  });

  it('codeHash changes when a code file changes', () => {
    const file = join(dir, 'code.ts');
    writeFileSync(file, 'a');
    const h1 = codeHash([file]);
    writeFileSync(file, 'b');
    expect(codeHash([file])).not.toBe(h1);
  });

  it('codeHash names files relative to the root: a copy of the project elsewhere hits the same entries', () => {
    const other = join(dir, 'copy');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(dir, 'x.ts'), 'same');
    writeFileSync(join(other, 'x.ts'), 'same');
    expect(codeHash(['x.ts'], other)).toBe(codeHash(['x.ts'], dir));
    expect(codeHash([join(other, 'x.ts')], other)).toBe(codeHash(['x.ts'], dir));
  });

  it('chart cache: a second render of the same input reads the stored SVG, byte-identical; new input draws', () => {
    const stats = installChartCache(CHART_CACHE, 'charts-1');
    try {
      const rows = [{ label: 'Hồ sơ', value: 67628, text: '67.628', color: '#333' }];
      const bar = barChart(rows, { ariaLabel: 'a', unit: 'hồ sơ' });
      expect(barChart(rows, { ariaLabel: 'a', unit: 'hồ sơ' })).toBe(bar);
      expect(stats).toEqual({ hits: 1, misses: 1 });
      // NaN (a missing period) and a Date are part of the key; the cached line equals a fresh draw.
      const points = [0, NaN, 3].map((value, i) => ({ date: new Date(Date.UTC(2024, i * 3, 1)), value, series: 's', text: String(value) }));
      const line = lineChart(points, { ariaLabel: 'b' });
      expect(lineChart(points, { ariaLabel: 'b' })).toBe(line);
      const other = lineChart(points.map((p) => ({ ...p, value: Number.isNaN(p.value) ? 1 : p.value })), { ariaLabel: 'b' });
      expect(other).not.toBe(line);
      expect(stats).toEqual({ hits: 2, misses: 3 });
      delete (globalThis as Record<symbol, unknown>)[CHART_CACHE];
      expect(lineChart(points, { ariaLabel: 'b' })).toBe(line);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[CHART_CACHE];
    }
  });

  it('chart cache off (CCHC_CACHE=0): a chart drawn twice in one build is drawn once (in memory)', () => {
    const before = process.env.CCHC_CACHE;
    process.env.CCHC_CACHE = '0';
    try {
      const stats = installChartCache(CHART_CACHE, 'charts-memo');
      const rows = [{ label: 'Hồ sơ', value: 67628, text: '67.628', color: '#333' }];
      const bar = barChart(rows, { ariaLabel: 'a', unit: 'hồ sơ' });
      expect(barChart(rows, { ariaLabel: 'a', unit: 'hồ sơ' })).toBe(bar);
      expect(barChart(rows, { ariaLabel: 'b', unit: 'hồ sơ' })).not.toBe(bar);
      expect(stats).toEqual({ hits: 1, misses: 2 });
      delete (globalThis as Record<symbol, unknown>)[CHART_CACHE];
      expect(barChart(rows, { ariaLabel: 'a', unit: 'hồ sơ' })).toBe(bar);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[CHART_CACHE];
      if (before === undefined) delete process.env.CCHC_CACHE;
      else process.env.CCHC_CACHE = before;
    }
  });

  it('pruneCache: drops entries unused for the age limit, then the least recently used past the size limit; a hit counts as use', async () => {
    // A cache of its own: the other tests' entries would count against the limits.
    const own = join(dir, 'own-cache');
    process.env.CCHC_CACHE_DIR = own;
    const kind = join(own, 'prune');
    mkdirSync(kind, { recursive: true });
    const day = 86_400_000;
    const now = Date.UTC(2026, 10, 30);
    const put = (name: string, bytes: number, ageDays: number) => {
      const path = join(kind, name);
      writeFileSync(path, new Uint8Array(bytes));
      const t = new Date(now - ageDays * day);
      utimesSync(path, t, t);
      return path;
    };
    const fresh = put('fresh.bin', 100, 1);
    const old = put('old.bin', 100, 40);
    const mid = put('mid.bin', 100, 10);
    expect(pruneCache(now, 30, 1e9)).toMatchObject({ removed: 1 });
    expect([existsSync(fresh), existsSync(old), existsSync(mid)]).toEqual([true, false, true]);
    // Size limit: newest first until the budget is used up.
    expect(pruneCache(now, 30, 150)).toMatchObject({ removed: 1, bytes: 100 });
    expect([existsSync(fresh), existsSync(mid)]).toEqual([true, false]);
    // A cache hit refreshes the entry's time, so an old but used entry survives the age limit.
    const f = cachedBytes('prune2', 'code', async () => new Uint8Array([7]));
    await f('k');
    const entry = readdirSync(join(own, 'prune2')).map((n) => join(own, 'prune2', n))[0];
    const long = new Date(Date.now() - 90 * day);
    utimesSync(entry, long, long);
    await f('k');
    expect(statSync(entry).mtimeMs).toBeGreaterThan(Date.now() - day);
    pruneCache(Date.now(), 30, 1e9);
    expect(existsSync(entry)).toBe(true);
    process.env.CCHC_CACHE_DIR = dir;
  });
});
