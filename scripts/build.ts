// `npm run build`: the whole portal from content/ + data/, in stage order:
// load → validate → derive (runPipeline) → render MDX → astro build → export datasets → search index.
// Every [build] line ends with the stage's wall time and the process's peak memory so far.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { resolveSiteUrl } from './site-url.ts';
import { stageClock } from './stages.ts';

// V8 lets the old generation grow to a multiple of the live heap before a full collection; the build
// allocates in bursts (exports, page rendering) and that slack was most of its peak memory: the exports
// of 250 reports alone peaked at 779 MB, and at 419 MB with the heap let grow by 20 % between collections.
// Unlike --max-old-space-size (fixed at start-up) this only brings collections forward: it cannot run
// out of memory where the default would not. Read at every collection, so it can be set here.
setFlagsFromString('--heap-growing-percent=20');
// A larger young generation: page rendering makes many short-lived objects, and with V8's default 16 MB semi-spaces many
// survive two scavenges and are promoted, to be found by full collections of a ~1 GB heap. With 64 MB the build's GC time
// fell by ~30 % at 250 reports (23 → 16 s). Fixed at start-up (setFlagsFromString has no effect on it), so the build runs
// itself again with the flag, whatever started it (npm run build, the benches, the tests' tsx); the child inherits stdio,
// and its exit code or signal is passed on.
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, ['--max-semi-space-size=64', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (child.error) console.error(`[build] không chạy được bản dựng: ${child.error.message}`);
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
// A public body's build sends nothing anywhere: Astro's anonymous usage telemetry is off (read when astro loads).
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const root = process.cwd();
// OUT_DIR lets the determinism test build a second copy and compare bytes.
const outDir = process.env.OUT_DIR ?? `${root}/dist`;
const log = (msg: string) => console.log(`[build] ${msg}`);
const stage = stageClock(log);

// Checked before anything else runs: every identifier below is built from SITE_URL.
const siteUrl = resolveSiteUrl(process.env, process.argv.slice(2));
if (siteUrl.error) {
  console.error(`[build] ${siteUrl.error}`);
  process.exit(1);
}
log(siteUrl.note);

// Loaded after the check, so a refused production build fails in a second.
const { mkdirSync, renameSync, rmSync } = await import('node:fs');
const { rm } = await import('node:fs/promises');
const { runPipeline, shareSite } = await import('../src/pipeline/site.ts');
const { writeCatalogues, writeExports } = await import('../src/publish/export.ts');
const { excelFiles } = await import('../src/publish/downloads.ts');
const { BULK_ZIP, bulkZipChunks, zipEntry } = await import('../src/publish/bulk.ts');
const { sitemapXml } = await import('../src/publish/discovery.ts');
const { siteModified } = await import('../src/publish/datasets.ts');
const { forgetHashes } = await import('../src/publish/sha256.ts');
const { seedExportSizes } = await import('../src/view/dataset-catalog.ts');
const { collectGarbage, diskSink, exitOnContentErrors, pagePaths, streamFile, writeFiles, writeGenerated } = await import('./stages.ts');
const { cachedBytes, cachedByPieces, cachedSync, codeHash, installChartCache, pruneCache } = await import('./cache.ts');
const { keepPages, pruneKept, takeStamp, writeStamp } = await import('./keep-pages.ts');
const searchStats = { hits: 0, misses: 0 };
// The key src/view/charts/render.ts looks up (CHART_CACHE), without loading the plotting code here.
const CHART_CACHE = Symbol.for('cchc.chartCache');
type XlsxArgs = Parameters<typeof import('../src/publish/xlsx.ts').toXlsx>;
type FileFacts = import('../src/publish/datasets.ts').FileFacts;

/** The share-image worker (scripts/share-worker.ts); rejects with its error, never hangs on a crash. */
function runShareWorker(job: import('./share-worker.ts').ShareJob): Promise<import('./share-worker.ts').ShareResult> {
  return new Promise((resolve, reject) => {
    let result: import('./share-worker.ts').ShareResult | null = null;
    const worker = new Worker(new URL('./share-worker-entry.mjs', import.meta.url), { workerData: job });
    worker.on('message', (m) => (result = m));
    worker.on('error', reject);
    worker.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`ảnh chia sẻ: luồng vẽ dừng với mã ${code}`))));
  });
}

const { site, issues } = runPipeline(root);
exitOnContentErrors(issues);
// The Astro pages below get this same site object: the pipeline runs once per build.
shareSite(site);
// Loaded only once the content is valid: bad content fails in a second, not after loading the bundler.
const { build: astroBuild } = await import('astro');
const { buildSearchIndex } = await import('./search-index.ts');
stage(`${site.content.reports.length} báo cáo, ${site.figures.length} số liệu, ${site.warnings.length} ghi chú chất lượng dữ liệu`);
stage(`MDX: ${writeGenerated(site, root).length} trang`);

// Exports first, written and then let go: the pages need only their sizes (seeded here, so the
// pages never compute the exports again), and the Astro build no longer shares memory with them.
// Incremental pages (Astro's experimental.incrementalBuild): a page whose route code and cacheKey
// (src/view/page-keys.ts: what the page shows) are unchanged is copied from the previous build instead of
// rendered. On for builds on a working copy (the edit-to-preview loop); off in CI and with CCHC_CACHE=0,
// where no previous build exists and keeping a copy of every page would only cost time. CCHC_INCREMENTAL=1|0
// decides explicitly (scripts/check-incremental.ts compares the two). The page cache lives in .astro/cache/
// of this working copy (git-ignored), not in node_modules/, which benches and checks share by a symlink.
const incremental = process.env.CCHC_INCREMENTAL ? process.env.CCHC_INCREMENTAL === '1' : process.env.CCHC_CACHE !== '0' && !process.env.CI;
// Astro is told not to empty outDir, so the build clears it itself.
// The previous dist/ is renamed aside (instant) and deleted in the background while the build runs:
// deleting its thousands of files up front took 1–4 s of the edit-to-preview loop. Same parent folder,
// so the same file system; if renaming fails (dist/ a mount point), it is deleted here as before.
// Copies left by a build that stopped early (name.cu-<pid>) go the same way.
// An incremental build first takes its pages back from it (scripts/keep-pages.ts), when a stamp vouches that it is
// the untouched output of the build that wrote Astro's page manifest; the stamp is consumed by every build.
const cacheDir = join(root, '.astro/cache');
const reusePages = takeStamp(cacheDir, outDir) && incremental;
const oldDist = `${outDir}.cu-${process.pid}`;
// OUT_DIR may name a folder whose parent does not exist yet (the determinism test's second build).
mkdirSync(dirname(outDir), { recursive: true });
try {
  renameSync(outDir, oldDist);
} catch {
  rmSync(outDir, { recursive: true, force: true });
}
const removeAside = (name: string) => rm(join(dirname(outDir), name), { recursive: true, force: true }).catch((e: Error) => log(`không xoá được ${name}: ${e.message}`));
const removingOldDist = [
  ...readdirSync(dirname(outDir))
    .filter((n) => n.startsWith(`${basename(outDir)}.cu-`) && !(reusePages && n === basename(oldDist)))
    .map(removeAside),
];
// Streamed: each file goes to disk as it is produced (tables row chunk by row chunk); only sizes
// and checksums stay, which is all descriptors, DCAT, the API and the pages need of them.
// The catalogues (DCAT, data.json, CKAN) come last, once the .xlsx workbooks exist: they list every file's size and checksum.
const written = writeExports(site, diskSink(outDir), { catalogues: false });
{
  seedExportSizes(site, new Map([...written].map(([path, f]) => [path, f.bytes])));
  forgetHashes();
  stage(`dữ liệu: ${written.size} tệp văn bản`);
  // The bulk zip, entry by entry from the files just written (one file in memory at a time).
  const sources = [...written].map(([path, f]) => ({ path, sha256: f.sha256, read: () => new Uint8Array(readFileSync(join(outDir, path))) }));
  // Each entry zipped alone, so an unchanged file's entry is reused from the cache (keyed by its name and checksum).
  const zipStats = { hits: 0, misses: 0 };
  const zipCache = cachedSync('zip-entry', codeHash(['src/publish/bulk.ts', 'node_modules/fflate/package.json'], root), zipStats);
  const zipped = bulkZipChunks(site, sources, (name, sha256, read) => zipCache(`${name}\0${sha256}`, () => zipEntry(name, sha256, read)));
  const zip = streamFile(join(outDir, 'data', BULK_ZIP), zipped);
  writeFiles([{ path: `data/${BULK_ZIP}.sha256`, content: `${zip.sha256}  ${BULK_ZIP}\n` }], outDir);
  stage(`dữ liệu: gói zip (${zipStats.hits} tệp từ bộ đệm, ${zipStats.misses} nén mới)`);
  stage(`dữ liệu: ${written.size + 2} tệp (dữ liệu, API, danh mục, nguồn tin; bảng tính .xlsx ghi sau, cùng lúc với chỉ mục tìm kiếm)`);
}

/**
 * The .xlsx workbooks, the slowest export: cached by table + metadata + the code that writes them. No page
 * needs them (their size is not shown), so they are written while Pagefind, a separate process, indexes
 * the pages: a changed workbook (the observations table after any edit, ~2 s) is off the edit-to-preview path.
 */
async function writeWorkbooks(): Promise<{ message: string; facts: [string, FileFacts][] }> {
  const t0 = performance.now();
  const xlsxStats = { hits: 0, misses: 0 };
  const xlsxCode = codeHash(['src/publish/xlsx.ts', 'node_modules/exceljs/package.json', 'node_modules/fflate/package.json'], root);
  // ExcelJS is loaded on the first miss only.
  const cachedXlsx = cachedBytes<XlsxArgs>('xlsx', xlsxCode, async ([table, meta]) => (await import('../src/publish/xlsx.ts')).toXlsx(table, meta), xlsxStats);
  const workbooks = await excelFiles(site, undefined, (table, meta) => cachedXlsx([table, meta]));
  writeFiles(workbooks, outDir);
  const facts = workbooks.map((w): [string, FileFacts] => [w.path, { bytes: w.content.byteLength, sha256: createHash('sha256').update(w.content).digest('hex') }]);
  return { facts, message: `dữ liệu: ${workbooks.length} bảng tính .xlsx (${xlsxStats.hits} từ bộ đệm, ${xlsxStats.misses} tạo mới) trong ${((performance.now() - t0) / 1000).toFixed(1)} s, cùng lúc với chỉ mục tìm kiếm` };
}
collectGarbage();
// Charts are the costliest part of rendering pages: cached by input + chart code + plotting libraries.
// Every file of the chart folders (one folder per chart type), sorted so the key is stable.
const chartFiles = readdirSync(`${root}/src/view/charts`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => `src/view/charts/${f}`);
const chartCode = codeHash([...chartFiles, ...['@observablehq/plot', 'linkedom', 'd3'].map((p) => `node_modules/${p}/package.json`)], root);
const charts = installChartCache(CHART_CACHE, chartCode);
// Share images: drawn here (SVG, with the chart cache), rasterised in a worker thread while Astro builds
// the pages on this one; the Astro route then lists no paths (src/pages/chia-se).
const { shareCards } = await import('../src/view/share-image.ts');
const { setShareImagesByBuild } = await import('./share-png.ts');
const shares = runShareWorker({ root, outDir, cards: shareCards(site) });
shares.catch(() => {}); // awaited after the Astro build; this only keeps an early failure from counting as unhandled
setShareImagesByBuild(true);
// Page rendering allocates far more than it keeps: at 1,000 reports, collections at 20 % growth were a quarter of
// the page stage (25 of 96 s). Exports are done, and this stage's live heap is ~1 GB of a 4 GB budget.
setFlagsFromString('--heap-growing-percent=50');
const { setPageKeysByBuild } = await import('../src/view/page-keys.ts');
// Every file of the site's code (src/ but the generated MDX, which the content keys cover), the Astro config and the lockfile.
const siteCode = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => !f.startsWith('generated/') && statSync(join(root, 'src', f)).isFile())
  .sort()
  .map((f) => `src/${f}`);
setPageKeysByBuild(incremental, (text) => createHash('sha256').update(text).digest('hex'), codeHash([...siteCode, 'astro.config.mjs', 'package-lock.json'], root));
// Astro's content sync (the collection config loaded through Vite, the generated MDX pages into its data store, type
// declarations: ~1.3 s of every build) is skipped when its inputs are byte for byte those of the last build that ran it
// and its store is still there: most edits (figures, notes, narratives) leave the generated MDX unchanged.
// `sync` is an option of Astro's builder that its public type does not list; a changed Astro version re-syncs.
const generatedMdx = readdirSync(join(root, 'src/generated/reports')).filter((f) => f.endsWith('.mdx')).sort().map((f) => `src/generated/reports/${f}`);
const syncStamp = codeHash(['src/content.config.ts', 'astro.config.mjs', 'node_modules/astro/package.json', 'node_modules/@astrojs/mdx/package.json', ...generatedMdx], root);
const stampFile = join(cacheDir, 'content-sync.sha256');
const synced = ['.astro/cache/data-store.json', '.astro/content-modules.mjs', '.astro/content-assets.mjs'].every((f) => existsSync(join(root, f)));
// Only in incremental builds: a full build (CI, CCHC_CACHE=0, CCHC_INCREMENTAL=0) reuses no state of a previous one.
const sync = !(incremental && synced && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === syncStamp);
// Pages of the previous build back in place (a rename each), then what remains of it deleted in the background.
const builtSince = Date.now();
const keptPages = reusePages ? keepPages(cacheDir, oldDist, outDir) : [];
if (reusePages) removingOldDist.push(removeAside(basename(oldDist)));
await astroBuild({ root, outDir, logLevel: (process.env.ASTRO_LOG as 'info') ?? 'error', vite: { build: { emptyOutDir: false } }, experimental: { incrementalBuild: incremental }, cacheDir }, { sync } as never);
writeFileSync(stampFile, syncStamp);
// A kept page no longer built (a removed report) goes; the margin covers coarse file-system clocks (a kept page was
// written by an earlier build, seconds before this one started).
const prunedPages = reusePages ? pruneKept(cacheDir, outDir, keptPages, builtSince - 2000) : 0;
const pageMode = !incremental ? 'trang: dựng đầy đủ' : reusePages ? `trang: tăng dần, giữ tại chỗ ${keptPages.length} trang của bản dựng trước${prunedPages ? `, bỏ ${prunedPages} trang không còn` : ''}` : 'trang: tăng dần, chép lại trang không đổi từ bộ đệm';
stage(`astro build (biểu đồ: ${charts.hits} từ bộ đệm, ${charts.misses} vẽ mới; ${pageMode}; ${sync ? 'đồng bộ nội dung Astro' : 'đồng bộ nội dung: bỏ qua, MDX không đổi'})`);
{
  const s = await shares;
  stage(`ảnh chia sẻ: ${s.written} tệp, ${(s.bytes / 1e6).toFixed(1)} MB (${s.hits} từ bộ đệm, ${s.misses} vẽ mới; luồng riêng, song song với astro build)`);
}
// Back to early collections for the search stage, which runs beside two Pagefind processes (peak 2.9 GB at 50 %).
setFlagsFromString('--heap-growing-percent=20');
collectGarbage();
stage('dọn bộ nhớ sau astro build');
writeFiles([{ path: 'sitemap.xml', content: sitemapXml(pagePaths(outDir), siteModified(site)) }], outDir);
{
  const workbooks = writeWorkbooks();
  workbooks.catch(() => {}); // awaited below; only keeps an early failure from counting as unhandled
  // Unchanged bundles (the older years an edit did not touch) are unpacked from the build cache, not indexed again.
  const searchCode = codeHash(['scripts/search-index.ts', 'node_modules/pagefind/package.json'], root);
  const byPieces = cachedByPieces('search', searchCode, searchStats);
  await buildSearchIndex(site, outDir, log, (input, compute) => byPieces(function* () {
    yield input.dir;
    yield JSON.stringify(input.settings);
    yield* input.docs();
  }, compute));
  const books = await workbooks;
  log(books.message);
  for (const [path, facts] of books.facts) written.set(path, facts);
  writeCatalogues(site, written, diskSink(outDir));
}
stage(`chỉ mục tìm kiếm và bảng tính (gói chỉ mục: ${searchStats.hits} từ bộ đệm, ${searchStats.misses} lập mới)`);
{
  const pruned = pruneCache();
  if (pruned.removed) log(`bộ đệm: bỏ ${pruned.removed} mục lâu không dùng, giữ ${pruned.kept} (${(pruned.bytes / 1048576).toFixed(0)} MB)`);
}
await Promise.all(removingOldDist);
// Last: dist/ is complete, so the next incremental build may keep its pages.
if (incremental) writeStamp(cacheDir, outDir);
log(`xong: ${outDir}`);
