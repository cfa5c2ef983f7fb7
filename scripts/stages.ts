// File-writing side of the build stages (kept out of src/ so those stay pure).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Site } from '../src/pipeline/derive.ts';
import { generateReportMdx } from '../src/view/render-mdx.ts';
import type { ExportContent, ExportFile } from '../src/publish/export.ts';
import type { FileFacts } from '../src/publish/datasets.ts';
import { formatIssue } from '../src/pipeline/validate.ts';
import type { Issue } from '../src/core/model.ts';

/**
 * A logger for build stages: each call logs its message with the wall time since the previous
 * call and the process's peak RSS so far, so a slow or memory-hungry stage shows in the log itself.
 */
export function stageClock(log: (msg: string) => void, now = () => performance.now()): (msg: string) => void {
  let last = now();
  // Sampled while the event loop turns (Astro and Pagefind are async): the stage's largest V8 heap and
  // off-heap (Buffers, typed arrays) use, to tell garbage-collected growth from native memory in the peak.
  let heap = 0;
  let external = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
    return m;
  };
  setInterval(sample, 200).unref();
  return (msg) => {
    const t = now();
    const peak = process.resourceUsage().maxRSS / 1024;
    const m = sample();
    const mb = (b: number) => (b / 1048576).toFixed(0);
    log(`${msg} — ${((t - last) / 1000).toFixed(1)} s, đỉnh bộ nhớ ${peak.toFixed(0)} MB (bước này: heap tối đa ${mb(heap)} MB, ngoài heap tối đa ${mb(external)} MB; giữ lại: heap ${mb(m.heapUsed)} MB, RSS ${mb(m.rss)} MB)`);
    last = t;
    heap = 0;
    external = 0;
  };
}

/**
 * A full, compacting garbage collection, between stages: what a stage let go (export tables, Astro's
 * bundler state) is freed and its pages returned to the system before the next stage grows, instead of
 * whenever V8's heuristics get to it (at 1,000 reports the heap otherwise carries GBs of garbage into the next stage).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export const GENERATED_DIR = 'src/generated/reports';

/**
 * Make src/generated/reports/ hold exactly one MDX file per report. Unchanged files are not
 * rewritten, so the dev server reloads only pages whose MDX changed. Returns the paths.
 */
export function writeGenerated(site: Site, root: string): string[] {
  const dir = join(root, GENERATED_DIR);
  mkdirSync(dir, { recursive: true });
  const paths = site.content.reports.map((r) => {
    const path = join(dir, `${r.meta.id}.mdx`);
    const mdx = generateReportMdx(r, site);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== mdx) writeFileSync(path, mdx);
    return path;
  });
  const keep = new Set(paths);
  for (const name of readdirSync(dir)) if (!keep.has(join(dir, name))) rmSync(join(dir, name), { recursive: true, force: true });
  return paths;
}

export function writeFiles(files: { path: string; content: string | Uint8Array }[], outDir: string): void {
  for (const f of files) {
    const path = join(outDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
}

/**
 * A file written chunk by chunk as it is produced, hashed and measured on the way: the whole file
 * is never one string or buffer in memory. Returns its size and SHA-256.
 */
export function streamFile(path: string, chunks: Iterable<string | Uint8Array>): FileFacts {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  // node:crypto, not src/publish's plain-TypeScript SHA-256: the same digest, ~10× faster over every export (0.7 s at 300 reports).
  const hash = createHash('sha256');
  const enc = new TextEncoder();
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      const b = typeof chunk === 'string' ? enc.encode(chunk) : chunk;
      for (let at = 0; at < b.length; ) at += writeSync(fd, b, at);
      hash.update(b);
      bytes += b.length;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** The export sink of the build (src/publish/export.ts writeExports): every file straight to outDir. */
export const diskSink = (outDir: string) => (path: string, content: ExportContent): FileFacts => streamFile(join(outDir, path), typeof content === 'string' ? [content] : content);

/** Stop the build on content errors, listing them as `npm run validate` would. */
export function exitOnContentErrors(issues: Issue[]): void {
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length === 0) return;
  for (const e of errors) console.error(formatIssue(e));
  console.error(`\n${errors.length} lỗi nội dung — sửa rồi chạy lại (chi tiết: npm run validate).`);
  process.exit(1);
}

/** Root-relative paths of the HTML pages in outDir ("/bao-cao/x/"), for sitemap.xml; the 404 page is left out. */
export function pagePaths(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!['_astro', 'data', 'api', 'pagefind'].includes(name) || rel !== '/') walk(p, `${rel}${name}/`);
      } else if (name === 'index.html') out.push(rel);
    }
  };
  walk(outDir, '/');
  return out;
}

