// `npm run bench -- --scale 50,250,1000`: how the build and the built site grow.
// For each N: synthetic content (scripts/scale/synthesize.ts) in a temporary copy of the
// project (never in content/), a full `npm run build` there, then per-stage wall time,
// CPU time and peak memory of the whole process tree, dist size and file count, page
// weight and DOM size, and first-search payload and time in Chromium. A bare Astro site
// with the same number of trivial pages is built beside it as the floor.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { synthesize, type Files } from './scale/synthesize.ts';
import { EDITS } from './scale/edits.ts';
import { serveDist } from './static-server.ts';

const ROOT = process.cwd();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUERIES = ['67.628', 'ho so truc tuyen', 'Tu Mo Rong', 'ty le ho so giai quyet dung han'];
// Decimal units, as the issue's budgets are written (1 KB = 1,000 bytes, 1 GB = 10^9): stricter than KiB/GiB.
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function readTree(dir: string, prefix: string): Files {
  return Object.fromEntries(walk(join(ROOT, dir)).map((p) => [`${prefix}/${relative(join(ROOT, dir), p)}`, readFileSync(p, 'utf8')]));
}

/** A throw-away copy of the project: code copied (the build writes src/generated), node_modules linked. */
export function workspace(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-scale-'));
  for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true, filter: (p) => !p.includes('/src/generated') });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Stage { name: string; wall: number; cpu: number; peakRss: number }
interface Run { wall: number; cpu: number; peakRss: number; stages: Stage[] }

const TICKS = 100; // USER_HZ on Linux

/** RSS (bytes) and CPU seconds (own + reaped children) over a process and its descendants, from /proc. */
function treeUsage(pid: number): { rss: number; cpu: number } {
  let total = 0;
  let cpu = 0;
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch { /* process ended */ }
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14-17 of stat: utime, stime, cutime, cstime (here offset by the two skipped fields).
      cpu += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
    } catch { /* ended */ }
    stack.push(...(children.get(p) ?? []));
  }
  return { rss: total, cpu };
}

/** Run a command, timestamping each "[stage]" log line; /usr/bin/time gives CPU of the whole tree. */
function measure(cmd: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const timeFile = join(cwd, '.time');
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, ...cmd], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let stagePeak = 0;
    let cpuNow = 0;
    const sample = () => {
      const u = treeUsage(child.pid!);
      peak = Math.max(peak, u.rss);
      stagePeak = Math.max(stagePeak, u.rss);
      cpuNow = Math.max(cpuNow, u.cpu);
    };
    const sampler = setInterval(sample, 250);
    const stages: Stage[] = [];
    let last = start;
    let lastCpu = 0;
    let tail = '';
    // A stage ends at its "[build] …" line: wall, CPU and peak memory since the previous line.
    const onLine = (line: string) => {
      const m = /^\[(build|search)\]\s*(.*)$/.exec(line);
      if (!m) return;
      // The build's own line (stage time, peak and held memory by kind) is kept in the bench log.
      console.log(`    ${line}`);
      sample();
      const now = performance.now();
      stages.push({ name: m[2].slice(0, 60), wall: (now - last) / 1000, cpu: cpuNow - lastCpu, peakRss: stagePeak });
      last = now;
      lastCpu = cpuNow;
      stagePeak = 0;
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-4000);
        for (const line of chunk.split('\n')) onLine(line.trim());
      });
    }
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${cmd.join(' ')} exited ${code}\n${tail}`));
      const [user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
      resolve({ wall: (performance.now() - start) / 1000, cpu: user + sys, peakRss: peak, stages });
    });
  });
}

/** The floor: an Astro site with `pages` trivial pages and nothing else. */
async function bareAstro(pages: number): Promise<Run & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bare-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}\n');
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' } });\n");
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  writeFileSync(
    join(dir, 'src/pages/p/[n].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } })); }\nconst { n } = Astro.params;\n---\n<html lang="vi"><head><title>Trang {n}</title></head><body><h1>Trang {n}</h1></body></html>\n`,
  );
  const run = await measure([join(ROOT, 'node_modules/.bin/astro'), 'build', '--silent'], dir, process.env);
  return { ...run, dir };
}

/** One first search in a fresh browser context: ms from submitting to the first results and to the whole first page. */
export interface FirstSearch { ms: number; msPage: number; wait: number; gzFirst: number; gz: number; msAll: number; older: boolean; results: number }
export interface Probe { q: string; paste: FirstSearch; typed: FirstSearch; msFresh: number; msAgain: number }
/** Delay between keystrokes when the probe types a query: a fast typist (the search page's typing pause is 200 ms). */
export const TYPING_DELAY_MS = 120;

/**
 * Each query twice, each time in a fresh browser context (empty cache), as a reader's first search. The probe
 * focuses the box and waits until the index has loaded (pagefind.js, WebAssembly, metadata, filters: the page loads
 * them on focus), then either pastes the query and presses Enter ("paste") or types it at TYPING_DELAY_MS per key and
 * presses Enter ("typed": the page loads the words' index chunks while the reader types). Per run:
 * - ms / msPage: from Enter to the first results in the page and to the whole first page (main bundle only);
 *   `wait` the part spent waiting for the index (0 when it had loaded);
 * - gzFirst: Pagefind bytes fetched until the whole first page is shown (as a gzip-serving host sends them), the
 *   index load and anything fetched while typing included;
 * - gz / msAll: the same until the search settles, an older year merged included when results were few;
 * - msFresh: then, on the pasted page (index loaded), another query of the list pasted (its chunks may be new);
 * - msAgain: and the first query once more (everything it needs loaded). Both to the first results.
 */
export async function searchProbe(dist: string, queries: readonly string[] = QUERIES): Promise<Probe[]> {
  if (!existsSync(CHROMIUM)) return [];
  const server = await serveDist(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const out: Probe[] = [];
  type Timing = { ms: number; msPage: number; wait: number; results: number; step: string; at: number; atPage: number };
  const timingsSince = (page: Page, n: number) => page.evaluate((n) => (window as unknown as { __searchTimings: Timing[] }).__searchTimings.slice(n), n);
  const count = (page: Page) => page.evaluate(() => (window as unknown as { __searchTimings?: unknown[] }).__searchTimings?.length ?? 0);
  const ask = async (page: Page, query: string, typed: boolean): Promise<Timing[]> => {
    const before = await count(page);
    if (typed) await page.keyboard.type(query, { delay: TYPING_DELAY_MS }); // into the empty, focused box
    else await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await page.waitForSelector('#search-list[data-state=done]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(200); // trailing fragment requests
    // Only the search Enter submitted (a typing pause may have run one before it).
    const all = await timingsSince(page, before);
    return all.slice(Math.max(0, all.findLastIndex((x) => x.step === 'first')));
  };
  const firstSearch = async (q: string, typed: boolean) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: { at: number; gz: number }[] = [];
    page.on('requestfinished', async (req) => {
      const url = new URL(req.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      const file = join(dist, url.pathname);
      // What a gzip-serving host sends: Pagefind's own files are compressed already.
      const gz = existsSync(file) ? (/\.(js|json|css)$/.test(file) ? gzipSync(readFileSync(file)).length : statSync(file).size) : 0;
      // Wall clock (ms since the epoch) of the response's end.
      const t = req.timing();
      fetched.push({ at: t.startTime + t.responseEnd, gz });
    });
    await page.goto(`${server.url}/tim-kiem/`, { waitUntil: 'networkidle' });
    await page.focus('#q');
    // The index loaded (older builds set no flag: then the network going quiet).
    await page.waitForSelector('#search-form[data-index=ready]', { state: 'attached', timeout: 10_000 }).catch(() => page.waitForLoadState('networkidle'));
    // The page's clock (performance.now, which the timings use) on the requests' wall clock.
    const origin = await page.evaluate(() => performance.timeOrigin);
    const runs = await ask(page, q, typed);
    const first = runs[0];
    const last = runs.at(-1)!;
    const sum = (xs: { gz: number }[]) => xs.reduce((n, x) => n + x.gz, 0);
    const settled = fetched.filter((f) => f.at <= origin + last.atPage + 200);
    const result: FirstSearch = {
      ms: first.ms, msPage: first.msPage ?? first.ms, wait: first.wait ?? 0, results: last.results, older: runs.length > 1, msAll: last.msPage ?? last.ms,
      gzFirst: sum(settled.filter((f) => f.at <= origin + (first.atPage ?? first.at))), gz: sum(settled),
    };
    return { context, page, result };
  };
  try {
    for (const [i, q] of queries.entries()) {
      const typed = await firstSearch(q, true);
      await typed.context.close();
      const paste = await firstSearch(q, false);
      const msFresh = (await ask(paste.page, queries[(i + 1) % queries.length], false))[0].ms;
      const msAgain = (await ask(paste.page, q, false))[0].ms;
      await paste.context.close();
      out.push({ q, paste: paste.result, typed: typed.result, msFresh, msAgain });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** One probe line per query, the same in `npm run bench -- --scale` and `scripts/search-probe.ts`. */
export function probeLine(s: Probe): string {
  const run = (r: FirstSearch) =>
    `${r.ms.toFixed(0)} ms to first results, ${r.msPage.toFixed(0)} ms to the first page${r.wait >= 1 ? ` (${r.wait.toFixed(0)} ms waiting for the index)` : ''}, ${kb(r.gzFirst)}` +
    (r.older ? `; with the older year merged ${kb(r.gz)}, ${r.msAll.toFixed(0)} ms` : '');
  return `“${s.q}” (${s.paste.results} results): pasted + Enter ${run(s.paste)} · typed (${TYPING_DELAY_MS} ms/key) + Enter ${run(s.typed)} · fresh query on the loaded page ${s.msFresh.toFixed(0)} ms · same query again ${s.msAgain.toFixed(0)} ms`;
}

function pageStats(dist: string) {
  const html = walk(dist).filter((p) => p.endsWith('.html') && !p.includes('/pagefind/'));
  const weigh = (p: string) => {
    const text = readFileSync(p, 'utf8');
    const assets = [...text.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => join(dist, m[1]));
    return gzipSync(text).length + assets.reduce((n, a) => n + (existsSync(a) ? gzipSync(readFileSync(a)).length : 0), 0);
  };
  // Elements in the markup: a DOM-node count without a browser.
  const nodes = (p: string) => (readFileSync(p, 'utf8').match(/<[a-zA-Z][^>]*>/g) ?? []).length;
  const weights = html.map((p) => ({ p: relative(dist, p), w: weigh(p), n: nodes(p) })).sort((a, b) => a.w - b.w);
  const at = (path: string) => weights.find((x) => x.p === path);
  const heaviest = weights.at(-1)!;
  const mostNodes = [...weights].sort((a, b) => a.n - b.n).at(-1)!;
  // Pages over the issue's budgets (≤ 5,000 elements, ≤ 100 KB gzip), worst first.
  const over = [...weights].filter((x) => x.n > 5000 || x.w > 100_000).sort((a, b) => b.n - a.n);
  return {
    over,
    pages: html.length,
    median: weights[Math.floor(weights.length / 2)].w,
    heaviest,
    mostNodes,
    home: at('index.html'),
    reports: at('bao-cao/index.html'),
    indicators: at('chi-so/index.html'),
  };
}

export async function runScale(sizes: number[], opts: { rebuild?: boolean } = {}): Promise<void> {
  const real: Files = { ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') };
  const rows: string[] = [];
  for (const n of sizes) {
    console.log(`\n=== ${n} báo cáo ===`);
    const dir = workspace(synthesize(real, n));
    try {
      const run = await measure([join(ROOT, 'node_modules/.bin/node'), 'scripts/build.ts'], dir, { ...process.env, SITE_URL: process.env.SITE_URL ?? 'https://example.invalid' });
      const dist = join(dir, 'dist');
      const files = walk(dist);
      const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
      const pf = files.filter((f) => f.includes('/pagefind/'));
      const stats = pageStats(dist);
      const bare = await bareAstro(stats.pages);
      rmSync(bare.dir, { recursive: true, force: true });
      const search = await searchProbe(dist);
      console.log(`dựng: ${run.wall.toFixed(1)} s thực, ${run.cpu.toFixed(1)} s CPU, đỉnh bộ nhớ (cả cây tiến trình) ${mb(run.peakRss)}`);
      for (const s of run.stages) console.log(`  ${s.wall.toFixed(1).padStart(7)} s thực ${s.cpu.toFixed(1).padStart(7)} s CPU ${mb(s.peakRss).padStart(10)}  đến "${s.name}"`);
      // Two ratios: the whole build (validation, exports, pages, search) and the page-rendering stage alone.
      const astroStage = run.stages.find((st) => st.name.startsWith('astro build'));
      console.log(`Astro trống cùng ${stats.pages} trang: ${bare.wall.toFixed(1)} s, ${bare.cpu.toFixed(1)} s CPU, ${mb(bare.peakRss)} → tỷ lệ ${(run.wall / bare.wall).toFixed(1)}× (cả bản dựng)${astroStage ? `, ${(astroStage.wall / bare.wall).toFixed(1)}× (riêng bước astro build)` : ''}`);
      console.log(`dist: ${mb(bytes)} trong ${files.length} tệp; Pagefind ${mb(pf.reduce((s, f) => s + statSync(f).size, 0))} trong ${pf.length} tệp`);
      // Where files and bytes go, per top-level folder: what grows with reports shows when two sizes are compared.
      const byDir = new Map<string, { files: number; bytes: number }>();
      for (const f of files) {
        const top = relative(dist, f).split('/')[0];
        const key = top.includes('.') ? '(gốc)' : `${top}/`;
        const e = byDir.get(key) ?? { files: 0, bytes: 0 };
        e.files++;
        e.bytes += statSync(f).size;
        byDir.set(key, e);
      }
      console.log(`  theo thư mục: ${[...byDir].sort((a, b) => b[1].bytes - a[1].bytes).map(([d, e]) => `${d} ${e.files} tệp ${mb(e.bytes)}`).join(' · ')}`);
      console.log(`trang: ${stats.pages}; trung vị ${kb(stats.median)}; nặng nhất ${kb(stats.heaviest.w)} (${stats.heaviest.p}); nhiều phần tử nhất ${stats.mostNodes.n} (${stats.mostNodes.p})`);
      console.log(`  vượt ngân sách (> 5.000 phần tử hoặc > 100 KB gzip): ${stats.over.length} trang${stats.over.length ? ` — ${stats.over.slice(0, 5).map((x) => `${x.p} ${x.n} phần tử ${kb(x.w)}`).join('; ')}` : ''}`);
      for (const [name, s] of [['trang chủ', stats.home], ['danh sách báo cáo', stats.reports], ['danh sách chỉ số', stats.indicators]] as const) {
        if (s) console.log(`  ${name}: ${kb(s.w)} gzip, ${s.n} phần tử`);
      }
      // See searchProbe for what each number measures (with the index loaded, from Enter).
      for (const s of search) console.log(`  tìm ${probeLine(s)}`);
      let rebuilt = '';
      if (opts.rebuild) {
        // The edit-to-preview loop at this size: a normal build (every cache on: charts, workbooks, share images,
        // Astro's page cache) as on a curator's machine, then one figure's note edited and the site built again.
        const env: NodeJS.ProcessEnv = { ...process.env, SITE_URL: process.env.SITE_URL ?? 'https://example.invalid', CCHC_INCREMENTAL: '1' };
        delete env.CCHC_CACHE;
        const warm = await measure([join(ROOT, 'node_modules/.bin/node'), 'scripts/build.ts'], dir, env);
        EDITS[0].apply(dir);
        const again = await measure([join(ROOT, 'node_modules/.bin/node'), 'scripts/build.ts'], dir, env);
        const stageOf = (r: Run) => r.stages.find((st) => st.name.startsWith('astro build'));
        console.log(`dựng nạp bộ đệm (lần đầu, ghi mọi bộ đệm) ${warm.wall.toFixed(1)} s; sau khi sửa ${EDITS[0].name}: ${again.wall.toFixed(1)} s thực, ${again.cpu.toFixed(1)} s CPU, bước astro build ${stageOf(again)?.wall.toFixed(1) ?? '—'} s → ${(again.wall / bare.wall).toFixed(1)}× Astro trống (cả bản dựng)${stageOf(again) ? `, ${(stageOf(again)!.wall / bare.wall).toFixed(1)}× (riêng bước astro build)` : ''}`);
        for (const st of again.stages) console.log(`  ${st.wall.toFixed(1).padStart(7)} s thực ${st.cpu.toFixed(1).padStart(7)} s CPU  đến "${st.name.slice(0, 90)}"`);
        rebuilt = ` · dựng lại sau một sửa ${again.wall.toFixed(0)} s, ${(again.wall / bare.wall).toFixed(1)}×`;
      }
      const worst = search.reduce((m, s) => Math.max(m, s.paste.gzFirst, s.typed.gzFirst), 0);
      rows.push(`| ${n} | ${stats.pages} | ${run.wall.toFixed(0)} s (${((run.wall / n) * 1000).toFixed(0)} ms/báo cáo) | ${(run.wall / stats.pages / (bare.wall / stats.pages)).toFixed(1)}×${rebuilt} | ${mb(run.peakRss)} | ${mb(bytes)}, ${files.length} tệp | ${search.length ? kb(worst) : '—'} | ${kb(stats.heaviest.w)} | ${stats.mostNodes.n} | ${stats.home ? kb(stats.home.w) : '—'} |`);
    } finally {
      if (!process.env.KEEP_SCALE) rmSync(dir, { recursive: true, force: true });
      else console.log(`(giữ lại ${dir})`);
    }
  }
  console.log('\n| báo cáo | trang | dựng | so với Astro trống | đỉnh bộ nhớ | dist | tìm lần đầu (lớn nhất) | trang nặng nhất | phần tử nhiều nhất | trang chủ |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('Mục tiêu ở 1.000 báo cáo: bộ nhớ ≤ 4 GB; ≤ 2× Astro trống mỗi trang; tìm lần đầu ≤ 150 KB; trang ≤ 100 KB gzip, ≤ 5.000 phần tử; trang chủ ≤ 30 KB; dist ≤ 20.000 tệp, ≤ 1 GB.');
}

// Entry when run directly (bench.ts imports runScale for `--scale`).
if (process.argv[1]?.endsWith('bench-scale.ts')) {
  const arg = process.argv.find((a) => /^\d+(,\d+)*$/.test(a)) ?? '50';
  await runScale(arg.split(',').map(Number));
}
