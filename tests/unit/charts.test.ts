import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChart, CHART_WIDTHS, lineChart, PLOT_CLASS, stripStyles, wrapLabel, type BarRow, type LinePoint } from '../../src/view/charts/index.ts';
import { reportAreaBars } from '../../src/view/chart-data.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

/** The chart's own svg (a chart with a legend also holds small swatch svgs). */
const svgOf = (markup: string) =>
  [...parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelectorAll('svg')].sort((a, b) => Number(b.getAttribute('width')) - Number(a.getAttribute('width')))[0] as unknown as SVGSVGElement;

describe('wrapLabel', () => {
  it.each([
    ['Hồ sơ', 20, ['Hồ sơ']],
    ['Hồ sơ đề nghị xét, công nhận sáng kiến cấp tỉnh', 20, ['Hồ sơ đề nghị xét,', 'công nhận sáng kiến', 'cấp tỉnh']],
    ['  nhiều   khoảng  trắng ', 40, ['nhiều khoảng trắng']],
    ['Một-từ-rất-dài-không-thể-ngắt', 10, ['Một-từ-rất-dài-không-thể-ngắt']],
    ['', 10, []],
  ])('%s at %i characters', (text, max, lines) => {
    expect(wrapLabel(text, max)).toEqual(lines);
  });
  it('keeps every word, in order, and no line over the limit unless one word is', () => {
    const text = 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn của các cơ quan, đơn vị trên địa bàn tỉnh Kon Tum';
    for (const max of [10, 25, 47, 90]) {
      const lines = wrapLabel(text, max);
      expect(lines.join(' ')).toBe(text);
      for (const l of lines) expect(l.length <= max || !l.includes(' ')).toBe(true);
    }
  });
});

const rows: BarRow[] = [
  { label: 'Hồ sơ đề nghị công nhận phạm vi ảnh hưởng, hiệu quả áp dụng sáng kiến cấp tỉnh', value: 18, text: '18 hồ sơ', color: '#1f5fa8' },
  { label: 'Hồ sơ sáng kiến', value: 1, text: '1 hồ sơ', color: '#1f5fa8' },
];

describe('barChart', () => {
  it('draws no bar for a value of 0, even when every value is 0', () => {
    // "Văn bản QPPL phát hiện trái pháp luật": 0 by self-check, 0 by inspection was drawn as two half-width bars.
    for (const values of [[0, 0], [0, 5]]) {
      const svg = svgOf(barChart(values.map((v, i) => ({ label: `r${i}`, value: v, text: `${v} văn bản`, color: '#1f5fa8' })), { ariaLabel: 'x', unit: 'văn bản' }));
      const widths = [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
      expect(widths, String(values)).toHaveLength(2);
      expect(widths[0], String(values)).toBe(0);
      expect(svg.textContent, String(values)).not.toContain('NaN');
    }
  });
  it('draws at the width asked, wrapping long labels on phones only', () => {
    const wide = svgOf(barChart(rows, { ariaLabel: 'x', unit: 'hồ sơ' }));
    const narrow = svgOf(barChart(rows, { ariaLabel: 'x', unit: 'hồ sơ', width: CHART_WIDTHS.narrow }));
    expect(wide.getAttribute('width')).toBe(String(CHART_WIDTHS.wide));
    expect(narrow.getAttribute('width')).toBe(String(CHART_WIDTHS.narrow));
    const labelLines = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].filter((t) => t.textContent!.startsWith('Hồ sơ đề nghị')).flatMap((t) => [...t.querySelectorAll('tspan')]).length || 1;
    expect(labelLines(wide)).toBe(1);
    expect(labelLines(narrow)).toBeGreaterThanOrEqual(2);
    // Taller rows hold the extra label line.
    expect(Number(narrow.getAttribute('height'))).toBeGreaterThan(Number(wide.getAttribute('height')));
  });
  it('two rows with the same label still get a bar each', () => {
    const same = [rows[1], { ...rows[1], value: 3, text: '3 hồ sơ' }];
    const tops = [...svgOf(barChart(same, { ariaLabel: 'x', unit: 'hồ sơ' })).querySelectorAll('rect')].map((r) => r.getAttribute('y'));
    expect(tops).toHaveLength(2);
    expect(new Set(tops).size).toBe(2);
  });
  it('a label sits above its own bar, below the bar before it', () => {
    const svg = svgOf(barChart(rows, { ariaLabel: 'x', unit: 'hồ sơ', width: CHART_WIDTHS.narrow }));
    const bars = [...svg.querySelectorAll('rect')].map((r) => ({ top: Number(r.getAttribute('y')), bottom: Number(r.getAttribute('y')) + Number(r.getAttribute('height')) }));
    expect(bars).toHaveLength(2);
    const gap = bars[1].top - bars[0].bottom;
    // Two label lines of 16 px fit between the bars.
    expect(gap).toBeGreaterThanOrEqual(2 * 16);
    expect(bars[0].top).toBeGreaterThanOrEqual(2 * 16);
  });
});

const d = (iso: string) => new Date(iso);
const points: LinePoint[] = [
  { date: d('2023-06-30'), value: 226, series: 'Huyện', text: '226 biên chế' },
  { date: d('2024-12-31'), value: 1947, series: 'Tỉnh', text: '1.947 biên chế' },
  { date: d('2025-12-31'), value: 1903, series: 'Tỉnh', text: '1.903 biên chế' },
];
const texts = (markup: string) => [...svgOf(markup).querySelectorAll('text')].map((t) => t.textContent);

describe('lineChart', () => {
  it('labels every point when wide', () => {
    const t = texts(lineChart(points, { ariaLabel: 'x' }));
    for (const p of points) expect(t).toContain(p.text);
  });
  it('on a phone with several lines, labels only the latest value of each line', () => {
    const t = texts(lineChart(points, { ariaLabel: 'x', width: CHART_WIDTHS.narrow }));
    expect(t).toContain('226 biên chế');
    expect(t).toContain('1.903 biên chế');
    expect(t).not.toContain('1.947 biên chế');
  });
  it('has no <style> element and no style attribute (CSP style-src \'self\'); Plot\'s rules are in global.css under its class', () => {
    for (const markup of [lineChart(points, { ariaLabel: 'x' }), lineChart(points, { ariaLabel: 'x', width: CHART_WIDTHS.narrow }), barChart([{ label: 'a', value: 1, text: '1', color: '#123456' }], { ariaLabel: 'b', unit: 'hồ sơ' })]) {
      const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
      expect(document.querySelectorAll('style, [style]')).toHaveLength(0);
      expect(document.querySelector(`svg.${PLOT_CLASS}[aria-label]`)).not.toBeNull();
    }
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(css).toContain(`svg.${PLOT_CLASS} {`);
    expect(stripStyles('<div style="a"><style>.a-swatches{}</style><svg style="b"><style>.a{}</style></svg></div>')).toBe('<div><svg></svg></div>');
  });
  it('leaves room for the longest y tick label', () => {
    const small = svgOf(lineChart(points.slice(1), { ariaLabel: 'x' }));
    const big = svgOf(lineChart([{ ...points[1], value: 1_003_050 }, points[2]], { ariaLabel: 'x' }));
    const left = (svg: SVGSVGElement) => Math.min(...[...svg.querySelectorAll('line, path')].map((e) => Number(e.getAttribute('x1') ?? NaN)).filter(Number.isFinite));
    expect([...big.querySelectorAll('text')].map((t) => t.textContent)).toContain('1.000.000');
    expect(left(big)).toBeGreaterThan(left(small));
  });
});

describe('reportAreaBars on the real content', () => {
  const { site } = runPipeline(process.cwd());
  it('gives every bar of a chart its own label (district figures name their district)', () => {
    for (const r of site.content.reports)
      for (const a of site.content.areas)
        for (const c of reportAreaBars(site, r.meta.id, a.id)) {
          const labels = c.rows.map((row) => row.label);
          expect(new Set(labels).size, `${r.meta.id} ${a.id}`).toBe(labels.length);
        }
    const q1 = reportAreaBars(site, 'kon-tum-2025-q1', 'chi-dao-dieu-hanh').flatMap((c) => c.rows.map((row) => row.label));
    // Units the province inspected in a district: the province's figure, labelled with the place.
    expect(q1.some((l) => l.endsWith('— Trên địa bàn huyện Đăk Hà'))).toBe(true);
  });
});

describe('lineChart with several series', () => {
  it('tells the lines apart without colour (black-and-white print, WCAG 1.4.1): each its own point shape and dash, shown in its legend swatch', () => {
    const names = ['A', 'B', 'C', 'D', 'E'];
    const pts: LinePoint[] = names.flatMap((s, i) => [1, 2, 3].map((q) => ({ date: new Date(Date.UTC(2024, q * 3, 1)), value: i * 10 + q, series: s, text: String(i * 10 + q) })));
    const doc = parseHTML(`<!doctype html><html><body>${lineChart(pts, { ariaLabel: 'x' })}</body></html>`).document;
    const chart = doc.querySelector(`svg.${PLOT_CLASS}`)!;
    // One group per line: its dash, and the shape of the marker its points use.
    const lines = [...chart.querySelectorAll('g')].filter((g) => g.querySelector(':scope > path[marker-mid]')).map((g) => {
      const path = g.querySelector(':scope > path[marker-mid]')!;
      const marker = g.querySelector(`marker#${path.getAttribute('marker-mid')!.slice(5, -1)}`)!;
      return { color: path.getAttribute('stroke'), dash: g.getAttribute('stroke-dasharray'), shape: marker.querySelector('path, circle')!.outerHTML.replace(/\s+/g, ' '), fill: marker.getAttribute('fill') };
    });
    expect(lines).toHaveLength(names.length);
    const looks = lines.map((l) => `${l.dash}|${l.shape}|${l.fill === 'var(--plot-background)'}`);
    expect(new Set(looks).size).toBe(names.length);
    // The first four differ in shape alone, too.
    expect(new Set(lines.slice(0, 4).map((l) => l.shape)).size).toBe(4);
    const swatches = [...doc.querySelectorAll('[class$="-swatch"] > svg')];
    expect(swatches).toHaveLength(names.length);
    swatches.forEach((sw, i) => {
      expect(sw.getAttribute('fill'), names[i]).toBe(lines[i].color);
      expect(sw.querySelector('line')?.getAttribute('stroke-dasharray'), names[i]).toBe(lines[i].dash);
      expect(sw.querySelector('path')?.getAttribute('d'), names[i]).toBe(lines[i].shape.match(/d="([^"]+)"/)?.[1]);
    });
  });
});
