// Build cache by content hash (node_modules/.cache/cchc/, never in git): a step whose
// inputs and code are unchanged reads its last output instead of recomputing it.
// Outputs are deterministic, so a hit gives the same bytes a recomputation would.
// CCHC_CACHE=0 turns it off (e.g. to time the uncached build).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** CCHC_CACHE_DIR moves it (tests use a temporary folder). */
export function cacheDir(): string {
  return process.env.CCHC_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'cchc');
}

/**
 * Hash of the code a cached step depends on: these files' text (missing files count as empty).
 * Names are hashed relative to the project root, so a copy of the project elsewhere (the benches'
 * temporary folders) with the same code hits the same entries.
 */
export function codeHash(files: string[], root = process.cwd()): string {
  const h = createHash('sha256');
  for (const f of files) {
    const path = isAbsolute(f) ? f : join(root, f);
    const name = path.startsWith(`${root}/`) ? relative(root, path) : path;
    h.update(name).update('\0').update(existsSync(path) ? readFileSync(path) : '').update('\0');
  }
  return h.digest('hex');
}

/** A hit refreshes the entry's time, so pruning (pruneCache) removes what no build has used lately. */
function markUsed(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch { /* read-only cache: still a hit */ }
}

export interface PruneResult { kept: number; removed: number; bytes: number }

/**
 * Keep the cache bounded: entries unused for `maxAgeDays` go, then the least recently used until
 * the total is ≤ `maxBytes`. Entries the current build used were just touched, so they stay
 * unless the limit is smaller than one build's own entries. `now` is passed in for tests.
 */
export function pruneCache(now = Date.now(), maxAgeDays = Number(process.env.CCHC_CACHE_DAYS ?? 30), maxBytes = Number(process.env.CCHC_CACHE_MAX_MB ?? 2048) * 1024 * 1024): PruneResult {
  const root = cacheDir();
  if (!existsSync(root)) return { kept: 0, removed: 0, bytes: 0 };
  const entries: { path: string; time: number; size: number }[] = [];
  for (const kind of readdirSync(root)) {
    const dir = join(root, kind);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const s = statSync(path);
      if (s.isFile()) entries.push({ path, time: s.mtimeMs, size: s.size });
    }
  }
  // Newest first; ties by path so the same cache prunes the same way.
  entries.sort((a, b) => b.time - a.time || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let bytes = 0;
  let removed = 0;
  for (const e of entries) {
    const stale = now - e.time > maxAgeDays * 86_400_000;
    if (stale || bytes + e.size > maxBytes) {
      rmSync(e.path, { force: true });
      removed++;
    } else bytes += e.size;
  }
  return { kept: entries.length - removed, removed, bytes };
}

export interface CacheStats { hits: number; misses: number }

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Feed JSON.stringify(value) to `update` in pieces: the same text, but a 90,000-row table (the
 * workbook cache's input) is never one string of a few hundred MB. Plain arrays and objects are
 * walked; everything else (numbers, strings, Dates via toJSON, short arrays) is stringified whole.
 */
export function feedJson(update: (piece: string) => void, value: unknown): void {
  if (Array.isArray(value) && value.length > 64) {
    update('[');
    value.forEach((v, i) => {
      if (i) update(',');
      if (skipped(v)) update('null');
      else feedJson(update, v);
    });
    update(']');
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    update('{');
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (skipped(v)) continue;
      update(`${first ? '' : ','}${JSON.stringify(k)}:`);
      first = false;
      feedJson(update, v);
    }
    update('}');
  } else {
    update(JSON.stringify(value) ?? 'null');
  }
}

/** `compute(input)` cached under `kind`/sha256(code + JSON of input). */
export function cachedBytes<T>(kind: string, code: string, compute: (input: T) => Promise<Uint8Array>, stats: CacheStats = { hits: 0, misses: 0 }): (input: T) => Promise<Uint8Array> {
  const enabled = process.env.CCHC_CACHE !== '0';
  const dir = join(cacheDir(), kind);
  return async (input: T) => {
    if (!enabled) return compute(input);
    const h = createHash('sha256').update(code).update('\0');
    feedJson((piece) => h.update(piece), input);
    const key = h.digest('hex');
    const path = join(dir, `${key}.bin`);
    if (existsSync(path)) {
      stats.hits++;
      markUsed(path);
      return new Uint8Array(readFileSync(path));
    }
    stats.misses++;
    const out = await compute(input);
    mkdirSync(dir, { recursive: true });
    // Write then rename, so an interrupted build never leaves a truncated entry.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, out);
    renameSync(tmp, path);
    return out;
  };
}

/**
 * Like cachedBytes, for an input too large to hold as one JSON (a search bundle's every document): keyed by the pieces
 * `pieces()` yields, fed to the hash one at a time. `compute` runs only on a miss.
 */
export function cachedByPieces(kind: string, code: string, stats: CacheStats = { hits: 0, misses: 0 }): (pieces: () => Iterable<string>, compute: () => Promise<Uint8Array>) => Promise<Uint8Array> {
  const enabled = process.env.CCHC_CACHE !== '0';
  const dir = join(cacheDir(), kind);
  return async (pieces, compute) => {
    if (!enabled) return compute();
    const h = createHash('sha256').update(code).update('\0');
    for (const p of pieces()) h.update(p).update('\0');
    const path = join(dir, `${h.digest('hex')}.bin`);
    if (existsSync(path)) {
      stats.hits++;
      markUsed(path);
      return new Uint8Array(readFileSync(path));
    }
    stats.misses++;
    const out = await compute();
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, out);
    renameSync(tmp, path);
    return out;
  };
}

/**
 * A synchronous cache of small outputs under `kind`, keyed by `code` + the caller's key (e.g. a zip entry by its name
 * and content checksum): `compute` runs only on a miss.
 */
export function cachedSync(kind: string, code: string, stats: CacheStats = { hits: 0, misses: 0 }): (key: string, compute: () => Uint8Array) => Uint8Array {
  if (process.env.CCHC_CACHE === '0') return (_key, compute) => compute();
  const dir = join(cacheDir(), kind);
  mkdirSync(dir, { recursive: true });
  return (key, compute) => {
    const path = join(dir, `${createHash('sha256').update(code).update('\0').update(key).digest('hex')}.bin`);
    return syncEntry(path, stats, (p) => new Uint8Array(readFileSync(p)), compute);
  };
}

/** The entry at `path` on a hit; on a miss `compute()`, written then renamed so an interrupted build never leaves half an entry. */
function syncEntry<T extends string | Uint8Array>(path: string, stats: CacheStats, read: (path: string) => T, compute: () => T): T {
  if (existsSync(path)) {
    stats.hits++;
    markUsed(path);
    return read(path);
  }
  stats.misses++;
  const out = compute();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, path);
  return out;
}

/** Keys of chart inputs: Dates as ISO text (toJSON), NaN/Infinity kept apart from null. */
const chartKey = (input: unknown) => JSON.stringify(input, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));

/**
 * Install the chart cache that src/view/charts/render.ts looks for (CHART_CACHE): one file per rendered
 * chart under kind "chart", keyed by the chart's input and `code`; read and written synchronously,
 * one chart at a time, so nothing is held in memory. Returns the hit/miss counts, updated live.
 */
export function installChartCache(key: symbol, code: string): CacheStats {
  const stats: CacheStats = { hits: 0, misses: 0 };
  const idOf = (kind: string, input: unknown): string | null => {
    try {
      return createHash('sha256').update(code).update('\0').update(kind).update('\0').update(chartKey(input)).digest('hex');
    } catch {
      return null; // an input JSON cannot hold (a cycle): render without the cache
    }
  };
  if (process.env.CCHC_CACHE === '0') {
    // No disk cache: a chart drawn twice in one build (an indicator's page and its embed) is still drawn once.
    const drawn = new Map<string, string>();
    (globalThis as Record<symbol, unknown>)[key] = (kind: string, input: unknown, draw: () => string): string => {
      const id = idOf(kind, input);
      if (id === null) return draw();
      const hit = drawn.get(id);
      if (hit !== undefined) {
        stats.hits++;
        return hit;
      }
      stats.misses++;
      const svg = draw();
      drawn.set(id, svg);
      return svg;
    };
    return stats;
  }
  const dir = join(cacheDir(), 'chart');
  mkdirSync(dir, { recursive: true });
  (globalThis as Record<symbol, unknown>)[key] = (kind: string, input: unknown, draw: () => string): string => {
    const id = idOf(kind, input);
    return id === null ? draw() : syncEntry(join(dir, `${id}.svg`), stats, (p) => readFileSync(p, 'utf8'), draw);
  };
  return stats;
}
