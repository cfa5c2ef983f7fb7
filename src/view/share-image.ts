// Share images (OpenGraph/Twitter cards, 1200×630) as SVG: title, the latest value with its
// period and scope, a sparkline of the main series, source and licence. Rendered to PNG at
// build time (src/pages/chia-se/[...path].ts, @resvg/resvg-js) with a bundled system font.
import type { Site } from '../pipeline/derive.ts';
import type { Indicator, Report } from '../core/schema.ts';
import { periodLabel } from '../core/period.ts';
import { formatFigure } from '../core/format.ts';
import { organizationName } from '../core/labels.ts';
import { wrapLabel } from './charts/index.ts';
import { indicatorSummary } from './indicator-page.ts';
import { documentTitle } from './citation.ts';

export const shareImages = {
  site: () => '/chia-se/trang.png',
  indicator: (id: string) => `/chia-se/chi-so/${id}.png`,
  report: (id: string) => `/chia-se/bao-cao/${id}.png`,
};

const W = 1200;
const H = 630;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Card {
  kicker: string;
  title: string;
  value?: string;
  valueNote?: string;
  spark?: number[];
  color: string;
  footer: string;
}

export function shareCardSvg(card: Card): string {
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`, `<rect width="${W}" height="14" fill="${card.color}"/>`);
  parts.push(`<text x="64" y="84" font-size="28" fill="#4d5761">${esc(card.kicker)}</text>`);
  const title = wrapLabel(card.title, 42).slice(0, 3);
  title.forEach((l, i) => parts.push(`<text x="64" y="${150 + i * 58}" font-size="48" font-weight="700" fill="#1b1f24">${esc(l)}</text>`));
  let y = 150 + title.length * 58 + 40;
  if (card.value) {
    parts.push(`<text x="64" y="${y + 70}" font-size="88" font-weight="700" fill="${card.color}">${esc(card.value)}</text>`);
    if (card.valueNote) parts.push(`<text x="64" y="${y + 118}" font-size="28" fill="#4d5761">${esc(card.valueNote)}</text>`);
    y += 130;
  }
  if (card.spark && card.spark.length >= 2) {
    const [x0, x1, y0, y1] = [760, 1136, 470, 330];
    const max = Math.max(...card.spark);
    const min = Math.min(0, ...card.spark);
    const pts = card.spark.map((v, i) => `${(x0 + ((x1 - x0) * i) / (card.spark!.length - 1)).toFixed(1)},${(y0 + ((y1 - y0) * (v - min)) / (max - min || 1)).toFixed(1)}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${card.color}" stroke-width="6" stroke-linejoin="round"/>`);
    const last = pts.at(-1)!.split(',');
    parts.push(`<circle cx="${last[0]}" cy="${last[1]}" r="10" fill="${card.color}"/>`);
  }
  const foot = wrapLabel(card.footer, 80).slice(0, 2);
  foot.forEach((l, i) => parts.push(`<text x="64" y="${H - 70 + i * 30}" font-size="22" fill="#4d5761">${esc(l)}</text>`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Noto Sans, sans-serif">${parts.join('')}</svg>`;
}

export function indicatorShareSvg(site: Site, indicator: Indicator): string {
  const summary = indicatorSummary(site, indicator);
  const area = site.content.areas.find((a) => a.id === indicator.area);
  const latest = summary.latest;
  return shareCardSvg({
    kicker: `Chỉ số · ${area?.label ?? ''}`,
    title: indicator.label,
    value: latest ? formatFigure(latest) : undefined,
    valueNote: latest ? `${summary.latestIsTarget ? 'Kế hoạch' : 'Mới nhất'}: ${periodLabel(latest.period)} · ${organizationName(site, latest.scope)}` : undefined,
    spark: summary.spark?.map((p) => p.value),
    color: area?.color ?? '#0b4f8a',
    footer: latest ? `Nguồn: ${documentTitle(site.reportsById.get(latest.reportId)!.meta)} · CC BY 4.0 · Dữ liệu CCHC Kon Tum` : 'Dữ liệu CCHC Kon Tum · CC BY 4.0',
  });
}

export function reportShareSvg(site: Site, report: Report): string {
  const figures = site.reportsById.get(report.id)?.figures.length ?? 0;
  return shareCardSvg({
    kicker: `Văn bản · ${periodLabel(report.period)} · ${figures} số liệu có trích dẫn`,
    title: report.title,
    color: '#0b4f8a',
    footer: `${organizationName(site, report.issuer)}${report.documentNumber ? ` · số ${report.documentNumber}` : ''} · Dữ liệu CCHC Kon Tum · CC BY 4.0`,
  });
}

export function siteShareSvg(site: Site): string {
  return shareCardSvg({
    kicker: 'Cổng dữ liệu mở',
    title: 'Cải cách hành chính tỉnh Kon Tum qua số liệu',
    value: `${site.figures.length} số liệu`,
    valueNote: `từ ${site.content.reports.length} văn bản, mỗi số kèm câu gốc`,
    color: '#0b4f8a',
    footer: 'Dữ liệu CCHC Kon Tum · CC BY 4.0',
  });
}
