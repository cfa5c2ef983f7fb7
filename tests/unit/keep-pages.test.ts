// scripts/keep-pages.ts: an incremental build takes the previous build's pages back from the old dist/ only when that
// folder is provably the output of the build that wrote Astro's page manifest, and leaves no page a full build would
// not write. On real folders in a temporary directory (renames and stamps are the behaviour under test).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepPages, manifestOutputs, pruneKept, takeStamp, writeStamp } from '../../scripts/keep-pages.ts';

let root: string;
let cache: string;
let dist: string;

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const manifest = (outputs: string[]) =>
  write(join(cache, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths: Object.fromEntries(outputs.map((o, i) => [`/p${i}/`, { cacheKey: `k${i}`, outputFile: o }])) } } }));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cchc-keep-'));
  cache = join(root, '.astro/cache');
  dist = join(root, 'dist');
  mkdirSync(cache, { recursive: true });
  manifest(['bao-cao/a/index.html', 'bao-cao/b/index.html']);
  write(join(dist, 'bao-cao/a/index.html'), 'A');
  write(join(dist, 'bao-cao/b/index.html'), 'B');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the stamp', () => {
  it('vouches once for the folder the last incremental build wrote', () => {
    writeStamp(cache, dist);
    expect(takeStamp(cache, dist)).toBe(true);
    // Consumed: a build that stops after this point leaves nothing to vouch for a half-written dist/.
    expect(takeStamp(cache, dist)).toBe(false);
  });

  it.each([
    ['dist/ deleted and made again (a full build in between)', () => { rmSync(dist, { recursive: true }); write(join(dist, 'bao-cao/a/index.html'), 'A'); }],
    ['dist/ missing', () => rmSync(dist, { recursive: true })],
    ["Astro's manifest rewritten since", () => manifest(['bao-cao/a/index.html'])],
    ["Astro's manifest missing", () => rmSync(join(cache, 'incremental-build.json'))],
    ['the stamp is garbage', () => writeFileSync(readdirStamp(), '{not json')],
  ])('does not vouch when %s', (_name, change) => {
    writeStamp(cache, dist);
    change();
    expect(takeStamp(cache, dist)).toBe(false);
  });

  it('is per output folder: a build to another OUT_DIR leaves this one vouched for', () => {
    const other = join(root, 'dist-full');
    mkdirSync(other);
    writeStamp(cache, dist);
    expect(takeStamp(cache, other)).toBe(false);
    expect(takeStamp(cache, dist)).toBe(true);
  });
});

function readdirStamp(): string {
  return join(cache, readdirSync(cache).find((n) => n.startsWith('dist-stamp-'))!);
}

describe('keepPages and pruneKept', () => {
  it('moves the pages the manifest lists, and only plain paths inside the folder', () => {
    manifest(['bao-cao/a/index.html', 'bao-cao/b/index.html', '../outside.html', '/etc/passwd', 'bao-cao/%E1%BA%A1/index.html', 'missing/index.html']);
    write(join(root, 'outside.html'), 'O');
    write(join(dist, 'bao-cao/ạ/index.html'), 'Ạ');
    const old = join(root, 'dist.cu-1');
    renameSync(dist, old);
    mkdirSync(dist);
    write(join(dist, 'bao-cao/b/index.html'), 'written by an earlier stage');
    const kept = keepPages(cache, old, dist);
    expect(kept).toEqual(['bao-cao/a/index.html', 'bao-cao/ạ/index.html']);
    expect(readFileSync(join(dist, 'bao-cao/a/index.html'), 'utf8')).toBe('A');
    expect(readFileSync(join(dist, 'bao-cao/b/index.html'), 'utf8')).toBe('written by an earlier stage');
    expect(existsSync(join(root, 'outside.html'))).toBe(true);
    expect(manifestOutputs(cache)).not.toContain('../outside.html');
  });

  it('deletes a kept page the build no longer lists unless the build wrote it again, with the folders it empties', () => {
    const old = join(root, 'dist.cu-1');
    renameSync(dist, old);
    mkdirSync(dist);
    const kept = keepPages(cache, old, dist);
    expect(kept).toEqual(['bao-cao/a/index.html', 'bao-cao/b/index.html']);
    const past = new Date(Date.now() - 60_000);
    for (const k of kept) utimesSync(join(dist, k), past, past);
    const since = Date.now() - 1000;
    // This build: report b is gone, a is listed again, c is new.
    manifest(['bao-cao/a/index.html', 'bao-cao/c/index.html']);
    expect(pruneKept(cache, dist, kept, since)).toBe(1);
    expect(existsSync(join(dist, 'bao-cao/a/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'bao-cao/b'))).toBe(false);
    expect(existsSync(join(dist, 'bao-cao'))).toBe(true);
  });

  it('keeps an unlisted page this build wrote again (a route that no longer gives a cache key)', () => {
    const old = join(root, 'dist.cu-1');
    renameSync(dist, old);
    mkdirSync(dist);
    const kept = keepPages(cache, old, dist);
    const since = Date.now() - 1000;
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dist, 'bao-cao/a/index.html'), past, past);
    writeFileSync(join(dist, 'bao-cao/b/index.html'), 'B again');
    manifest([]);
    expect(pruneKept(cache, dist, kept, since)).toBe(1);
    expect(existsSync(join(dist, 'bao-cao/a/index.html'))).toBe(false);
    expect(readFileSync(join(dist, 'bao-cao/b/index.html'), 'utf8')).toBe('B again');
  });
});
