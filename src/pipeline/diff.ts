// What a change to content/ and data/ does to the published figures, for review in a pull
// request: figures added, removed and changed per report, data-quality notes that appear or
// are resolved, catalogue entries added or removed. Pure: two validated contents in, a
// structure out; `diffMarkdown` renders it with every content string escaped.
import type { Figure, Issue, ValidationResult } from '../core/model.ts';
import { formatFigure } from '../core/format.ts';
import { figureWhen } from '../core/labels.ts';
import { comparePeriods, periodLabel, periodOrNull } from '../core/period.ts';
import { numbersInText } from '../core/vn-number.ts';

/** A figure as a reviewer sees it: the stored fields, without positions that move when rows move. */
export type FigureView = Omit<Figure, 'line' | 'location'>;

export interface FigureChange {
  id: string;
  before: FigureView;
  after: FigureView;
  /** Names of the fields that differ ("value", "period", "indicator", …). */
  fields: string[];
}

export interface ReportDiff {
  id: string;
  title: string;
  status: 'added' | 'removed' | 'changed';
  added: FigureView[];
  removed: FigureView[];
  changed: FigureChange[];
  /** Data-quality notes (warnings about figures: shown on the portal next to them). */
  notesAdded: string[];
  notesResolved: string[];
  /** Warnings for the editor that no page shows (a narrative number not in the source, an http:// link …). */
  warningsAdded: string[];
  /** Per added or changed figure: what a reviewer should know to compare it (period, same point elsewhere, the earlier point). */
  comparability: Record<string, string[]>;
}

export interface CatalogDiff {
  added: { id: string; label: string }[];
  removed: { id: string; label: string }[];
  changed: { id: string; label: string; fields: string[] }[];
}

export interface ContentDiff {
  reports: ReportDiff[];
  indicators: CatalogDiff;
  organizations: CatalogDiff;
  areas: CatalogDiff;
  breakdowns: CatalogDiff;
  /** Content errors on each side (a pull request with errors fails CI; listed so the comment says why). */
  errorsBefore: number;
  errorsAfter: number;
  errors: string[];
  /** Labels of the ids the figures use (indicators, organizations, breakdowns), so the review reads in words. */
  labels: Record<string, string>;
}

function view(f: Figure): FigureView {
  const { line: _line, location: _location, ...rest } = f;
  return rest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !same(a[k], b[k]));
}

function catalogDiff<T extends { id: string }>(before: T[], after: T[], label: (t: T) => string): CatalogDiff {
  const b = new Map(before.map((t) => [t.id, t]));
  const a = new Map(after.map((t) => [t.id, t]));
  return {
    added: after.filter((t) => !b.has(t.id)).map((t) => ({ id: t.id, label: label(t) })),
    removed: before.filter((t) => !a.has(t.id)).map((t) => ({ id: t.id, label: label(t) })),
    changed: after
      .filter((t) => b.has(t.id))
      .map((t) => ({ id: t.id, label: label(t), fields: changedFields(b.get(t.id)! as Record<string, unknown>, t as Record<string, unknown>) }))
      .filter((c) => c.fields.length > 0),
  };
}

/** The report a data-quality note belongs to: from the figures it names, else its file. */
function reportOf(i: Issue): string | null {
  const fromFigure = i.figures?.[0]?.split('/')[0];
  if (fromFigure) return fromFigure;
  return /^content\/reports\/([^/]+)\//.exec(i.file)?.[1] ?? null;
}

function notesByReport(issues: Issue[], kind: 'notes' | 'editor'): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of issues) {
    if (i.level !== 'warning') continue;
    // Warnings naming figures are the data-quality notes pages show; the others only concern the editor.
    if ((kind === 'notes') !== Boolean(i.figures?.length)) continue;
    const r = reportOf(i) ?? '(danh mục)';
    if (!out.has(r)) out.set(r, new Set());
    // Keyed by message, not line: moving rows does not make a note new.
    out.get(r)!.add(i.message);
  }
  return out;
}

export function diffContent(before: ValidationResult, after: ValidationResult): ContentDiff {
  const reportsBefore = new Map(before.content.reports.map((r) => [r.meta.id, r]));
  const reportsAfter = new Map(after.content.reports.map((r) => [r.meta.id, r]));
  const notesBefore = notesByReport(before.issues, 'notes');
  const notesAfter = notesByReport(after.issues, 'notes');
  const editorBefore = notesByReport(before.issues, 'editor');
  const editorAfter = notesByReport(after.issues, 'editor');
  const ids = [...new Set([...reportsBefore.keys(), ...reportsAfter.keys(), ...notesBefore.keys(), ...notesAfter.keys(), ...editorAfter.keys()])].sort();
  const compare = comparabilityOf(after);
  const reports: ReportDiff[] = [];
  for (const id of ids) {
    const b = reportsBefore.get(id);
    const a = reportsAfter.get(id);
    const fb = new Map((b?.figures ?? []).map((f) => [f.id, view(f)]));
    const fa = new Map((a?.figures ?? []).map((f) => [f.id, view(f)]));
    const nb = notesBefore.get(id) ?? new Set<string>();
    const na = notesAfter.get(id) ?? new Set<string>();
    const d: ReportDiff = {
      id,
      title: a?.meta.title ?? b?.meta.title ?? id,
      status: !b && a ? 'added' : b && !a ? 'removed' : 'changed',
      added: [...fa.values()].filter((f) => !fb.has(f.id)),
      removed: [...fb.values()].filter((f) => !fa.has(f.id)),
      changed: [...fa.values()]
        .filter((f) => fb.has(f.id))
        .map((f) => ({ id: f.id, before: fb.get(f.id)!, after: f, fields: changedFields(fb.get(f.id)! as unknown as Record<string, unknown>, f as unknown as Record<string, unknown>) }))
        .filter((c) => c.fields.length > 0),
      notesAdded: [...na].filter((m) => !nb.has(m)).sort(),
      notesResolved: [...nb].filter((m) => !na.has(m)).sort(),
      warningsAdded: [...(editorAfter.get(id) ?? [])].filter((m) => !editorBefore.get(id)?.has(m)).sort(),
      comparability: {},
    };
    for (const f of [...d.added, ...d.changed.map((c) => c.after)]) {
      const flags = a ? compare(a.meta, f) : [];
      if (flags.length) d.comparability[f.id] = flags;
    }
    if (!b && !a && d.notesAdded.length + d.notesResolved.length + d.warningsAdded.length === 0) continue;
    const metaChanged = b && a && !same(b.meta, a.meta);
    if (d.added.length + d.removed.length + d.changed.length + d.notesAdded.length + d.notesResolved.length + d.warningsAdded.length > 0 || !b || !a || metaChanged) reports.push(d);
  }
  const errs = (r: ValidationResult) => r.issues.filter((i) => i.level === 'error');
  return {
    reports,
    indicators: catalogDiff(before.content.indicators, after.content.indicators, (i) => i.label),
    organizations: catalogDiff(before.content.organizations, after.content.organizations, (o) => o.name),
    areas: catalogDiff(before.content.areas, after.content.areas, (a) => a.label),
    breakdowns: catalogDiff(before.content.breakdowns, after.content.breakdowns, (b) => b.label),
    errorsBefore: errs(before).length,
    errorsAfter: errs(after).length,
    errors: errs(after).map((i) => `${i.file}${i.line ? `:${i.line}` : ''}${i.column ? ` [${i.column}]` : ''} ${i.message}`),
    labels: Object.fromEntries(
      [before, after].flatMap((r) => [
        ...r.content.indicators.map((i) => [i.id, i.label]),
        ...r.content.organizations.map((o) => [o.id, o.shortName]),
        ...r.content.breakdowns.map((b) => [b.id, b.label]),
      ]),
    ),
  };
}

type SeriesFigure = FigureView & { reportId: string };

/**
 * What makes an added or changed figure easy or hard to compare: a period outside the report's
 * own, the same series point in another report, and the comparable earlier point (same indicator,
 * scope, breakdown, basis and status) with its value.
 */
function comparabilityOf(after: ValidationResult): (report: { id: string; period: string }, f: FigureView) => string[] {
  const series = new Map<string, SeriesFigure[]>();
  const key = (f: FigureView) => [f.indicator, f.scope, f.breakdown ?? '', f.basis, f.status].join('\0');
  for (const r of after.content.reports)
    for (const f of r.figures) {
      const k = key(f);
      if (!series.has(k)) series.set(k, []);
      series.get(k)!.push({ ...view(f), reportId: r.meta.id });
    }
  return (report, f) => {
    const out: string[] = [];
    const fp = periodOrNull(f.period);
    const rp = periodOrNull(report.period);
    if (fp && rp && (fp.end < rp.start || fp.start > rp.end)) out.push(`kỳ của số liệu (${periodLabel(f.period)}) nằm ngoài kỳ báo cáo (${periodLabel(report.period)})`);
    const points = (series.get(key(f)) ?? []).filter((g) => !(g.reportId === report.id && g.id === f.id));
    for (const g of points.filter((g) => g.period === f.period))
      out.push(`cùng điểm chuỗi với ${g.reportId}/${g.id}${g.value === f.value ? ' (cùng giá trị)' : `: ${formatFigure(g)}`}`);
    const earlier = points.filter((g) => comparePeriods(g.period, f.period) < 0).sort((x, y) => comparePeriods(y.period, x.period))[0];
    if (earlier) out.push(`điểm trước trong chuỗi: ${formatFigure(earlier)} (${periodLabel(earlier.period)}, ${earlier.reportId}/${earlier.id})`);
    else if (!points.length) out.push('điểm đầu tiên của chuỗi này (chưa có số liệu cùng chỉ số, chủ thể, phân tổ, basis, status để so sánh)');
    return out;
  };
}

export function isEmptyDiff(d: ContentDiff): boolean {
  const cat = (c: CatalogDiff) => c.added.length + c.removed.length + c.changed.length;
  return d.reports.length === 0 && cat(d.indicators) + cat(d.organizations) + cat(d.areas) + cat(d.breakdowns) === 0 && d.errorsAfter === 0;
}

// ---- Markdown -----------------------------------------------------------------------------------

/**
 * Content is untrusted: in a pull-request comment it must not inject HTML, tables, links,
 * images or @-mentions. HTML-significant characters become entities, Markdown punctuation is
 * backslash-escaped, and "@" gets a zero-width joiner so nobody is pinged.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~!#$])/g, '\\$1')
    .replace(/@/g, '@\u200d');
}

/** An id or ref in a code span: code spans show backslashes literally, so drop what could break out instead. */
const code = (text: string) => `\`${text.replace(/[`|\r\n]/g, '')}\``;

const fv = (f: FigureView) => formatFigure(f);
const cut = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The part of a long quote around the printed value (a plain cut could drop the very number under review). */
export function quoteExcerpt(quote: string, value: number, n = 160): string {
  if (quote.length <= n) return quote;
  const at = numbersInText(quote).find((x) => x.values.some((v) => Math.abs(v - value) < 1e-9))?.index ?? 0;
  const start = Math.max(0, Math.min(at - Math.floor(n / 2), quote.length - n));
  return `${start > 0 ? '…' : ''}${quote.slice(start, start + n).trim()}${start + n < quote.length ? '…' : ''}`;
}

function figureLine(f: FigureView, labels: Record<string, string>): string {
  const name = (id: string) => (labels[id] ? `${escapeMarkdown(labels[id])} ${code(id)}` : code(id));
  const scope = f.breakdown ? `${name(f.scope)} · ${name(f.breakdown)}` : name(f.scope);
  return `| ${code(f.id)} | ${name(f.indicator)} | ${scope} | ${escapeMarkdown(figureWhen(f))} | **${escapeMarkdown(fv(f))}** | ${escapeMarkdown(quoteExcerpt(f.quote, f.value))} |`;
}

function fieldText(f: FigureView, field: string): string {
  if (field === 'value' || field === 'denominator' || field === 'unit' || field === 'comparator') return fv(f);
  if (field === 'period') return periodLabel(f.period);
  if (field === 'quote') return quoteExcerpt(f.quote, f.value, 80);
  const v = (f as unknown as Record<string, unknown>)[field];
  return v === null || v === undefined || v === '' ? '—' : cut(String(v), 80);
}

function catalogSection(title: string, c: CatalogDiff): string[] {
  const out: string[] = [];
  if (c.added.length + c.removed.length + c.changed.length === 0) return out;
  out.push(`### ${title}`, '');
  for (const x of c.added) out.push(`- ➕ ${code(x.id)} ${escapeMarkdown(x.label)}`);
  for (const x of c.removed) out.push(`- ➖ ${code(x.id)} ${escapeMarkdown(x.label)}`);
  for (const x of c.changed) out.push(`- ✏️ ${code(x.id)} ${escapeMarkdown(x.label)}: ${x.fields.map(escapeMarkdown).join(', ')}`);
  out.push('');
  return out;
}

const HEAD = '| id | chỉ số | chủ thể · phân tổ | kỳ | giá trị | trích dẫn |';

export function diffMarkdown(d: ContentDiff, ref: string): string {
  const out: string[] = [`## Thay đổi số liệu so với ${code(ref)}`, ''];
  if (isEmptyDiff(d)) {
    out.push('Không có thay đổi nào ở số liệu công bố, ghi chú chất lượng dữ liệu hay danh mục.', '');
    return out.join('\n');
  }
  const n = (k: 'added' | 'removed' | 'changed') => d.reports.reduce((s, r) => s + r[k].length, 0);
  out.push(
    `**${n('added')}** số liệu thêm, **${n('removed')}** bỏ, **${n('changed')}** sửa; ghi chú chất lượng dữ liệu: **${d.reports.reduce((s, r) => s + r.notesAdded.length, 0)}** mới, **${d.reports.reduce((s, r) => s + r.notesResolved.length, 0)}** hết; cảnh báo mới cho người biên tập: **${d.reports.reduce((s, r) => s + r.warningsAdded.length, 0)}**.`,
    '',
  );
  if (d.errorsAfter > 0) {
    out.push(`### ⛔ ${d.errorsAfter} lỗi nội dung (chạy \`npm run validate\`)`, '');
    for (const e of d.errors.slice(0, 20)) out.push(`- ${escapeMarkdown(e)}`);
    if (d.errors.length > 20) out.push(`- … và ${d.errors.length - 20} lỗi khác`);
    out.push('', 'Dòng có lỗi không được tính ở bên sau, nên số liệu của nó hiện ra là "bỏ" cho đến khi sửa xong.', '');
  }
  for (const r of d.reports) {
    const badge = r.status === 'added' ? ' (báo cáo mới)' : r.status === 'removed' ? ' (báo cáo bị xóa)' : '';
    out.push(`### ${escapeMarkdown(r.title)}${badge}`, '', `${code(r.id)}`, '');
    if (r.added.length) {
      out.push(`<details${r.added.length <= 15 ? ' open' : ''}><summary>Thêm ${r.added.length} số liệu</summary>`, '', HEAD, '|---|---|---|---|---|---|');
      for (const f of r.added) out.push(figureLine(f, d.labels));
      out.push('', '</details>', '');
    }
    if (r.removed.length) {
      out.push(`**Bỏ ${r.removed.length} số liệu**`, '', HEAD, '|---|---|---|---|---|---|');
      for (const f of r.removed) out.push(figureLine(f, d.labels));
      out.push('');
    }
    if (r.changed.length) {
      out.push(`**Sửa ${r.changed.length} số liệu**`, '', '| id | trường | trước | sau |', '|---|---|---|---|');
      for (const c of r.changed) {
        const fields = c.fields.filter((f) => !(['denominator', 'unit', 'comparator'].includes(f) && c.fields.includes('value')));
        for (const field of fields) {
          out.push(`| ${code(c.id)} | ${escapeMarkdown(field)} | ${escapeMarkdown(fieldText(c.before, field))} | ${escapeMarkdown(fieldText(c.after, field))} |`);
        }
      }
      out.push('');
    }
    const compared = Object.entries(r.comparability);
    if (compared.length) {
      out.push(`<details${compared.length <= 15 ? ' open' : ''}><summary>So sánh được với gì (số liệu thêm hoặc sửa)</summary>`, '');
      for (const [id, flags] of compared) out.push(`- ${code(id)}: ${flags.map(escapeMarkdown).join('; ')}`);
      out.push('', '</details>', '');
    }
    if (r.notesAdded.length) {
      out.push('**Ghi chú chất lượng dữ liệu mới** (hiện trên trang, cạnh số liệu)', '');
      for (const m of r.notesAdded) out.push(`- ⚠️ ${escapeMarkdown(m)}`);
      out.push('');
    }
    if (r.warningsAdded.length) {
      out.push('**Cảnh báo mới cho người biên tập** (không hiện trên trang; xem lại trước khi duyệt)', '');
      for (const m of r.warningsAdded) out.push(`- ⚠️ ${escapeMarkdown(m)}`);
      out.push('');
    }
    if (r.notesResolved.length) {
      out.push('**Ghi chú chất lượng dữ liệu không còn**', '');
      for (const m of r.notesResolved) out.push(`- ✅ ${escapeMarkdown(m)}`);
      out.push('');
    }
  }
  out.push(...catalogSection('Chỉ số (data/indicators.json)', d.indicators));
  out.push(...catalogSection('Cơ quan, đơn vị (data/organizations.json)', d.organizations));
  out.push(...catalogSection('Lĩnh vực (data/areas.json)', d.areas));
  out.push(...catalogSection('Phân tổ (data/breakdowns.json)', d.breakdowns));
  return out.join('\n');
}
