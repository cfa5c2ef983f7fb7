// Validator rule family: JSON files (report.json and the data/ catalogues). Parse keeping a
// syntax tree, so that a zod path maps back to the line it came from; refuse hostile
// nesting, unknown/duplicate keys and escaped control characters before zod sees the value.
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import type { Issue } from '../../core/model.ts';
import type { RawFile } from '../load.ts';
import { lineCol } from '../read-content.ts';
import { HTML_TAG } from './context.ts';
import { jsonTooDeep, LIMITS } from './limits.ts';
import { didYouMean, jsonKeyProblems, jsonStringCharProblems, jsonStringLengthProblems, zodMessageVi, type ZodIssueLike } from './strict.ts';
import { insecureUrlIssues } from './web-urls.ts';

/** 1-based line of an offset; the line starts are found once per text (lookups are per entry, so never rescan). */
export function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** A parsed JSON file: where a path (["0", "id"]) sits, or its nearest existing parent. */
export interface JsonDoc {
  file: RawFile;
  tree: JsonNode;
  lineOf(path: (string | number)[]): number | undefined;
}

function jsonDoc(file: RawFile, tree: JsonNode): JsonDoc {
  const lineAt = lineIndex(file.text);
  return {
    file,
    tree,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation(tree, path.slice(0, n));
        if (node) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  };
}

/** Parse JSON keeping a syntax tree so zod paths can be mapped back to lines. */
export function parseJson(file: RawFile, issues: Issue[], known?: readonly string[]): { value: unknown; doc: JsonDoc } | null {
  // The parser recurses: refuse hostile nesting first, with its place, instead of overflowing the stack.
  const deep = jsonTooDeep(file.text);
  if (deep) {
    issues.push({
      level: 'error',
      code: 'limit',
      file: file.path,
      ...lineCol(file.text, deep.offset),
      message: `JSON lồng quá sâu (hơn ${LIMITS.jsonDepth} cấp mảng/đối tượng).`,
      hint: 'Tệp nội dung chỉ cần vài cấp lồng; kiểm tra ngoặc [ ] và { } thừa.',
    });
    return null;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(file.text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length === 0 && tree) {
    const keyProblems = jsonKeyProblems(tree, known);
    for (const k of keyProblems) issues.push({ level: 'error', code: k.code, file: file.path, ...lineCol(file.text, k.offset), column: k.key, message: k.message, hint: k.hint });
    // "\u202e" escapes decode to the characters the loader refuses in raw text.
    const escaped = jsonStringCharProblems(tree);
    for (const e of escaped) issues.push({ level: 'error', code: 'control-char', file: file.path, ...lineCol(file.text, e.offset), message: e.message, hint: 'Xóa ký tự điều khiển/ẩn (kể cả dạng thoát \\uXXXX).' });
    const long = jsonStringLengthProblems(tree, LIMITS.jsonStringLength);
    for (const l of long) {
      issues.push({
        level: 'error',
        code: 'limit',
        file: file.path,
        ...lineCol(file.text, l.offset),
        message: `Chuỗi dài ${l.length} ký tự, tối đa ${LIMITS.jsonStringLength} (mỗi chuỗi có thể thành một ô của bảng tải về; Excel không nhận ô quá 32.767 ký tự).`,
        hint: 'Rút gọn văn bản này; nội dung dài đặt ở narrative/*.md của báo cáo.',
      });
    }
    if (keyProblems.length + escaped.length + long.length > 0) return null;
  }
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    issues.push({
      level: 'error',
      code: 'json-syntax',
      file: file.path,
      line: e ? lineIndex(file.text)(e.offset) : 1,
      message: `JSON không hợp lệ (${e ? printParseErrorCode(e.error) : 'tệp rỗng'}).`,
      hint: 'Kiểm tra dấu phẩy, ngoặc kép và ngoặc nhọn quanh dòng này.',
    });
    return null;
  }
  // The file is NFC already; a "\u0301" escape decodes after that: normalise what it decodes to, so published text is NFC.
  return { value: JSON.parse(file.text, (_key, v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : v)), doc: jsonDoc(file, tree) };
}

/** zod failures as issues at the line of the failing field (`base`: where the validated value sits). */
export function zodIssues(doc: JsonDoc, error: z.ZodError, base: (string | number)[] = []): Issue[] {
  return error.issues.map((i) => {
    const path = [...base, ...(i.path as (string | number)[])];
    const field = i.path.filter((p) => typeof p === 'string').join('.');
    const node = findNodeAtLocation(doc.tree, path);
    return {
      level: 'error' as const,
      code: 'schema',
      file: doc.file.path,
      line: doc.lineOf(path),
      column: field || undefined,
      message: `${field ? `Trường "${field}": ` : ''}${zodMessageVi(i as ZodIssueLike, node ? node.value : undefined)}`,
      hint: 'Sửa giá trị cho đúng định dạng mô tả trong content/README.md.',
    };
  });
}

/** The keys each object level of a catalogue entry may have, read off its zod schema (a union: any option's keys). */
interface KeyTree {
  keys: string[];
  children: Map<string, KeyTree>;
}

function keyTree(schema: z.ZodType): KeyTree | null {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.innerType) return keyTree(def.innerType); // optional, nullable, default
  if (def.type === 'array' && def.element) return keyTree(def.element);
  if (def.type === 'union' && def.options) {
    const trees = def.options.map(keyTree).filter((t): t is KeyTree => t !== null);
    if (trees.length === 0) return null;
    return { keys: [...new Set(trees.flatMap((t) => t.keys))], children: new Map(trees.flatMap((t) => [...t.children])) };
  }
  if (def.type === 'object' && def.shape) {
    const children = new Map<string, KeyTree>();
    for (const [k, v] of Object.entries(def.shape)) {
      const t = keyTree(v);
      if (t) children.set(k, t);
    }
    return { keys: Object.keys(def.shape), children };
  }
  return null;
}

/**
 * Unknown keys (a typo such as "headlne" would otherwise be dropped by zod without a word, and the
 * default used) and HTML in the text of one catalogue entry, at any depth, each where it is.
 */
function entryProblems(file: RawFile, node: JsonNode, tree: KeyTree, path: string[], issues: Issue[]): void {
  if (node.type === 'array') {
    for (const c of node.children ?? []) entryProblems(file, c, tree, path, issues);
    return;
  }
  if (node.type !== 'object') return;
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    const key = String(keyNode?.value ?? '');
    // Located only when reported: lineCol scans from the start of the file.
    const at = () => ({ file: file.path, ...lineCol(file.text, prop.offset), column: [...path, key].join('.') });
    if (!tree.keys.includes(key)) {
      const guess = didYouMean(key, tree.keys);
      issues.push({ level: 'error', code: 'unknown-key', ...at(), message: `Khóa "${key}" không có trong mô hình${guess ? ` — có phải "${guess}"?` : ''}.`, hint: guess ? `Sửa thành "${guess}".` : `Các khóa hợp lệ: ${tree.keys.join(', ')}.` });
      continue;
    }
    if (!value) continue;
    const strings = value.type === 'string' ? [value] : value.type === 'array' ? (value.children ?? []).filter((c) => c.type === 'string') : [];
    if (strings.some((v) => HTML_TAG.test(String(v.value))))
      issues.push({ level: 'error', code: 'html', ...at(), message: 'Không được dùng thẻ HTML trong văn bản của danh mục.', hint: 'Viết văn bản thuần; thẻ HTML sẽ bị hiển thị nguyên dạng.' });
    const child = tree.children.get(key);
    if (child && (value.type === 'object' || value.type === 'array')) entryProblems(file, value, child, [...path, key], issues);
  }
}

export interface Catalog<T> {
  /** Valid entries, first of each id. */
  items: T[];
  /** The parsed file, when it parsed (for lines of later cross-reference checks). */
  doc?: JsonDoc;
  /** Where each valid entry sits in the file's array (entries before it may have been left out). */
  index?: Map<string, number>;
  /** Entries left out for a schema error: id → line (references to them are follow-on errors, see rules/cascade.ts). */
  broken?: Map<string, number>;
  /** The file could not be read as a catalogue at all: every reference to it fails. */
  unreadable?: boolean;
}

/**
 * Validate a JSON array catalogue entry by entry; drop invalid entries, flag duplicate ids.
 * A missing file is an error unless the loader refused it (`refused`: already reported).
 */
export function loadCatalog<T extends { id: string }>(
  file: RawFile | null,
  fallbackPath: string,
  schema: z.ZodType<T>,
  what: string,
  issues: Issue[],
  refused: ReadonlySet<string>,
): Catalog<T> {
  if (!file) {
    if (!refused.has(fallbackPath)) issues.push({ level: 'error', code: 'missing-file', file: fallbackPath, message: `Thiếu tệp danh mục ${what}.`, hint: `Khôi phục ${fallbackPath} (một mảng JSON [...] các mục ${what}).` });
    return { items: [] };
  }
  const parsed = parseJson(file, issues);
  if (!parsed) return { items: [], unreadable: true };
  const { doc } = parsed;
  if (!Array.isArray(parsed.value)) {
    issues.push({ level: 'error', code: 'schema', file: file.path, line: 1, message: `Danh mục ${what} phải là một mảng JSON [...].`, hint: 'Bao các mục trong [ ], mỗi mục một đối tượng { "id": … }.' });
    return { items: [], doc, unreadable: true };
  }
  const tree = keyTree(schema);
  // Reported, not dropped: an error stops the build anyway, and the entry's references still resolve.
  if (tree) for (const entry of (doc.tree.children ?? []).slice(0, LIMITS.catalogEntries)) entryProblems(file, entry, tree, [], issues);
  const items: T[] = [];
  const seen = new Map<string, number>();
  if (parsed.value.length > LIMITS.catalogEntries)
    issues.push({ level: 'error', code: 'limit', file: file.path, line: doc.lineOf([LIMITS.catalogEntries]), message: `Danh mục có ${parsed.value.length} mục, tối đa ${LIMITS.catalogEntries}.`, hint: 'Xem giới hạn trong content/README.md.' });
  const index = new Map<string, number>();
  const broken = new Map<string, number>();
  parsed.value.slice(0, LIMITS.catalogEntries).forEach((entry, position) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      issues.push(...zodIssues(doc, r.error, [position]));
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && id && !broken.has(id)) broken.set(id, doc.lineOf([position, 'id']) ?? 0);
      return;
    }
    const line = doc.lineOf([position, 'id']);
    if (seen.has(r.data.id)) {
      issues.push({
        level: 'error',
        code: 'duplicate-id',
        file: file.path,
        line,
        column: 'id',
        message: `Mã "${r.data.id}" bị trùng (đã có ở dòng ${seen.get(r.data.id)}).`,
        hint: 'Mỗi mục phải có id riêng; gộp hai mục hoặc đổi id.',
      });
      return;
    }
    seen.set(r.data.id, line ?? 0);
    index.set(r.data.id, position);
    items.push(r.data);
    issues.push(...insecureUrlIssues(doc, entry, schema, [position]));
  });
  // An id that also has a valid entry is not broken for references (they resolve to that entry).
  for (const id of seen.keys()) broken.delete(id);
  return { items, doc, index, broken };
}
