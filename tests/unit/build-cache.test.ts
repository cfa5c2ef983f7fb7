// The build cache (scripts/cache.ts): a hit returns the stored bytes without recomputing;
// new input or new code recomputes; CCHC_CACHE=0 always recomputes.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBytes, codeHash, type CacheStats } from '../../scripts/cache.ts';

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
});
