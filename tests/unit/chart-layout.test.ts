// Chart text layout (src/view/charts/layout.ts and the line/bar layouts built on it): which ticks and
// labels are drawn so that none touch at the chart's width; the data table keeps every value.
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, textWidth, thinTicks, type Box } from '../../src/view/charts/layout.ts';
import { lineLayout, type LinePoint } from '../../src/view/charts/line/index.ts';
import { barLayout } from '../../src/view/charts/bars/index.ts';
import { CHART_WIDTHS, wrapLabel } from '../../src/view/charts/index.ts';

const ticks = (xs: number[], label = 'Q1/2025') => xs.map((x) => ({ x, label }));

describe('thinTicks', () => {
  const w = textWidth('Q1/2025'); // 53.2 px
  it.each([
    ['one tick', [0], [0]],
    ['far apart: all kept', [0, 100, 200, 300], [0, 100, 200, 300]],
    ['exactly label width + gap apart: all kept', [0, w + 8, 2 * (w + 8)], [0, w + 8, 2 * (w + 8)]],
    ['half as far: every second, counted back from the last', [0, 35, 70, 105, 140], [0, 70, 140]],
    ['an even count keeps the last, not the first', [0, 35, 70, 105], [35, 105]],
    ['crowded: every third', [0, 25, 50, 75, 100, 125, 150], [0, 75, 150]],
    ['two on one spot: the last only', [50, 50], [50]],
  ])('%s', (_name, xs, kept) => {
    expect(thinTicks(ticks(xs)).map((t) => t.x)).toEqual(kept);
  });
  it('no two kept labels touch, whatever the spacing', () => {
    for (const step of [5, 13, 29, 47, 61, 90]) {
      const kept = thinTicks(ticks(Array.from({ length: 20 }, (_, i) => i * step)));
      expect(kept.at(-1)!.x).toBe(19 * step);
      for (let i = 1; i < kept.length; i++) expect(kept[i].x - kept[i - 1].x).toBeGreaterThanOrEqual(w + 8);
    }
  });
  it('a long label ("Q4/2024 · 2024") needs more room than a short one', () => {
    const xs = [0, 70, 140];
    expect(thinTicks(xs.map((x) => ({ x, label: 'Q4/2024' })))).toHaveLength(3);
    expect(thinTicks(xs.map((x) => ({ x, label: 'Q4/2024 · 2024' })))).toHaveLength(2);
  });
});

describe('labelBox and placeLabels', () => {
  const bounds: Box = { left: 0, top: 0, right: 300, bottom: 200 };
  it.each([
    ['start', 10, 10, 10 + textWidth('abc')],
    ['middle', 100, 100 - textWidth('abc') / 2, 100 + textWidth('abc') / 2],
    ['end', 290, 290 - textWidth('abc'), 290],
  ] as const)('anchor %s at x=%i', (anchor, x, left, right) => {
    const b = labelBox(x, 50, 'abc', anchor);
    expect(b.left).toBeCloseTo(left);
    expect(b.right).toBeCloseTo(right);
    expect(b.top).toBe(50 - 6.5);
    expect(b.bottom).toBe(50 + 6.5);
  });
  it.each([
    ['apart: both kept', [labelBox(10, 20, 'một', 'start'), labelBox(10, 60, 'hai', 'start')], [true, true]],
    ['on top of each other: the first kept', [labelBox(10, 20, 'một', 'start'), labelBox(20, 22, 'hai', 'start')], [true, false]],
    ['closer than the padding: the second dropped', [labelBox(10, 20, 'một', 'start'), labelBox(10, 20 + 13 + 1, 'hai', 'start')], [true, false]],
    ['past the right edge: dropped', [labelBox(290, 20, 'một', 'start')], [false]],
    ['a dropped label does not block a later one', [labelBox(290, 20, 'một', 'start'), labelBox(200, 20, 'hai', 'start')], [false, true]],
  ])('%s', (_name, boxes, kept) => {
    expect(placeLabels(boxes, bounds)).toEqual(kept);
  });
});

describe('wrapLabel with hard breaks', () => {
  it.each([
    ['Hồsơ' + 'x'.repeat(20), 10, ['Hồsơxxxxxx', 'xxxxxxxxxx', 'xxxx']],
    ['a ' + 'b'.repeat(12), 5, ['a', 'bbbbb', 'bbbbb', 'bb']],
    ['ngắn thôi', 20, ['ngắn thôi']],
  ])('%s at %i characters', (text, max, lines) => {
    expect(wrapLabel(text, max, true)).toEqual(lines);
    for (const l of wrapLabel(text, max, true)) expect([...l].length).toBeLessThanOrEqual(max);
  });
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const quarterEnds = ['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'];
const label = (iso: string) => `Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}/${iso.slice(0, 4)}`;

describe('lineLayout', () => {
  const series = (name: string, values: number[]): LinePoint[] => values.map((v, i) => ({ date: d(quarterEnds[i]), value: v, series: name, text: Number.isFinite(v) ? `${v} hồ sơ` : '' }));
  const xTicks = quarterEnds.map((iso) => ({ date: d(iso), label: label(iso) }));

  it.each([
    [CHART_WIDTHS.narrow, 2, 4],
    [CHART_WIDTHS.wide, 5, 12],
  ])('at %i px twelve quarterly ticks thin to between %i and %i labels, the latest kept', (width, min, max) => {
    const l = lineLayout(series('A', quarterEnds.map((_, i) => 100 + i)), { width, height: 240, xTicks });
    expect(l.xTicks.length).toBeGreaterThanOrEqual(min);
    expect(l.xTicks.length).toBeLessThanOrEqual(max);
    expect(l.xTicks.at(-1)!.label).toBe('Q4/2023');
  });

  it('two lines ending at the same value on a phone: one latest label drawn, not two on top of each other', () => {
    const points = [...series('A', [10, 20, 30]), ...series('B', [11, 21, 30])];
    const l = lineLayout(points, { width: CHART_WIDTHS.narrow, height: 240, xTicks: xTicks.slice(0, 3) });
    expect(l.labels).toHaveLength(1);
    expect(l.labels[0].anchor).toBe('end');
  });

  it('wide, distinct values: every point labelled; first at start, last at end', () => {
    const l = lineLayout(series('A', [10, 500, 1000]), { width: CHART_WIDTHS.wide, height: 300, xTicks: xTicks.slice(0, 3) });
    expect(l.labels.map((p) => p.anchor)).toEqual(['start', 'middle', 'end']);
  });

  it('a missing period keeps its dashed rule; its label is drawn where it fits', () => {
    const points = series('A', [10, NaN, 12]);
    const wide = lineLayout(points, { width: CHART_WIDTHS.wide, height: 300, xTicks: xTicks.slice(0, 3) });
    expect(wide.gaps).toHaveLength(1);
    expect(wide.gaps[0].labelled).toBe(true);
    // Nine missing quarters side by side on a phone: each keeps its rule, not every one its label.
    const crowded = lineLayout(series('A', [10, ...Array(9).fill(NaN), 12]), { width: CHART_WIDTHS.narrow, height: 240, xTicks: xTicks.slice(0, 11) });
    expect(crowded.gaps).toHaveLength(9);
    expect(crowded.gaps.filter((g) => g.labelled).length).toBeGreaterThanOrEqual(1);
    expect(crowded.gaps.filter((g) => g.labelled).length).toBeLessThan(9);
  });

  it('x ticks stay clear of the y axis labels and the right edge: insets of half a tick label', () => {
    const l = lineLayout(series('A', [10, 12]), { width: CHART_WIDTHS.narrow, height: 240, xTicks: xTicks.slice(0, 2) });
    expect(l.insetLeft).toBeGreaterThanOrEqual(textWidth('Q1/2021') / 2);
    expect(l.insetRight).toBeGreaterThanOrEqual(textWidth('Q2/2021') / 2);
  });
});

describe('barLayout', () => {
  const row = (value: number, text: string) => ({ label: 'x', value, text, color: '#000' });
  it.each([
    ['short values: the minimum margin', [row(5, '5')], 40],
    ['a long printed value gets room after its bar', [row(1_279_096, '1.279.096 triệu đồng')], Math.ceil(textWidth('1.279.096 triệu đồng', 13, true)) + 8],
  ])('%s', (_name, rows, margin) => {
    expect(barLayout(rows, CHART_WIDTHS.narrow).marginRight).toBe(margin);
  });
  it('a printed value longer than the chart leaves the bars 40 % of the width', () => {
    expect(barLayout([row(1, 'x'.repeat(80))], CHART_WIDTHS.narrow).marginRight).toBe(CHART_WIDTHS.narrow * 0.6);
  });
  it.each([CHART_WIDTHS.narrow, CHART_WIDTHS.wide])('at %i px the tick labels never touch and the domain covers every value', (width) => {
    for (const max of [7, 98.7, 1_279_096, 67_628]) {
      const l = barLayout([row(max, String(max)), row(max / 3, 'a')], width);
      expect(l.domain[0]).toBeLessThanOrEqual(0);
      expect(l.domain[1]).toBeGreaterThanOrEqual(max);
      expect(l.ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('a fixed domain (percentages) is kept as given', () => {
    expect(barLayout([row(98.7, '98,7%')], CHART_WIDTHS.narrow, [0, 100]).domain).toEqual([0, 100]);
  });
});
