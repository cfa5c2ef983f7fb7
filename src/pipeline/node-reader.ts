// The filesystem-backed ContentReader used by scripts and the Astro build.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentReader } from './load.ts';

export function nodeReader(root: string): ContentReader {
  return {
    list(dir) {
      const p = join(root, dir);
      return existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : [];
    },
    read(path) {
      const p = join(root, path);
      return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : null;
    },
  };
}
