// A search bundle is cached as one blob of its files (scripts/search-index.ts packDir/unpackDir): unpacking must give
// back every file byte for byte, nested folders included, and refuse paths that leave the bundle's folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packDir, unpackDir } from '../../scripts/search-index.ts';

const made: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cchc-pack-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('search bundle blobs', () => {
  it.each([
    ['text and binary files, nested', { 'pagefind-entry.json': '{"version":"1.6"}', 'index/en_1.pf_index': new Uint8Array([0, 255, 1, 2]), 'fragment/a.pf_fragment': 'Hồ sơ đúng hạn' }],
    ['an empty file', { 'x.pf_meta': '' }],
    ['no files', {}],
  ] as const)('%s round-trip byte for byte', (_name, tree) => {
    const a = temp();
    for (const [p, c] of Object.entries(tree)) {
      mkdirSync(join(a, p, '..'), { recursive: true });
      writeFileSync(join(a, p), c);
    }
    const b = temp();
    unpackDir(packDir(a), b);
    const list = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(d, join(e.parentPath, e.name))).sort();
    expect(list(b)).toEqual(list(a));
    for (const p of list(a)) expect(readFileSync(join(b, p)).equals(readFileSync(join(a, p))), p).toBe(true);
  });

  it('the same folder packs to the same bytes (a deterministic cache entry)', () => {
    const a = temp();
    writeFileSync(join(a, 'b.txt'), 'b');
    writeFileSync(join(a, 'a.txt'), 'a');
    expect(Buffer.from(packDir(a)).equals(Buffer.from(packDir(a)))).toBe(true);
  });

  it('refuses an entry that would leave the folder', () => {
    const header = Buffer.from(JSON.stringify([['../evil.txt', 1]]));
    const size = Buffer.alloc(4);
    size.writeUInt32BE(header.length);
    expect(() => unpackDir(new Uint8Array(Buffer.concat([size, header, Buffer.from('x')])), temp())).toThrow(/bad path/);
  });
});
