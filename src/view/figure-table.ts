// One figure table for every page that lists figures (report areas, an indicator's figures, an
// organization's latest values): the page picks its columns, this module builds the rows, and
// src/components/FigureTable.astro renders them (a table on wide screens, a card per figure on phones).
import type { Site } from '../pipeline/derive.ts';
import { byId, type Figure } from '../core/model.ts';
import type { Report } from '../core/schema.ts';
import { breakdownLabel, figureLabel, figureWhen, organizationName, statusLabel } from '../core/labels.ts';
import { periodLabel } from '../core/period.ts';
import { urls } from '../core/urls.ts';
import { indicatorFigureRows, organizationFigures, type FigureRow } from './indicator-page.ts';
import { documentShortLabel, shortChange } from './dashboard.ts';

/** value: the figure; label: what it counts (the row header); when: period, basis, scope;
 *  report: the document and section; source: quote, citation and "Báo lỗi số liệu". */
export type FigureColumnKey = 'value' | 'label' | 'when' | 'report' | 'source';

export interface FigureColumn {
  key: FigureColumnKey;
  title: string;
}

export interface FigureTableRow {
  figure: Figure;
  /** Row id (so-lieu-<figure id>), only on the figure's own report page where ids are unique. */
  anchor: string | null;
  /** Full label: the row's accessible name. */
  label: string;
  /** What is shown instead of the full label when the previous row names the same indicator ("↳ Cấp xã"). */
  shortLabel: string | null;
  /** The short label is a part of the row above ("↳ Cấp xã" under its total); otherwise the row only
   *  repeats its indicator ("Như trên — năm học 2023–2024"). */
  partOfAbove: boolean;
  labelHref: string;
  /** A plan target listed among measured figures. */
  target: boolean;
  /** Change from the previous period of the series, when there is one. */
  change: { cls: string; text: string; short: string } | null;
  /** Period, basis and status in words; null when the page already implies them (the report's own period). */
  when: string | null;
  /** Shown on wide screens when `when` is implied. */
  whenDefault: string;
  /** Organization or territory, when it differs from what the page is about. */
  scope: string | null;
  report: { title: string; href: string; section: string } | null;
  /** Organization pages: how many figures the row's series holds. */
  count: number | null;
  /** The row's data-quality notes, printed once under the table (FigureTableModel.notes). */
  noteRefs: { id: string; n: number }[];
}

export interface FigureNote {
  id: string;
  n: number;
  text: string;
  /** How many rows of the table it applies to. */
  rows: number;
}

export interface FigureTableModel {
  caption: string;
  columns: FigureColumn[];
  rows: FigureTableRow[];
  notes: FigureNote[];
}

/** Each data-quality note is printed once under its table, numbered, and every row it concerns links
 *  to it: a note on a breakdown or an inconsistent total concerns several rows, and a copy per row
 *  made report pages on phones long and heavy. */
export function groupNotes(rows: { notes: string[] }[], idPrefix: string): { notes: FigureNote[]; refs: { id: string; n: number }[][] } {
  const notes: FigureNote[] = [];
  const byText = new Map<string, FigureNote>();
  const refs = rows.map((r) =>
    [...new Set(r.notes)].map((text) => {
      let note = byText.get(text);
      if (!note) {
        note = { id: `${idPrefix}-ghi-chu-${notes.length + 1}`, n: notes.length + 1, text, rows: 0 };
        notes.push(note);
        byText.set(text, note);
      }
      note.rows++;
      return { id: note.id, n: note.n };
    }),
  );
  return { notes, refs };
}

/** Period, basis and status in words. Within the report's own period the period is implied by the
 *  page, so only basis and status are named ("ước, tính đến kỳ báo cáo", "trong kỳ"), or nothing; a cumulative amount
 *  keeps its period ("lũy kế quý I/2025"). */
export function reportFigureWhen(report: Report, f: Pick<Figure, 'period' | 'basis' | 'status'>): string | null {
  // A cumulative amount names where it runs to ("ước, lũy kế quý I/2025"): "lũy kế" alone left the end point unsaid.
  if (f.period !== report.period || f.basis === 'cumulative') return figureWhen(f);
  if (f.basis === 'flow' && f.status === 'actual') return null;
  // A plan's level is the one to reach by the end of its period, not one reached by the report date.
  const planned = f.status === 'target' || f.status === 'planned';
  const basis = f.basis === 'stock' ? (planned ? 'đến cuối kỳ' : 'tính đến kỳ báo cáo') : 'trong kỳ';
  return f.status === 'actual' ? basis : `${statusLabel[f.status]}, ${basis}`;
}

function withNotes(site: Site, idPrefix: string, rows: Omit<FigureTableRow, 'noteRefs'>[]): { rows: FigureTableRow[]; notes: FigureNote[] } {
  const { notes, refs } = groupNotes(rows.map((r) => ({ notes: site.qualityNotes.get(r.figure.key) ?? [] })), idPrefix);
  return { rows: rows.map((r, i) => ({ ...r, noteRefs: refs[i] })), notes };
}

function change(site: Site, f: Figure): FigureTableRow['change'] {
  if (site.changes.get(f.key)?.kind === 'missing' || !site.changes.has(f.key)) return null;
  const c = shortChange(site, f);
  return { cls: c.cls, text: c.detail ? `${c.text} ${c.detail}` : c.text, short: c.short };
}

/** The figures of one reform area of one report, in printed order. */
export function reportFigureTable(site: Site, reportId: string, areaId: string): FigureTableModel {
  const report = byId(site.reportsById, reportId, 'báo cáo');
  const area = site.areasById.get(areaId);
  const figures = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === areaId);
  const rows = figures.map((f, i) => {
    const scope = f.scope === report.meta.scope ? null : organizationName(site, f.scope);
    // Consecutive figures of one indicator (districts, breakdowns, periods) name it once; the rest show what differs.
    const prev = i > 0 ? figures[i - 1] : null;
    // The total after its parts says so: "↳ Tổng", not an unnamed row that reads as one more part.
    const part = f.breakdown ? breakdownLabel(site, f.breakdown) : prev?.indicator === f.indicator && prev.breakdown ? 'Tổng' : '';
    const differs = [part, scope].filter(Boolean).join(', ');
    const when = reportFigureWhen(report.meta, f);
    const repeat = prev?.indicator === f.indicator;
    return {
      figure: f,
      anchor: `so-lieu-${f.id}`,
      label: figureLabel(site, f),
      // Rows of one indicator that differ only in period or basis say just that ("năm học 2023–2024").
      shortLabel: repeat ? differs || when : null,
      // "↳" reads as "a part of the row above": only for a part under its total. Sibling parts with no
      // total above, the total after its parts and one count for another period say "Như trên —":
      // "133 ↳ năm học 2023–2024" under "391 · năm học 2022–2023" read as a part of the 391.
      partOfAbove: repeat && underItsTotal(figures, i),
      labelHref: urls.indicator(f.indicator),
      target: false,
      change: change(site, f),
      when,
      whenDefault: periodLabel(f.period),
      scope,
      report: null,
      count: null,
    };
  });
  return { caption: `Số liệu lĩnh vực ${area?.label ?? areaId} (${figures.length})`, columns: REPORT_COLUMNS, ...withNotes(site, areaId, rows) };
}

/** Whether figures[i], a part, follows (through other parts of its indicator) the total it is part of:
 *  the same indicator without breakdown, for the same period, basis, status and scope. */
export function underItsTotal(figures: Pick<Figure, 'indicator' | 'breakdown' | 'period' | 'basis' | 'status' | 'scope'>[], i: number): boolean {
  const f = figures[i];
  if (!f.breakdown) return false;
  for (let j = i - 1; j >= 0 && figures[j].indicator === f.indicator; j--) {
    const g = figures[j];
    if (!g.breakdown) return g.period === f.period && g.basis === f.basis && g.status === f.status && g.scope === f.scope;
  }
  return false;
}

// The period is the report's for most rows: what differs (basis, status, another period or scope)
// follows the label instead of filling a column of its own.
const REPORT_COLUMNS: FigureColumn[] = [
  { key: 'value', title: 'Giá trị' },
  { key: 'label', title: 'Số liệu, kỳ, phạm vi' },
  { key: 'source', title: 'Nguồn' },
];

/**
 * Figures of one indicator across reports, newest period first: every one by default, or the rows a
 * page shows (the indicator page's newest, a year page's share). `sources: false` leaves out the
 * quote and citation column: year pages list up to 100 figures each, and at 1,000 reports their
 * ~3 KB of quote, citation and links per row were a quarter of dist/; each row's "Văn bản, mục"
 * links to the figure on its report page, which carries them (as organization pages do).
 */
export function indicatorFigureTable(site: Site, indicatorId: string, figureRows: FigureRow[] = indicatorFigureRows(site, indicatorId), caption?: string, sources = true): FigureTableModel {
  const indicator = byId(site.indicatorsById, indicatorId, 'chỉ số');
  const rows = figureRows.map((r) => ({
    figure: r.figure,
    anchor: null,
    // On the indicator's own page a figure is told apart by where and which part it counts.
    label: [r.scope, r.breakdown].filter(Boolean).join(' — '),
    shortLabel: null,
    partOfAbove: false,
    labelHref: r.figureHref,
    target: r.target,
    change: null,
    when: r.period,
    whenDefault: r.period,
    scope: null,
    // Year pages (no sources) name the document short — kind, period, issuer — as the report list does:
    // the full title was ~45 % of a year-page row (~12 KB per added report at 1,000); it heads the linked page.
    report: { title: sources ? r.report.title : yearRowDocument(site, r.report), href: r.figureHref, section: r.figure.section },
    count: null,
  }));
  return {
    caption: caption ?? `Tất cả số liệu của chỉ số ${indicator.label}`,
    columns: [
      { key: 'value', title: 'Giá trị' },
      { key: 'label', title: 'Phạm vi, phân tổ' },
      { key: 'when', title: 'Kỳ' },
      { key: 'report', title: sources ? 'Văn bản, mục' : 'Văn bản, mục (câu gốc, trích dẫn)' },
      ...(sources ? [{ key: 'source', title: 'Trích dẫn' } as const] : []),
    ],
    ...withNotes(site, 'chi-so', rows),
  };
}

/** "Báo cáo quý I/2025 · Tỉnh Kon Tum": the document of a year-page row, without its full title. */
export function yearRowDocument(site: Site, report: Report): string {
  return `${documentShortLabel(report)} · ${organizationName(site, report.issuer)}`;
}

/** An organization's latest value of each indicator (and breakdown) in one reform area. */
export function organizationFigureTables(site: Site, orgId: string): { area: ReturnType<typeof organizationFigures>[number]['area']; count: number; table: FigureTableModel }[] {
  const org = site.organizationsById.get(orgId);
  return organizationFigures(site, orgId).map((g) => {
    const rows = g.figures.map((x) => {
      const report = byId(site.reportsById, x.latest.reportId, 'báo cáo').meta;
      return {
        figure: x.latest,
        anchor: null,
        label: `${x.indicator.label}${x.breakdown ? ` — ${x.breakdown}` : ''}`,
        shortLabel: null,
        partOfAbove: false,
        labelHref: urls.indicator(x.indicator.id),
        target: x.target,
        change: null,
        when: figureWhen(x.latest),
        whenDefault: figureWhen(x.latest),
        scope: null,
        report: { title: report.title, href: urls.figure(x.latest.reportId, x.latest.id), section: x.latest.section },
        count: x.count,
      };
    });
    return {
      area: g.area,
      count: g.figures.reduce((n, f) => n + f.count, 0),
      table: {
        caption: `${g.area.label}: số liệu mới nhất về ${org?.shortName ?? orgId}`,
        columns: [
          { key: 'label', title: 'Chỉ số' },
          { key: 'value', title: 'Giá trị mới nhất' },
          { key: 'when', title: 'Kỳ' },
          // No quote and citation per row: an organization page lists the latest value of every
          // indicator (300 rows for the province); each row links to its figure on the report
          // page, which carries the quote, the citation and "Báo lỗi số liệu".
          { key: 'report', title: 'Văn bản, mục' },
        ],
        ...withNotes(site, g.area.id, rows),
      },
    };
  });
}
