// `npx tsx scripts/bench-edit.ts`: the edit-to-preview loop at today's size (issue 14, targets
// ≤ 15 s for validate + build on an idle machine, ≤ 3 s for `npm run dev`), in a temporary copy of
// the project with the real content (content/ is never touched):
//   1. a full build (the build cache in node_modules/.cache/cchc/ is shared, as on a developer's machine);
//   2. one figure's note edited, then `validate` and `build` again, with the build's own stage lines;
//   3. `astro dev` on a free port: the same kind of edit, timed until the report page shows it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readTree, workspace } from './bench-scale.ts';

const ROOT = process.cwd();
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** Run a command; prints wall and CPU time (user + system of the whole tree, what an idle machine's wall time approaches). */
function run(label: string, cmd: string[], cwd: string): number {
  const t0 = performance.now();
  const timeFile = join(cwd, '.time');
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, ...cmd], { cwd, encoding: 'utf8', env: process.env });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${label}: ${cmd.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  const cpu = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0);
  console.log(`${label}: ${s.toFixed(1)} s thực, ${cpu.toFixed(1)} s CPU`);
  for (const line of r.stdout.split('\n')) if (line.startsWith('[build]')) console.log(`    ${line}`);
  return s;
}

/** Rewrite the first figure's note of a report's figures.csv, adding `mark` (a plain word: no CSV quoting changes). */
function editFigure(dir: string, report: string, mark: string): void {
  const path = join(dir, 'content/reports', report, 'figures.csv');
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  // Last column is the note; a quoted note gets the mark inside its quotes.
  lines[1] = lines[1].endsWith('"') ? `${lines[1].slice(0, -1)} ${mark}"` : `${lines[1]} ${mark}`;
  writeFileSync(path, lines.join('\n'));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ok: (body: string) => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.ok && ok(await res.text())) return (performance.now() - t0) / 1000;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: no matching page after ${timeoutMs} ms`);
}

async function devLoop(dir: string, report: string): Promise<void> {
  run('dev: tạo MDX', [bin('node'), 'scripts/generate.ts'], dir);
  const port = await freePort();
  const child = spawn(bin('astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, detached: true, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}/bao-cao/${report}/`;
    console.log(`dev: trang báo cáo lần đầu ${(await waitFor(url, () => true, 300_000)).toFixed(1)} s`);
    for (const mark of ['suadev1', 'suadev2']) {
      editFigure(dir, report, mark);
      console.log(`dev: sửa một số liệu → trang mới có “${mark}”: ${(await waitFor(url, (b) => b.includes(mark), 120_000)).toFixed(1)} s`);
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

const dir = workspace({ ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') });
try {
  const report = readTree('content/reports', 'content/reports');
  const id = Object.keys(report).find((p) => p.endsWith('/figures.csv'))!.split('/')[2];
  run('dựng lần đầu', [bin('node'), 'scripts/build.ts'], dir);
  editFigure(dir, id, 'suabuild');
  const v = run('validate sau khi sửa', [bin('node'), 'scripts/validate.ts'], dir);
  const b = run('build sau khi sửa', [bin('node'), 'scripts/build.ts'], dir);
  if (!readFileSync(join(dir, 'dist/bao-cao', id, 'index.html'), 'utf8').includes('suabuild')) throw new Error('the edit is not in the rebuilt page');
  console.log(`sửa → xem (validate + build): ${(v + b).toFixed(1)} s`);
  await devLoop(dir, id);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
