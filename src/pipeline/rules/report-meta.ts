// Validator rule family: report.json, the metadata of one source document. Its id is its
// folder, its issuer and scope are known organizations, its kind fits its period (spelled
// canonically), its full text is source.txt, and its title and summary are real plain text.
import type { Issue } from '../../core/model.ts';
import { reportSchema, type Report } from '../../core/schema.ts';
import type { RawFile } from '../load.ts';
import { HTML_TAG, type Refs } from './context.ts';
import { parseJson, zodIssues } from './json.ts';
import { canonicalPeriod } from './periods.ts';
import { kindPeriodProblem } from './strict.ts';
import { insecureUrlIssues } from './web-urls.ts';

/** The report's metadata, or null when report.json cannot be read as one (the report is then left out). */
export function validateReportMeta(file: RawFile, folder: string, refs: Refs, issues: Issue[]): Report | null {
  const parsed = parseJson(file, issues, Object.keys(reportSchema.shape));
  if (!parsed) return null;
  const m = reportSchema.safeParse(parsed.value);
  if (!m.success) {
    issues.push(...zodIssues(parsed.doc, m.error));
    return null;
  }
  const meta = m.data;
  issues.push(...insecureUrlIssues(parsed.doc, parsed.value, reportSchema));
  const at = (field: string) => parsed.doc.lineOf([field]);
  if (meta.sourceFile !== 'source.txt')
    issues.push({ level: 'error', code: 'source-file', file: file.path, line: at('sourceFile'), column: 'sourceFile', message: `sourceFile là "${meta.sourceFile}"; toàn văn luôn nằm ở source.txt cạnh report.json.`, hint: 'Ghi "sourceFile": "source.txt" và đặt toàn văn vào tệp đó.' });
  const kindPeriod = kindPeriodProblem(meta.kind, meta.period);
  if (kindPeriod) issues.push({ level: 'error', code: 'kind-period', file: file.path, line: at('period'), column: 'period', message: kindPeriod, hint: 'Sửa kind hoặc period cho khớp văn bản.' });
  if (meta.id !== folder)
    issues.push({ level: 'error', code: 'id-mismatch', file: file.path, line: at('id'), column: 'id', message: `id "${meta.id}" khác tên thư mục "${folder}".`, hint: 'Đặt id trùng tên thư mục.' });
  if (refs.reportIds.has(meta.id))
    issues.push({ level: 'error', code: 'duplicate-id', file: file.path, line: at('id'), column: 'id', message: `Báo cáo "${meta.id}" bị trùng.` });
  for (const field of ['issuer', 'scope'] as const)
    if (!refs.orgIds.has(meta[field]))
      issues.push({
        level: 'error',
        code: 'unknown-organization',
        file: file.path,
        line: at(field),
        column: field,
        message: `Tổ chức "${meta[field]}" không có trong data/organizations.json.`,
        hint: 'Thêm tổ chức vào danh mục hoặc sửa id.',
      });
  const canonical = canonicalPeriod(meta.period, refs.lenient, { file: file.path, line: at('period') });
  if (canonical) {
    issues.push(canonical.issue);
    meta.period = canonical.period;
  }
  for (const field of ['title', 'summary'] as const)
    if (/\bTODO\b/.test(meta[field]))
      issues.push({ level: 'error', code: 'placeholder', file: file.path, line: at(field), column: field, message: 'Trường còn nội dung mẫu "TODO".', hint: 'Điền nội dung thật từ văn bản.' });
  for (const field of ['title', 'summary', 'documentNumber'] as const)
    if (HTML_TAG.test(meta[field] ?? ''))
      issues.push({ level: 'error', code: 'html', file: file.path, line: at(field), column: field, message: 'Không được dùng thẻ HTML trong văn bản.', hint: 'Viết văn bản thuần; thẻ HTML sẽ bị hiển thị nguyên dạng.' });
  return meta;
}
