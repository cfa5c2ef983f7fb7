// Stage 2 — validate: parse and check the raw content against the zod schemas,
// referential integrity and the sources themselves. Never throws on bad
// content: every problem becomes an Issue naming file, line and column.
import Papa from 'papaparse';
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import {
  areaSchema,
  breakdownSchema,
  extraSections,
  CHECK_COLUMNS,
  checkRowSchema,
  FIGURE_COLUMNS,
  figureCsvRowSchema,
  indicatorSchema,
  organizationSchema,
  adminEventSchema,
  reportSchema,
  type AdminEvent,
  type CsvColumns,
  type Organization,
  type Indicator,
  type Report,
} from '../core/schema.ts';
import type { Figure, Issue, Narrative, ReportContent, ValidationResult } from '../core/model.ts';
import type { RawContent, RawFile, RawReport } from './load.ts';
import { locateQuote } from '../core/quote.ts';
import { parsePeriod, isPeriodError } from '../core/period.ts';
import { checkSeriesPoints, PRE_AUDIT_LENIENCY, type SameDeclaration } from './rules/series.ts';
import { numbersInText, statesNone, textMentionsValue } from '../core/vn-number.ts';
import { normalizeForQuote } from '../core/text.ts';
import { formatNumber } from '../core/format.ts';
import { cellProblem, jsonTooDeep, LIMITS } from './rules/limits.ts';
import { lineCol, SOFT } from './read-content.ts';
import { narrativeCharProblems, narrativeLinkProblems } from './rules/narrative-links.ts';
import { figureAnchorProblem, fractionOrderProblem, jsonKeyProblems, jsonStringCharProblems, kindPeriodProblem, organizationCycles, sectionAnchorProblem, valueRoleProblem } from './rules/strict.ts';
import { existsOn, periodDays } from '../core/admin-units.ts';

const HTML_TAG = /<\/?[a-zA-Z][^>]*>/;

/** Offsets where lines start, for the last text asked about: lineAt is called once per entry, so it must not rescan the file. */
let lineStarts: { text: string; starts: number[] } | null = null;

function lineAt(text: string, offset: number): number {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts = { text, starts };
  }
  const { starts } = lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Parse JSON keeping a syntax tree so zod paths can be mapped back to lines. */
function parseJson(file: RawFile, issues: Issue[], known?: readonly string[]): { value: unknown; tree: JsonNode | undefined } | null {
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
    if (keyProblems.length + escaped.length > 0) return null;
  }
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    issues.push({
      level: 'error',
      code: 'json-syntax',
      file: file.path,
      line: e ? lineAt(file.text, e.offset) : 1,
      message: `JSON không hợp lệ (${e ? printParseErrorCode(e.error) : 'tệp rỗng'}).`,
      hint: 'Kiểm tra dấu phẩy, ngoặc kép và ngoặc nhọn quanh dòng này.',
    });
    return null;
  }
  return { value: JSON.parse(file.text), tree };
}

function lineOfPath(file: RawFile, tree: JsonNode | undefined, path: (string | number)[]): number | undefined {
  if (!tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return lineAt(file.text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return undefined;
}

function zodIssues(file: RawFile, tree: JsonNode | undefined, error: z.ZodError, base: (string | number)[] = []): Issue[] {
  return error.issues.map((i) => {
    const path = [...base, ...(i.path as (string | number)[])];
    const field = i.path.filter((p) => typeof p === 'string').join('.');
    return {
      level: 'error' as const,
      code: 'schema',
      file: file.path,
      line: lineOfPath(file, tree, path),
      column: field || undefined,
      message: `${field ? `Trường "${field}": ` : ''}${i.message}`,
      hint: 'Sửa giá trị cho đúng định dạng mô tả trong content/README.md.',
    };
  });
}

/** Validate a JSON array catalogue entry by entry; drop invalid entries, flag duplicate ids. */
function loadCatalog<T extends { id: string }>(
  file: RawFile | null,
  fallbackPath: string,
  schema: z.ZodType<T>,
  what: string,
  issues: Issue[],
): { items: T[]; tree?: JsonNode } {
  if (!file) {
    if (!refusedPaths.has(fallbackPath)) issues.push({ level: 'error', code: 'missing-file', file: fallbackPath, message: `Thiếu tệp danh mục ${what}.` });
    return { items: [] };
  }
  const parsed = parseJson(file, issues);
  if (!parsed) return { items: [] };
  if (!Array.isArray(parsed.value)) {
    issues.push({ level: 'error', code: 'schema', file: file.path, line: 1, message: `Danh mục ${what} phải là một mảng JSON [...].` });
    return { items: [], tree: parsed.tree };
  }
  const items: T[] = [];
  const seen = new Map<string, number>();
  if (parsed.value.length > LIMITS.catalogEntries)
    issues.push({ level: 'error', code: 'limit', file: file.path, line: lineOfPath(file, parsed.tree, [LIMITS.catalogEntries]), message: `Danh mục có ${parsed.value.length} mục, tối đa ${LIMITS.catalogEntries}.`, hint: 'Xem giới hạn trong content/README.md.' });
  parsed.value.slice(0, LIMITS.catalogEntries).forEach((entry, index) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      issues.push(...zodIssues(file, parsed.tree, r.error, [index]));
      return;
    }
    const line = lineOfPath(file, parsed.tree, [index, 'id']);
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
    items.push(r.data);
  });
  return { items, tree: parsed.tree };
}

interface CsvRow {
  line: number;
  cells: string[];
}

/** Parse CSV with papaparse, keeping the line where each record starts. */
function parseCsv(file: RawFile, issues: Issue[]): CsvRow[] {
  const rows: CsvRow[] = [];
  const text = file.text;
  // papaparse's cursor is the offset where the next record starts; count newlines up to each record.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const recordLine = line;
      for (let i = start; i < result.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++;
      start = result.meta.cursor;
      for (const e of result.errors) {
        issues.push({
          level: 'error',
          code: 'csv-syntax',
          file: file.path,
          line: recordLine,
          message: `CSV lỗi cú pháp: ${e.message}.`,
          hint: 'Ô chứa dấu phẩy hoặc xuống dòng phải nằm trong ngoặc kép; ngoặc kép bên trong viết thành "".',
        });
      }
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === '') return; // blank line
      rows.push({ line: recordLine, cells });
    },
  });
  return rows;
}

const areaSections = new Set<string>();
const extraSectionIds = new Set<string>(extraSections.map((s) => s.id));

function plain(n: number): string {
  return formatNumber(n);
}

export interface ValidateOptions {
  /** Series conflicts and non-canonical periods as warnings (see PRE_AUDIT_LENIENCY). */
  lenient?: boolean;
}

/** Paths the loader refused (already reported): not reported again as missing. */
const refusedPaths = new Set<string>();

export function validateContent(raw: RawContent, options: ValidateOptions = {}): ValidationResult {
  const issues: Issue[] = raw.problems.map((p) => ({ level: 'error' as const, ...p }));
  refusedPaths.clear();
  for (const p of raw.problems) refusedPaths.add(p.file);
  const lenient = options.lenient ?? PRE_AUDIT_LENIENCY;
  const same: SameDeclaration[] = [];
  const areaCatalog = loadCatalog(raw.areas, 'data/areas.json', areaSchema, 'lĩnh vực', issues);
  const areas = areaCatalog.items;
  const orgCatalog = loadCatalog(raw.organizations, 'data/organizations.json', organizationSchema, 'tổ chức', issues);
  const organizations = orgCatalog.items;
  const breakdowns = loadCatalog(raw.breakdowns, 'data/breakdowns.json', breakdownSchema, 'phân tổ', issues).items;
  const indicatorCatalog = loadCatalog(raw.indicators, 'data/indicators.json', indicatorSchema, 'chỉ số', issues);
  const indicators = indicatorCatalog.items;

  const areaIds = new Set(areas.map((a) => a.id));
  const orgIds = new Set(organizations.map((o) => o.id));
  const breakdownIds = new Set(breakdowns.map((b) => b.id));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  areaSections.clear();
  for (const a of areas) areaSections.add(a.id);

  // Catalogue cross-references.
  const indicatorFile = raw.indicators;
  if (indicatorFile) {
    // Parsed once, not once per indicator (thousands of entries would make that quadratic).
    const entries = indicatorCatalog.tree ? (JSON.parse(indicatorFile.text) as { id?: string }[]) : [];
    const indexOf = new Map<string, number>();
    entries.forEach((e, i) => typeof e?.id === 'string' && !indexOf.has(e.id) && indexOf.set(e.id, i));
    indicators.forEach((ind) => {
      const index = indexOf.get(ind.id) ?? -1;
      const at = (field: string) => lineOfPath(indicatorFile, indicatorCatalog.tree, [index, field]);
      if (!areaIds.has(ind.area))
        issues.push({
          level: 'error',
          code: 'unknown-area',
          file: indicatorFile.path,
          line: at('area'),
          column: 'area',
          message: `Chỉ số "${ind.id}": lĩnh vực "${ind.area}" không có trong data/areas.json.`,
          hint: `Dùng một trong: ${[...areaIds].join(', ')}.`,
        });
      const d = ind.derivation;
      const refs = !d ? [] : d.kind === 'ratio' ? [d.numerator, d.denominator] : d.kind === 'fraction' ? [d.of] : d.parts;
      for (const ref of refs)
        if (!indicatorById.has(ref))
          issues.push({
            level: 'error',
            code: 'unknown-indicator',
            file: indicatorFile.path,
            line: at('derivation'),
            column: 'derivation',
            message: `Chỉ số "${ind.id}": công thức tham chiếu chỉ số không tồn tại "${ref}".`,
            hint: 'Sửa id trong derivation hoặc thêm chỉ số đó vào danh mục.',
          });
    });
  }
  for (const o of organizations)
    if (o.parent && !orgIds.has(o.parent))
      issues.push({ level: 'error', code: 'unknown-organization', file: 'data/organizations.json', column: 'parent', message: `Tổ chức "${o.id}": đơn vị cấp trên "${o.parent}" không tồn tại.` });
  const orgFile = raw.organizations;
  for (const c of organizationCycles(organizations)) {
    const index = organizations.findIndex((o) => o.id === c.id);
    const line = orgFile ? lineOfPath(orgFile, orgCatalog.tree, [index, 'parent']) : undefined;
    issues.push({ level: 'error', code: 'organization-cycle', file: 'data/organizations.json', line, column: 'parent', message: `Tổ chức "${c.id}" là cấp trên của chính nó: ${c.chain.join(' → ')}.`, hint: 'Sửa "parent" để cây tổ chức không có vòng.' });
  }
  if (raw.areas)
    for (const a of areas) {
      const clash = sectionAnchorProblem(a.id) ?? (extraSectionIds.has(a.id) ? `"${a.id}" trùng với một mục ngoài lĩnh vực` : null);
      if (clash) issues.push({ level: 'error', code: 'anchor-clash', file: raw.areas.path, line: lineOfPath(raw.areas, areaCatalog.tree, [areas.indexOf(a), 'id']), column: 'id', message: `Lĩnh vực "${a.id}": ${clash}.`, hint: 'Đổi id lĩnh vực.' });
    }
  const events = raw.events ? loadCatalog(raw.events, 'data/events.json', adminEventSchema, 'sự kiện', issues).items : [];
  checkUnitsOverTime(raw.organizations, organizations, events, issues);

  const reports: ReportContent[] = [];
  const reportIds = new Set<string>();
  for (const r of raw.reports) {
    // A report with any refused file or folder is never published, not even in part.
    const dir = `content/reports/${r.folder}`;
    if (raw.problems.some((p) => p.file === dir || p.file.startsWith(`${dir}/`))) continue;
    const report = validateReport(r, { orgIds, breakdownIds, indicatorById, reportIds, lenient, same }, issues);
    if (report) {
      reports.push(report);
      reportIds.add(report.meta.id);
    }
  }

  checkSeriesPoints(reports, same, indicatorById, issues, lenient);
  checkConsistency(reports, indicatorById, issues);
  checkUnitsInPeriods(reports, organizations, issues);
  return { content: { areas: [...areas].sort((a, b) => a.order - b.order), organizations, events, indicators, breakdowns, reports }, issues };
}

interface Refs {
  orgIds: Set<string>;
  breakdownIds: Set<string>;
  indicatorById: Map<string, Indicator>;
  reportIds: Set<string>;
  /** Pre-audit leniency (PRE_AUDIT_LENIENCY). */
  lenient: boolean;
  /** `same` declarations of checks.csv, resolved once every report is read. */
  same: SameDeclaration[];
}

function validateReport(r: RawReport, refs: Refs, issues: Issue[]): ReportContent | null {
  const dir = `content/reports/${r.folder}`;
  for (const name of r.unknown)
    issues.push({ level: 'warning', code: 'unknown-file', file: `${dir}/${name}`, message: 'Tệp không thuộc mô hình nội dung, sẽ bị bỏ qua.' });
  if (!r.report) {
    issues.push({ level: 'error', code: 'missing-file', file: `${dir}/report.json`, message: 'Thiếu report.json.', hint: 'Tạo khung bằng: npm run new-report -- <report-id>' });
    return null;
  }
  const parsed = parseJson(r.report, issues, Object.keys(reportSchema.shape));
  if (!parsed) return null;
  const m = reportSchema.safeParse(parsed.value);
  if (!m.success) {
    issues.push(...zodIssues(r.report, parsed.tree, m.error));
    return null;
  }
  const meta = m.data;
  const at = (field: string) => lineOfPath(r.report!, parsed.tree, [field]);
  if (meta.sourceFile !== 'source.txt')
    issues.push({ level: 'error', code: 'source-file', file: r.report.path, line: at('sourceFile'), column: 'sourceFile', message: `sourceFile là "${meta.sourceFile}"; toàn văn luôn nằm ở source.txt cạnh report.json.`, hint: 'Ghi "sourceFile": "source.txt" và đặt toàn văn vào tệp đó.' });
  const kindPeriod = kindPeriodProblem(meta.kind, meta.period);
  if (kindPeriod) issues.push({ level: 'error', code: 'kind-period', file: r.report.path, line: at('period'), column: 'period', message: kindPeriod, hint: 'Sửa kind hoặc period cho khớp văn bản.' });
  if (meta.id !== r.folder)
    issues.push({ level: 'error', code: 'id-mismatch', file: r.report.path, line: at('id'), column: 'id', message: `id "${meta.id}" khác tên thư mục "${r.folder}".`, hint: 'Đặt id trùng tên thư mục.' });
  if (refs.reportIds.has(meta.id))
    issues.push({ level: 'error', code: 'duplicate-id', file: r.report.path, line: at('id'), column: 'id', message: `Báo cáo "${meta.id}" bị trùng.` });
  for (const field of ['issuer', 'scope'] as const)
    if (!refs.orgIds.has(meta[field]))
      issues.push({
        level: 'error',
        code: 'unknown-organization',
        file: r.report.path,
        line: at(field),
        column: field,
        message: `Tổ chức "${meta[field]}" không có trong data/organizations.json.`,
        hint: 'Thêm tổ chức vào danh mục hoặc sửa id.',
      });
  const canonical = parsePeriod(meta.period);
  if (isPeriodError(canonical) && canonical.canonical) {
    issues.push({ level: refs.lenient ? 'warning' : 'error', code: 'period-not-canonical', file: r.report.path, line: at('period'), column: 'period', message: `Kỳ "${meta.period}" chưa viết theo cách duy nhất: ${canonical.error}.`, hint: `Ghi "${canonical.canonical}" (xem docs/figure-model.md).` });
    meta.period = canonical.canonical;
  }
  for (const field of ['title', 'summary'] as const)
    if (/\bTODO\b/.test(meta[field]))
      issues.push({ level: 'error', code: 'placeholder', file: r.report.path, line: at(field), column: field, message: 'Trường còn nội dung mẫu "TODO".', hint: 'Điền nội dung thật từ văn bản.' });
  for (const field of ['title', 'summary'] as const)
    if (HTML_TAG.test(meta[field]))
      issues.push({ level: 'error', code: 'html', file: r.report.path, line: at(field), column: field, message: 'Không được dùng thẻ HTML trong văn bản.', hint: 'Viết văn bản thuần; thẻ HTML sẽ bị hiển thị nguyên dạng.' });
  const narratives: Narrative[] = [];
  for (const n of r.narratives) {
    const section = n.path.split('/').pop()!.replace(/\.md$/, '');
    if (!n.path.endsWith('.md') || (!areaSections.has(section) && !extraSectionIds.has(section))) {
      issues.push({
        level: 'error',
        code: 'unknown-section',
        file: n.path,
        message: `Tên tệp "${section}" không phải lĩnh vực hay mục đã biết.`,
        hint: `Đặt tên theo một trong: ${[...areaSections, ...extraSectionIds].join(', ')} (đuôi .md).`,
      });
      continue;
    }
    const lines = n.text.split('\n');
    const htmlLine = lines.findIndex((l) => HTML_TAG.test(l));
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
    for (const p of narrativeLinkProblems(n.text)) issues.push({ level: 'error', code: 'unsafe-link', file: n.path, ...p });
    for (const p of narrativeCharProblems(n.text)) issues.push({ level: 'error', code: 'control-char', file: n.path, ...p });
    const todoLine = lines.findIndex((l) => /\bTODO\b/.test(l));
    if (todoLine >= 0)
      issues.push({ level: 'error', code: 'placeholder', file: n.path, line: todoLine + 1, message: 'Phần tóm tắt còn nội dung mẫu "TODO".', hint: 'Viết tóm tắt thật hoặc xóa tệp.' });
    narratives.push({ section, markdown: n.text, file: n.path });
  }

  if (!r.source) {
    issues.push({ level: 'error', code: 'missing-file', file: `${dir}/source.txt`, message: 'Thiếu toàn văn nguồn source.txt.', hint: 'Sao chép nguyên văn văn bản gốc vào source.txt.' });
    return null;
  }
  const sourceText = r.source.text.normalize('NFC');
  if (sourceText.trim() === '') {
    issues.push({ level: 'error', code: 'empty-source', file: r.source.path, line: 1, message: 'source.txt rỗng.', hint: 'Dán toàn văn văn bản gốc, giữ nguyên như bản gốc.' });
    return null;
  }

  checkNarrativeNumbers(narratives, sourceText, issues);
  const figures = r.figures ? validateFigures(r.figures, meta, sourceText, refs, issues) : [];
  if (r.checks) checkDeclared(r.checks, meta.id, figures, refs, issues);
  if (figures.length > LIMITS.figuresPerReport) {
    const extra = figures[LIMITS.figuresPerReport];
    issues.push({ level: 'error', code: 'limit', file: r.figures!.path, line: extra.line, message: `Báo cáo có ${figures.length} số liệu, tối đa ${LIMITS.figuresPerReport}.`, hint: 'Xem giới hạn trong content/README.md.' });
    figures.length = LIMITS.figuresPerReport;
  }
  if (figures.length === 0 && meta.kind !== 'directive')
    issues.push({ level: 'warning', code: 'missing-file', file: `${dir}/figures.csv`, message: 'Báo cáo chưa có số liệu (figures.csv).' });

  return {
    meta,
    figures,
    narratives,
    sourceText,
    files: { report: r.report.path, figures: r.figures?.path ?? null, source: r.source.path },
  };
}

/**
 * Narratives summarise; they must not introduce numbers. Every number of two or more
 * digits in a narrative must appear in the source, as printed (a footnote digit glued
 * to it in the source, "201312", still counts) or as the same value.
 */
function checkNarrativeNumbers(narratives: Narrative[], sourceText: string, issues: Issue[]) {
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

type ReportError = (column: string | undefined, code: string, message: string, hint?: string) => void;

/**
 * The data rows of a CSV file read by header name: columns in any order, optional
 * columns absent or empty (read as ""), unknown or repeated columns rejected. Each
 * row must pass `schema`; it comes with its line and an error reporter for it. An
 * empty file, a bad header, a wrong cell count or a schema failure is reported
 * (file, line, column) and the row left out.
 */
function tableRows<T>(file: RawFile, columns: CsvColumns, schema: z.ZodType<T>, issues: Issue[]): { line: number; data: T; err: ReportError }[] {
  const name = file.path.split('/').pop();
  const rows = parseCsv(file, issues);
  const required = columns.all.filter((c) => !columns.optional.includes(c));
  const model = `${columns.all.join(',')} (thứ tự tùy ý; có thể bỏ cột tùy chọn: ${columns.optional.join(', ')})`;
  if (rows.length === 0) {
    issues.push({ level: 'error', code: 'csv-header', file: file.path, line: 1, message: `${name} rỗng.`, hint: `Dòng đầu là tên cột: ${model}` });
    return [];
  }
  const header = rows[0].cells.map((c) => c.trim());
  const headerError = (message: string, hint: string) => issues.push({ level: 'error', code: 'csv-header', file: file.path, line: rows[0].line, message, hint });
  const unknown = header.filter((c) => !columns.all.includes(c));
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  const missing = required.filter((c) => !header.includes(c));
  if (unknown.length || repeated.length || missing.length) {
    if (unknown.length)
      headerError(`Cột không có trong mô hình: ${unknown.map((c) => `"${c}"`).join(', ')}.`, `Các cột đã biết: ${columns.all.join(', ')}.`);
    if (repeated.length) headerError(`Cột lặp lại: ${[...new Set(repeated)].join(', ')}.`, 'Mỗi cột chỉ xuất hiện một lần ở dòng đầu.');
    if (missing.length) headerError(`Thiếu cột bắt buộc: ${missing.join(', ')}.`, `Dòng đầu phải có các cột: ${model}`);
    return [];
  }
  const out: { line: number; data: T; err: ReportError }[] = [];
  if (rows.length - 1 > LIMITS.csvRows)
    issues.push({ level: 'error', code: 'limit', file: file.path, line: rows[LIMITS.csvRows + 1].line, message: `${name} có ${rows.length - 1} dòng dữ liệu, tối đa ${LIMITS.csvRows}.`, hint: 'Xem giới hạn trong content/README.md; tách văn bản quá dài thành nhiều báo cáo.' });
  for (const row of rows.slice(1, LIMITS.csvRows + 1)) {
    const err: ReportError = (column, code, message, hint) => issues.push({ level: 'error', code, file: file.path, line: row.line, column, message, hint });
    if (row.cells.length !== header.length) {
      err(undefined, 'csv-columns', `Dòng có ${row.cells.length} ô, cần ${header.length} (theo dòng tiêu đề).`, 'Ô chứa dấu phẩy phải nằm trong ngoặc kép.');
      continue;
    }
    const bad = header.map((c, i) => [c, cellProblem(c, row.cells[i], SOFT)] as const).find(([, p]) => p);
    if (bad) {
      err(bad[0], bad[1]!.code, bad[1]!.message, bad[1]!.hint);
      continue;
    }
    const cells = new Map(header.map((c, i) => [c, row.cells[i].trim()]));
    const parsed = schema.safeParse(Object.fromEntries(columns.all.map((c) => [c, cells.get(c) ?? ''])));
    if (!parsed.success) {
      for (const i of parsed.error.issues) err(String(i.path[0]), 'schema', `Cột "${String(i.path[0])}": ${i.message}`, `Xem định dạng ${name} trong content/README.md và docs/figure-model.md.`);
      continue;
    }
    out.push({ line: row.line, data: parsed.data, err });
  }
  return out;
}

function validateFigures(file: RawFile, meta: Report, sourceText: string, refs: Refs, issues: Issue[]): Figure[] {
  const figures: Figure[] = [];
  const pageSections = new Set([...areaSections, ...extraSectionIds]);
  const seen = new Map<string, number>();
  for (const { line, data, err } of tableRows(file, FIGURE_COLUMNS, figureCsvRowSchema, issues)) {
    // A leading list marker ("- ", "+ ") is layout, and would read as a formula in spreadsheets.
    const f = { ...data, quote: data.quote.replace(/^[-+•]\s+/, '') };
    let ok = true;
    if (seen.has(f.id)) {
      err('id', 'duplicate-id', `Mã số liệu "${f.id}" bị trùng (đã có ở dòng ${seen.get(f.id)}).`, 'Đặt id khác cho một trong hai dòng.');
      ok = false;
    } else seen.set(f.id, line);
    const indicator = refs.indicatorById.get(f.indicator);
    if (!indicator) {
      err('indicator', 'unknown-indicator', `Chỉ số "${f.indicator}" không có trong data/indicators.json.`, 'Dùng id chỉ số sẵn có hoặc thêm chỉ số mới vào danh mục.');
      ok = false;
    } else if (indicator.unit !== f.unit) {
      err('unit', 'unit-mismatch', `Đơn vị tính "${f.unit}" khác đơn vị tính của chỉ số "${f.indicator}" ("${indicator.unit}").`, `Ghi đơn vị tính "${indicator.unit}".`);
      ok = false;
    }
    if (!refs.orgIds.has(f.scope)) {
      err('scope', 'unknown-organization', `Cơ quan, đơn vị "${f.scope}" không có trong data/organizations.json.`, 'Sửa id hoặc thêm tổ chức vào danh mục.');
      ok = false;
    }
    if (f.breakdown && !refs.breakdownIds.has(f.breakdown)) {
      err('breakdown', 'unknown-breakdown', `Phân tổ "${f.breakdown}" không có trong data/breakdowns.json.`, 'Sửa id hoặc thêm phân tổ vào danh mục.');
      ok = false;
    }
    if (HTML_TAG.test(f.note)) {
      err('note', 'html', 'Không được dùng thẻ HTML trong ghi chú.', 'Viết văn bản thuần.');
      ok = false;
    }
    const location = locateQuote(sourceText, f.quote);
    if (!location) {
      err('quote', 'quote-not-found', 'Không tìm thấy trích dẫn trong source.txt.', 'Sao chép nguyên văn từ source.txt (chỉ được khác khoảng trắng, dấu * và số chú thích).');
      ok = false;
    }
    const value = Number(f.value);
    const denominator = f.denominator === '' ? null : Number(f.denominator);
    // An explicit zero is printed in words ("không có", "chưa phát hiện"): the quote must say so.
    if (!textMentionsValue(f.quote, value) && !(value === 0 && statesNone(f.quote))) {
      err('value', 'value-not-in-quote', `Giá trị ${plain(value)} không xuất hiện trong trích dẫn.`, value === 0 ? 'Số 0 phải được văn bản nói rõ ("không có …", "chưa phát hiện …", "…: Không."): chọn trích dẫn chứa câu đó.' : 'Kiểm tra lại số (dấu "." là hàng nghìn, "," là thập phân trong văn bản gốc) hoặc chọn trích dẫn chứa số đó.');
      ok = false;
    }
    if (denominator !== null && !textMentionsValue(f.quote, denominator)) {
      err('denominator', 'value-not-in-quote', `Mẫu số ${plain(denominator)} không xuất hiện trong trích dẫn.`, 'Kiểm tra lại mẫu số hoặc chọn trích dẫn chứa số đó.');
      ok = false;
    }
    const role = ok ? valueRoleProblem(f.quote, value) : null;
    if (role) {
      err('value', 'value-not-quantity', role, 'Chọn đúng số liệu trong trích dẫn (không lấy năm, ngày tháng, số mục hay số hiệu văn bản).');
      ok = false;
    }
    const order = ok && denominator !== null ? fractionOrderProblem(f.quote, value, denominator) : null;
    if (order) {
      err('denominator', 'fraction-order', order, 'value là tử số (số đứng trước "/"), denominator là mẫu số.');
      ok = false;
    }
    const anchor = figureAnchorProblem(f.id, pageSections);
    if (anchor) {
      err('id', 'anchor-clash', anchor, 'Đổi id số liệu.');
      ok = false;
    }
    // A valid period spelled another way is read as its one canonical spelling.
    let period = f.period;
    const parsedPeriod = parsePeriod(f.period);
    if (isPeriodError(parsedPeriod) && parsedPeriod.canonical) {
      issues.push({
        level: refs.lenient ? 'warning' : 'error',
        code: 'period-not-canonical',
        file: file.path,
        line,
        column: 'period',
        message: `Kỳ "${f.period}" chưa viết theo cách duy nhất: ${parsedPeriod.error}.`,
        hint: `Ghi "${parsedPeriod.canonical}" (xem docs/figure-model.md).`,
      });
      if (!refs.lenient) ok = false;
      period = parsedPeriod.canonical;
    }
    if (!ok || !location || !indicator) continue;
    figures.push({
      key: `${meta.id}/${f.id}`,
      reportId: meta.id,
      id: f.id,
      indicator: f.indicator,
      scope: f.scope,
      breakdown: f.breakdown || null,
      period,
      basis: f.basis || indicator.basis,
      status: f.status || 'actual',
      value,
      denominator,
      unit: f.unit,
      comparator: f.comparator || null,
      section: f.section,
      quote: f.quote,
      note: f.note || null,
      line,
      location,
    });
  }
  return figures;
}

const EPS = 1e-9;

/** Half a unit of the last printed decimal: 22.5 → 0.05, 25 → 0.5, 76.66 → 0.005. */
export function printedPrecision(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

/** The data-quality note for a total its parts do not add up to ("các thành phần", "các phân tổ", "các phần"). */
function sumMismatch(label: string, total: number, parts: number[], what: string): string {
  const sum = parts.reduce((a, v) => a + v, 0);
  return `${label}: báo cáo in ${plain(total)} nhưng ${what} cộng lại bằng ${plain(sum)} (${parts.map(plain).join(' + ')}), lệch ${plain(Math.abs(Math.round((total - sum) * 1e6) / 1e6))}.`;
}

/** The data-quality note for a printed rate its counts do not give. */
function rateMismatch(label: string, printed: number, numerator: number, denominator: number): string {
  return `${label}: báo cáo in ${plain(printed)}% nhưng ${plain(numerator)}/${plain(denominator)} = ${plain(Math.round((numerator / denominator) * 1e4) / 100)}%.`;
}

/**
 * checks.csv: sums and ratios the curator declares between figures of one report.
 * Malformed rows are errors (file, line, column); a relation the printed figures
 * break is a warning on those figures, like the catalogue-derived checks below.
 */
function checkDeclared(file: RawFile, reportId: string, figures: Figure[], refs: Refs, issues: Issue[]) {
  const indicatorById = refs.indicatorById;
  const byId = new Map(figures.map((f) => [f.id, f]));
  for (const { line, data: c, err } of tableRows(file, CHECK_COLUMNS, checkRowSchema, issues)) {
    if (c.kind === 'same') {
      const other = c.expression.trim();
      if (!/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/.test(other)) {
        err('expression', 'check-expression', `Biểu thức "${c.expression}" không hợp lệ cho phép kiểm tra "same".`, 'Ghi mã của số liệu thứ hai, vd. "same,a,b," (số liệu của báo cáo khác: "same,a,<mã báo cáo>/b,").');
        continue;
      }
      const local = !other.includes('/');
      const missing = [c.figure, ...(local ? [other] : [])].filter((id) => !byId.has(id));
      for (const id of missing)
        err(id === c.figure ? 'figure' : 'expression', 'unknown-figure', `Không có số liệu "${id}" trong figures.csv (hoặc dòng của nó đang có lỗi).`, 'Dùng đúng cột id của figures.csv cùng báo cáo.');
      if (missing.length === 0) refs.same.push({ file: file.path, line, a: `${reportId}/${c.figure}`, b: local ? `${reportId}/${other}` : other });
      continue;
    }
    const operator = c.kind === 'sum' ? '+' : '/';
    const ids = c.expression.split(operator).map((t) => t.trim());
    if (ids.some((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) || (c.kind === 'sum' ? ids.length < 2 : ids.length !== 2)) {
      err('expression', 'check-expression', `Biểu thức "${c.expression}" không hợp lệ cho phép kiểm tra "${c.kind}".`, c.kind === 'sum' ? 'Viết các mã số liệu nối bằng " + ", vd. "a + b + c".' : 'Viết "tử số / mẫu số" bằng mã số liệu, vd. "a / b".');
      continue;
    }
    const missing = [c.figure, ...ids].filter((id) => !byId.has(id));
    if (missing.length) {
      for (const id of missing)
        err(id === c.figure ? 'figure' : 'expression', 'unknown-figure', `Không có số liệu "${id}" trong figures.csv (hoặc dòng của nó đang có lỗi).`, 'Dùng đúng cột id của figures.csv cùng báo cáo.');
      continue;
    }
    const total = byId.get(c.figure)!;
    const parts = ids.map((id) => byId.get(id)!);
    const label = indicatorById.get(total.indicator)?.label ?? total.indicator;
    const warn = (code: string, message: string) =>
      issues.push({ level: 'warning', code, file: file.path, line, message, figures: [total, ...parts].map((f) => f.key) });
    if (c.kind === 'sum') {
      const odd = parts.find((p) => p.unit !== total.unit);
      if (odd) {
        err('expression', 'check-unit', `"${odd.id}" có đơn vị "${odd.unit}", khác "${total.unit}" của "${total.id}".`, 'Chỉ cộng các số liệu cùng đơn vị.');
        continue;
      }
      const sum = parts.reduce((a, p) => a + p.value, 0);
      const tolerance = c.tolerance === '' ? 0 : Number(c.tolerance);
      if (Math.abs(sum - total.value) > tolerance + EPS)
        warn('sum-mismatch', sumMismatch(label, total.value, parts.map((p) => p.value), 'các phần'));
    } else {
      if (total.unit !== '%') {
        err('figure', 'check-unit', `Phép kiểm tra "ratio" cần một tỷ lệ (%), nhưng "${total.id}" có đơn vị "${total.unit}".`, 'Ghi mã của số liệu tỷ lệ ở cột figure.');
        continue;
      }
      const [num, den] = parts;
      if (den.value === 0) {
        err('expression', 'check-zero', `Mẫu số "${den.id}" bằng 0.`);
        continue;
      }
      const computed = (num.value / den.value) * 100;
      const tolerance = c.tolerance === '' ? printedPrecision(total.value) : Number(c.tolerance);
      if (Math.abs(computed - total.value) > tolerance + EPS)
        warn('rate-mismatch', rateMismatch(label, total.value, num.value, den.value));
    }
  }
}

/** Consistency checks across figures of one report: warnings that become data-quality notes. */
function checkConsistency(reports: ReportContent[], indicatorById: Map<string, Indicator>, issues: Issue[]) {
  for (const report of reports) {
    const file = report.files.figures ?? report.files.report;
    // Targets in a plan are not measurements; they need not add up.
    if (report.meta.kind === 'annual-plan') continue;
    // Only exact measurements take part in sums and ratios: targets and "trên/khoảng" values do not.
    const measured = report.figures.filter((f) => f.comparator === null);
    const byCell = new Map<string, Figure[]>();
    // Relations hold between figures of one scope, breakdown, status and period (a rate's basis may differ from its counts').
    const cell = (indicator: string, f: Pick<Figure, 'scope' | 'breakdown' | 'status' | 'period'>) => `${indicator}|${f.scope}|${f.breakdown ?? ''}|${f.status}|${f.period}`;
    for (const f of measured) {
      const k = cell(f.indicator, f);
      byCell.set(k, [...(byCell.get(k) ?? []), f]);
    }
    // A relation also declared in checks.csv is reported once, from there.
    const sameFigures = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
    const warn = (code: string, figs: Figure[], message: string) => {
      const keys = figs.map((f) => f.key);
      if (issues.some((i) => i.code === code && i.figures && sameFigures(i.figures, keys))) return;
      issues.push({ level: 'warning', code, file, line: figs[0]?.line, message, figures: keys });
    };

    for (const totals of byCell.values()) {
      const total = totals[0];
      const ind = indicatorById.get(total.indicator);
      if (!ind) continue;
      // Sum of named parts (e.g. received = online + direct + carried over).
      if (ind.derivation?.kind === 'sum') {
        const parts = ind.derivation.parts.map((p) => byCell.get(cell(p, total))?.[0]);
        if (parts.every((p): p is Figure => !!p)) {
          const sum = parts.reduce((s, p) => s + p.value, 0);
          for (const t of totals)
            if (Math.abs(sum - t.value) > EPS)
              warn('sum-mismatch', [t, ...parts], sumMismatch(ind.label, t.value, parts.map((p) => p.value), 'các thành phần'));
        }
      }
      // Breakdowns adding up to the total.
      if (ind.breakdownsSumToTotal && total.breakdown === null) {
        const parts = measured.filter((f) => f.indicator === total.indicator && f.scope === total.scope && f.period === total.period && f.basis === total.basis && f.status === total.status && f.breakdown !== null);
        const unique = [...new Map(parts.map((p) => [p.breakdown, p])).values()];
        if (unique.length >= 2) {
          const sum = unique.reduce((s, p) => s + p.value, 0);
          for (const t of totals)
            if (Math.abs(sum - t.value) > EPS)
              warn('sum-mismatch', [t, ...unique], sumMismatch(ind.label, t.value, unique.map((p) => p.value), 'các phân tổ'));
        }
      }
      // Printed rate vs the counts it is computed from.
      if (ind.derivation?.kind === 'ratio') {
        const num = byCell.get(cell(ind.derivation.numerator, total))?.[0];
        const den = byCell.get(cell(ind.derivation.denominator, total))?.[0];
        if (num && den && den.value !== 0) {
          const computed = (num.value / den.value) * 100;
          const tolerance = ind.derivation.tolerance;
          for (const t of totals)
            if (Math.abs(computed - t.value) > tolerance + EPS)
              warn('rate-mismatch', [t, num, den], rateMismatch(ind.label, t.value, num.value, den.value));
        }
      }
      // Printed rate vs the "a/b" pair it summarises (e.g. "10/30 đơn vị (tỷ lệ 30,3%)").
      if (ind.derivation?.kind === 'fraction') {
        const pair = byCell.get(cell(ind.derivation.of, total))?.find((f) => f.denominator !== null && f.denominator !== 0);
        if (pair) {
          const computed = (pair.value / pair.denominator!) * 100;
          for (const t of totals)
            if (Math.abs(computed - t.value) > ind.derivation.tolerance + EPS)
              warn('rate-mismatch', [t, pair], rateMismatch(ind.label, t.value, pair.value, pair.denominator!));
        }
      }
    }
  }
}

/** "file:line (cột col)" — the location prefix used by the CLI. */
export function formatIssue(i: Issue): string {
  const field = i.file.endsWith('.csv') ? 'cột' : 'trường';
  const where = `${i.file}${i.line ? `:${i.line}` : ''}${i.line && i.col ? `:${i.col}` : ''}${i.column ? ` (${field} ${i.column})` : ''}`;
  const tag = i.level === 'error' ? 'LỖI' : 'CẢNH BÁO';
  return `${tag} ${where}: ${i.message}${i.hint ? `\n    → ${i.hint}` : ''}`;
}

// ---- Units over time ------------------------------------------------------------------------

/** successor/predecessors/validFrom/validTo of data/organizations.json agree with each other and with data/events.json. */
function checkUnitsOverTime(file: RawFile | null, organizations: Organization[], events: AdminEvent[], issues: Issue[]) {
  const path = file?.path ?? 'data/organizations.json';
  const tree = file ? parseTree(file.text) : undefined;
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const line = (id: string, field: string) => (file ? lineOfPath(file, tree, [organizations.findIndex((o) => o.id === id), field]) : undefined);
  const err = (o: Organization, column: string, message: string, hint: string) => issues.push({ level: 'error', code: 'unit-history', file: path, line: line(o.id, column), column, message, hint });
  for (const o of organizations) {
    if (o.validFrom && o.validTo && o.validFrom > o.validTo) err(o, 'validTo', `Tổ chức "${o.id}": validTo ${o.validTo} trước validFrom ${o.validFrom}.`, 'Sửa lại ngày (YYYY-MM-DD).');
    if (o.successor) {
      const s = byId.get(o.successor);
      if (!s) err(o, 'successor', `Tổ chức "${o.id}": đơn vị kế thừa "${o.successor}" không tồn tại.`, 'Thêm đơn vị kế thừa vào data/organizations.json hoặc sửa id.');
      else if (!o.validTo) err(o, 'validTo', `Tổ chức "${o.id}" có đơn vị kế thừa nhưng thiếu validTo (ngày cuối còn tồn tại).`, 'Thêm "validTo": "YYYY-MM-DD".');
      else if (s.validFrom && s.validFrom <= o.validTo) err(o, 'successor', `Tổ chức "${o.id}" còn tồn tại đến ${o.validTo} nhưng đơn vị kế thừa "${s.id}" bắt đầu từ ${s.validFrom}.`, 'Đơn vị kế thừa phải bắt đầu sau ngày validTo.');
    }
    for (const p of o.predecessors ?? []) {
      const pre = byId.get(p);
      if (!pre) err(o, 'predecessors', `Tổ chức "${o.id}": đơn vị tiền thân "${p}" không tồn tại.`, 'Thêm đơn vị đó vào danh mục hoặc sửa id.');
      else if (pre.successor !== o.id) err(o, 'predecessors', `Tổ chức "${o.id}" ghi "${p}" là tiền thân, nhưng "${p}" không ghi successor "${o.id}".`, `Thêm "successor": "${o.id}" cho "${p}".`);
    }
    if (o.event && !events.some((e) => e.id === o.event)) err(o, 'event', `Tổ chức "${o.id}": sự kiện "${o.event}" không có trong data/events.json.`, 'Sửa id hoặc thêm sự kiện.');
  }
  for (const e of events) {
    const at = { level: 'error' as const, code: 'unit-history', file: 'data/events.json' };
    for (const id of e.predecessors) {
      const o = byId.get(id);
      if (!o) issues.push({ ...at, column: 'predecessors', message: `Sự kiện "${e.id}": đơn vị "${id}" không có trong data/organizations.json.` });
      else if (!o.validTo || o.validTo >= e.effective) issues.push({ ...at, column: 'predecessors', message: `Sự kiện "${e.id}" có hiệu lực ${e.effective} nhưng "${id}" không kết thúc trước ngày đó (validTo: ${o.validTo ?? 'trống'}).`, hint: 'Đặt validTo của đơn vị là ngày trước ngày hiệu lực.' });
    }
    for (const id of e.successors) {
      const o = byId.get(id);
      if (!o) issues.push({ ...at, column: 'successors', message: `Sự kiện "${e.id}": đơn vị "${id}" không có trong data/organizations.json.` });
      else if (o.validFrom !== e.effective) issues.push({ ...at, column: 'successors', message: `Sự kiện "${e.id}" có hiệu lực ${e.effective} nhưng "${id}" có validFrom ${o.validFrom ?? 'trống'}.`, hint: `Đặt "validFrom": "${e.effective}".` });
    }
  }
}

/**
 * A figure is about a unit that existed during its period, and a report's issuer existed when
 * it issued it: a figure of the merged province never lands in a series of a unit that no
 * longer existed (or the other way round), which would silently join two different territories.
 */
function checkUnitsInPeriods(reports: ReportContent[], organizations: Organization[], issues: Issue[]) {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const hint = (o: Organization) => {
    const s = o.successor ? byId.get(o.successor) : undefined;
    return s ? `Sau ${o.validTo}, dùng "${s.id}" (${s.shortName}); số liệu chỉ về địa bàn cũ thì thêm phân tổ địa bàn (xem docs/figure-model.md).` : 'Kiểm tra lại kỳ hoặc đơn vị.';
  };
  for (const r of reports) {
    const issuer = byId.get(r.meta.issuer);
    if (issuer && r.meta.date && !existsOn(issuer, r.meta.date))
      issues.push({ level: 'error', code: 'unit-not-in-period', file: r.files.report, column: 'issuer', message: `"${issuer.id}" không tồn tại vào ngày ban hành ${r.meta.date}.`, hint: hint(issuer) });
    for (const f of r.figures) {
      const o = byId.get(f.scope);
      if (!o) continue;
      const { start, end } = periodDays(f.period);
      // The unit must have existed for part of the period (a year report may straddle the change).
      if ((o.validTo && start > o.validTo) || (o.validFrom && end < o.validFrom))
        issues.push({ level: 'error', code: 'unit-not-in-period', file: r.files.figures ?? r.files.report, line: f.line, column: 'scope', message: `"${o.id}" không tồn tại trong kỳ ${f.period} của số liệu "${f.id}".`, hint: hint(o) });
    }
  }
}
