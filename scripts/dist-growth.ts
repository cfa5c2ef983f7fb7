// `NS=10,50 npx tsx scripts/dist-growth.ts`: what each added report costs in dist/. Builds synthetic
// content (scripts/scale/synthesize.ts) at two sizes in temporary copies of the project, like
// `npm run bench -- --scale`, but without the bare-Astro and Chromium runs, and prints bytes and files
// per top-level folder (data/ per kind of file) with the slope per report between the two sizes.
// KEEP=1 keeps the built copies.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTree, workspace } from './bench-scale.ts';
import { synthesize } from './scale/synthesize.ts';
const ROOT = process.cwd();
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const real = { ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') };
const ns = (process.env.NS ?? '10,50').split(',').map(Number);
const res: Map<string, { files: number; bytes: number }>[] = [];
for (const n of ns) {
  const dir = workspace(synthesize(real, n));
  const t = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/build.ts'], { cwd: dir, env: { ...process.env, SITE_URL: 'https://example.invalid' }, encoding: 'utf8' });
  if (r.status !== 0) { console.log(r.stdout.slice(-2000), r.stderr.slice(-2000)); process.exit(1); }
  const dist = join(dir, 'dist');
  const m = new Map<string, { files: number; bytes: number }>();
  for (const f of walk(dist)) {
    const rel = relative(dist, f).split('/');
    const keys = [rel[0].includes('.') ? '(root)' : rel[0] + '/', 'TOTAL'];
    if (rel[0] === 'data') keys.push('data/' + (rel.length > 2 ? rel[1] + '/' : rel[1].replace(/^(bao-cao|linh-vuc)-.*\.(\w+)$/, '$1-*.$2')));
    for (const k of keys) { const e = m.get(k) ?? { files: 0, bytes: 0 }; e.files++; e.bytes += statSync(f).size; m.set(k, e); }
  }
  res.push(m);
  console.log(`n=${n} build ${((Date.now() - t) / 1000).toFixed(0)} s; dist ${(m.get('TOTAL')!.bytes / 1048576).toFixed(1)} MB ${m.get('TOTAL')!.files} files`);
  if (process.env.KEEP) console.log('kept', dir); else rmSync(dir, { recursive: true, force: true });
}
const [a, b] = [res[0], res.at(-1)!];
const d = ns.at(-1)! - ns[0];
const rows = [...b.keys()].map((k) => ({ k, a: a.get(k) ?? { files: 0, bytes: 0 }, b: b.get(k)! })).sort((x, y) => (y.b.bytes - y.a.bytes) - (x.b.bytes - x.a.bytes));
for (const r of rows) console.log(`${r.k.padEnd(34)} n=${ns[0]}: ${(r.a.bytes / 1048576).toFixed(2).padStart(7)} MB ${String(r.a.files).padStart(6)} f | n=${ns.at(-1)}: ${(r.b.bytes / 1048576).toFixed(2).padStart(7)} MB ${String(r.b.files).padStart(6)} f | per report ${((r.b.bytes - r.a.bytes) / d / 1024).toFixed(1).padStart(7)} KB ${((r.b.files - r.a.files) / d).toFixed(2)} files`);
