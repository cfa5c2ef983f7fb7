// File-writing side of the build stages (kept out of src/ so those stay pure).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Site } from '../src/pipeline/derive.ts';
import { generateReportMdx } from '../src/view/render-mdx.ts';
import type { ExportFile } from '../src/publish/export.ts';
import { formatIssue } from '../src/pipeline/validate.ts';
import type { Issue } from '../src/core/model.ts';

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
