// File-writing side of the build stages (kept out of src/ so those stay pure).
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Site } from '../src/pipeline/derive.ts';
import { generateReportMdx } from '../src/view/render-mdx.ts';
import type { ExportFile } from '../src/publish/export.ts';
import { formatIssue, type Issue } from '../src/pipeline/validate.ts';

export const GENERATED_DIR = 'src/generated/reports';

/** Replace src/generated/reports/ with one MDX file per report. Returns the paths written. */
export function writeGenerated(site: Site, root: string): string[] {
  const dir = join(root, GENERATED_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return site.content.reports.map((r) => {
    const path = join(dir, `${r.meta.id}.mdx`);
    writeFileSync(path, generateReportMdx(r, site));
    return path;
  });
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

/**
 * The site URL a build writes into identifiers, citations and feeds. A production build
 * (--production, CI=true or NODE_ENV=production) must be given SITE_URL: a silent
 * http://localhost:4321 in 700 published files is worse than no build.
 */
export function resolveSiteUrl(env: Record<string, string | undefined>, argv: string[]): { url: string; production: boolean; error?: string; note: string } {
  const production = argv.includes('--production') || env.CI === 'true' || env.NODE_ENV === 'production';
  const raw = env.SITE_URL?.trim();
  if (!raw) {
    const url = 'http://localhost:4321';
    if (production) return { url, production, note: '', error: 'Thiếu SITE_URL: bản dựng production (--production, CI=true hoặc NODE_ENV=production) cần địa chỉ công khai của cổng, vd. SITE_URL=https://cchc.example.gov.vn npm run build. Dựng để xem trên máy: bỏ --production/CI.' };
    return { url, production, note: `SITE_URL chưa đặt: dùng ${url} (chỉ để xem trên máy; đặt SITE_URL trước khi triển khai).` };
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}" không phải URL hợp lệ: cần dạng https://ten-mien.vn` };
  }
  if (!/^https?:$/.test(parsed.protocol) || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash) {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}": cần http(s)://tên-miền, không kèm đường dẫn con, ?truy-vấn hay #neo (các liên kết của cổng bắt đầu từ gốc /)` };
  }
  if (production && /^(localhost|127\.|\[::1\])/.test(parsed.hostname)) {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}" trỏ về máy cục bộ: bản dựng production cần địa chỉ công khai` };
  }
  return { url: raw.replace(/\/$/, ''), production, note: `SITE_URL = ${raw.replace(/\/$/, '')}${production ? ' (production)' : ''}` };
}
