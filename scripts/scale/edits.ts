// Edits a staff member makes to content/ and data/, applied to a throw-away copy of the project: used by
// scripts/check-incremental.ts (incremental = full build after each) and the scale bench's rebuild measurement.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Papa from 'papaparse';
import { readTree } from '../bench-scale.ts';
import { synthesize } from './synthesize.ts';

const ROOT = process.cwd();

export const reportDirs = (dir: string) => readdirSync(join(dir, 'content/reports')).filter((n) => statSync(join(dir, 'content/reports', n)).isDirectory()).sort();

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
export const EDITS: { name: string; apply: (dir: string) => void }[] = [
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
  {
    // The report the edit above added: its pages, kept from the last build, must leave dist/ (scripts/keep-pages.ts).
    name: 'gỡ một báo cáo',
    apply: (dir) => {
      const added = reportDirs(dir).filter((n) => /-s\d+$/.test(n)).at(-1);
      if (!added) throw new Error('gỡ một báo cáo: không có báo cáo mô phỏng nào để gỡ (chạy sau "thêm một báo cáo")');
      rmSync(join(dir, 'content/reports', added), { recursive: true });
    },
  },
];

