// Share images (OpenGraph/Twitter cards, 1200×630) as SVG, drawn from what the page shows:
// an indicator's card carries its chart (the same build-time line or bar chart as the page,
// from src/view/charts.ts) and a report's card its key figures; both with title, unit and
// period, the source document(s), "CC BY 4.0" and the permalink, so a shared image keeps
// its provenance. Rendered to PNG at build time (scripts/share-png.ts, in a worker beside the Astro build;
// @resvg/resvg-js) with a fixed font file. No clock and no randomness: same site, same bytes.
import type { Site } from '../pipeline/derive.ts';
import type { Indicator, Report } from '../core/schema.ts';
import { byId, type Figure, type Series } from '../core/model.ts';
import { comparePeriods, periodLabel } from '../core/period.ts';
import { formatFigure } from '../core/format.ts';
import { figureLabel, figureWhen, organizationName } from '../core/labels.ts';
import { absolute, urls } from '../core/urls.ts';
import { barChart, lineChart, PLOT_CLASS, wrapLabel } from './charts/index.ts';
import {
  areaColor,
  chartSourceLine,
  commonPeriodBarRows,
  crossScopeBars,
  indicatorSeries,
  indicatorSummary,
  periodTicks,
  seriesChartPoints,
  splitSeries,
} from './indicator-page.ts';
import { documentTitle } from './citation.ts';

export const shareImages = {
  site: () => '/chia-se/trang.png',
  indicator: (id: string) => `/chia-se/chi-so/${id}.png`,
  report: (id: string) => `/chia-se/bao-cao/${id}.png`,
};

/** Every share image of the site: its path under dist/ and its SVG (rendered by scripts/share-png.ts). */
export function shareCards(site: Site): { path: string; svg: string }[] {
  return [
    { path: shareImages.site(), svg: siteShareSvg(site) },
    ...site.content.indicators.map((i) => ({ path: shareImages.indicator(i.id), svg: indicatorShareSvg(site, i) })),
    ...site.content.reports.map((r) => ({ path: shareImages.report(r.meta.id), svg: reportShareSvg(site, r.meta) })),
  ];
}

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
/** Periods an indicator's card draws at most: its latest three years of quarters. */
export const SHARE_PERIODS = 12;
/** Lines an indicator's card draws at most: as many as its legend names. */
export const SHARE_LINES = 6;
const W = SHARE_WIDTH;
const H = SHARE_HEIGHT;
const PAD = 56;
const FONT = 'DejaVu Sans, Noto Sans, sans-serif';
const INK = '#1b1f24';
const MUTED = '#4d5761';
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
/** At most `n` wrapped lines; a cut is marked with "…" rather than silently dropping words. */
const clip = (lines: string[], n: number) => (lines.length <= n ? lines : [...lines.slice(0, n - 1), `${lines[n - 1]} …`]);
const text = (x: number, y: number, size: number, s: string, extra = '') => `<text x="${x}" y="${y}" font-size="${size}"${extra}>${esc(s)}</text>`;

/**
 * The inside of a start tag, quoted attribute values whole: a label with ">" (or "<") in the
 * chart's aria-label must not end the tag early (linkedom leaves both unescaped inside quotes).
 */
const ATTRS = '(?:[^>"]|"[^"]*")*';

/** Legend text as serialised by linkedom ("&lt;", "&amp;"), back to the label (text() escapes it again). */
const unescapeText = (s: string) => s.replace(/&(lt|gt|quot|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e]!);

/** A chart as drawn on the page: its SVG (Plot output) and the legend Plot puts beside it as HTML. */
export interface ShareChart {
  svg: string;
  legend: { color: string; label: string }[];
}

/**
 * The SVG part of a charts.ts drawing: Plot returns a <figure> with an HTML legend when it
 * colours several series; the legend's swatches are kept as data and drawn in SVG.
 */
export function chartForCard(markup: string): ShareChart | null {
  const start = markup.indexOf('<svg');
  const main = markup.search(new RegExp(`<svg${ATTRS}class="${PLOT_CLASS}"`));
  const at = main >= 0 ? main : start;
  const end = markup.lastIndexOf('</svg>');
  if (at < 0 || end < at) return null;
  const legend = [...markup.slice(0, at).matchAll(/<svg fill="([^"]+)"[^>]*>[\s\S]*?<\/svg>([^<]*)</g)].map((m) => ({ color: m[1], label: unescapeText(m[2]).trim() }));
  return { svg: markup.slice(at, end + 6), legend };
}

interface Card {
  kicker: string;
  title: string;
  subtitle: string;
  color: string;
  /** Source line(s): the documents the drawn values come from. */
  source: string;
  permalink: string;
  /** The body between header and footer, drawn in the box (x, y, width, height). */
  body: (box: { x: number; y: number; width: number; height: number }) => string;
}

/** The frame every card shares: colour bar, kicker, title, subtitle, body, then source, licence and permalink. */
export function shareCardSvg(card: Card): string {
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="#ffffff"/>`, `<rect width="${W}" height="12" fill="${card.color}"/>`];
  parts.push(text(PAD, 58, 24, card.kicker, ` fill="${MUTED}"`));
  const title = clip(wrapLabel(card.title, 46), 2);
  let y = 58;
  for (const l of title) parts.push(text(PAD, (y += 50), 40, l, ` font-weight="700" fill="${INK}"`));
  const subtitle = clip(wrapLabel(card.subtitle, 80), 1);
  for (const l of subtitle) parts.push(text(PAD, (y += 36), 24, l, ` fill="${MUTED}"`));
  const footer = [...clip(wrapLabel(card.source, 96), 2), `Giấy phép CC BY 4.0 · ${card.permalink}`];
  const footTop = H - 24 - (footer.length - 1) * 26;
  footer.forEach((l, i) => parts.push(text(PAD, footTop + i * 26, 19, l, ` fill="${MUTED}"`)));
  const box = { x: PAD, y: y + 22, width: W - 2 * PAD, height: footTop - 30 - (y + 22) };
  parts.push(card.body(box));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}"><title>${esc(card.title)}</title>${parts.join('')}</svg>`;
}

/** A Plot chart placed in a box, scaled to fit, with its legend above it. */
function chartBody(chart: ShareChart): Card['body'] {
  return (box) => {
    const out: string[] = [];
    let top = box.y;
    if (chart.legend.length) {
      let x = box.x;
      for (const { color, label } of chart.legend.slice(0, SHARE_LINES)) {
        const w = 30 + Math.min(label.length, 40) * 11;
        if (x + w > box.x + box.width) break;
        out.push(`<rect x="${x}" y="${top}" width="18" height="18" fill="${esc(color)}"/>`, text(x + 26, top + 16, 18, label.slice(0, 40), ` fill="${INK}"`));
        x += w + 18;
      }
      top += 30;
    }
    // Plot sets a 10 px system font; the page CSS (13 px) does not travel. Room is left on the right for end labels.
    const svg = chart.svg
      .replace(new RegExp(`^<svg\\b(${ATTRS})>`), (_m, attrs: string) => `<svg${attrs.replace(/\s(?:font-family|font-size|width|height|class|aria-label)="[^"]*"/g, '')} x="${box.x}" y="${top}" width="${box.width - 48}" height="${box.y + box.height - top}" preserveAspectRatio="xMinYMin meet" font-family="${FONT}" font-size="13" color="${INK}" overflow="visible">`);
    out.push(svg);
    return out.join('');
  };
}

/**
 * The chart the indicator page shows first: its lines (series with two or more periods), or
 * else its bars (one common period across scopes). Null when only plan targets exist.
 */
export function indicatorChart(site: Site, indicator: Indicator, width: number, height?: number, maxPeriods = Infinity, maxLines = Infinity): { markup: string; source: string; periods: string[] } | null {
  const color = areaColor(site, indicator.area);
  const { lines: all, bars: singles } = splitSeries(indicatorSeries(site, indicator.id));
  const lines = recentSeries(all, maxPeriods, maxLines);
  if (lines.length) {
    const markup = lineChart(seriesChartPoints(site, lines), { ariaLabel: indicator.label, color, xTicks: periodTicks(lines), width, height });
    return { markup, source: chartSourceLine(lines), periods: lines.flatMap((s) => s.points.map((p) => p.figure.period)) };
  }
  const drawn = crossScopeBars(singles).drawn;
  if (!drawn.length) return null;
  const markup = barChart(commonPeriodBarRows(site, drawn, color), { ariaLabel: indicator.label, unit: indicator.unit, domain: indicator.unit === '%' ? [0, 100] : undefined, width });
  return { markup, source: chartSourceLine(drawn), periods: drawn.flatMap((s) => s.points.map((p) => p.figure.period)) };
}

/**
 * The lines cut to their latest `n` periods (across all lines; gaps inside that span kept) and to the
 * `m` lines with most points there (stable: the page's order otherwise), dropping lines left with no
 * point; each run of missing periods kept as its first period. A share card is a 1200 px image with a legend of six: a decade of quarters or dozens of
 * districts would not read on it, and the SVG (a text and path per point) made a card cost ~0.4 s to
 * rasterise at 200 reports.
 */
export function recentSeries(lines: Series[], n: number, m = Infinity): Series[] {
  const periods = [...new Set(lines.flatMap((s) => s.points.map((p) => p.figure.period)))].sort(comparePeriods);
  const first = periods.length > n ? periods[periods.length - n] : undefined;
  const recent = (p: string) => first === undefined || comparePeriods(p, first) >= 0;
  return lines
    .map((s) => {
      const points = s.points.filter((p) => recent(p.figure.period));
      // A gap only has to break the line: the first missing period of each run does (the same drawing
      // as one per missing period; a sparse series over decades had hundreds).
      const has = new Set(points.map((p) => p.figure.period));
      const all = [...has, ...s.gaps.filter(recent)].sort(comparePeriods);
      const gaps = all.filter((p, i) => !has.has(p) && i > 0 && has.has(all[i - 1]));
      return { ...s, points, gaps };
    })
    .filter((s) => s.points.length > 0)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.points.length - a.s.points.length || a.i - b.i)
    .slice(0, m)
    .map(({ s }) => s);
}

/** "quý I/2023 – quý I/2025", or the one period. */
function periodSpan(periods: string[]): string {
  const sorted = [...new Set(periods)].sort(comparePeriods);
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (first === undefined || last === undefined) return '';
  return first === last ? periodLabel(first) : `${periodLabel(first)} – ${periodLabel(last)}`;
}

export function indicatorShareSvg(site: Site, indicator: Indicator): string {
  const area = site.areasById.get(indicator.area);
  const color = areaColor(site, indicator.area);
  const permalink = absolute(urls.indicator(indicator.id));
  // Drawn at about two thirds of the box so the page's 13 px labels read at ~20 px on the card.
  const chart = indicatorChart(site, indicator, 720, 250, SHARE_PERIODS, SHARE_LINES);
  const card = chart ? chartForCard(chart.markup) : null;
  if (chart && card)
    return shareCardSvg({
      kicker: `Chỉ số · ${area?.label ?? ''}`,
      title: indicator.label,
      subtitle: `Đơn vị tính: ${indicator.unit} · ${periodSpan(chart.periods)}`,
      color,
      source: chart.source,
      permalink,
      body: chartBody(card),
    });
  // Only plan targets (or nothing yet): the latest value as text.
  const latest = indicatorSummary(site, indicator).latest;
  return shareCardSvg({
    kicker: `Chỉ số · ${area?.label ?? ''}`,
    title: indicator.label,
    subtitle: `Đơn vị tính: ${indicator.unit}${latest ? ` · ${periodLabel(latest.period)}` : ''}`,
    color,
    source: latest ? `Nguồn: ${documentTitle(byId(site.reportsById, latest.reportId, 'báo cáo').meta)}.` : 'Chưa có số liệu.',
    permalink,
    body: (box) =>
      latest
        ? text(box.x, box.y + 90, 80, formatFigure(latest), ` font-weight="700" fill="${color}"`) +
          text(box.x, box.y + 140, 26, `${latest.status === 'target' ? 'Chỉ tiêu kế hoạch' : 'Số liệu'}: ${figureWhen(latest)} · ${organizationName(site, latest.scope)}`, ` fill="${MUTED}"`)
        : '',
  });
}

/** The report page's key figures: headline indicators, totals only, one per indicator (as in KeyFigures.astro). */
export function reportKeyFigures(site: Site, reportId: string, max = 6): Figure[] {
  const report = byId(site.reportsById, reportId, 'báo cáo');
  const seen = new Set<string>();
  return report.figures
    .filter((f) => site.indicatorsById.get(f.indicator)?.headline && f.breakdown === null)
    .filter((f) => !seen.has(f.indicator) && !!seen.add(f.indicator))
    .slice(0, max);
}

export function reportShareSvg(site: Site, report: Report): string {
  const figures = reportKeyFigures(site, report.id);
  const count = site.reportsById.get(report.id)?.figures.length ?? 0;
  return shareCardSvg({
    kicker: `Văn bản · ${organizationName(site, report.issuer)} · ${count} số liệu có trích dẫn`,
    title: report.title,
    subtitle: `${periodLabel(report.period)}${report.documentNumber ? ` · số ${report.documentNumber}` : ''}${figures.length ? ' · số liệu chính' : ''}`,
    color: '#0b4f8a',
    source: `Nguồn: ${documentTitle(report)}.`,
    permalink: absolute(urls.report(report.id)),
    // Key figures as tiles: their units differ, so they share no axis (issue 12: like with like only).
    body: (box) => {
      const cols = 3;
      const rows = Math.ceil(figures.length / cols) || 1;
      const gap = 20;
      const w = (box.width - gap * (cols - 1)) / cols;
      const h = Math.min(150, (box.height - gap * (rows - 1)) / rows);
      return figures
        .map((f, i) => {
          const x = box.x + (i % cols) * (w + gap);
          const y = box.y + Math.floor(i / cols) * (h + gap);
          const label = clip(wrapLabel(figureLabel(site, f), 34), 2);
          return [
            `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="8" fill="#f3f6f9"/>`,
            text(x + 16, y + 50, 38, formatFigure(f), ` font-weight="700" fill="#0b4f8a"`),
            ...label.map((l, j) => text(x + 16, y + 80 + j * 22, 18, l, ` fill="${INK}"`)),
            h >= 140 ? text(x + 16, y + 80 + label.length * 22 + 4, 16, figureWhen(f), ` fill="${MUTED}"`) : '',
          ].join('');
        })
        .join('');
    },
  });
}

export function siteShareSvg(site: Site): string {
  return shareCardSvg({
    kicker: 'Cổng dữ liệu mở',
    title: 'Cải cách hành chính tỉnh Kon Tum qua số liệu',
    subtitle: `${site.figures.length} số liệu từ ${site.content.reports.length} văn bản, mỗi số kèm câu gốc`,
    color: '#0b4f8a',
    source: 'Nguồn: báo cáo, kế hoạch và văn bản chỉ đạo cải cách hành chính tỉnh Kon Tum.',
    permalink: absolute(urls.home()),
    body: () => '',
  });
}
