// `npm run diff -- <git-ref> [--json]`: what the working tree changes in the published figures
// compared with <git-ref> (e.g. origin/main), as Markdown for a pull-request comment or as JSON.
// Both sides are validated by the same code: the ref's content/ and data/ are read from git
// into memory (no checkout), the working tree from disk.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContent, memoryReader } from '../src/pipeline/load.ts';
import { nodeReader } from '../src/pipeline/node-reader.ts';
import { validateContent } from '../src/pipeline/validate.ts';
import { diffContent, type ContentDiff } from '../src/pipeline/diff.ts';
import { diffMarkdown } from '../src/pipeline/diff.ts';

/** content/ and data/ at `ref`, as { path: text }, read with one ls-tree and one cat-file --batch. */
export function filesAt(root: string, ref: string): Record<string, string> {
  const git = (args: string[], input?: Buffer) => execFileSync('git', args, { cwd: root, input, maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`"${ref}" không phải commit/nhánh/tag trong kho git này (thử: git fetch origin main, rồi npm run diff -- origin/main).`);
  }
  const paths = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', 'content', 'data']).toString('utf8').split('\0').filter(Boolean);
  if (paths.length === 0) return {};
  const out = git(['cat-file', '--batch'], Buffer.from(paths.map((p) => `${ref}:${p}\n`).join('')));
  const files: Record<string, string> = {};
  let at = 0;
  for (const path of paths) {
    const nl = out.indexOf(10, at);
    const size = Number(out.subarray(at, nl).toString('utf8').split(' ')[2]);
    files[path] = out.subarray(nl + 1, nl + 1 + size).toString('utf8');
    at = nl + 1 + size + 1; // blob, then a newline
  }
  return files;
}

export function diffAgainst(root: string, ref: string): ContentDiff {
  const before = validateContent(loadContent(memoryReader(filesAt(root, ref))));
  const after = validateContent(loadContent(nodeReader(root)));
  return diffContent(before, after);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const ref = positionals[0];
  if (!ref) {
    console.error('Cách dùng: npm run diff -- <git-ref> [--json]   (vd. npm run diff -- origin/main)');
    process.exit(1);
  }
  try {
    const diff = diffAgainst(process.cwd(), ref);
    process.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : `${diffMarkdown(diff, ref)}\n`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
