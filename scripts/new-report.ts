// `npm run new-report -- <report-id> [--kind quarterly-report] [--period 2025-Q2] [--scope <organization id>]`
// Scaffolds content/reports/<report-id>/ for a new report; `npm run validate` then says what is left to fill in.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FIGURE_COLUMNS, reportKinds, slugSchema, periodSchema } from '../src/core/schema.ts';
import { slugify } from '../src/core/text.ts';
import { periodRange } from '../src/core/period.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string', default: 'quarterly-report' },
    period: { type: 'string', default: '' },
    // Default: the province that existed in the period (data/organizations.json): Kon Tum before 1/7/2025, Quảng Ngãi after.
    scope: { type: 'string', default: '' },
    title: { type: 'string', default: '' },
  },
});
const id = positionals[0];
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(1);
};
if (!id) fail('Cách dùng: npm run new-report -- <report-id> [--kind quarterly-report] [--period 2025-Q2] [--scope <id trong data/organizations.json>]');
if (!slugSchema.safeParse(id).success) fail(`"${id}" không phải slug hợp lệ (chữ thường không dấu, nối bằng "-"). Dùng: ${slugify(id) || 'kon-tum-2025-q2'}`);
if (!(reportKinds as readonly string[]).includes(values.kind!)) fail(`--kind phải là một trong: ${reportKinds.join(', ')}`);
const period = values.period || (id.match(/(\d{4})-(q[1-4]|h[12])$/i)?.slice(1).join('-').toUpperCase() ?? '');
if (period && !periodSchema.safeParse(period).success) fail(`--period "${period}" không hợp lệ (vd. 2025-Q2, 2025-H1, 2025).`);
const scope = values.scope || provinceFor(period);
const dir = join('content/reports', id);
if (existsSync(dir)) fail(`${dir} đã tồn tại — không ghi đè.`);

/** The province (kind "province" in data/organizations.json) that existed for all of `period`; the newest one without a period. */
function provinceFor(p: string): string {
  let orgs: { id: string; kind: string; validFrom?: string; validTo?: string }[] = [];
  try {
    orgs = JSON.parse(readFileSync('data/organizations.json', 'utf8'));
  } catch {
    return 'tinh-quang-ngai';
  }
  const provinces = orgs.filter((o) => o.kind === 'province');
  if (!p) return provinces.find((o) => !o.validTo)?.id ?? 'tinh-quang-ngai';
  const { start, end } = periodRange(p);
  return provinces.find((o) => (!o.validFrom || o.validFrom <= start) && (!o.validTo || o.validTo >= end))?.id ?? provinces.find((o) => !o.validTo)?.id ?? 'tinh-quang-ngai';
}

mkdirSync(join(dir, 'narrative'), { recursive: true });
writeFileSync(
  join(dir, 'report.json'),
  `${JSON.stringify(
    {
      id,
      kind: values.kind,
      title: values.title || 'TODO: tiêu đề đầy đủ như trong văn bản',
      issuer: scope,
      scope,
      period: period || 'TODO',
      documentNumber: null,
      date: null,
      sourceFile: 'source.txt',
      summary: 'TODO: tóm tắt 2–4 câu.',
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(dir, 'figures.csv'), `${FIGURE_COLUMNS.all.join(',')}\n`);
writeFileSync(join(dir, 'source.txt'), '');
writeFileSync(join(dir, 'narrative', 'tong-quan.md'), 'TODO: tóm tắt trung thực nội dung chính của văn bản.\n');
console.log(`Đã tạo ${dir}/:
  report.json        điền tiêu đề, số hiệu, ngày, tóm tắt; kiểm tra issuer/scope (đang ghi "${scope}"${values.scope ? '' : period ? `: tỉnh có trong kỳ ${period}` : ': chưa biết kỳ'})
  source.txt         dán toàn văn văn bản gốc (giữ nguyên)
  figures.csv        mỗi dòng một số liệu, kèm trích dẫn nguyên văn (xem content/README.md)
  narrative/*.md     tóm tắt theo lĩnh vực (tên tệp = id lĩnh vực trong data/areas.json)
Tiếp theo (chi tiết: CONTRIBUTING.md):
  1. dán toàn văn vào source.txt, điền report.json
  2. npm run suggest -- ${id}   gợi ý số liệu kèm câu trích vào figures.suggested.csv; xem lại rồi chép sang figures.csv
  3. npm run validate   sửa đến khi 0 lỗi (lỗi đầu tiên là lỗi cần sửa trước)
  4. npm run dev        xem trước, tự cập nhật khi sửa
  5. npm run diff -- origin/main   bảng số liệu thêm/sửa/bỏ như người duyệt pull request sẽ thấy
Sau khi báo cáo đã công bố, đưa nó vào kiểm thử vàng: UPDATE_GOLDEN=1 npx vitest run tests/unit/golden-content.test.ts`);
