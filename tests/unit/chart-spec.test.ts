// ChartSpec: a chart is a pure function of a typed spec to SVG, text alternative and table;
// each type is one folder under src/view/charts/, registered once in CHART_TYPES.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  barChart,
  CHART_TYPES,
  chartFigure,
  chartSummary,
  chartTable,
  lineChart,
  partsChart,
  renderChart,
  type BarRow,
  type ChartSpec,
  type LinePoint,
} from '../../src/view/charts/index.ts';

const rows: BarRow[] = [
  { label: 'Huyện A', value: 120, text: '120 hồ sơ', color: '#b3541e' },
  { label: 'Huyện B', value: 80, text: '80 hồ sơ', color: '#b3541e' },
];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const points: LinePoint[] = [
  { date: day('2024-03-31'), value: 10, series: 'Tỉnh', text: '10' },
  { date: day('2024-06-30'), value: Number.NaN, series: 'Tỉnh', text: '' },
  { date: day('2024-09-30'), value: 30, series: 'Tỉnh', text: '30' },
  { date: day('2024-09-30'), value: 5, series: 'Huyện A', text: '5' },
];

// Plot numbers its line markers with a process-wide counter: compare drawings without it.
const same = (svg: string) => svg.replace(/plot-marker-\d+/g, 'plot-marker-N');

const specs: Record<keyof typeof CHART_TYPES, ChartSpec> = {
  bars: { type: 'bars', rows, ariaLabel: 'Cột', unit: 'hồ sơ', firstColumn: 'Phạm vi' },
  line: { type: 'line', points, ariaLabel: 'Đường', color: '#123456' },
  parts: { type: 'parts', parts: rows, ariaLabel: 'Phần', unit: 'hồ sơ', firstColumn: 'Thành phần', total: { value: 210, text: '210 hồ sơ' } },
  sparkline: { type: 'sparkline', points, ariaLabel: 'Diễn biến', color: '#123456' },
};

describe('ChartSpec registry', () => {
  it('has one folder per registered type and registers every folder', () => {
    const dir = resolve(import.meta.dirname, '../../src/view/charts');
    const folders = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
    expect(folders).toEqual(Object.keys(CHART_TYPES).sort());
  });

  it.each(Object.entries(specs))('%s: draws an svg, a sentence and a table with a row per datum', (name, spec) => {
    expect(spec.type).toBe(name);
    const svg = renderChart(spec, 340);
    expect(svg).toMatch(/^<(svg|figure)\b/);
    expect(svg).toContain('</svg>');
    expect(svg).not.toMatch(/style=|<style>/);
    expect(same(renderChart(spec, 340))).toBe(same(svg));
    expect(chartSummary(spec).length).toBeGreaterThan(0);
    const table = chartTable(spec);
    expect(table.rows.every((r) => r.length === table.columns.length)).toBe(true);
  });
});

describe('each type renders what its function renders (output unchanged by the spec)', () => {
  it('bars', () => {
    expect(renderChart(specs.bars, 640)).toBe(barChart(rows, { ariaLabel: 'Cột', unit: 'hồ sơ', width: 640 }));
    expect(renderChart({ ...specs.bars, domain: [0, 100] } as ChartSpec, 340)).toBe(barChart(rows, { ariaLabel: 'Cột', unit: 'hồ sơ', domain: [0, 100], width: 340 }));
  });
  it('line and sparkline', () => {
    expect(same(renderChart(specs.line, 640))).toBe(same(lineChart(points, { ariaLabel: 'Đường', color: '#123456', width: 640 })));
    expect(renderChart(specs.sparkline)).toBe(lineChart(points, { ariaLabel: 'Diễn biến', color: '#123456', spark: true }));
  });
  it('parts', () => {
    expect(renderChart(specs.parts, 340)).toBe(partsChart(rows, { ariaLabel: 'Phần', total: { value: 210, text: '210 hồ sơ' }, width: 340 }));
  });
});

describe('text alternative and table', () => {
  it('bars: every bar as "label: value", one table row per bar', () => {
    expect(chartSummary(specs.bars)).toBe('Huyện A: 120 hồ sơ; Huyện B: 80 hồ sơ');
    expect(chartTable(specs.bars)).toEqual({ columns: ['Phạm vi', 'Giá trị (hồ sơ)'], rows: [['Huyện A', '120 hồ sơ'], ['Huyện B', '80 hồ sơ']] });
  });

  it('parts: the printed total is the last table row and ends the sentence', () => {
    expect(chartTable(specs.parts).rows.at(-1)).toEqual(['Tổng (số in)', '210 hồ sơ']);
    expect(chartSummary(specs.parts)).toMatch(/; tổng: 210 hồ sơ$/);
  });

  it('line: a row per date; a gap says so, a series without that date shows a dash', () => {
    const t = chartTable(specs.line);
    expect(t.columns).toEqual(['Kỳ', 'Tỉnh', 'Huyện A']);
    expect(t.rows).toEqual([
      ['2024-03-31', '10', '—'],
      ['2024-06-30', 'không có số liệu', '—'],
      ['2024-09-30', '30', '5'],
    ]);
    expect(chartSummary(specs.line)).toBe('Tỉnh: 10, 30; Huyện A: 5');
  });

  it('a caller’s own sentence and table win over the defaults', () => {
    const spec: ChartSpec = { ...specs.line, type: 'line', points, ariaLabel: 'Đường', summary: 'Câu riêng.', table: { columns: ['x'], rows: [['y']] } };
    expect(chartSummary(spec)).toBe('Câu riêng.');
    expect(chartTable(spec)).toEqual({ columns: ['x'], rows: [['y']] });
  });
});

describe('chartFigure', () => {
  it('binds the spec: Chart.astro draws it at each width, with its summary and table', () => {
    const fig = chartFigure(specs.bars, { id: 'bieu-do', title: 'Hồ sơ', source: 'Nguồn: thử.' });
    expect(same(fig.render(640))).toBe(same(renderChart(specs.bars, 640)));
    expect(fig.render(340)).toBe(renderChart(specs.bars, 340));
    expect(fig.summary).toBe(chartSummary(specs.bars));
    expect({ columns: fig.columns, rows: fig.rows }).toEqual(chartTable(specs.bars));
    expect(fig).toMatchObject({ id: 'bieu-do', title: 'Hồ sơ', source: 'Nguồn: thử.' });
  });
});
