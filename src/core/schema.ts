// One zod schema per concept. Shared by the Astro content collections
// (src/content.config.ts) and the validator (scripts/validate.ts), so the
// site and `npm run validate` can never disagree about what is valid.
import { z } from 'zod';
import { daysInMonth, guessPeriod, isPeriodError, parsePeriod, PERIOD_HELP } from './period.ts';
import { webUrlProblem } from './url-policy.ts';

/**
 * Device names Windows reserves in every folder, with or without an extension ("con", "nul.csv"): an id
 * becomes a folder or file name, which a curator on Windows could then neither check out nor unzip.
 */
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
export const WINDOWS_RESERVED_MESSAGE = 'là tên thiết bị dành riêng của Windows (con, prn, aux, nul, com0–9, lpt0–9): thêm chữ, vd. "con-tum"';

/** Lower-case ASCII slug: what `slugify()` produces (đ→d, no tone marks). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'phải là slug chữ thường không dấu, nối bằng "-" (vd. "ho-so-truc-tuyen")')
  // Ids become file names and URLs: keep them well under every file system's name limit.
  .max(80, 'dài quá 80 ký tự')
  .refine((id) => !WINDOWS_RESERVED.test(id), WINDOWS_RESERVED_MESSAGE);

/**
 * Periods in the canonical grammar of docs/figure-model.md (src/core/period.ts):
 * "2024", "2024-H1", "2024-Q3", "2024-08", "2025-03-14" or an interval "A/B".
 * A valid period spelled non-canonically ("2021-01/2026-12" for "2021/2026") passes
 * here; the validator reports it with the canonical spelling.
 */
export const periodSchema = z.string().superRefine((text, ctx) => {
  const p = parsePeriod(text);
  if (isPeriodError(p) && !p.canonical) {
    const guess = guessPeriod(text);
    ctx.addIssue({ code: 'custom', message: `kỳ không hợp lệ: ${p.error}${guess ? ` — có phải "${guess}"?` : ''}; ${PERIOD_HELP}` });
  }
});

/** What a figure measures over its period (docs/figure-model.md). */
export const bases = ['flow', 'cumulative', 'stock'] as const;
export type Basis = (typeof bases)[number];
export const basisSchema = z.enum(bases);
/** Whether a figure is an achievement, an estimate, a plan target, a planned amount or a reference list/norm. */
export const statuses = ['actual', 'estimate', 'target', 'planned', 'reference'] as const;
export type Status = (typeof statuses)[number];
export const statusSchema = z.enum(statuses);

/** A day that exists ("2025-02-30" does not): it ends up in xsd:date literals, feeds and sort keys. */
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = z
  .string()
  .regex(ISO_DAY, 'ngày phải viết YYYY-MM-DD, vd. "2025-06-30"')
  // Only once the shape holds (zod runs every check): one message per mistake.
  .refine((s) => !ISO_DAY.test(s) || Number(s.slice(8)) <= daysInMonth(Number(s.slice(0, 4)), Number(s.slice(5, 7))), 'ngày không có thật (vd. 30/2)');

/**
 * A web address shown as a link (every URL field of content/ and data/ uses this schema:
 * tests/unit/url-policy.test.ts finds them by identity). The rule is src/core/url-policy.ts:
 * http(s) with a host, no user:password@, nothing invisible; plain http is a validator warning.
 */
export const webUrl = z.string().superRefine((url, ctx) => {
  const problem = webUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Text a reader sees as a heading or a paragraph: spaces alone would publish an empty one. */
const nonBlank = z.string().refine((s) => s.trim() !== '', 'không được để trống');

export const areaSchema = z.object({
  id: slugSchema,
  order: z.number().int(),
  label: nonBlank,
  labelEn: nonBlank,
  description: nonBlank,
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Area = z.infer<typeof areaSchema>;

export const organizationKinds = ['province', 'district', 'commune', 'department', 'committee', 'agency'] as const;
export const organizationSchema = z.object({
  id: slugSchema,
  kind: z.enum(organizationKinds),
  name: nonBlank,
  shortName: nonBlank,
  nameEn: nonBlank,
  /** The organization this one belongs to (a district's province). */
  parent: slugSchema.optional(),
  /** First day the unit existed in this form (ISO date), when known and after the portal's earliest data. */
  validFrom: isoDate.optional(),
  /** Last day the unit existed (ISO date): set for units dissolved or merged, e.g. "2025-06-30". */
  validTo: isoDate.optional(),
  /** The unit that took over its territory and tasks (after validTo). */
  successor: slugSchema.optional(),
  /** Units it was formed from (each has this one as successor). */
  predecessors: z.array(slugSchema).optional(),
  /** The dated event (data/events.json) that ended or created the unit. */
  event: slugSchema.optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const adminEventKinds = ['merger', 'dissolution', 'establishment', 'reorganization'] as const;
/** A dated change of administrative units (merger, dissolution), with its legal basis: data/events.json. */
export const adminEventSchema = z.object({
  id: slugSchema,
  kind: z.enum(adminEventKinds),
  /** First day the new arrangement is in force. */
  effective: isoDate,
  title: nonBlank,
  description: nonBlank,
  legalBasis: z
    .array(
      z.object({
        document: nonBlank,
        issuer: nonBlank,
        date: isoDate,
        title: nonBlank,
        url: webUrl.optional(),
      }),
    )
    .min(1, 'cần ít nhất một căn cứ pháp lý'),
  /** Units that ceased to exist on `effective` (their validTo is the day before). */
  predecessors: z.array(slugSchema).min(1),
  /** Units that exist from `effective` (their validFrom). */
  successors: z.array(slugSchema).min(1),
});
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const breakdownSchema = z.object({
  id: slugSchema,
  label: nonBlank,
  labelEn: nonBlank,
});
export type Breakdown = z.infer<typeof breakdownSchema>;

/** How an indicator can be recomputed from other indicators of the same report, scope and breakdown. */
export const derivationSchema = z.object({
  kind: z.literal('ratio'),
  numerator: slugSchema,
  denominator: slugSchema,
  /** Percent points of tolerance when comparing a printed rate with the counts. */
  tolerance: z.number().nonnegative().default(0.05),
});
/** A rate printed next to an "a/b" pair: rate = value / denominator of a figure of `of`. */
export const fractionDerivationSchema = z.object({
  kind: z.literal('fraction'),
  of: slugSchema,
  tolerance: z.number().nonnegative().default(0.05),
});
export const sumDerivationSchema = z.object({
  kind: z.literal('sum'),
  /** Indicators whose values (same report, scope, breakdown, period) add up to this one. */
  parts: z.array(slugSchema).min(2),
});

export const indicatorSchema = z.object({
  id: slugSchema,
  area: slugSchema,
  label: nonBlank,
  labelEn: nonBlank,
  unit: nonBlank,
  definition: nonBlank,
  higherIsBetter: z.boolean().nullable(),
  /** Breakdowns whose values should add up to the total (no breakdown) figure. */
  breakdownsSumToTotal: z.boolean().default(false),
  derivation: z.discriminatedUnion('kind', [derivationSchema, sumDerivationSchema, fractionDerivationSchema]).optional(),
  /** Shown on the dashboard as a headline figure when true. */
  headline: z.boolean().default(false),
  /** The indicator's natural basis: a figure's `basis` when figures.csv leaves it empty. */
  basis: basisSchema.default('flow'),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const reportKinds = ['quarterly-report', 'half-year-report', 'annual-plan', 'directive'] as const;
export const reportSchema = z.object({
  id: slugSchema,
  kind: z.enum(reportKinds),
  title: nonBlank,
  issuer: slugSchema,
  scope: slugSchema,
  period: periodSchema,
  documentNumber: nonBlank.nullable(),
  /** ISO date (YYYY-MM-DD) when the source prints one, else null. */
  date: isoDate.nullable(),
  sourceFile: z.string().min(1),
  summary: nonBlank,
  /**
   * Where the issuer publishes the original (signed) document, when it is online: an http(s)
   * address shown as "Bản gốc" beside the extract. Optional: the curated sources are plain-text
   * extracts, and a link is never guessed.
   */
  officialUrl: webUrl.nullable().optional(),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * How a printed number relates to the quantity: `>` trên/hơn, `>=` tối thiểu/ít nhất, `<` dưới,
 * `<=` tối đa/không quá, `=` a target to reach exactly, `~` khoảng/xấp xỉ (about), `<~` gần
 * (nearly: just below). The word printed before the number must mean the same (src/core/hedge.ts).
 */
export const comparators = ['>', '>=', '<', '<=', '=', '~', '<~'] as const;
export type Comparator = (typeof comparators)[number];

/**
 * Why a cell is not a plain number, with the plain spelling when the cell is a number written
 * another way: "1.234,5" (as printed) or "1,234.5" (English) → 1234.5, "1 234" (space or NBSP
 * grouping) → 1234; other digits ("١٢٣", "１２３"), "1e3", "0x10", "Infinity" are named as such.
 */
export function notPlainNumber(t: string): string {
  const rule = 'phải là số thuần (dấu "." thập phân, không phân tách hàng nghìn), vd. 67628 hoặc 98.7';
  if (/[^\P{Nd}0-9]/u.test(t)) return `có chữ số không phải 0–9 ("${/[^\P{Nd}0-9]/u.exec(t)![0]}", kiểu Ả Rập hay toàn khổ): gõ lại bằng chữ số 0–9; ${rule}`;
  if (/^[-+]?(?:infinity|nan)$/i.test(t.trim()) || /^[-+]?0x/i.test(t.trim()) || /^[-+]?[\d.]+e[-+]?\d+$/i.test(t.trim()))
    return `"${t}" là ký hiệu máy tính (lũy thừa e, hệ 16, Infinity/NaN): ghi số in trong văn bản dưới dạng thập phân; ${rule}`;
  const compact = t.trim().replace(/^\+/, '').replace(/[\s\u00a0\u202f']/g, '');
  const vi = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+,\d+$/.test(compact) ? compact.replace(/\./g, '').replace(',', '.') : null;
  const en = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(compact) ? compact.replace(/,/g, '') : null;
  const grouped = compact !== t && PLAIN.test(compact) ? compact : null;
  const plain = vi ?? en ?? grouped;
  if (plain && vi && en) return `"${t}" đọc được hai cách: ghi ${vi} hoặc ${en}, tùy số văn bản in; ${rule}`;
  if (plain) return `"${t}" có dấu phân tách hay dấu "+": ghi ${plain}; ${rule}`;
  return rule;
}

/** A number as stored in figures.csv: plain digits, "." as the decimal point, no grouping. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const plainNumber = z
  .string()
  .superRefine((t, ctx) => {
    if (!PLAIN.test(t)) ctx.addIssue({ code: 'custom', message: notPlainNumber(t) });
  })
  // A double keeps 15 significant digits: more would be published rounded (123456789012345678 → …680).
  .refine((t) => t.replace(/^-?0*/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length <= 15, 'có hơn 15 chữ số có nghĩa: không lưu chính xác được (số in quá lớn hay quá nhiều chữ số thập phân?)');

/**
 * Optional columns of figures.csv that a Figure carries under the same name, read from the
 * cell text (an absent column reads as "", which each schema must accept, e.g. as null).
 * A new column of this kind is one entry here: it is then read by header name, optional in
 * old files, typed on every Figure and passed on by the validator; publishing it is one
 * declaration in src/publish/columns.ts (recipe: ARCHITECTURE.md, "add a column").
 */
export const figureCarriedColumns = {
  /** Editor's note, plain text. */
  note: z.string().transform((s) => s || null),
};
export type FigureCarried = { [K in keyof typeof figureCarriedColumns]: z.output<(typeof figureCarriedColumns)[K]> };
const carriedNames = Object.keys(figureCarriedColumns) as (keyof FigureCarried)[];

/** The carried fields of a validated row. */
export function carriedFields(row: FigureCarried): FigureCarried {
  return Object.fromEntries(carriedNames.map((k) => [k, row[k]])) as FigureCarried;
}

/** The carried fields of a row without those columns (what an absent column reads as; for builders). */
export const absentCarriedFields: FigureCarried = Object.fromEntries(carriedNames.map((k) => [k, figureCarriedColumns[k].parse('')])) as FigureCarried;

/** One row of content/reports/<id>/figures.csv, as read (all strings; absent optional columns read as ""). */
export const figureCsvRowSchema = z.object({
  id: slugSchema,
  indicator: slugSchema,
  scope: slugSchema,
  breakdown: z.union([z.literal(''), slugSchema]),
  period: periodSchema,
  /** Empty: the indicator's basis. */
  basis: z.union([z.literal(''), basisSchema]),
  /** Empty: "actual". */
  status: z.union([z.literal(''), statusSchema]),
  value: plainNumber,
  denominator: z.union([z.literal(''), plainNumber]),
  unit: z.string().min(1, 'thiếu đơn vị tính'),
  comparator: z.union([z.literal(''), z.enum(comparators)]),
  /** Where in the source: heading path like "II.2.c", or "chú thích 3" for a footnote. */
  section: z.string().min(1, 'thiếu mục (vd. "II.2.c")').max(60),
  quote: z.string().min(8, 'trích dẫn quá ngắn'),
  ...figureCarriedColumns,
});
export type FigureCsvRow = z.infer<typeof figureCsvRowSchema>;

/** The columns of a CSV input, read by header name: any order, optional ones may be absent. */
export interface CsvColumns {
  /** Every known column, in the order new files are written. */
  all: readonly string[];
  /** Columns that may be absent from the header (their cells then read as ""). */
  optional: readonly string[];
}

export const FIGURE_COLUMNS: CsvColumns = {
  all: Object.keys(figureCsvRowSchema.shape),
  optional: ['breakdown', 'basis', 'status', 'denominator', 'comparator', ...carriedNames],
};

/**
 * One row of content/reports/<id>/checks.csv (optional): an arithmetic relation the
 * source implies between its own figures, declared by the curator where the
 * indicator catalogue cannot derive it. The validator evaluates each one; a relation
 * the printed figures break becomes a data-quality note on them.
 *   sum    figure = a + b + c            (tolerance: allowed difference, default 0)
 *   ratio  figure (%) = a / b × 100       (tolerance: percentage points, default half a unit of the printed precision)
 *   same   figure and b are one quantity printed with different values (a printed
 *          discrepancy: allowed on one series point, shown as a data-quality note);
 *          b may name another report's figure as "<report-id>/<figure-id>"
 */
export const checkKinds = ['sum', 'ratio', 'same'] as const;
export const checkRowSchema = z.object({
  kind: z.enum(checkKinds),
  figure: slugSchema,
  /** "a + b + c" for a sum, "a / b" for a ratio, "b" for same: ids of figures in the same figures.csv. */
  expression: z.string().min(1, 'thiếu biểu thức (vd. "a + b", "a / b" hoặc mã số liệu "b")'),
  tolerance: z.union([z.literal(''), plainNumber.refine((t) => !t.startsWith('-'), 'không được âm (độ lệch cho phép)')]),
});
export type CheckRow = z.infer<typeof checkRowSchema>;
export const CHECK_COLUMNS: CsvColumns = { all: Object.keys(checkRowSchema.shape), optional: ['tolerance'] };

/** Narrative sections besides the seven reform areas. */
export const extraSections = [
  { id: 'tong-quan', label: 'Tổng quan' },
  { id: 'han-che', label: 'Tồn tại, hạn chế' },
  { id: 'nguyen-nhan', label: 'Nguyên nhân' },
  { id: 'nhiem-vu', label: 'Nhiệm vụ kỳ tới' },
  { id: 'kien-nghi', label: 'Kiến nghị, đề xuất' },
] as const;
