// The domain model: the types every stage shares (validator, derive, exports,
// pages). Catalogue types come from their zod schemas; a Figure is a validated
// row of figures.csv with its defaults resolved. See docs/figure-model.md.
import type { AdminEvent, Area, Basis, Breakdown, Comparator, FigureCarried, Indicator, Organization, Report, Status } from './schema.ts';
import type { QuoteLocation } from './quote.ts';

export type { Area, Basis, Breakdown, Comparator, Indicator, Organization, Report, Status } from './schema.ts';
export type { Period, PeriodKind, IntervalShape } from './period.ts';
export type { QuoteLocation } from './quote.ts';

export type IssueLevel = 'error' | 'warning';

/** A problem found in content: an error stops the build, a warning may become a data-quality note. */
export interface Issue {
  level: IssueLevel;
  /** Stable machine code, e.g. "unknown-indicator", "sum-mismatch". */
  code: string;
  file: string;
  line?: number;
  column?: string;
  /** Character position in the line (1-based), when the problem is inside a text. */
  col?: number;
  message: string;
  /** How to fix it, for errors. */
  hint?: string;
  /** Figures the issue is about ("report-id/figure-id"); consistency warnings become data-quality notes on them. */
  figures?: string[];
}

/**
 * One number printed in a report, with what it measures and where it is printed.
 * The optional columns it carries as read (note, …) are declared once in figureCarriedColumns.
 */
export interface Figure extends FigureCarried {
  /** Globally unique: "<report-id>/<figure-id>". */
  key: string;
  reportId: string;
  id: string;
  indicator: string;
  /** The actor: the organization the figure is about / that did it. */
  scope: string;
  breakdown: string | null;
  /** Canonical period spelling (src/core/period.ts). */
  period: string;
  /** flow (during the period), cumulative (from a start to a date), stock (level as of a date). */
  basis: Basis;
  /** actual, estimate, target, planned or reference. */
  status: Status;
  value: number;
  denominator: number | null;
  unit: string;
  comparator: Comparator | null;
  /**
   * The hedge word the quote prints before the value when it means the comparator ("gần",
   * "xấp xỉ", "hơn" …; src/core/hedge.ts), shown instead of the comparator's own word; set by the
   * validator. Absent or null: the comparator's word (COMPARATOR_WORDS).
   */
  hedge?: string | null;
  section: string;
  quote: string;
  /** Line in figures.csv, for error messages and "edit this row" links. */
  line: number;
  /** Where the quote sits in source.txt (NFC text). */
  location: QuoteLocation;
}

export interface Narrative {
  section: string;
  markdown: string;
  file: string;
}

export interface ReportContent {
  meta: Report;
  figures: Figure[];
  narratives: Narrative[];
  /** The source text, NFC-normalised, otherwise as published. */
  sourceText: string;
  files: { report: string; figures: string | null; source: string };
}

export interface Content {
  areas: Area[];
  organizations: Organization[];
  /** Dated changes of units (data/events.json); absent when the file is. */
  events?: AdminEvent[];
  indicators: Indicator[];
  breakdowns: Breakdown[];
  reports: ReportContent[];
}

export interface ValidationResult {
  content: Content;
  issues: Issue[];
}

/** The fields that make a series point: two figures on one point measure the same quantity. */
export type PointFields = Pick<Figure, 'indicator' | 'scope' | 'breakdown' | 'basis' | 'status' | 'period'>;

/**
 * Series point key: (indicator, scope, breakdown, basis, status, period). Status is part of
 * the point so a plan target and the achievement of the same period never collide.
 */
export function pointKey(f: PointFields): string {
  return `${f.indicator}|${f.scope}|${f.breakdown ?? ''}|${f.basis}|${f.status}|${f.period}`;
}

export interface SeriesPoint {
  figure: Figure;
  report: Report;
}

/**
 * Series = (indicator, scope, breakdown, basis, status, period shape): the points one
 * line may join. Measured values only (actual or estimate), one per period, oldest first.
 */
export interface Series {
  key: string;
  indicator: string;
  scope: string;
  breakdown: string | null;
  basis: Basis;
  status: Status;
  /** Period kind and length shared by every point (src/core/period.ts periodShape). */
  shape: string;
  points: SeriesPoint[];
  /** Periods of the series' kind missing between its first and last point, oldest first: drawn as gaps and named. */
  gaps: string[];
}

/**
 * An entry validation guarantees exists (a figure's report and indicator, a route's own id).
 * A missing one is a bug, so it fails loudly by name instead of a `!` that fails later as
 * "cannot read properties of undefined".
 */
export function byId<T>(map: ReadonlyMap<string, T>, id: string | undefined, what: string): T {
  const found = id === undefined ? undefined : map.get(id);
  if (found === undefined) throw new Error(`Không có ${what} "${id}" (lỗi chương trình: mã này đã được kiểm tra khi validate).`);
  return found;
}
