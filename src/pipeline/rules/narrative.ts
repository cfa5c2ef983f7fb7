// Validator rule family: a report's narrative/*.md summaries. Each file is named after a
// page section, is plain Markdown (no HTML, safe links, no hidden characters, no TODO), and
// introduces no number the source does not print.
import type { Issue, Narrative } from '../../core/model.ts';
import { normalizeForQuote } from '../../core/text.ts';
import { numbersInText } from '../../core/vn-number.ts';
import type { RawFile } from '../load.ts';
import { EXTRA_SECTION_IDS, HTML_TAG, pageSections, type Refs } from './context.ts';
import { narrativeCharProblems, narrativeLinkProblems } from './narrative-links.ts';

/** CommonMark autolinks: <scheme:…> (no space, < or >) and <e-mail address>. */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/g;

/** The narratives that may be published; every problem becomes an issue. */
export function validateNarratives(files: RawFile[], refs: Refs, issues: Issue[]): Narrative[] {
  const narratives: Narrative[] = [];
  for (const n of files) {
    const section = (n.path.split('/').pop() ?? '').replace(/\.md$/, '');
    if (!n.path.endsWith('.md') || (!refs.areaIds.has(section) && !EXTRA_SECTION_IDS.has(section))) {
      issues.push({
        level: 'error',
        code: 'unknown-section',
        file: n.path,
        message: `Tên tệp "${section}" không phải lĩnh vực hay mục đã biết.`,
        hint: `Đặt tên theo một trong: ${pageSections(refs).join(', ')} (đuôi .md).`,
      });
      continue;
    }
    if (n.text.trim() === '') {
      // Published, it would be an empty "Tóm tắt" fold under the section's heading.
      issues.push({ level: 'error', code: 'empty-narrative', file: n.path, line: 1, message: 'Tệp tóm tắt rỗng.', hint: 'Viết tóm tắt của mục này hoặc xóa tệp.' });
      continue;
    }
    const lines = n.text.split('\n');
    // Comments, CDATA and processing instructions are HTML too (micromark shows them as text).
    // An autolink "<https://…>" or "<vp@kontum.gov.vn>" is Markdown, not HTML: its address is checked as a link below.
    const htmlLine = lines.findIndex((l) => {
      const text = l.replace(AUTOLINK, '');
      return HTML_TAG.test(text) || /<!--|<!\[CDATA\[|<\?[a-z]/i.test(text);
    });
    if (htmlLine >= 0) {
      issues.push({
        level: 'error',
        code: 'html',
        file: n.path,
        line: htmlLine + 1,
        message: 'Không được dùng thẻ HTML trong phần tóm tắt.',
        hint: 'Chỉ dùng Markdown (đoạn văn, danh sách, ###). Thẻ HTML sẽ hiển thị nguyên dạng chữ, không được thực thi.',
      });
    }
    for (const { insecure, ...p } of narrativeLinkProblems(n.text)) issues.push({ level: insecure ? 'warning' : 'error', code: insecure ? 'insecure-url' : 'unsafe-link', file: n.path, ...p });
    for (const p of narrativeCharProblems(n.text)) issues.push({ level: 'error', code: 'control-char', file: n.path, ...p });
    const todoLine = lines.findIndex((l) => /\bTODO\b/.test(l));
    if (todoLine >= 0)
      issues.push({ level: 'error', code: 'placeholder', file: n.path, line: todoLine + 1, message: 'Phần tóm tắt còn nội dung mẫu "TODO".', hint: 'Viết tóm tắt thật hoặc xóa tệp.' });
    narratives.push({ section, markdown: n.text, file: n.path });
  }
  return narratives;
}

/**
 * Narratives summarise; they must not introduce numbers. Every number of two or more
 * digits in a narrative must appear in the source, as printed (a footnote digit glued
 * to it in the source, "201312", still counts) or as the same value.
 */
export function checkNarrativeNumbers(narratives: Narrative[], sourceText: string, issues: Issue[]): void {
  const source = normalizeForQuote(sourceText);
  const values = new Set(numbersInText(source).flatMap((n) => n.values));
  for (const n of narratives) {
    n.markdown.split('\n').forEach((line, i) => {
      for (const t of numbersInText(line)) {
        if (t.token.replace(/\D/g, '').length < 2 || source.includes(t.token) || t.values.some((v) => values.has(v))) continue;
        issues.push({
          level: 'warning',
          code: 'narrative-number',
          file: n.file,
          line: i + 1,
          message: `Số "${t.token}" trong phần tóm tắt không có trong văn bản nguồn.`,
          hint: 'Chỉ dùng số liệu in trong văn bản; kiểm tra lỗi gõ.',
        });
      }
    });
  }
}
