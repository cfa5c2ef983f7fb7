// Build cache by content hash (node_modules/.cache/cchc/, never in git): a step whose
// inputs and code are unchanged reads its last output instead of recomputing it.
// Outputs are deterministic, so a hit gives the same bytes a recomputation would.
// CCHC_CACHE=0 turns it off (e.g. to time the uncached build).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** CCHC_CACHE_DIR moves it (tests use a temporary folder). */
export function cacheDir(): string {
  return process.env.CCHC_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'cchc');
}

/** Hash of the code a cached step depends on: these files' text (missing files count as empty). */
export function codeHash(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(existsSync(f) ? readFileSync(f) : '').update('\0');
  return h.digest('hex');
}

export interface CacheStats { hits: number; misses: number }

/** `compute(input)` cached under `kind`/sha256(code + JSON of input). */
export function cachedBytes<T>(kind: string, code: string, compute: (input: T) => Promise<Uint8Array>, stats: CacheStats = { hits: 0, misses: 0 }): (input: T) => Promise<Uint8Array> {
  const enabled = process.env.CCHC_CACHE !== '0';
  const dir = join(cacheDir(), kind);
  return async (input: T) => {
    if (!enabled) return compute(input);
    const key = createHash('sha256').update(code).update('\0').update(JSON.stringify(input)).digest('hex');
    const path = join(dir, `${key}.bin`);
    if (existsSync(path)) {
      stats.hits++;
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
