// `npm run validate`: check content/ and data/, print every problem with file,
// line and column, exit non-zero on errors. Never a stack trace for bad content.
import { loadContent } from '../src/pipeline/load.ts';
import { nodeReader } from '../src/pipeline/node-reader.ts';
import { formatIssue, validateContent } from '../src/pipeline/validate.ts';

const root = process.argv[2] ?? process.cwd();
const { content, issues } = validateContent(loadContent(nodeReader(root)));
const errors = issues.filter((i) => i.level === 'error');
const warnings = issues.filter((i) => i.level === 'warning');
for (const i of [...errors, ...warnings]) console.log(formatIssue(i));
const figures = content.reports.reduce((n, r) => n + r.figures.length, 0);
console.log(
  `\n${content.reports.length} báo cáo, ${figures} số liệu hợp lệ, ${content.indicators.length} chỉ số — ${errors.length} lỗi, ${warnings.length} cảnh báo (cảnh báo về tính nhất quán được hiển thị trên trang dưới dạng ghi chú chất lượng dữ liệu).`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
