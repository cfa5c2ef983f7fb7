// `npx tsx scripts/bench-edit.ts [--dev] [--repeat N]`: the edit-to-preview loop at today's size (issue 14,
// targets ≤ 15 s for validate + build on an idle machine, ≤ 3 s for `npm run dev`), in a temporary copy of
// the project with the real content (content/ is never touched):
//   1. a full build (the build cache in node_modules/.cache/cchc/ is shared, as on a developer's machine);
//   2. one figure's note edited, then `validate` and `build` again, with the build's own stage lines;
//   3. `astro dev` on a free port with the report page open in Chromium: seven kinds of staff edits (a figure's
//      note, a narrative, a report title, an indicator label; then three that rewrite the report's MDX: an
//      indicator moved to another area, a narrative file removed, put back), each N times (default 3), timed
//      from the file write to the watcher's steps (CCHC_DEV_TIMING lines of scripts/dev-content.ts), the page's
//      response and the browser showing the new text; the page loads each edit caused are counted (must be
//      exactly 1; the run exits 1 otherwise, or when an edit never shows).
//   4. a fresh `npm run dev` on the edited content: home, lists, the report, its source text and an edited
//      indicator's page must be byte-identical to the edited server's (no stale module or cache).
// --dev runs steps 3-4 only. BENCH_DEV_CONTENT=<file> swaps in another scripts/dev-content.ts (before/after
// in the same minutes); BENCH_VERBOSE=1 prints the server's log, the browser's requests and HMR messages.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { extraSections } from '../src/core/schema.ts';
import { urls } from '../src/core/urls.ts';
import { readTree, workspace } from './bench-scale.ts';

const ROOT = process.cwd();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

/**
 * One staff edit of a kind the dev server must follow, adding `mark` (a plain word) where the report page shows it;
 * an edit that removes something names instead the element id that must disappear (`gone`).
 */
interface DevEdit {
  kind: string;
  apply(dir: string, report: string, mark: string): void | { gone: string };
}

function editJsonText(path: string, f: (value: Record<string, unknown>[] | Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  f(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Narratives removed by the bench, put back (with a mark) by the next edit. */
const removedNarratives = new Map<string, string>();
/** The report's last narrative of an extra section (overview, limits…): its heading, with the file's name as id, goes with the file. */
function lastNarrative(dir: string, report: string): string {
  const files = new Set(readdirSync(join(dir, 'content/reports', report, 'narrative')));
  const section = extraSections.map((e) => e.id).filter((id) => files.has(`${id}.md`)).at(-1);
  if (!section) throw new Error(`${report}: no narrative of an extra section (${extraSections.map((e) => e.id).join(', ')}) to remove and put back`);
  return section;
}

const firstFigure = (dir: string, report: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(dir, 'content/reports', report, 'figures.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data[0];

export const DEV_EDITS: DevEdit[] = [
  { kind: 'ghi chú số liệu (figures.csv)', apply: (dir, report, mark) => editFigure(dir, report, mark) },
  {
    kind: 'tường thuật (narrative/*.md)',
    apply: (dir, report, mark) => {
      const folder = join(dir, 'content/reports', report, 'narrative');
      const path = join(folder, readdirSync(folder).sort()[0]);
      const lines = readFileSync(path, 'utf8').split('\n');
      const i = lines.findIndex((l) => /^[^#\s-]/.test(l));
      lines[i] = `${lines[i]} ${mark}`;
      writeFileSync(path, lines.join('\n'));
    },
  },
  {
    kind: 'tiêu đề báo cáo (report.json)',
    apply: (dir, report, mark) => editJsonText(join(dir, 'content/reports', report, 'report.json'), (r) => void ((r as { title: string }).title += ` ${mark}`)),
  },
  {
    kind: 'tên chỉ số (data/indicators.json)',
    apply: (dir, report, mark) => {
      const id = firstFigure(dir, report).indicator;
      editJsonText(join(dir, 'data/indicators.json'), (list) => void ((list as { id: string; label: string }[]).find((x) => x.id === id)!.label += ` ${mark}`));
    },
  },
  // The next three rewrite the report's MDX (front matter or sections) like a title edit: Astro's content layer
  // and Vite see that file change too, which is what made a title edit reload the page two or three times.
  {
    kind: 'lĩnh vực chỉ số (indicators.json, MDX)',
    apply: (dir, report, mark) => {
      const id = firstFigure(dir, report).indicator;
      const areas = (JSON.parse(readFileSync(join(dir, 'data/areas.json'), 'utf8')) as { id: string }[]).map((a) => a.id);
      editJsonText(join(dir, 'data/indicators.json'), (list) => {
        const indicator = (list as { id: string; area: string; label: string }[]).find((x) => x.id === id)!;
        // The figure moves to the next area: the per-area sections and counts of the MDX change.
        indicator.area = areas[(areas.indexOf(indicator.area) + 1) % areas.length];
        indicator.label += ` ${mark}`;
      });
    },
  },
  {
    kind: 'bỏ tệp tường thuật (narrative/, MDX)',
    apply: (dir, report) => {
      const section = lastNarrative(dir, report);
      const path = join(dir, 'content/reports', report, 'narrative', `${section}.md`);
      removedNarratives.set(path, readFileSync(path, 'utf8'));
      rmSync(path);
      return { gone: section };
    },
  },
  {
    kind: 'thêm tệp tường thuật (narrative/, MDX)',
    apply: (dir, report, mark) => {
      const [path, text] = [...removedNarratives].at(-1)!;
      removedNarratives.delete(path);
      const lines = text.split('\n');
      const i = lines.findIndex((l) => /^[^#\s-]/.test(l));
      lines[i] = `${lines[i]} ${mark}`;
      writeFileSync(path, lines.join('\n'));
    },
  },
];

/** What the content watcher logs per regeneration with CCHC_DEV_TIMING=1 (epoch ms, scripts/dev-content.ts). */
interface WatcherTiming { files: string[]; event: number; start: number; regenerated: number; invalidated: number; synced?: number; reloaded: number; absorbed?: number }

const LOST_MS = 30_000;
/** After an edit shows, how long no page load may start before the loads are counted. */
const QUIET_MS = 2000;
const ms = (a: number, b: number) => `${Math.round(b - a)}`.padStart(5);

/** Pages compared after the edits between the edited server and a fresh one: the edit must not leave stale state. */
function comparedPages(dir: string, report: string): string[] {
  return [urls.home(), urls.reports(), urls.report(report), urls.source(report), urls.indicator(firstFigure(dir, report).indicator), urls.indicators()];
}

/** Dev HTML without what differs between two servers of the same content (module timestamps after HMR). */
const normalizeDevHtml = (html: string) => html.replace(/([?&])t=\d+/g, '$1t=_');

async function fetchPages(port: number, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of paths) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    out.set(path, normalizeDevHtml(await res.text()));
  }
  return out;
}

/** A fresh `npm run dev` (generate, then astro dev) on the edited content: the same pages, byte for byte. */
async function compareWithFresh(dir: string, report: string, edited: Map<string, string>): Promise<void> {
  run('dev mới: tạo MDX', [bin('node'), 'scripts/generate.ts'], dir);
  const port = await freePort();
  const child = spawn(bin('astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, detached: true, stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${port}${urls.home()}`, () => true, 300_000);
    const fresh = await fetchPages(port, comparedPages(dir, report));
    const differ = [...edited].filter(([path, html]) => fresh.get(path) !== html);
    for (const [path, html] of differ) {
      const a = html.split('\n');
      const b = fresh.get(path)!.split('\n');
      const i = a.findIndex((line, j) => line !== b[j]);
      console.log(`  KHÁC ${path}, dòng ${i + 1}:\n    sau khi sửa: ${a[i]?.slice(0, 300)}\n    máy chủ mới: ${b[i]?.slice(0, 300)}`);
    }
    console.log(`dev: ${edited.size} trang sau các lần sửa so với máy chủ mới: ${differ.length === 0 ? 'giống hệt' : `${differ.length} trang khác`}`);
    if (differ.length) process.exitCode = 1;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function devLoop(dir: string, report: string, repeat: number): Promise<Map<string, string>> {
  run('dev: tạo MDX', [bin('node'), 'scripts/generate.ts'], dir);
  const port = await freePort();
  const timings: WatcherTiming[] = [];
  const child = spawn(bin('astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CCHC_DEV_TIMING: '1' },
  });
  let out = '';
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    let nl;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const m = /cchc-dev-timing (\{.*\})/.exec(line);
      if (m) timings.push(JSON.parse(m[1]) as WatcherTiming);
      else if (process.env.BENCH_VERBOSE) console.log(`    [astro] ${line}`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const url = `http://127.0.0.1:${port}/bao-cao/${report}/`;
    console.log(`dev: máy chủ lên, trang báo cáo lần đầu: ${(await waitFor(url, () => true, 300_000)).toFixed(1)} s`);
    const page = await browser.newPage();
    if (process.env.BENCH_VERBOSE) {
      const at = () => new Date().toISOString().slice(11, 23);
      page.on('console', (m) => console.log(`    [browser ${at()}] ${m.text()}`));
      page.on('websocket', (ws) => ws.on('framereceived', (f) => console.log(`    [ws ${at()}] ${String(f.payload).slice(0, 200)}`)));
      page.on('request', (r) => console.log(`    [request ${at()}] ${r.url()}`));
    }
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    console.log(`dev: trình duyệt mở trang: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Document requests of the page, to time the server's response after each reload.
    const docs: { start: number; end: number }[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest()) docs.push({ start: Date.now(), end: NaN });
    });
    page.on('requestfinished', (r) => {
      if (r.isNavigationRequest()) docs.at(-1)!.end = Date.now();
    });
    console.log(
      'dev: mỗi lần sửa, mili giây từ lúc ghi tệp: watcher thấy | hết chờ gộp | sinh lại xong | làm mới module | đồng bộ nội dung Astro | gửi tải lại | trang trả về | trình duyệt hiện chữ; số lần tải trang (phải là 1)',
    );
    const shown: Record<string, number[]> = {};
    const loads: Record<string, number[]> = {};
    let lost = 0;
    for (let n = 0; n < repeat; n++) {
      for (const edit of DEV_EDITS) {
        const mark = `suadev${n}x${DEV_EDITS.indexOf(edit)}`;
        const before = { timings: timings.length, docs: docs.length };
        const w = Date.now();
        const want = { text: mark, gone: '', ...(edit.apply(dir, report, mark) ?? {}) };
        if (want.gone) want.text = '';
        let seen = NaN;
        while (Date.now() - w < LOST_MS) {
          const has = await page
            .evaluate(({ text, gone }) => (text ? (document.body?.textContent?.includes(text) ?? false) : !!document.body && !document.getElementById(gone)), want)
            .catch(() => false);
          if (has) {
            seen = Date.now();
            break;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        if (Number.isNaN(seen)) {
          // The page never reloaded (a reload sent while it was loading is lost): counted, then reloaded by hand.
          const html = await (await fetch(url)).text();
          const onServer = want.text ? html.includes(want.text) : !html.includes(`id="${want.gone}"`);
          console.log(`  ${edit.kind.padEnd(40)} KHÔNG HIỆN sau ${LOST_MS / 1000} s (trang trên máy chủ đã có: ${onServer ? 'có' : 'không'}; số lần tải: ${docs.length - before.docs})`);
          lost++;
          await page.reload({ waitUntil: 'load' });
          continue;
        }
        // Count the page loads the edit caused: wait until none has started for QUIET_MS (late echoes of the
        // edit, e.g. a content-layer reload half a second after the first, would land in that time).
        let last = Date.now();
        let count = docs.length;
        while (Date.now() - last < QUIET_MS) {
          await new Promise((r) => setTimeout(r, 50));
          if (docs.length !== count) [count, last] = [docs.length, Date.now()];
        }
        await page.waitForLoadState('load').catch(() => undefined);
        const t = timings.slice(before.timings);
        const d = docs.slice(before.docs);
        const first = t[0];
        const doc = d.filter((x) => Number.isFinite(x.end)).at(-1);
        (shown[edit.kind] ??= []).push(seen - w);
        (loads[edit.kind] ??= []).push(d.length);
        const steps = first ? [first.event, first.start, first.regenerated, first.invalidated, first.synced ?? first.invalidated, first.reloaded].map((x) => ms(w, x)).join(' |') : '  (không có dòng watcher)';
        const extra = [t.length > 1 ? `${t.length} lần sinh lại` : '', first?.absorbed ? `${first.absorbed} lệnh tải lại gộp` : ''].filter(Boolean).join(', ');
        console.log(`  ${edit.kind.padEnd(40)} ${steps} | ${doc ? ms(w, doc.end) : '    ?'} | ${ms(w, seen)}; tải ${d.length}${d.length !== 1 ? ' ≠ 1' : ''}${extra ? `  [${extra}]` : ''}`);
      }
    }
    const extraLoads = Object.values(loads).flat().filter((x) => x !== 1).length;
    console.log(`dev: sửa → trình duyệt hiện chữ (s), nhỏ nhất–lớn nhất theo loại; số lần tải trang mỗi lần sửa${lost ? `; ${lost} lần sửa không hiện` : ''}:`);
    for (const [kind, xs] of Object.entries(shown)) {
      console.log(`  ${kind.padEnd(40)} ${(Math.min(...xs) / 1000).toFixed(1)}–${(Math.max(...xs) / 1000).toFixed(1)} s  (${xs.map((x) => (x / 1000).toFixed(2)).join(', ')}); tải ${loads[kind].join(', ')}`);
    }
    console.log(`dev: ${Object.values(loads).flat().length} lần sửa hiện ra, ${extraLoads === 0 ? 'mỗi lần đúng một lần tải trang' : `${extraLoads} lần sửa không đúng một lần tải trang`}`);
    if (lost || extraLoads) process.exitCode = 1;
    return await fetchPages(port, comparedPages(dir, report));
  } finally {
    await browser.close();
    process.kill(-child.pid!, 'SIGTERM');
  }
}

const args = process.argv.slice(2);
const devOnly = args.includes('--dev');
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3;
const dir = workspace({ ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') });
// Before/after in the same minutes: BENCH_DEV_CONTENT=<file> runs the dev loop with another scripts/dev-content.ts.
if (process.env.BENCH_DEV_CONTENT) writeFileSync(join(dir, 'scripts/dev-content.ts'), readFileSync(process.env.BENCH_DEV_CONTENT, 'utf8'));
try {
  const report = readTree('content/reports', 'content/reports');
  const id = Object.keys(report).find((p) => p.endsWith('/figures.csv'))!.split('/')[2];
  if (!devOnly) {
    run('dựng lần đầu', [bin('node'), 'scripts/build.ts'], dir);
    editFigure(dir, id, 'suabuild');
    const v = run('validate sau khi sửa', [bin('node'), 'scripts/validate.ts'], dir);
    const b = run('build sau khi sửa', [bin('node'), 'scripts/build.ts'], dir);
    if (!readFileSync(join(dir, 'dist/bao-cao', id, 'index.html'), 'utf8').includes('suabuild')) throw new Error('the edit is not in the rebuilt page');
    console.log(`sửa → xem (validate + build): ${(v + b).toFixed(1)} s`);
  }
  const edited = await devLoop(dir, id, repeat);
  await compareWithFresh(dir, id, edited);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
