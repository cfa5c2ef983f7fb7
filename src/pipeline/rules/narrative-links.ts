// Narrative Markdown links and images, checked against the URL policy at
// validate time so a curator learns where (line, column) and why, instead of
// the renderer silently dropping the link. Uses micromark's own tokenizer, so
// inline, reference-style, definition and autolink destinations are all seen
// exactly as the renderer will see them.
import { parse, postprocess, preprocess } from 'micromark';
import { micromark } from 'micromark';
import { insecureWebUrl, isAllowedLink, webUrlProblem } from '../../core/url-policy.ts';
import { describeChar, forbiddenChar, lineCol } from '../read-content.ts';

export interface LinkProblem {
  line: number;
  col: number;
  message: string;
  hint: string;
  /** A plain-http link: published, but warned (use https). */
  insecure?: boolean;
}

const HINT = 'Chỉ liên kết tới http://, https://, mailto:, đường dẫn trong trang (/…) hoặc mục (#…); không dùng ảnh.';

/** Character references and backslash escapes, as a browser would read them in an href. */
function decodeDestination(raw: string): string | null {
  // Named references could spell "javascript&colon;": only "&amp;" is accepted.
  if (/&(?!amp;)[A-Za-z][A-Za-z0-9]*;/.test(raw)) return null;
  return raw
    .replace(/&#[xX]([0-9a-fA-F]{1,6});/g, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&amp;/g, '&')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function narrativeLinkProblems(markdown: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  // Every link, definition, autolink and image starts with "[" or "<" (raw HTML too): without either there is
  // nothing to check, and tokenizing every narrative was a second of validation at 300 reports.
  if (!/[[<]/.test(markdown)) return problems;
  const events = postprocess(parse().document().write(preprocess()(markdown, undefined, true)));
  for (const [kind, token, context] of events) {
    if (kind !== 'enter') continue;
    const at = { line: token.start.line, col: token.start.column };
    if (token.type === 'image') {
      problems.push({ ...at, message: 'Không dùng ảnh trong phần tóm tắt (ảnh bên ngoài làm trình duyệt người đọc tải tài nguyên của bên thứ ba).', hint: HINT });
      continue;
    }
    if (token.type !== 'resourceDestinationString' && token.type !== 'definitionDestinationString' && token.type !== 'autolinkProtocol') continue;
    const raw = context.sliceSerialize(token);
    const url = decodeDestination(raw);
    const web = url !== null && /^https?:\/\//i.test(url.trim()) ? webUrlProblem(url.trim()) : null;
    if (url === null || !isAllowedLink(url))
      problems.push({ ...at, message: `Liên kết "${raw.slice(0, 80)}" không được phép${web ? `: ${web}` : ''}.`, hint: HINT });
    else if (insecureWebUrl(url.trim()))
      problems.push({ ...at, insecure: true, message: `Liên kết "${raw.slice(0, 80)}" dùng http:// (không mã hóa, có thể bị sửa trên đường truyền).`, hint: `Dùng https://…: "${insecureWebUrl(url.trim())!.slice(0, 80)}"; chỉ giữ http:// khi trang đích không có https.` });
  }
  return problems;
}

/**
 * Character references ("&#x202E;", "&rlm;", "&shy;") that decode to a character the
 * loader refuses in raw text: the renderer would otherwise publish it. Each reference is
 * decoded by micromark itself, so exactly what the page would get is checked.
 */
export function narrativeCharProblems(markdown: string): LinkProblem[] {
  const out: LinkProblem[] = [];
  for (const m of markdown.matchAll(/&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g)) {
    const decoded = micromark(`x${m[0]}x`).replace(/^<p>x|x<\/p>$/g, '');
    // Judged between its neighbours, as the page shows it ("👩&zwj;💻" is an emoji sequence).
    const left = [...markdown.slice(Math.max(0, m.index - 2), m.index)].pop() ?? '';
    const right = [...markdown.slice(m.index + m[0].length, m.index + m[0].length + 2)][0] ?? '';
    const bad = forbiddenChar(left + decoded + right);
    if (bad && bad.offset >= left.length && bad.offset < left.length + decoded.length)
      out.push({ ...lineCol(markdown, m.index), message: `Tham chiếu ký tự ${m[0]} là ký tự ${describeChar(bad.char)}: ${bad.reason}.`, hint: 'Xóa tham chiếu ký tự này.' });
  }
  return out;
}
