// `npm run validate`: check content/ and data/, print every problem with file,
// line and column, exit non-zero on errors. Never a stack trace for bad content.
// `npm run validate -- --bao-cao <id>`: every error, but only that report's warnings (the others are counted).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/pipeline/load.ts';
import { nodeReader } from '../src/pipeline/node-reader.ts';
import { formatIssue, issuesForReport, validateContent } from '../src/pipeline/validate.ts';

const args = process.argv.slice(2);
const flag = args.findIndex((a) => a === '--bao-cao' || a === '--report');
const reportId = flag >= 0 ? args[flag + 1] : undefined;
const root = args.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1))[0] ?? process.cwd();
if (flag >= 0 && (!reportId || reportId.startsWith('-'))) {
  console.error('Cách dùng: npm run validate -- --bao-cao <mã báo cáo> (tên thư mục trong content/reports/)');
  process.exit(2);
}
if (reportId && !existsSync(join(root, 'content/reports', reportId))) {
  console.error(`Không có thư mục content/reports/${reportId}/: kiểm tra mã báo cáo (tên thư mục).`);
  process.exit(2);
}
const { content, issues } = validateContent(loadContent(nodeReader(root)));
const { shown, hiddenWarnings } = reportId ? issuesForReport(issues, reportId) : { shown: issues, hiddenWarnings: 0 };
const errors = shown.filter((i) => i.level === 'error');
const warnings = shown.filter((i) => i.level === 'warning');
for (const i of [...errors, ...warnings]) console.log(formatIssue(i));
const figures = content.reports.reduce((n, r) => n + r.figures.length, 0);
console.log(
  `\n${content.reports.length} báo cáo, ${figures} số liệu hợp lệ, ${content.indicators.length} chỉ số — ${errors.length} lỗi, ${warnings.length} cảnh báo${reportId ? ` của báo cáo ${reportId}${hiddenWarnings ? ` (${hiddenWarnings} cảnh báo của báo cáo khác không liệt kê)` : ''}` : ''} (cảnh báo về tính nhất quán được hiển thị trên trang dưới dạng ghi chú chất lượng dữ liệu).`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
