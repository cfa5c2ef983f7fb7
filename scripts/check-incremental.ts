// `npx tsx scripts/check-incremental.ts`: an incremental `npm run build` after an edit writes exactly the files a
// full build of the same content writes (issue 14: "an unchanged report costs nothing on rebuild", never a stale
// page). In a throw-away copy of the project (content/ is never touched): one build fills Astro's page cache, then
// for each kind of edit a staff member makes, cumulatively, the edited content is built twice, incrementally and in
// full (CCHC_INCREMENTAL=0), and the two dist/ folders are compared file by file. Exit code 1 on any difference,
// naming the files; the page keys that missed a dependency are in src/view/page-keys.ts. Runs in CI (.ci/run).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Papa from 'papaparse';
import { readTree, workspace } from './bench-scale.ts';
import { synthesize } from './scale/synthesize.ts';

const ROOT = process.cwd();
const NODE = join(ROOT, 'node_modules/.bin/node');

function build(dir: string, incremental: boolean, outDir: string): { seconds: number; restored: number } {
  const t0 = performance.now();
  const r = spawnSync(NODE, ['scripts/build.ts'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: 'https://example.invalid', CCHC_INCREMENTAL: incremental ? '1' : '0', OUT_DIR: outDir, ASTRO_LOG: 'info' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build ${incremental ? 'incremental' : 'full'} failed (${r.status}):\n${(r.stdout + r.stderr).split('\n').filter((l) => !l.includes('├')).slice(-30).join('\n')}`);
  return { seconds: (performance.now() - t0) / 1000, restored: (r.stdout.match(/\(restored\)/g) ?? []).length };
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

const reportDirs = (dir: string) => readdirSync(join(dir, 'content/reports')).filter((n) => statSync(join(dir, 'content/reports', n)).isDirectory()).sort();

function editCsv(path: string, f: (rows: Record<string, string>[]) => Record<string, string>[]): void {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  writeFileSync(path, `${Papa.unparse(f(parsed.data), { columns: parsed.meta.fields, newline: '\n' })}\n`);
}

function editJson<T>(path: string, f: (value: T) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as T;
  f(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** The edits, applied one after another: what a pull request changes in content/ and data/. */
const EDITS: { name: string; apply: (dir: string) => void }[] = [
  {
    name: 'ghi chú của một số liệu',
    apply: (dir) => editCsv(join(dir, 'content/reports', reportDirs(dir)[0], 'figures.csv'), (rows) => rows.map((r, i) => (i === 0 ? { ...r, note: `${r.note ?? ''} (ghi chú đã sửa)`.trim() } : r))),
  },
  {
    name: 'một đoạn tường thuật',
    apply: (dir) => {
      const folder = join(dir, 'content/reports', reportDirs(dir)[1 % reportDirs(dir).length], 'narrative');
      const first = readdirSync(folder).sort()[0];
      writeFileSync(join(folder, first), `${readFileSync(join(folder, first), 'utf8').trimEnd()}\n\nĐoạn thêm để kiểm tra bản dựng tăng dần.\n`);
    },
  },
  { name: 'tên một chỉ số', apply: (dir) => editJson<{ label: string }[]>(join(dir, 'data/indicators.json'), (list) => void (list[0].label += ' (tên đã sửa)')) },
  { name: 'tên một đơn vị', apply: (dir) => editJson<{ name: string }[]>(join(dir, 'data/organizations.json'), (list) => void (list[0].name += ' (tên đã sửa)')) },
  {
    name: 'tiêu đề một báo cáo',
    apply: (dir) => editJson<{ title: string }>(join(dir, 'content/reports', reportDirs(dir)[2 % reportDirs(dir).length], 'report.json'), (r) => void (r.title += ' (đã sửa)')),
  },
  {
    name: 'bỏ một số liệu',
    apply: (dir) => {
      // The last row no curator-declared check names (removing one a check uses would be a validation error).
      const report = join(dir, 'content/reports', reportDirs(dir)[0]);
      const checks = (() => {
        try {
          return readFileSync(join(report, 'checks.csv'), 'utf8');
        } catch {
          return '';
        }
      })();
      editCsv(join(report, 'figures.csv'), (rows) => {
        const i = rows.findLastIndex((r) => !new RegExp(`\\b${r.id.replace(/[-]/g, '\\-')}\\b`).test(checks));
        return rows.filter((_, j) => j !== i);
      });
    },
  },
  {
    name: 'thêm một báo cáo',
    apply: (dir) => {
      const tree = { ...readTree(join(relative(ROOT, dir), 'content/reports'), 'content/reports'), ...readTree(join(relative(ROOT, dir), 'data'), 'data') };
      for (const [path, text] of Object.entries(synthesize(tree, reportDirs(dir).length + 1))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    },
  },
];

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
    console.log(`sửa ${edit.name}: tăng dần ${inc.seconds.toFixed(1)} s (${inc.restored} trang lấy lại), đầy đủ ${full.seconds.toFixed(1)} s — ${diff.length === 0 ? 'giống hệt' : `${diff.length} tệp khác`}`);
    for (const p of diff.slice(0, 20)) console.log(`    ${p}`);
    if (diff.length > 0) console.log(firstDifference(join(dir, 'dist'), join(dir, 'dist-full'), diff[0]));
    failed += diff.length;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`Bản dựng tăng dần khác bản dựng đầy đủ ở ${failed} tệp: khoá trang trong src/view/page-keys.ts thiếu một thứ trang hiển thị.`);
  process.exit(1);
}
console.log('Bản dựng tăng dần giống hệt bản dựng đầy đủ sau mọi lần sửa.');
