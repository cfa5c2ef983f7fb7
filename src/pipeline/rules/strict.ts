// Stricter content rules that the zod shapes alone cannot express: JSON keys
// (unknown, misspelled, duplicate), report kind vs period shape, anchors unique
// on a report page, organization hierarchy without cycles, and a value-in-quote
// match that is a quantity, not a year or a section number, with a fraction's
// order as printed. Each returns problems; validate.ts turns them into issues.
import type { Node as JsonNode } from 'jsonc-parser';
import { numbersInText, parseVietnameseNumber } from '../../core/vn-number.ts';
import { describeChar, forbiddenChar } from '../read-content.ts';
import { isPeriodError, parsePeriod, type PeriodKind } from '../../core/period.ts';

export interface KeyProblem {
  code: 'unknown-key' | 'duplicate-key';
  offset: number;
  key: string;
  message: string;
  hint: string;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The known name closest to a misspelled one ("sourcefile" → "sourceFile"), or null. */
export function didYouMean(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) (best = k), (bestD = d);
  }
  return best !== null && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** The fields of a zod issue the Vietnamese messages use (zod's own are English). */
export interface ZodIssueLike {
  code: string;
  message: string;
  expected?: string;
  values?: readonly unknown[];
  minimum?: number | bigint;
  origin?: string;
  /** invalid_union: the issues of each alternative. */
  errors?: readonly (readonly ZodIssueLike[])[];
}

const TYPE_VI: Record<string, string> = { string: 'văn bản (chuỗi "…")', number: 'số', boolean: 'true hoặc false', array: 'mảng [ … ]', object: 'đối tượng { … }', null: 'null' };

function choiceMessage(allowed: string[], input: unknown, orEmpty: boolean): string {
  const guess = typeof input === 'string' && input ? didYouMean(input, allowed) : null;
  const given = input === undefined || input === '' ? 'Còn trống' : `"${String(input)}" không hợp lệ`;
  return `${given}; dùng một trong: ${allowed.join(', ')}${orEmpty ? ' (hoặc để trống)' : ''}${guess ? ` — có phải "${guess}"?` : ''}`;
}

/**
 * A zod issue in Vietnamese, with the value that was given and, for a choice, the closest allowed
 * value ("provence" → "có phải "province"?"). Messages the schema wrote itself are kept as they are.
 */
export function zodMessageVi(i: ZodIssueLike, input: unknown): string {
  const missing = input === undefined || input === '';
  // An optional CSV choice is `'' | enum`: one list of what is allowed, "or empty".
  if (i.code === 'invalid_union' && i.errors) {
    const values = i.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? (e.values ?? []) : []));
    const shown = values.filter((v) => v !== '');
    if (shown.length) return choiceMessage(shown.map(String), input, values.includes(''));
  }
  if (i.code === 'invalid_value' && i.values?.length) return choiceMessage(i.values.map(String), input, false);
  if (i.code === 'invalid_type') return missing ? 'Thiếu (bắt buộc).' : `Phải là ${TYPE_VI[i.expected ?? ''] ?? i.expected}, không phải ${input === null ? 'null' : Array.isArray(input) ? 'mảng' : typeof input === 'string' ? `"${input}"` : String(input)}.`;
  if (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1) return 'Không được để trống.';
  return i.message;
}

/** Duplicate keys in every object of a JSON tree; unknown keys in the object itself when `known` is given. */
export function jsonKeyProblems(tree: JsonNode | undefined, known?: readonly string[]): KeyProblem[] {
  const out: KeyProblem[] = [];
  const visit = (node: JsonNode, top: boolean) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const key = String(keyNode?.value ?? '');
        if (seen.has(key))
          out.push({ code: 'duplicate-key', offset: prop.offset, key, message: `Khóa "${key}" xuất hiện hai lần (giá trị sau sẽ âm thầm đè giá trị trước).`, hint: 'Giữ một khóa, xóa khóa thừa.' });
        seen.add(key);
        if (top && known && !known.includes(key)) {
          const guess = didYouMean(key, known);
          out.push({
            code: 'unknown-key',
            offset: prop.offset,
            key,
            message: `Khóa "${key}" không có trong mô hình${guess ? ` — có phải "${guess}"?` : ''}.`,
            hint: guess ? `Sửa thành "${guess}".` : `Các khóa hợp lệ: ${known.join(', ')}.`,
          });
        }
        const value = prop.children?.[1];
        if (value) visit(value, false);
      }
    } else if (node.type === 'array') for (const c of node.children ?? []) visit(c, false);
  };
  if (tree) visit(tree, true);
  return out;
}

/** String values (and keys) of a JSON tree whose escapes ("\u202e") decode to a refused character. */
export function jsonStringCharProblems(tree: JsonNode | undefined): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  const visit = (node: JsonNode) => {
    if (node.type === 'string') {
      const bad = forbiddenChar(String(node.value));
      if (bad) out.push({ offset: node.offset, message: `Chuỗi JSON chứa ký tự ${describeChar(bad.char)}: ${bad.reason} (viết dạng thoát hay trực tiếp đều không được).` });
    }
    for (const c of node.children ?? []) visit(c);
  };
  if (tree) visit(tree);
  return out;
}

/** JSON strings longer than `max` characters (each may become one cell of a published table: see LIMITS.jsonStringLength). */
export function jsonStringLengthProblems(tree: JsonNode | undefined, max: number): { offset: number; length: number }[] {
  const out: { offset: number; length: number }[] = [];
  const visit = (node: JsonNode) => {
    if (node.type === 'string' && String(node.value).length > max) out.push({ offset: node.offset, length: String(node.value).length });
    for (const c of node.children ?? []) visit(c);
  };
  if (tree) visit(tree);
  return out;
}

/** The period kind each report kind covers: a quarterly report covers a quarter, and so on (directives: any). */
const KIND_PERIODS: Record<string, { kind: PeriodKind; example: string }> = {
  'quarterly-report': { kind: 'quarter', example: '"2024-Q3"' },
  'half-year-report': { kind: 'half', example: '"2023-H1"' },
  'annual-plan': { kind: 'year', example: '"2024"' },
};

/** Why a report's period does not fit its kind, or null (an unparsable period is the schema's error). */
export function kindPeriodProblem(kind: string, period: string): string | null {
  const rule = KIND_PERIODS[kind];
  const p = parsePeriod(period);
  if (!rule || isPeriodError(p) || p.kind === rule.kind) return null;
  return `Văn bản loại "${kind}" phải có kỳ dạng ${rule.example}, không phải "${period}".`;
}

/** Fixed ids of every report page (components/report/KeyFigures.astro, the generated MDX, layouts/Base.astro). */
export const REPORT_PAGE_ANCHORS = ['so-lieu-chinh', 'chat-luong-du-lieu', 'noi-dung', 'header-q'] as const;
/** Prefixes of generated ids on a report page: figure rows, charts. */
export const REPORT_ANCHOR_PREFIXES = ['so-lieu-', 'bieu-do-'] as const;
/** The id a figure's row gets on its report page (components/report/AreaFigures.astro). */
export const figureAnchor = (figureId: string) => `so-lieu-${figureId}`;

/** Why a section id (area or extra section) would clash with a report page's own ids, or null. */
export function sectionAnchorProblem(id: string): string | null {
  if ((REPORT_PAGE_ANCHORS as readonly string[]).includes(id)) return `"${id}" đã là id cố định của trang báo cáo`;
  const p = REPORT_ANCHOR_PREFIXES.find((x) => id.startsWith(x));
  return p ? `id bắt đầu bằng "${p}" trùng với id sinh tự động của số liệu/biểu đồ trên trang báo cáo` : null;
}

/** Whether a figure's anchor clashes with a fixed id or a section of the page. */
export function figureAnchorProblem(figureId: string, sectionIds: ReadonlySet<string>): string | null {
  const a = figureAnchor(figureId);
  if ((REPORT_PAGE_ANCHORS as readonly string[]).includes(a) || sectionIds.has(a))
    return `Mã số liệu "${figureId}" tạo neo "#${a}" trùng với một mục khác của trang báo cáo.`;
  return null;
}

/** Organizations whose parent chain loops back (a → b → a, or a → a), each with its chain. */
export function organizationCycles(orgs: { id: string; parent?: string }[]): { id: string; chain: string[] }[] {
  const parent = new Map(orgs.map((o) => [o.id, o.parent]));
  const out: { id: string; chain: string[] }[] = [];
  for (const o of orgs) {
    const chain = [o.id];
    let p = o.parent;
    while (p !== undefined && parent.has(p) && !chain.includes(p)) {
      chain.push(p);
      p = parent.get(p);
    }
    if (p !== undefined && chain.includes(p) && p === o.id) out.push({ id: o.id, chain: [...chain, p] });
  }
  return out;
}

// ---- value in quote ----------------------------------------------------------------

interface Token {
  token: string;
  index: number;
  values: number[];
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const [n] = numbersInText(m[0]);
    out.push({ token: m[0], index: m.index, values: n?.values ?? [] });
  }
  return out;
}

// Not "danh mục 36" (a list of 36), "số" ("tổng số 12" is a count) nor "điểm" (a score); document numbers are caught by "517/BCĐ".
const SECTION_WORDS = /(?:^|[\s(])(?:(?<!danh )mục|khoản|điều|chương|phụ lục|chú thích)\s*$/iu;
const DATE_WORDS = /(?:^|[\s(,])(?:năm|ngày|tháng|quý)\s*$/iu;

/**
 * What a number token in a quote is, by its surroundings: a year ("Năm 2025",
 * "30/6/2025"), a section or document number ("mục 2", "II.2", "số 517/BCĐ"),
 * or a quantity (anything else).
 */
export function tokenRole(text: string, t: Token): 'year' | 'section' | 'quantity' {
  const before = text.slice(Math.max(0, t.index - 20), t.index);
  const after = text.slice(t.index + t.token.length, t.index + t.token.length + 12);
  const isYear = /^(19|20)\d\d$/.test(t.token);
  // Part of a date: d/m/yyyy, m/yyyy, dd-mm-yyyy.
  if (/\d{1,2}[/-]$/.test(before) && isYear) return 'year';
  if (/^[/-]\d{1,2}[/-](19|20)\d\d/.test(after) || (/^[/-](19|20)\d\d\b/.test(after) && /tháng\s*$/iu.test(before))) return 'year';
  if (/^[/-]\d{1,2}$/.test(t.token) || (/\d{1,2}\/$/.test(before) && /^\/(19|20)\d\d/.test(after))) return 'year';
  if (isYear && DATE_WORDS.test(before)) return 'year';
  // Section paths: "II.2", "I.3.a", "2.1)" after a heading word; document numbers "517/BCĐ", "số 12".
  if (/(?:^|[^A-Za-zÀ-ỹ])[IVXLC]+\.$/.test(before)) return 'section';
  if (SECTION_WORDS.test(before)) return 'section';
  if (/^\/\p{Lu}/u.test(after)) return 'section';
  return 'quantity';
}

/**
 * Why `value` is not a quantity printed in the quote although a token has that
 * value (every such token is a year or a section/document number), or null.
 * Whether the value appears at all is checked by the caller.
 */
export function valueRoleProblem(quote: string, value: number): string | null {
  const matching = tokens(quote).filter((t) => t.values.some((v) => Math.abs(v - value) < 1e-9));
  if (matching.length === 0) return null;
  const roles = matching.map((t) => tokenRole(quote, t));
  if (roles.includes('quantity')) return null;
  return roles.includes('year')
    ? `Giá trị ${matching[0].token} trong trích dẫn là năm/ngày tháng, không phải số liệu.`
    : `Giá trị ${matching[0].token} trong trích dẫn là số mục/số hiệu văn bản, không phải số liệu.`;
}

/** A fraction "a/b" printed in the quote the other way round from value/denominator, or null. */
export function fractionOrderProblem(quote: string, value: number, denominator: number): string | null {
  const pairs = [...quote.matchAll(/(\d+(?:[.,]\d+)*)\s*\/\s*(\d+(?:[.,]\d+)*)/g)].map((m) => [m[1], m[2]].map((x) => parseVietnameseNumber(x)));
  const eq = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 1e-9;
  if (pairs.some(([a, b]) => eq(a, value) && eq(b, denominator))) return null;
  if (pairs.some(([a, b]) => eq(a, denominator) && eq(b, value)))
    return `Văn bản in "${denominator}/${value}" nhưng value là ${value}, denominator là ${denominator}: tử số và mẫu số bị đảo.`;
  return null;
}
