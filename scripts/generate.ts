// `npm run dev` helper and build stage: validate, then write the generated MDX pages.
import { runPipeline } from '../src/lib/site.ts';
import { formatIssue } from '../src/lib/validate.ts';
import { writeGenerated } from './stages.ts';

const { site, issues } = runPipeline(process.cwd());
const errors = issues.filter((i) => i.level === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(formatIssue(e));
  console.error(`\n${errors.length} lỗi nội dung — sửa rồi chạy lại (chi tiết: npm run validate).`);
  process.exit(1);
}
const written = writeGenerated(site, process.cwd());
console.log(`Đã tạo ${written.length} trang MDX trong src/generated/reports/.`);
