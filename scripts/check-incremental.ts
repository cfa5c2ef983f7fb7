// `npx tsx scripts/check-incremental.ts`: an incremental `npm run build` after an edit writes exactly the files a
// full build of the same content writes (issue 14: "an unchanged report costs nothing on rebuild", never a stale
// page). In a throw-away copy of the project (content/ is never touched): one build fills Astro's page cache, then
// for each kind of edit a staff member makes, cumulatively, the edited content is built twice, incrementally and in
// full (CCHC_INCREMENTAL=0 CCHC_CACHE=0: nothing reused), and the two dist/ folders are compared file by file. Exit code 1 on any difference,
// naming the files; the page keys that missed a dependency are in src/view/page-keys.ts. Runs in CI (.ci/run).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTree, workspace } from './bench-scale.ts';
import { EDITS } from './scale/edits.ts';

const ROOT = process.cwd();
const NODE = join(ROOT, 'node_modules/.bin/node');

function build(dir: string, incremental: boolean, outDir: string): { seconds: number; restored: number; kept: number } {
  const t0 = performance.now();
  const r = spawnSync(NODE, ['scripts/build.ts'], {
    cwd: dir,
    encoding: 'utf8',
    // The reference build reuses nothing: no page cache and no build cache (charts, workbooks, share images, search bundles).
    env: { ...process.env, SITE_URL: 'https://example.invalid', CCHC_INCREMENTAL: incremental ? '1' : '0', ...(incremental ? {} : { CCHC_CACHE: '0' }), OUT_DIR: outDir, ASTRO_LOG: 'info' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build ${incremental ? 'incremental' : 'full'} failed (${r.status}):\n${(r.stdout + r.stderr).split('\n').filter((l) => !l.includes('├')).slice(-30).join('\n')}`);
  return { seconds: (performance.now() - t0) / 1000, restored: (r.stdout.match(/\((restored|cached)\)/g) ?? []).length, kept: Number(/giữ tại chỗ (\d+) trang/.exec(r.stdout)?.[1] ?? 0) };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile()).sort();
}

/** Files that differ, or exist in only one of the two folders. */
export function differences(a: string, b: string): string[] {
  const fa = files(a);
  const fb = new Set(files(b));
  const out: string[] = [];
  for (const p of fa) {
    if (!fb.has(p)) out.push(`${p} (chỉ có ở bản dựng tăng dần)`);
    else if (!readFileSync(join(a, p)).equals(readFileSync(join(b, p)))) out.push(p);
    fb.delete(p);
  }
  for (const p of fb) out.push(`${p} (chỉ có ở bản dựng đầy đủ)`);
  return out;
}

/** Where the first differing file first differs: the text around it in both builds. */
function firstDifference(a: string, b: string, path: string): string {
  let ta: string, tb: string;
  try {
    ta = readFileSync(join(a, path), 'utf8');
    tb = readFileSync(join(b, path), 'utf8');
  } catch {
    return '';
  }
  let i = 0;
  while (i < ta.length && ta[i] === tb[i]) i++;
  const around = (t: string) => JSON.stringify(t.slice(Math.max(0, i - 150), i + 150));
  return `    ${path}, ký tự ${i}:\n      tăng dần: ${around(ta)}\n      đầy đủ:   ${around(tb)}`;
}

const dir = workspace({ ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') });
let failed = 0;
try {
  const first = build(dir, true, join(dir, 'dist'));
  console.log(`bản dựng đầu (điền bộ đệm trang): ${first.seconds.toFixed(1)} s`);
  for (const edit of EDITS.filter((e) => !process.env.ONLY || e.name.includes(process.env.ONLY))) {
    edit.apply(dir);
    const inc = build(dir, true, join(dir, 'dist'));
    const full = build(dir, false, join(dir, 'dist-full'));
    const diff = differences(join(dir, 'dist'), join(dir, 'dist-full'));
    console.log(`sửa ${edit.name}: tăng dần ${inc.seconds.toFixed(1)} s (${inc.restored} trang lấy lại, ${inc.kept} giữ tại chỗ), đầy đủ ${full.seconds.toFixed(1)} s — ${diff.length === 0 ? 'giống hệt' : `${diff.length} tệp khác`}`);
    for (const p of diff.slice(0, 20)) console.log(`    ${p}`);
    if (diff.length > 0) console.log(firstDifference(join(dir, 'dist'), join(dir, 'dist-full'), diff[0]));
    failed += diff.length;
    // After the first build every incremental build must keep the last one's pages in place (scripts/keep-pages.ts):
    // none kept means the stamp never vouched, and the build silently fell back to copying every page.
    if (inc.kept === 0) {
      console.log('    không giữ được trang nào của bản dựng trước: dấu của dist/ không khớp (scripts/keep-pages.ts)');
      failed++;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`Bản dựng tăng dần khác bản dựng đầy đủ ở ${failed} tệp: khoá trang trong src/view/page-keys.ts thiếu một thứ trang hiển thị.`);
  process.exit(1);
}
console.log('Bản dựng tăng dần giống hệt bản dựng đầy đủ sau mọi lần sửa.');
