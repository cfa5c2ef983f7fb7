// Bad content that only a real file system can hold: symbolic links (to secrets, to
// other folders, to whole reports), non-regular files, oversized files, raw bytes.
// Each is a validate error naming the path; the build stops before publishing anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { nodeReader } from '../../src/pipeline/node-reader.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { fixtureFiles } from '../fixtures/content.ts';
import { TEST_SITE_URL } from '../setup/site-url.ts';
import { A, DIR, F, N, R, S } from './cases.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let root: string;
let outside: string;

function write(path: string, data: string | Uint8Array) {
  const p = join(root, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
}
const validate = () => validateContent(loadContent(nodeReader(root)));
const errorsOf = () => validate().issues.filter((i) => i.level === 'error');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cchc-fuzz-'));
  outside = mkdtempSync(join(tmpdir(), 'cchc-outside-'));
  for (const [path, text] of Object.entries(fixtureFiles())) write(path, text);
  writeFileSync(join(outside, 'secret.txt'), 'SECRET_TOKEN=abc\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('content on a real file system', () => {
  it('the fixture itself validates with no error (the cases below break one thing each)', () => {
    expect(errorsOf().map(formatIssue)).toEqual([]);
    expect(validate().content.reports.map((r) => r.meta.id)).toEqual(['bc-thu']);
  });

  it.each([
    ['source.txt → /proc/self/environ', S, '/proc/self/environ'],
    ['source.txt → a file outside the repository', S, 'OUTSIDE/secret.txt'],
    ['source.txt → another file of the repository', S, 'ROOT/data/areas.json'],
    ['a narrative → a file outside', N, 'OUTSIDE/secret.txt'],
    ['report.json → a file outside', R, 'OUTSIDE/secret.txt'],
    ['figures.csv → /etc/passwd', F, '/etc/passwd'],
    ['a catalogue → a file outside', A, 'OUTSIDE/secret.txt'],
    ['a dangling symlink', S, 'OUTSIDE/missing.txt'],
  ])('%s is refused with its path', (_name, path, target) => {
    rmSync(join(root, path));
    symlinkSync(target.replace('OUTSIDE', outside).replace('ROOT', root), join(root, path));
    const { content, issues } = validate();
    const errors = issues.filter((i) => i.level === 'error');
    expect(errors[0]).toMatchObject({ code: 'symlink', file: path });
    expect(errors.map(formatIssue).join('\n')).not.toMatch(/SECRET|\n\s+at\s/);
    if (path.startsWith(DIR)) expect(content.reports).toEqual([]);
  });

  it('a symlinked report folder is refused, and a symlinked narrative folder', () => {
    const real = join(outside, 'bc-ngoai');
    mkdirSync(real);
    writeFileSync(join(real, 'report.json'), '{}');
    symlinkSync(real, join(root, 'content/reports/bc-ngoai'));
    rmSync(join(root, DIR, 'narrative'), { recursive: true });
    mkdirSync(join(outside, 'narr'));
    writeFileSync(join(outside, 'narr', 'the-che.md'), 'SECRET');
    symlinkSync(join(outside, 'narr'), join(root, DIR, 'narrative'));
    const errors = errorsOf();
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ['symlink', 'content/reports/bc-ngoai'],
      ['symlink', `${DIR}/narrative`],
    ]);
    expect(validate().content.reports).toEqual([]);
  });

  it('content/ itself as a symlink to elsewhere is refused', () => {
    const real = join(outside, 'content');
    execFileSync('cp', ['-r', join(root, 'content'), real]);
    rmSync(join(root, 'content'), { recursive: true });
    symlinkSync(real, join(root, 'content'));
    expect(errorsOf()[0]).toMatchObject({ code: 'outside-repo', file: 'content/reports' });
  });

  it('a directory where a file belongs, and a FIFO, are refused without reading', () => {
    rmSync(join(root, S));
    mkdirSync(join(root, S));
    execFileSync('mkfifo', [join(root, N)].map((p) => (rmSync(p), p)));
    const codes = errorsOf().map((e) => [e.code, e.file]);
    expect(codes).toContainEqual(['not-a-file', S]);
    expect(codes).toContainEqual(['not-a-file', N]);
  });

  it('an oversized file is refused from its size, before it is read', () => {
    write(S, Buffer.alloc(2_000_001, 0x61));
    expect(errorsOf()[0]).toMatchObject({ code: 'file-too-large', file: S });
  });

  it('Windows-1258 bytes on disk: the error names the file, line and byte offset', () => {
    // "Báo cáo" in Windows-1258: á = 0xE1.
    write(N, Buffer.from([0x54, 0x0a, 0x42, 0xe1, 0x6f, 0x20, 0x63, 0xe1, 0x6f]));
    const e = errorsOf()[0];
    expect(e).toMatchObject({ code: 'encoding', file: N, line: 2 });
    expect(e.message).toContain('vị trí byte 3');
  });

  it('the build refuses a symlinked report and publishes nothing', () => {
    rmSync(join(root, S));
    symlinkSync('/proc/self/environ', join(root, S));
    const out = join(root, 'dist');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build.ts')], {
      cwd: root,
      env: { ...process.env, SITE_URL: TEST_SITE_URL, OUT_DIR: out, BUILD_SECRET: 'do-not-publish' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`LỖI ${S}`);
    expect(r.stderr).not.toMatch(/do-not-publish|\n\s+at\s/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(root, 'src/generated'))).toBe(false);
  });
});
