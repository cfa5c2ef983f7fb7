// File-writing side of the build stages (kept out of src/ so those stay pure).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Site } from '../src/pipeline/derive.ts';
import { generateReportMdx } from '../src/view/render-mdx.ts';
import type { ExportFile } from '../src/publish/export.ts';
import { formatIssue } from '../src/pipeline/validate.ts';
import type { Issue } from '../src/core/model.ts';

/**
 * A logger for build stages: each call logs its message with the wall time since the previous
 * call and the process's peak RSS so far, so a slow or memory-hungry stage shows in the log itself.
 */
export function stageClock(log: (msg: string) => void, now = () => performance.now()): (msg: string) => void {
  let last = now();
  return (msg) => {
    const t = now();
    const peak = process.resourceUsage().maxRSS / 1024;
    log(`${msg} — ${((t - last) / 1000).toFixed(1)} s, đỉnh bộ nhớ ${peak.toFixed(0)} MB`);
    last = t;
  };
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

