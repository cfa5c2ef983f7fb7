// Share images (issue 12 item 4): drawn from the page's chart, carrying title, unit, period,
// source, licence and permalink; 1200×630; the same site gives the same PNG bytes.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../src/core/period.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { lineChart } from '../../src/view/charts.ts';
import { PLOT_CLASS } from '../../src/view/charts/index.ts';
import { chartForCard, indicatorChart, indicatorShareSvg, recentSeries, reportKeyFigures, reportShareSvg, SHARE_HEIGHT, SHARE_LINES, SHARE_PERIODS, SHARE_WIDTH } from '../../src/view/share-image.ts';
import type { Series } from '../../src/core/model.ts';
import { formatFigure } from '../../src/core/format.ts';

const { site } = runPipeline(process.cwd());
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`).filter((f) => existsSync(f));
const render = (svg: string) => new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: FONTS.length === 0, defaultFontFamily: 'DejaVu Sans' } }).render();
/** SVG text as a reader sees it (entities decoded). */
const plain = (svg: string) => svg.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

describe('chartForCard', () => {
  // Two lines of two points each; the first line's name and the chart's aria-label vary by case.
  const twoLines = (first: string, ariaLabel: string) => {
    const d = (m: number) => new Date(Date.UTC(2024, m, 1));
    return lineChart(
      [
        { date: d(0), value: 1, series: first, text: '1' },
        { date: d(3), value: 2, series: first, text: '2' },
        { date: d(0), value: 3, series: 'Cấp huyện', text: '3' },
        { date: d(3), value: 4, series: 'Cấp huyện', text: '4' },
      ],
      { ariaLabel },
    );
  };
  it.each([
    ['plain labels', 'Cấp tỉnh', 'x'],
    // A build crash in resvg before (session 7 adversarial pass): ">" in the aria-label hid the Plot SVG, and
    // legend labels came out double-escaped.
    ['"<", ">", "&" and quotes in labels', 'Cấp tỉnh <1> & "x"', 'Hồ sơ trễ hạn (> 3 ngày, < 5 ngày)'],
  ])('keeps the Plot SVG and turns its HTML legend into colour/label pairs: %s', (_name, first, ariaLabel) => {
    const markup = twoLines(first, ariaLabel);
    expect(markup.startsWith('<figure')).toBe(true);
    const chart = chartForCard(markup);
    expect(chart?.svg.startsWith('<svg')).toBe(true);
    expect(chart?.svg.endsWith('</svg>')).toBe(true);
    expect(chart?.legend.map((l) => l.label)).toEqual([first, 'Cấp huyện']);
    for (const l of chart?.legend ?? []) expect(l.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(chart?.svg).toMatch(new RegExp(`^<svg[^]*?class="${PLOT_CLASS}"`));
  });
});

describe('recentSeries (what an indicator card draws)', () => {
  // Only the fields recentSeries reads: a line's key, its points' periods and its missing periods.
  const line = (key: string, periods: string[], gaps: string[] = []) => ({ key, points: periods.map((period) => ({ figure: { period } })), gaps }) as unknown as Series;
  const shape = (xs: Series[]) => xs.map((s) => `${s.key}: ${s.points.map((p) => p.figure.period).join(',')}${s.gaps.length ? ` | ${s.gaps.join(',')}` : ''}`);
  const q = (y: number, n: number) => `${y}-Q${n}`;
  it.each([
    ['fewer periods than the cap: unchanged', [line('a', [q(2024, 1), q(2024, 2)])], 12, 6, ['a: 2024-Q1,2024-Q2']],
    ['the latest n periods across lines', [line('a', [q(2023, 4), q(2024, 1), q(2024, 2)]), line('b', [q(2024, 2), q(2024, 3)])], 2, 6, ['b: 2024-Q2,2024-Q3', 'a: 2024-Q2']],
    ['a line with no point left is dropped', [line('a', [q(2020, 1), q(2020, 2)]), line('b', [q(2024, 1), q(2024, 2)])], 2, 6, ['b: 2024-Q1,2024-Q2']],
    ['at most m lines, most points first, else the given order', [line('a', [q(2024, 2)]), line('b', [q(2024, 1), q(2024, 2)]), line('c', [q(2024, 2)])], 12, 2, ['b: 2024-Q1,2024-Q2', 'a: 2024-Q2']],
    ['a run of missing periods kept as its first one (the line still breaks there)', [line('a', [q(2023, 1), q(2024, 1)], [q(2023, 2), q(2023, 3), q(2023, 4)])], 12, 6, ['a: 2023-Q1,2024-Q1 | 2023-Q2']],
    ['gaps before the drawn span go with it', [line('a', [q(2022, 1), q(2023, 1), q(2024, 1)], [q(2022, 2), q(2023, 2)])], 2, 6, ['a: 2023-Q1,2024-Q1 | 2023-Q2']],
  ] as const)('%s', (_name, lines, n, m, want) => expect(shape(recentSeries([...lines], n, m))).toEqual(want));
});

describe('indicator share images', () => {
  const charted = site.content.indicators.map((i) => ({ i, chart: indicatorChart(site, i, 720, 250) })).filter((x) => x.chart);
  it('exist for indicators with a chart', () => expect(charted.length).toBeGreaterThan(0));

  it.each(charted.map(({ i }) => [i.id, i] as const))('%s: the page chart with title, unit, period, source, licence and permalink', (_id, indicator) => {
    const svg = indicatorShareSvg(site, indicator);
    const chart = indicatorChart(site, indicator, 720, 250, SHARE_PERIODS, SHARE_LINES);
    if (!chart) throw new Error('no chart');
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}"`));
    const t = plain(svg);
    // The chart's own drawing is nested in the card: same value labels as on the page.
    expect(svg.match(/<svg\b/g)?.length).toBeGreaterThanOrEqual(2);
    const labels = [...(chartForCard(chart.markup)?.svg ?? '').matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    for (const l of labels) expect(svg).toContain(`>${l}<`);
    expect(t).toContain(indicator.label.slice(0, 30));
    expect(t).toContain(`Đơn vị tính: ${indicator.unit}`);
    for (const p of [chart.periods[0], chart.periods.at(-1) ?? '']) expect(t).toContain(periodLabel(p).slice(0, 8));
    expect(t).toContain('Nguồn: ');
    expect(t).toContain('CC BY 4.0');
    expect(t).toContain(absolute(urls.indicator(indicator.id)));
  });

  it('renders to a 1200×630 PNG that is not blank, byte-identical on a second render', () => {
    const svg = indicatorShareSvg(site, charted[0].i);
    const a = render(svg);
    expect([a.width, a.height]).toEqual([SHARE_WIDTH, SHARE_HEIGHT]);
    const px = a.pixels;
    let ink = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) ink++;
    expect(ink / (px.length / 4)).toBeGreaterThan(0.01);
    expect(Buffer.from(render(svg).asPng()).equals(Buffer.from(a.asPng()))).toBe(true);
  });
});

describe('report share images', () => {
  it.each(site.content.reports.map((r) => [r.meta.id, r.meta] as const))('%s: its key figures, document, source, licence and permalink', (id, meta) => {
    const svg = reportShareSvg(site, meta);
    const t = plain(svg);
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}"`));
    for (const f of reportKeyFigures(site, id)) expect(t).toContain(`>${formatFigure(f)}<`);
    if (meta.documentNumber) expect(t).toContain(meta.documentNumber);
    expect(t).toContain('CC BY 4.0');
    expect(t).toContain(absolute(urls.report(id)));
  });
  it('renders to 1200×630', () => {
    const png = render(reportShareSvg(site, site.content.reports[0].meta));
    expect([png.width, png.height]).toEqual([SHARE_WIDTH, SHARE_HEIGHT]);
  });
});
