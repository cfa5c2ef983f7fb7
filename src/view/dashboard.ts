// Data steps for the home page (dashboard), the reports list and the about page.
// Pure functions of the derived Site; components only lay the results out.
import type { Site, TargetState } from '../pipeline/derive.ts';
import { comparePeriods, periodRange, periodLabel } from '../core/period.ts';
import type { Indicator, Report } from '../core/schema.ts';
import { byId, type Figure, type Issue, type SeriesPoint } from '../core/model.ts';
import type { LinePoint } from './charts/index.ts';
import { formatChange, formatWithComparator, viLocale, formatFigure } from '../core/format.ts';
import { breakdownLabel, figureLabel, figureWhen, organizationName, reportKindLabel, targetStatusLabel } from '../core/labels.ts';
import { urls } from '../core/urls.ts';
import { compareKeys, sectionPhrase } from '../core/text.ts';

// ---------------------------------------------------------------- headline figures

export interface HeadlineCard {
  /** Series key "indicator|scope|breakdown". */
  key: string;
  indicator: Indicator;
  scope: string;
  breakdown: string | null;
  /** Latest measured value of the series. */
  figure: Figure;
  report: Report;
  /** Measured points, oldest first (the sparkline's data). */
  points: SeriesPoint[];
  /** Missing periods between them: the sparkline breaks there. */
  gaps: string[];
}

export interface ScopeHeadlines {
  scope: string;
  scopeName: string;
  /** Latest period among the scope's cards. */
  latestPeriod: string;
  cards: HeadlineCard[];
}

/**
 * Headline cards per scope: for every headline indicator and scope, the latest
 * measured total; when a scope has no total for that indicator, one card per
 * breakdown instead. Scopes follow data/organizations.json order (province
 * first), cards follow data/indicators.json then data/breakdowns.json order.
 */
export function headlineCards(site: Site): ScopeHeadlines[] {
  const indicatorOrder = new Map(site.content.indicators.map((ind, i) => [ind.id, i]));
  const breakdownOrder = new Map(site.content.breakdowns.map((b, i) => [b.id, i]));
  const orgOrder = new Map(site.content.organizations.map((o, i) => [o.id, i]));
  const candidates: HeadlineCard[] = [];
  for (const s of site.series) {
    const indicator = site.indicatorsById.get(s.indicator);
    if (!indicator?.headline) continue;
    // Series hold measured values only: derive excludes plan targets (isTarget).
    const points = s.points;
    const last = points.at(-1);
    if (!last) continue;
    candidates.push({ key: s.key, indicator, scope: s.scope, breakdown: s.breakdown, figure: last.figure, report: last.report, points, gaps: s.gaps });
  }
  // One card per indicator, scope and breakdown: of its series (by basis, status, period length), the most recent one.
  const best = new Map<string, HeadlineCard>();
  for (const c of candidates) {
    const k = `${c.indicator.id}|${c.scope}|${c.breakdown ?? ''}`;
    const o = best.get(k);
    if (!o || comparePeriods(c.figure.period, o.figure.period) > 0 || (comparePeriods(c.figure.period, o.figure.period) === 0 && c.points.length > o.points.length)) best.set(k, c);
  }
  candidates.splice(0, candidates.length, ...best.values());
  const hasTotal = new Set(candidates.filter((c) => c.breakdown === null).map((c) => `${c.indicator.id}|${c.scope}`));
  const cards = candidates.filter((c) => c.breakdown === null || !hasTotal.has(`${c.indicator.id}|${c.scope}`));
  const byScope = new Map<string, HeadlineCard[]>();
  for (const c of cards) byScope.set(c.scope, [...(byScope.get(c.scope) ?? []), c]);
  const rank = (m: Map<string, number>, id: string | null) => (id === null ? -1 : (m.get(id) ?? Number.MAX_SAFE_INTEGER));
  return [...byScope.entries()]
    .sort((a, b) => rank(orgOrder, a[0]) - rank(orgOrder, b[0]) || compareKeys(a[0], b[0]))
    .map(([scope, list]) => {
      const sorted = [...list].sort(
        (a, b) =>
          rank(indicatorOrder, a.indicator.id) - rank(indicatorOrder, b.indicator.id) ||
          rank(breakdownOrder, a.breakdown) - rank(breakdownOrder, b.breakdown) ||
          compareKeys(a.key, b.key),
      );
      const latestPeriod = sorted.map((c) => c.figure.period).sort(comparePeriods).at(-1)!;
      return { scope, scopeName: organizationName(site, scope), latestPeriod, cards: sorted };
    });
}

/** Sparkline data for a card (one series: same basis and period length), or null when it has fewer than two points. */
export function sparkPoints(card: Pick<HeadlineCard, 'key' | 'points'> & Partial<Pick<HeadlineCard, 'gaps'>>): LinePoint[] | null {
  if (card.points.length < 2) return null;
  const date = (period: string) => new Date(`${periodRange(period).end}T00:00:00Z`);
  return [
    ...card.points.map((p) => ({ date: date(p.figure.period), value: p.figure.value, series: card.key, text: formatFigure(p.figure) })),
    ...(card.gaps ?? []).map((g) => ({ date: date(g), value: Number.NaN, series: card.key, text: '' })),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * An SVG whose meaning is given by its wrapper (role="img" + aria-label):
 * drop Plot's per-mark aria labels (prohibited inside role="img") and hide it from assistive tech.
 */
export function decorativeSvg(svg: string): string {
  return svg
    .replace(/\saria-(?:label|description)="[^"]*"/g, '')
    .replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
}

/** Longest run of missing periods named one by one; a longer run is named by its count and ends. */
export const MISSING_LISTED_MAX = 3;

/**
 * "(không có số liệu quý IV/2018)", or for a long run "(không có số liệu 23 kỳ, từ quý II/2013 đến quý IV/2018)".
 * Only for one run of consecutive periods (a change's `missing`, from missingBetween): the ends then name
 * every one. Listing each made a figure row's change line ~300 bytes (15 KB a report page) at scale.
 */
export function missingText(periods: string[]): string {
  if (periods.length === 0) return '';
  if (periods.length <= MISSING_LISTED_MAX) return ` (không có số liệu ${periods.map(periodLabel).join(', ')})`;
  return ` (không có số liệu ${periods.length} kỳ, từ ${periodLabel(periods[0])} đến ${periodLabel(periods.at(-1)!)})`;
}

/** Text alternative of a sparkline: "Diễn biến: quý III/2024: 35,26%; quý I/2025: 31,04%." */
export function sparkSummary(card: Pick<HeadlineCard, 'points'> & Partial<Pick<HeadlineCard, 'gaps'>>): string {
  // Not missingText: a series' gaps may be several runs, not one.
  const gaps = card.gaps?.length ? ` (không có số liệu ${card.gaps.map(periodLabel).join(', ')})` : '';
  return `Diễn biến: ${card.points.map((p) => `${figureWhen(p.figure)}: ${formatFigure(p.figure)}`).join('; ')}${gaps}.`;
}

export interface ChangeSummary {
  /** "up"/"down" = better/worse given the indicator's direction; "flat" = no change, unknown direction or nothing to compare. */
  cls: 'up' | 'down' | 'flat';
  /** "+109 so với quý III/2024", or the honest reason there is no comparison. */
  text: string;
  /** "Kỳ trước: 990 dịch vụ (+11,0%)", or null. */
  detail: string | null;
}

/** Change against the previous period of the same scope and granularity (site.changes), in words. */
export function changeSummary(site: Site, figure: Figure): ChangeSummary {
  const change = site.changes.get(figure.key);
  if (!change || change.kind === 'missing') {
    const text =
      change?.kind === 'missing' && change.reason === 'target'
        ? 'Đây là chỉ tiêu kế hoạch, không phải số liệu thực hiện.'
        : 'Chưa có số liệu kỳ trước cùng loại để so sánh.';
    return { cls: 'flat', text, detail: null };
  }
  const higherIsBetter = site.indicatorsById.get(figure.indicator)?.higherIsBetter ?? null;
  const cls = change.delta === 0 || higherIsBetter === null ? 'flat' : change.delta > 0 === higherIsBetter ? 'up' : 'down';
  const p = change.previous;
  const versus = `${periodLabel(p.period)}${missingText(change.missing)}`;
  const relative =
    change.relative !== null && figure.unit !== '%' ? ` (${change.relative > 0 ? '+' : ''}${viLocale.format(',.1f')(change.relative)}%)` : '';
  return {
    cls,
    text: change.delta === 0 ? `Không đổi so với ${versus}` : `${approxPrefix(figure, p)}${formatChange(change.delta, figure.unit)} so với ${versus}`,
    // "Kỳ trước" only for the immediately preceding period; a farther one is named.
    detail: change.missing.length === 0 ? `Kỳ trước: ${formatFigure(p)}${relative}.` : `${periodLabel(p.period)}: ${formatFigure(p)}${relative}.`,
  };
}

/** "khoảng " when either value is printed as a bound or an approximation ("hơn 7800", "khoảng 2,8"):
 *  the difference of two such numbers is not an exact change. */
function approxPrefix(figure: Pick<Figure, 'comparator'>, previous: Pick<Figure, 'comparator'>): string {
  const inexact = (c: string | null) => c !== null && c !== '=';
  return inexact(figure.comparator) || inexact(previous.comparator) ? 'khoảng ' : '';
}

/** Card title: indicator label, plus the breakdown when the card is not a total. */
export function cardTitle(site: Site, card: Pick<HeadlineCard, 'indicator' | 'breakdown'>): string {
  const b = breakdownLabel(site, card.breakdown);
  return b ? `${card.indicator.label} — ${b}` : card.indicator.label;
}

// ---------------------------------------------------------------- plan targets

export interface TargetRow {
  target: Figure;
  label: string;
  /** "tối thiểu 90%", "trên 50%", "100%". */
  targetText: string;
  /** The actual the verdict rests on, or, when not yet due, the latest value inside the target's period. */
  actual: Figure | null;
  actualText: string | null;
  actualReport: Report | null;
  status: TargetState;
  statusLabel: string;
  /** Data-quality notes on the actual figure. */
  notes: string[];
}

export interface TargetGroup {
  /** The document setting the targets (an annual plan, or a report/directive quoting targets). */
  plan: Report;
  isPlan: boolean;
  rows: TargetRow[];
  counts: Record<TargetState, number>;
}

/**
 * Targets grouped by the document that sets them: annual plans first (newest
 * first), then targets quoted in other reports and directives (newest first);
 * rows in the document's own order.
 */
export function targetGroups(site: Site): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const t of site.targets) {
    const plan = byId(site.reportsById, t.target.reportId, 'báo cáo').meta;
    let g = groups.get(plan.id);
    if (!g) {
      g = { plan, isPlan: plan.kind === 'annual-plan', rows: [], counts: { met: 0, 'not-met': 0, 'not-due': 0, 'no-data': 0 } };
      groups.set(plan.id, g);
    }
    // The judged actual, or (not yet due) the latest value of the target's period, for information.
    const a = t.latest;
    g.rows.push({
      target: t.target,
      label: figureLabel(site, t.target),
      targetText: formatWithComparator(t.target.value, t.target.unit, t.target.comparator ?? '=', t.target.denominator, t.target.hedge),
      actual: a,
      actualText: a ? formatFigure(a) : null,
      actualReport: a ? byId(site.reportsById, a.reportId, 'báo cáo').meta : null,
      status: t.status,
      statusLabel: targetStatusLabel[t.status],
      notes: a ? (site.qualityNotes.get(a.key) ?? []) : [],
    });
    g.counts[t.status]++;
  }
  const sorted = sortReportsNewestFirst([...groups.values()].map((g) => g.plan)).map((p) => groups.get(p.id)!);
  return [...sorted.filter((g) => g.isPlan), ...sorted.filter((g) => !g.isPlan)];
}

/**
 * "22 chỉ tiêu (0 đạt, 0 chưa đạt, 2 chưa đến kỳ đánh giá, 20 chưa có số liệu)": every state named, so the parts add up
 * to the total a reader sees (a summary that left out "chưa đến kỳ" read 0 + 0 + 20 of 22).
 */
export function targetCountsText(g: Pick<TargetGroup, 'rows' | 'counts'>): string {
  const c = g.counts;
  return `${g.rows.length} chỉ tiêu (${c.met} đạt, ${c['not-met']} chưa đạt, ${c['not-due']} chưa đến kỳ đánh giá, ${c['no-data']} chưa có số liệu)`;
}

// ---------------------------------------------------------------- reports

/** "Kế hoạch năm 2024", "Báo cáo quý I/2025", "Báo cáo 6 tháng đầu năm 2023", "Văn bản chỉ đạo năm 2023". */
export function documentShortLabel(r: Pick<Report, 'kind' | 'period'>): string {
  const prefix: Record<string, string> = { 'annual-plan': 'Kế hoạch', 'quarterly-report': 'Báo cáo', 'half-year-report': 'Báo cáo', directive: 'Văn bản chỉ đạo' };
  return `${prefix[r.kind] ?? 'Văn bản'} ${periodLabel(r.period)}`;
}

/** Newest period first; same period: newest date first (undated last), then id. */
export function sortReportsNewestFirst<R extends Pick<Report, 'id' | 'period' | 'date'>>(reports: R[]): R[] {
  return [...reports].sort(
    (a, b) => comparePeriods(b.period, a.period) || compareKeys(b.date ?? '', a.date ?? '') || compareKeys(a.id, b.id),
  );
}

export interface ReportSummary {
  report: Report;
  kindLabel: string;
  scopeName: string;
  issuerName: string;
  periodLabel: string;
  /** First year the report's period covers, the "period" facet. */
  year: string;
  figureCount: number;
  /** Data-quality notes (consistency warnings) touching the report's figures. */
  noteCount: number;
}

// Built once per warnings list: every report page and list row asks, so a scan per
// call was quadratic in the number of reports (seconds at a thousand).
const warningsByReport = new WeakMap<Issue[], Map<string, Issue[]>>();

export function warningsForReport(warnings: Issue[], reportId: string): Issue[] {
  let index = warningsByReport.get(warnings);
  if (!index) {
    index = new Map();
    for (const w of warnings) {
      const reports = new Set((w.figures ?? []).map((k) => k.slice(0, k.indexOf('/'))));
      for (const r of reports) index.set(r, [...(index.get(r) ?? []), w]);
    }
    warningsByReport.set(warnings, index);
  }
  return index.get(reportId) ?? [];
}

export function reportSummaries(site: Site): ReportSummary[] {
  return sortReportsNewestFirst(site.content.reports.map((r) => r.meta)).map((report) => ({
    report,
    kindLabel: reportKindLabel[report.kind] ?? report.kind,
    scopeName: organizationName(site, report.scope),
    issuerName: organizationName(site, report.issuer),
    periodLabel: periodLabel(report.period),
    year: periodRange(report.period).start.slice(0, 4),
    figureCount: byId(site.reportsById, report.id, 'báo cáo').figures.length,
    noteCount: warningsForReport(site.warnings, report.id).length,
  }));
}

export type FacetId = 'kind' | 'scope' | 'year';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  /** Report ids in this group, newest first. */
  reports: string[];
}

export interface Facet {
  id: FacetId;
  label: string;
  values: FacetValue[];
}

export function facetValueOf(s: ReportSummary, facet: FacetId): string {
  return facet === 'kind' ? s.report.kind : facet === 'scope' ? s.report.scope : s.year;
}

/**
 * Filter facets of a list of report summaries (already sorted). Kinds in the
 * schema's order, scopes by name, years newest first; only values that occur.
 */
export function reportFacets(summaries: ReportSummary[]): Facet[] {
  const kindOrder = Object.keys(reportKindLabel);
  const build = (id: FacetId, label: string, labelOf: (s: ReportSummary) => string, order: (a: FacetValue, b: FacetValue) => number): Facet => {
    const map = new Map<string, FacetValue>();
    for (const s of summaries) {
      const value = facetValueOf(s, id);
      const v = map.get(value) ?? { value, label: labelOf(s), count: 0, reports: [] };
      v.count++;
      v.reports.push(s.report.id);
      map.set(value, v);
    }
    return { id, label, values: [...map.values()].sort(order) };
  };
  return [
    build('kind', 'Loại văn bản', (s) => s.kindLabel, (a, b) => kindOrder.indexOf(a.value) - kindOrder.indexOf(b.value)),
    build('scope', 'Địa bàn', (s) => s.scopeName, (a, b) => a.label.localeCompare(b.label, 'vi')),
    build('year', 'Năm', (s) => `Năm ${s.year}`, (a, b) => compareKeys(b.value, a.value)),
  ];
}

// ---------------------------------------------------------------- about page

export const warningKindLabel: Record<string, string> = {
  'sum-mismatch': 'Tổng không khớp với các thành phần',
  'rate-mismatch': 'Tỷ lệ in không khớp với số đếm',
  'conflicting-values': 'Cùng một số liệu in hai giá trị khác nhau',
};

export interface QualityNoteItem {
  code: string;
  kindLabel: string;
  message: string;
  report: Report;
  figures: { id: string; label: string; href: string }[];
}

/** Every data-quality note with links to the figures it concerns, reports newest first. */
export function qualityNoteItems(site: Site): QualityNoteItem[] {
  const order = new Map(sortReportsNewestFirst(site.content.reports.map((r) => r.meta)).map((r, i) => [r.id, i]));
  return site.warnings
    .flatMap((w) => {
      const figures = (w.figures ?? []).map((key) => site.figuresByKey.get(key)).filter((f): f is Figure => !!f);
      if (figures.length === 0) return [];
      const report = byId(site.reportsById, figures[0].reportId, 'báo cáo').meta;
      return [{
        code: w.code,
        kindLabel: warningKindLabel[w.code] ?? 'Điểm bất nhất trong văn bản',
        message: w.message,
        report,
        figures: figures.map((f) => ({ id: f.id, label: `${figureLabel(site, f)} (${sectionPhrase(f.section)})`, href: urls.figure(f.reportId, f.id) })),
      }];
    })
    .sort((a, b) => (order.get(a.report.id) ?? 0) - (order.get(b.report.id) ?? 0));
}

/** changeSummary plus a phone-length form ("+10 so với Q3/2024") for figure cards. */
export function shortChange(site: Site, figure: Figure): ChangeSummary & { short: string } {
  const summary = changeSummary(site, figure);
  const change = site.changes.get(figure.key);
  if (!change || change.kind === 'missing') return { ...summary, short: '' };
  const p = change.previous.period;
  const m = p.match(/^(\d{4})-(Q[1-4]|H[12])$/);
  const short = m ? `${m[2]}/${m[1]}` : periodLabel(p);
  // "= Q3/2024" read as a formula on a phone: say it in a word ("không đổi so với" would wrap the row).
  return { ...summary, short: change.delta === 0 ? `bằng ${short}` : `${approxPrefix(figure, change.previous)}${formatChange(change.delta, figure.unit)} so với ${short}` };
}

// ---------------------------------------------------------------- plain answers (home)

/** The citizen's questions on the home page, answered by an indicator's province-wide total. */
export const PLAIN_QUESTIONS: { indicator: string; question: string }[] = [
  { indicator: 'ho-so-tiep-nhan', question: 'Bao nhiêu hồ sơ thủ tục hành chính được tiếp nhận?' },
  { indicator: 'ty-le-ho-so-dung-han', question: 'Bao nhiêu phần trăm hồ sơ được giải quyết đúng hạn?' },
  { indicator: 'ty-le-ho-so-truc-tuyen', question: 'Bao nhiêu phần trăm hồ sơ được nộp trực tuyến?' },
  { indicator: 'dvc-truc-tuyen-toan-trinh', question: 'Bao nhiêu dịch vụ công làm được trực tuyến toàn trình?' },
];

export interface PlainAnswer {
  question: string;
  indicator: Indicator;
  figure: Figure | null;
}
export interface AnswerPeriod {
  period: string;
  label: string;
  answers: PlainAnswer[];
}

/**
 * Plain answers per period for the province (the scope of the province-wide reports): one panel
 * per period in which at least one question has a measured total, newest first. Measured figures
 * only (series exclude plan targets); the first printed figure of a period when printed twice.
 */
export function plainAnswers(site: Site, scope = site.content.organizations[0]?.id ?? ''): AnswerPeriod[] {
  const byPeriod = new Map<string, Map<string, Figure>>();
  for (const q of PLAIN_QUESTIONS) {
    const series = site.seriesByIndicator.get(q.indicator)?.find((s) => s.scope === scope && s.breakdown === null);
    for (const p of series?.points ?? []) {
      const m = byPeriod.get(p.figure.period) ?? new Map<string, Figure>();
      if (!m.has(q.indicator)) m.set(q.indicator, p.figure);
      byPeriod.set(p.figure.period, m);
    }
  }
  return [...byPeriod.keys()].sort(comparePeriods).reverse().map((period) => ({
    period,
    label: periodLabel(period),
    answers: PLAIN_QUESTIONS.flatMap((q) => {
      const indicator = site.indicatorsById.get(q.indicator);
      return indicator ? [{ question: q.question, indicator, figure: byPeriod.get(period)!.get(q.indicator) ?? null }] : [];
    }),
  }));
}
