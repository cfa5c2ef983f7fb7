// Stage 2 — validate: parse and check the raw content against the zod schemas,
// referential integrity and the sources themselves. Never throws on bad
// content: every problem becomes an Issue naming file, line and column.
// This file only orchestrates; each rule family lives in ./rules/ (see ARCHITECTURE.md).
import { adminEventSchema, areaSchema, breakdownSchema, indicatorSchema, organizationSchema } from '../core/schema.ts';
import type { Issue, ReportContent, ValidationResult } from '../core/model.ts';
import type { RawContent, RawReport } from './load.ts';
import { checkAreaAnchors, checkIndicatorRefs } from './rules/catalogs.ts';
import { groupFollowOnErrors } from './rules/cascade.ts';
import { checkDeclared } from './rules/checks.ts';
import { checkConsistency } from './rules/consistency.ts';
import type { Refs } from './rules/context.ts';
import { validateFigures } from './rules/figures.ts';
import { loadCatalog } from './rules/json.ts';
import { LIMITS } from './rules/limits.ts';
import { checkNarrativeNumbers, validateNarratives } from './rules/narrative.ts';
import { checkOrganizationTree, checkUnitsInPeriods, checkUnitsOverTime } from './rules/organizations.ts';
import { validateReportMeta } from './rules/report-meta.ts';
import { checkSeriesPoints, PRE_AUDIT_LENIENCY } from './rules/series.ts';

export { printedPrecision } from './rules/checks.ts';

export interface ValidateOptions {
  /** Series conflicts and non-canonical periods as warnings (see PRE_AUDIT_LENIENCY). */
  lenient?: boolean;
}

export function validateContent(raw: RawContent, options: ValidateOptions = {}): ValidationResult {
  const issues: Issue[] = raw.problems.map((p) => ({ level: 'error' as const, ...p }));
  // Paths the loader refused are already reported: not reported again as missing.
  const refused = new Set(raw.problems.map((p) => p.file));
  const areaCatalog = loadCatalog(raw.areas, 'data/areas.json', areaSchema, 'lĩnh vực', issues, refused);
  const orgCatalog = loadCatalog(raw.organizations, 'data/organizations.json', organizationSchema, 'tổ chức', issues, refused);
  const breakdownCatalog = loadCatalog(raw.breakdowns, 'data/breakdowns.json', breakdownSchema, 'phân tổ', issues, refused);
  const breakdowns = breakdownCatalog.items;
  const indicatorCatalog = loadCatalog(raw.indicators, 'data/indicators.json', indicatorSchema, 'chỉ số', issues, refused);
  const areas = areaCatalog.items;
  const organizations = orgCatalog.items;
  const indicators = indicatorCatalog.items;
  const refs: Refs = {
    orgIds: new Set(organizations.map((o) => o.id)),
    breakdownIds: new Set(breakdowns.map((b) => b.id)),
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
    areaIds: new Set(areas.map((a) => a.id)),
    reportIds: new Set(),
    lenient: options.lenient ?? PRE_AUDIT_LENIENCY,
    same: [],
  };

  // Catalogue cross-references.
  checkIndicatorRefs(indicatorCatalog, refs.areaIds, issues);
  checkOrganizationTree(orgCatalog, issues);
  checkAreaAnchors(areaCatalog, issues);
  const eventCatalog = raw.events ? loadCatalog(raw.events, 'data/events.json', adminEventSchema, 'sự kiện', issues, refused) : { items: [] };
  const events = eventCatalog.items;
  checkUnitsOverTime(orgCatalog, eventCatalog, issues);

  const reports: ReportContent[] = [];
  for (const r of raw.reports) {
    // A report with any refused file or folder is never published, not even in part.
    const dir = `content/reports/${r.folder}`;
    if (raw.problems.some((p) => p.file === dir || p.file.startsWith(`${dir}/`))) continue;
    const report = validateReport(r, refs, issues);
    if (report) {
      reports.push(report);
      refs.reportIds.add(report.meta.id);
    }
  }

  // Rules across reports.
  checkSeriesPoints(reports, refs.same, refs.indicatorById, issues, refs.lenient);
  checkConsistency(reports, refs.indicatorById, issues);
  checkUnitsInPeriods(reports, organizations, issues);
  // One broken catalogue entry must not bury its own error under hundreds of "không có" about it.
  const grouped = groupFollowOnErrors(issues, [
    { file: 'data/areas.json', codes: ['unknown-area', 'unknown-section'], catalog: areaCatalog },
    { file: 'data/organizations.json', codes: ['unknown-organization', 'unit-history'], catalog: orgCatalog },
    { file: 'data/breakdowns.json', codes: ['unknown-breakdown'], catalog: breakdownCatalog },
    { file: 'data/indicators.json', codes: ['unknown-indicator'], catalog: indicatorCatalog },
    { file: 'data/events.json', codes: ['unit-history'], catalog: eventCatalog },
  ]);
  return { issues: grouped, content: { areas: [...areas].sort((a, b) => a.order - b.order), organizations, events, indicators, breakdowns, reports } };
}

/** One report folder: report.json, narratives, source.txt, figures.csv, checks.csv, in that order. */
function validateReport(r: RawReport, refs: Refs, issues: Issue[]): ReportContent | null {
  const dir = `content/reports/${r.folder}`;
  for (const name of r.unknown)
    issues.push({ level: 'warning', code: 'unknown-file', file: `${dir}/${name}`, message: 'Tệp không thuộc mô hình nội dung, sẽ bị bỏ qua.' });
  if (!r.report) {
    issues.push({ level: 'error', code: 'missing-file', file: `${dir}/report.json`, message: 'Thiếu report.json.', hint: 'Tạo khung bằng: npm run new-report -- <report-id>' });
    return null;
  }
  const meta = validateReportMeta(r.report, r.folder, refs, issues);
  if (!meta) return null;
  const narratives = validateNarratives(r.narratives, refs, issues);

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
  if (r.figures && figures.length > LIMITS.figuresPerReport) {
    const extra = figures[LIMITS.figuresPerReport];
    issues.push({ level: 'error', code: 'limit', file: r.figures.path, line: extra.line, message: `Báo cáo có ${figures.length} số liệu, tối đa ${LIMITS.figuresPerReport}.`, hint: 'Xem giới hạn trong content/README.md.' });
    figures.length = LIMITS.figuresPerReport;
  }
  // A figures.csv refused as a whole (";" separators, bad encoding …) already has its error: no "no figures" on top.
  const figuresRefused = r.figures && issues.some((i) => i.level === 'error' && i.file === r.figures!.path);
  if (figures.length === 0 && meta.kind !== 'directive' && !figuresRefused)
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
 * The issues a staff member working on one report needs (`npm run validate -- --bao-cao <id>`): every error (any error
 * blocks the build), and the warnings about that report — in its folder or naming one of its figures. The other
 * reports' warnings are counted, not listed.
 */
export function issuesForReport(issues: Issue[], reportId: string): { shown: Issue[]; hiddenWarnings: number } {
  const folder = `content/reports/${reportId}/`;
  const about = (i: Issue) => i.file.startsWith(folder) || (i.figures ?? []).some((k) => k.startsWith(`${reportId}/`));
  const shown = issues.filter((i) => i.level === 'error' || about(i));
  return { shown, hiddenWarnings: issues.length - shown.length };
}

/** "file:line (cột col)" — the location prefix used by the CLI. */
export function formatIssue(i: Issue): string {
  const field = i.file.endsWith('.csv') ? 'cột' : 'trường';
  const where = `${i.file}${i.line ? `:${i.line}` : ''}${i.line && i.col ? `:${i.col}` : ''}${i.column ? ` (${field} ${i.column})` : ''}`;
  const tag = i.level === 'error' ? 'LỖI' : 'CẢNH BÁO';
  return `${tag} ${where}: ${i.message}${i.hint ? `\n    → ${i.hint}` : ''}`;
}
