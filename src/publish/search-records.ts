// Search records for Pagefind: one per figure (report × indicator × scope ×
// breakdown × period), one per passage of every source text, and the filters,
// metadata and sort keys of the HTML pages. Pure: scripts/search-index.ts feeds
// these to the Pagefind Node API; the search page reads the same constants.
import type { Site } from '../pipeline/derive.ts';
import { periodRange, periodLabel } from '../core/period.ts';
import { formatNumber, formatFigure } from '../core/format.ts';
import { figureLabel, figureWhen, organizationName, reportKindLabel } from '../core/labels.ts';
import { compareKeys, escapeHtml, foldDiacritics, sectionPhrase, strokeD } from '../core/text.ts';
import { urls } from '../core/urls.ts';
import { shownSourceText } from '../core/source-markup.ts';
import { byId, type Figure, type ReportContent } from '../core/model.ts';
import { CONTENT_TYPES, GROUP_QUERY, memberId, NO_YEAR, SORT_KEY, textFragmentUrl, YEAR_FILTER, type ContentType } from '../core/search-terms.ts';

export { accentQuery, CONTENT_TYPES, encodeTextDirective, FEW_RESULTS_YEARS, FIGURE_MEMBER, FILTERS, GROUP_QUERY, memberFields, memberId, PASSAGE_MEMBER, NO_YEAR, parseExcerpt, SORT_KEY, spotPhrase, textFragmentUrl, YEAR_FILTER, yearBundlePath } from '../core/search-terms.ts';
export type { ContentType, ExcerptPart, FilterKey } from '../core/search-terms.ts';

export const SEARCH_LANGUAGE = 'vi';

export interface SearchRecord {
  url: string;
  /** Indexed text: đ written as d̵ (see `strokeD`) so that "d" finds "đ". */
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Every way a number can be typed: as printed ("67.628", "98,7") and as plain digits ("67628", "98.7"). */
export function numberForms(value: number): string[] {
  const printed = formatNumber(value);
  const plain = String(value);
  return [...new Set([printed, plain, printed.replace(/\./g, '')])];
}

/**
 * Year of a report for the split index: the year its period ends (a report on 2023-H2
 * belongs to 2023), or null when the period has no year (then its records go to the main bundle).
 */
export function reportYear(report: ReportContent): number | null {
  const y = Number(/^\d{4}/.exec(periodRange(report.meta.period).end)?.[0]);
  return Number.isFinite(y) && y > 0 ? y : null;
}

/** Years that have a bundle of their own, newest first (the search page searches them in this order). */
export function searchYears(site: Site): number[] {
  const years = new Set<number>();
  for (const r of site.content.reports) {
    const y = reportYear(r);
    if (y != null) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

function yearFilter(report: ReportContent): string[] {
  return [String(reportYear(report) ?? NO_YEAR)];
}

// Per site and report: figureRecord asks for every figure, and each call walks all the report's figures (quadratic).
const filtersMemo = new WeakMap<Site, WeakMap<ReportContent, Readonly<Record<string, readonly string[]>>>>();

/** Filters shared by everything that belongs to one report (shared, frozen: copy before changing). */
export function reportFilters(site: Site, report: ReportContent): Record<string, string[]> {
  let bySite = filtersMemo.get(site);
  if (!bySite) filtersMemo.set(site, (bySite = new WeakMap()));
  let filters = bySite.get(report);
  if (!filters) bySite.set(report, (filters = Object.freeze(Object.fromEntries(Object.entries(computeReportFilters(site, report)).map(([k, v]) => [k, Object.freeze(v)])))));
  return filters as Record<string, string[]>;
}

function computeReportFilters(site: Site, report: ReportContent): Record<string, string[]> {
  const m = report.meta;
  const areaIds = new Set<string>();
  for (const f of report.figures) {
    const a = site.indicatorsById.get(f.indicator)?.area;
    if (a) areaIds.add(a);
  }
  for (const n of report.narratives) if (site.content.areas.some((a) => a.id === n.section)) areaIds.add(n.section);
  return {
    linh_vuc: site.content.areas.filter((a) => areaIds.has(a.id)).map((a) => a.label),
    ky: [periodLabel(m.period)],
    loai_bao_cao: [reportKindLabel[m.kind] ?? m.kind],
    don_vi: [organizationName(site, m.scope)],
    [YEAR_FILTER]: yearFilter(report),
  };
}

export function figureRecord(site: Site, f: Figure): SearchRecord {
  const report = byId(site.reportsById, f.reportId, 'báo cáo');
  const indicator = site.indicatorsById.get(f.indicator);
  const area = (indicator ? site.areasById.get(indicator.area) : undefined);
  const label = figureLabel(site, f);
  const value = formatFigure(f);
  const period = figureWhen(f);
  const scope = organizationName(site, f.scope);
  const forms = [...numberForms(f.value), ...(f.denominator != null ? numberForms(f.denominator) : [])];
  const content = [
    `${label}: ${value}`,
    `${period}, ${scope}, ${sectionPhrase(f.section)}:`,
    `“${f.quote}”`,
    f.note ? `Ghi chú: ${f.note}` : '',
    // Indexed number forms last, so excerpts show the sentence; the search page hides this part.
    `(số: ${forms.join(' ')})`,
  ]
    .filter(Boolean)
    .join(' ');
  const reportF = reportFilters(site, report);
  return {
    url: urls.figure(f.reportId, f.id),
    content: strokeD(content),
    language: SEARCH_LANGUAGE,
    meta: {
      title: label,
      type: 'figure',
      value,
      period,
      scope,
      area: area?.label ?? '',
      report: report.meta.title,
      reportUrl: urls.report(f.reportId),
      quoteUrl: urls.quote(f.reportId, f.id),
      section: f.section,
      indicatorUrl: urls.indicator(f.indicator),
    },
    filters: {
      loai: [CONTENT_TYPES.figure],
      linh_vuc: area ? [area.label] : [],
      ky: reportF.ky,
      loai_bao_cao: reportF.loai_bao_cao,
      don_vi: [scope],
      [YEAR_FILTER]: reportF[YEAR_FILTER],
    },
    sort: { [SORT_KEY]: periodRange(f.period).end },
  };
}

export function figureRecords(site: Site): SearchRecord[] {
  return site.figures.map((f) => figureRecord(site, f));
}

export interface SourceChunk {
  text: string;
  /** Heading line the passage sits under ("II. CẢI CÁCH THỂ CHẾ › 1. Về …"), or "" before the first heading. */
  section: string;
  /** Offset of the passage in the source text. */
  start: number;
}

const TOP_HEADING = /^([IVX]+)\.\s+\S/;
const SUB_HEADING = /^(\d+)\.\s+\S/;

/**
 * Split a source text into passages of whole paragraphs (blank-line separated),
 * about `target` characters each, starting a new passage at every numbered heading.
 */
export function sourceChunks(text: string, target = 900): SourceChunk[] {
  const out: SourceChunk[] = [];
  const paragraphs: { text: string; start: number }[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|$)/g;
  for (const m of text.matchAll(re)) paragraphs.push({ text: m[0].trim(), start: m.index! });
  let top = '';
  let sub = '';
  let current: SourceChunk | null = null;
  const short = (s: string) => (s.length > 90 ? `${s.slice(0, 88).trimEnd()}…` : s);
  for (const p of paragraphs) {
    const firstLine = p.text.split('\n')[0].trim();
    const isTop = TOP_HEADING.test(firstLine) && firstLine.length < 200;
    const isSub = !isTop && SUB_HEADING.test(firstLine) && firstLine.length < 200;
    if (isTop) {
      top = short(firstLine);
      sub = '';
    } else if (isSub) sub = short(firstLine);
    const section = [top, sub].filter(Boolean).join(' › ');
    if (!current || ((isTop || isSub) && current.text.length >= 200) || current.text.length >= target) {
      current = { text: p.text, section, start: p.start };
      out.push(current);
    } else {
      current.text += `\n\n${p.text}`;
    }
  }
  return out;
}

/** The first `n` words of a passage, cut before any line break so the browser can match them. */
export function leadPhrase(text: string, n = 8): string {
  const line = text.trim().split('\n')[0];
  return line.split(/\s+/).slice(0, n).join(' ');
}

export function sourceRecords(site: Site, report: ReportContent): SearchRecord[] {
  const m = report.meta;
  const filters = { loai: [CONTENT_TYPES.source], ...reportFilters(site, report) };
  const seen = new Set<string>();
  // The text as the full-text page shows it, so each passage's text fragment finds its words there.
  return sourceChunks(shownSourceText(report.sourceText)).map((c, i) => {
    let words = 8;
    let url = textFragmentUrl(urls.source(m.id), leadPhrase(c.text, words));
    while (seen.has(url) && words < 40) url = textFragmentUrl(urls.source(m.id), leadPhrase(c.text, (words += 4)));
    if (seen.has(url)) url = `${url}&text=${i}`;
    seen.add(url);
    return {
      url,
      content: strokeD(c.text.replace(/\s+/g, ' ')),
      language: SEARCH_LANGUAGE,
      meta: {
        title: `Toàn văn: ${m.title}`,
        type: 'source',
        section: c.section,
        report: m.title,
        reportUrl: urls.report(m.id),
        sourceUrl: urls.source(m.id),
        period: periodLabel(m.period),
      },
      filters,
      sort: { [SORT_KEY]: periodRange(m.period).end },
    };
  });
}

/**
 * Records grouped into documents for Pagefind, which writes one fragment file per document
 * and an entry per document in the metadata file every first search fetches: one per figure
 * or passage made ~140 files per report (121k at 1,000 reports). A group holds up to
 * FIGURE_GROUP_SIZE figures of one report in one area, or PASSAGE_GROUP_SIZE consecutive
 * passages of one source text; each member is a heading with an id, so a query still lands on
 * the figure or passage (Pagefind's sub-results), and what the result shows of a member rides
 * in that id (`memberId`: ids are not indexed). Small groups keep each result's fragment small.
 */
export interface SearchGroup {
  /** Unique per group: the members' page with `?nhom=…`. */
  url: string;
  html: string;
  type: 'figure' | 'source';
  /** Heading ids of the members, in order. */
  anchors: string[];
}

export const FIGURE_GROUP_SIZE = 25;
export const PASSAGE_GROUP_SIZE = 6;

function groupHtml(title: string, members: { id: string; heading: string; text: string }[], meta: Record<string, string>, filters: Record<string, string[]>, sort: Record<string, string>): string {
  const tags: string[] = [];
  for (const [k, v] of Object.entries(meta)) tags.push(`<span data-pagefind-meta="${k}">${escapeHtml(v)}</span>`);
  for (const [k, vs] of Object.entries(filters)) for (const v of vs) tags.push(`<span data-pagefind-filter="${k}">${escapeHtml(v)}</span>`);
  for (const [k, v] of Object.entries(sort)) tags.push(`<span data-pagefind-sort="${k}">${escapeHtml(v)}</span>`);
  const body = members.map((m) => `<h2 id="${escapeHtml(m.id)}">${escapeHtml(m.heading)}</h2><p>${escapeHtml(m.text)}</p>`).join('');
  return `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div data-pagefind-body>${body}<div data-pagefind-ignore>${tags.join('')}</div></div></body></html>`;
}

function unionFilters(records: SearchRecord[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of records) for (const [k, vs] of Object.entries(r.filters)) for (const v of vs) if (!(out[k] ??= []).includes(v)) out[k].push(v);
  return out;
}

function latestSort(records: SearchRecord[]): Record<string, string> {
  const values = records.map((r) => r.sort[SORT_KEY]).filter(Boolean).sort();
  return values.length ? { [SORT_KEY]: values.at(-1)! } : {};
}

function parts<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The figures of one report, grouped by area (in area order) and end of period (so a group's
 * sort key is every member's: a sorted search orders hits, not just groups), in parts of at most
 * FIGURE_GROUP_SIZE.
 */
export function figureGroups(site: Site, report: ReportContent, figures: Figure[]): SearchGroup[] {
  const byKey = new Map<string, { area: string; end: string; figures: Figure[] }>();
  for (const f of figures) {
    const area = site.indicatorsById.get(f.indicator)?.area ?? '';
    const end = periodRange(f.period).end;
    const key = `${area}\u0000${end}`;
    (byKey.get(key) ?? byKey.set(key, { area, end, figures: [] }).get(key)!).figures.push(f);
  }
  const order = new Map(site.content.areas.map((a) => [a.id, a.order]));
  const keys = [...byKey.values()].sort((a, b) => (order.get(a.area) ?? 1e9) - (order.get(b.area) ?? 1e9) || compareKeys(a.area, b.area) || compareKeys(b.end, a.end));
  return keys.flatMap(({ area, end, figures: members }) =>
    parts(members, FIGURE_GROUP_SIZE).map((part, i) => {
      const records = part.map((f) => figureRecord(site, f));
      const members = records.map((r, k) => {
        const f = part[k];
        const anchor = r.url.slice(r.url.indexOf('#') + 1);
        // The heading is the label and value as printed (weighted as a heading, so a figure found by its value outranks
        // a page that merely mentions the number); the rest of the record's text follows it.
        const label = strokeD(`${r.meta.title}: ${r.meta.value}`);
        const m = r.meta;
        return { id: memberId([anchor, m.value, m.period, m.scope, m.section, f.indicator, m.area]), heading: label, text: r.content.startsWith(label) ? r.content.slice(label.length).trim() : r.content };
      });
      const areaLabel = records[0].meta.area || 'khác';
      const url = `${urls.report(report.meta.id)}?${GROUP_QUERY}=${encodeURIComponent(`${area || 'khac'}-${end}-${i + 1}`)}`;
      const meta = { title: `Số liệu: ${areaLabel}, ${report.meta.title}`, type: 'figure', area: records[0].meta.area, report: report.meta.title };
      return { url, type: 'figure' as const, anchors: members.map((x) => x.id), html: groupHtml(meta.title, members, meta, unionFilters(records), latestSort(records)) };
    }),
  );
}

/** The passages of one source text in consecutive parts of at most PASSAGE_GROUP_SIZE. */
export function sourceGroups(site: Site, report: ReportContent): SearchGroup[] {
  const records = sourceRecords(site, report);
  return parts(records.map((r, n) => ({ r, n })), PASSAGE_GROUP_SIZE).map((part, i) => {
    const first = part[0].r.meta;
    // A heading of punctuation only: the section path in every heading would add its words to every query's postings.
    // No link in the id: the search page links to the highlighted words (spotPhrase), else to the text.
    const members = part.map(({ r, n }) => ({ id: memberId([`doan-${n + 1}`, r.meta.section]), heading: '¶', text: r.content }));
    const meta = { title: first.title, type: 'source', report: first.report, period: first.period, reportUrl: first.reportUrl };
    const url = `${urls.source(report.meta.id)}?${GROUP_QUERY}=${i + 1}`;
    return { url, type: 'source' as const, anchors: members.map((m) => m.id), html: groupHtml(first.title, members, meta, part[0].r.filters, part[0].r.sort) };
  });
}

/** The documents of one report that are not its HTML pages: figure groups and passage groups. */
export function reportGroups(site: Site, report: ReportContent, figures = site.figures.filter((f) => f.reportId === report.meta.id)): SearchGroup[] {
  return [...figureGroups(site, report, figures), ...sourceGroups(site, report)];
}

/** All records that are not HTML pages: figures and source-text passages. */
export function customRecords(site: Site): SearchRecord[] {
  return [...figureRecords(site), ...site.content.reports.flatMap((r) => sourceRecords(site, r))];
}

export interface PageInfo {
  type: ContentType;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** Drop data tables from the indexed text (their figures have records of their own). */
  dropTables: boolean;
  /** The year bundle the page goes to (its report's year); null or absent: the main bundle. */
  year?: number | null;
}

/** Listing pages and the search page itself: not indexed (their items are). */
const SKIP = new Set(['/', '/bao-cao/', '/chi-so/', '/linh-vuc/', '/don-vi/', '/du-lieu/', '/tim-kiem/', '/404/', '/404.html']);

/**
 * What an HTML page of the built site is, for the index: its content type, filters
 * and sort key, or null when the page is not indexed on its own (listings, search,
 * source-text pages, which are indexed passage by passage).
 */
export function classifyPage(site: Site, url: string): PageInfo | null {
  const info = classifyOnly(site, url);
  if (!info) return null;
  // Every document has a year filter (NO_YEAR in the main bundle), so a year filter excludes the rest.
  info.filters[YEAR_FILTER] ??= [String(info.year ?? NO_YEAR)];
  return info;
}

function classifyOnly(site: Site, url: string): PageInfo | null {
  if (SKIP.has(url)) return null;
  let m: RegExpMatchArray | null;
  if (/^\/bao-cao\/[^/]+\/van-ban\/$/.test(url)) return null;
  // Year pages of lists (src/view/archive.ts) are listings too: their figures and reports have records.
  if (/\/nam\/\d{4}\/(?:\d+\/)?$/.test(url)) return null;
  // Embed pages repeat the indicator page's chart: never a search result of their own.
  if (url.startsWith('/nhung/')) return null;
  if ((m = url.match(/^\/bao-cao\/([^/]+)\/$/))) {
    const report = site.reportsById.get(m[1]);
    if (!report) return null;
    return {
      type: 'report',
      filters: { loai: [CONTENT_TYPES.report], ...reportFilters(site, report) },
      sort: { [SORT_KEY]: periodRange(report.meta.period).end },
      dropTables: true,
      year: reportYear(report),
    };
  }
  if ((m = url.match(/^\/chi-so\/([^/]+)\/$/))) {
    const ind = site.indicatorsById.get(m[1]);
    const area = (ind ? site.areasById.get(ind.area) : undefined);
    const latest = (site.seriesByIndicator.get(m![1]) ?? []).flatMap((s) => s.points.map((p) => periodRange(p.figure.period).end)).sort().at(-1);
    return {
      type: 'indicator',
      filters: { loai: [CONTENT_TYPES.indicator], ...(area ? { linh_vuc: [area.label] } : {}) },
      sort: latest ? { [SORT_KEY]: latest } : {},
      dropTables: true,
      year: null,
    };
  }
  if ((m = url.match(/^\/du-lieu\/([^/]+)\/$/))) {
    // A report's own dataset (bao-cao-<report id>) goes with the report's year.
    const report = m[1].startsWith('bao-cao-') ? site.reportsById.get(m[1].slice('bao-cao-'.length)) : undefined;
    return { type: 'dataset', filters: { loai: [CONTENT_TYPES.dataset] }, sort: {}, dropTables: false, year: report ? reportYear(report) : null };
  }
  if ((m = url.match(/^\/linh-vuc\/([^/]+)\/$/))) {
    const area = site.areasById.get(m[1]);
    return { type: 'page', filters: { loai: [CONTENT_TYPES.page], ...(area ? { linh_vuc: [area.label] } : {}) }, sort: {}, dropTables: true, year: null };
  }
  if ((m = url.match(/^\/don-vi\/([^/]+)\/$/))) {
    return { type: 'page', filters: { loai: [CONTENT_TYPES.page], don_vi: [organizationName(site, m[1])] }, sort: {}, dropTables: true, year: null };
  }
  return { type: 'page', filters: { loai: [CONTENT_TYPES.page] }, sort: {}, dropTables: false, year: null };
}

/** Distinct values of each filter over a set of records, in first-seen order (for the search page's selects). */
export function filterValues(records: Pick<SearchRecord, 'filters'>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of records) for (const [k, vs] of Object.entries(r.filters)) for (const v of vs) if (!(out[k] ??= []).includes(v)) out[k].push(v);
  return out;
}

/**
 * Vocabulary for "did you mean" on the search page: each diacritic-free word
 * (lower case) → its most frequent written form with marks. Words without marks are left out.
 */
export function buildVocabulary(texts: string[]): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  // A few thousand distinct words over millions of occurrences at 1,000 reports: each folded once (was 15 s).
  const foldedOf = new Map<string, string>();
  for (const t of texts) {
    for (const w of t.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? []) {
      let folded = foldedOf.get(w);
      if (folded === undefined) foldedOf.set(w, (folded = foldDiacritics(w)));
      if (folded === w) continue;
      let forms = counts.get(folded);
      if (!forms) counts.set(folded, (forms = new Map()));
      forms.set(w, (forms.get(w) ?? 0) + 1);
    }
  }
  const out: Record<string, string> = {};
  for (const key of [...counts.keys()].sort()) {
    const forms = [...counts.get(key)!.entries()].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
    out[key] = forms[0][0];
  }
  return out;
}
