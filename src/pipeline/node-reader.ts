// The filesystem-backed ContentReader used by scripts and the Astro build.
// Content is untrusted: a path is read only when it is a regular file or folder
// reached without any symbolic link and resolving inside the repository, and a
// file only when its size is within the limit (checked before reading).
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ContentReader, Refusal } from './load.ts';
import { fileKind, LIMITS } from './rules/limits.ts';

type Entry = { kind: 'file'; size: number } | { kind: 'dir' } | { kind: 'missing' } | Refusal;

export function nodeReader(root: string): ContentReader {
  const realRoot = realpathSync(root);
  const entry = (rel: string): Entry => {
    const p = join(realRoot, rel);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return { kind: 'missing' };
    }
    if (st.isSymbolicLink()) return { refused: 'symlink', detail: '' };
    // A symlinked parent folder: the real path then differs from the one asked for.
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      return { kind: 'missing' };
    }
    if (real !== p) return real === realRoot || real.startsWith(realRoot + sep) ? { refused: 'symlink', detail: '(một thư mục cha là symlink)' } : { refused: 'outside-repo', detail: '' };
    if (st.isDirectory()) return { kind: 'dir' };
    if (!st.isFile()) return { refused: 'not-a-file', detail: '' };
    return { kind: 'file', size: st.size };
  };
  return {
    list(dir) {
      const e = entry(dir);
      if ('refused' in e) return e;
      return e.kind === 'dir' ? readdirSync(join(realRoot, dir)) : [];
    },
    read(path) {
      const e = entry(path);
      if ('refused' in e) return e;
      if (e.kind !== 'file') return e.kind === 'dir' ? { refused: 'not-a-file', detail: '' } : null;
      const max = LIMITS.bytes[fileKind(path)];
      if (e.size > max) return { refused: 'file-too-large', detail: `(${e.size} byte, tối đa ${max} byte)` };
      return new Uint8Array(readFileSync(join(realRoot, path)));
    },
  };
}
