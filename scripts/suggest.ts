// `npm run suggest -- <report-id> [--left]`: candidate figures for a report's source.txt, written to
// content/reports/<id>/figures.suggested.csv for review. Never writes figures.csv: a curator copies the
// rows that are right (checking each number against its quote) and deletes the three helper columns.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { loadContent, REPORTS_DIR } from '../src/pipeline/load.ts';
import { nodeReader } from '../src/pipeline/node-reader.ts';
import { formatIssue, validateContent } from '../src/pipeline/validate.ts';
import { suggestFigures, suggestionsCsv, type ExistingFigure } from '../src/pipeline/suggest.ts';
import { reportSchema } from '../src/core/schema.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { left: { type: 'boolean', default: false } } });
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(1);
};
const id = positionals[0] ?? fail('Cách dùng: npm run suggest -- <report-id>   (vd. npm run suggest -- kon-tum-2025-q2)');
const root = process.cwd();
const dir = join(REPORTS_DIR, id);
if (!existsSync(join(root, dir))) fail(`Không có thư mục ${dir}/ — tạo bằng: npm run new-report -- ${id}`);

const { content, issues } = validateContent(loadContent(nodeReader(root)));
const catalogErrors = issues.filter((i) => i.level === 'error' && i.file.startsWith('data/'));
if (catalogErrors.length) fail(`Danh mục trong data/ có lỗi, sửa trước:\n${catalogErrors.map(formatIssue).join('\n')}`);

// The report being curated may not validate yet (TODO fields, no figures): read its files leniently.
const reportPath = join(dir, 'report.json');
let meta: unknown;
try {
  meta = JSON.parse(readFileSync(join(root, reportPath), 'utf8'));
} catch (e) {
  fail(`${reportPath}: không đọc được JSON (${(e as Error).message}).`);
}
const parsed = reportSchema.pick({ id: true, kind: true, scope: true, period: true }).safeParse(meta);
if (!parsed.success) fail(`${reportPath}: cần điền đúng id, kind, scope, period trước khi gợi ý:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
const report = parsed.data!;
const sourcePath = join(dir, 'source.txt');
const sourceText = existsSync(join(root, sourcePath)) ? readFileSync(join(root, sourcePath), 'utf8').replace(/^\uFEFF/, '') : '';
if (!sourceText.trim()) fail(`${sourcePath} rỗng: dán toàn văn văn bản gốc vào đó trước.`);

// Rows already curated, read by header name (works with any column set of figures.csv).
const existing: ExistingFigure[] = [];
const figuresPath = join(root, dir, 'figures.csv');
if (existsSync(figuresPath)) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(figuresPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  for (const r of rows) if (r.id && r.quote && r.value && Number.isFinite(Number(r.value))) existing.push({ id: r.id, value: Number(r.value), quote: r.quote });
}

const memory = content.reports.flatMap((r) => r.figures.map((f) => ({ indicator: f.indicator, value: f.value, quote: f.quote })));
const rows = suggestFigures({ report, sourceText, indicators: content.indicators, organizations: content.organizations, memory, existing });
const open = rows.filter((r) => !r.existing);
const out = join(dir, 'figures.suggested.csv');
// Rows already in figures.csv stay in the file, marked in the "existing" column; --left lists only what is left.
const written = values.left ? open : rows;
writeFileSync(join(root, out), suggestionsCsv(written));
const covered = new Set(rows.filter((r) => r.existing).map((r) => r.existing));
console.log(`${rows.length} số liệu ứng viên trong ${sourcePath}; ${rows.length - open.length} đã có trong figures.csv (${covered.size}/${existing.length} dòng figures.csv được nhận ra).`);
console.log(`Đã ghi ${out} (${written.length} dòng${values.left ? ', chỉ những số chưa có' : `; ${rows.length - open.length} dòng đã có trong figures.csv được đánh dấu ở cột "existing"`}).`);
console.log(`  độ tin cậy ≥ 0,5: ${open.filter((r) => r.confidence >= 0.5).length}; chưa đoán được chỉ số: ${open.filter((r) => !r.indicator).length}`);
console.log('Xem lại từng dòng (số, trích dẫn, chỉ số, kỳ), chép dòng đúng sang figures.csv, bỏ 3 cột confidence/reason/existing, rồi: npm run validate');
