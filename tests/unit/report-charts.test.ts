// A part-of-whole chart only for parts that partition a whole; other breakdowns are compared as bars.
import { describe, expect, it } from 'vitest';
import { csv, fixtureFiles } from '../fixtures/content.ts';
import { loadContent, memoryReader } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { reportIndicatorCharts } from '../../src/view/chart-data.ts';

const SOURCE = `BÁO CÁO THỬ
Kiểm tra 12 đơn vị, trong đó cấp tỉnh 5 đơn vị, cấp huyện 7 đơn vị.
Có 9 lĩnh vực cấp tỉnh và 6 lĩnh vực cấp huyện.
`;
const row = (id: string, value: string, breakdown: string, quote: string) =>
  ({ id, indicator: 'don-vi-kiem-tra', scope: 'tinh', breakdown, period: '2024-Q3', value, unit: 'đơn vị', section: 'I', quote });

function chartsOf(rows: Record<string, string>[], sumsToTotal: boolean) {
  const base = fixtureFiles();
  const indicators = JSON.parse(base['data/indicators.json']).map((i: { id: string }) => (i.id === 'don-vi-kiem-tra' && sumsToTotal ? { ...i, breakdownsSumToTotal: true } : i));
  const files = fixtureFiles({
    'data/breakdowns.json': JSON.stringify([{ id: 'cap-tinh', label: 'Cấp tỉnh', labelEn: 'Provincial' }, { id: 'cap-huyen', label: 'Cấp huyện', labelEn: 'District' }]),
    'data/indicators.json': JSON.stringify(indicators),
    'content/reports/bc-thu/source.txt': SOURCE,
    'content/reports/bc-thu/figures.csv': csv(rows),
  });
  const { content, issues } = validateContent(loadContent(memoryReader(files)));
  expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  return reportIndicatorCharts(deriveSite(content, issues), 'bc-thu', 'chi-dao-dieu-hanh');
}

const tinh = row('cap-tinh', '5', 'cap-tinh', 'cấp tỉnh 5 đơn vị');
const huyen = row('cap-huyen', '7', 'cap-huyen', 'cấp huyện 7 đơn vị');

describe('report charts: parts only when they partition a whole', () => {
  it('stacks parts that add up exactly to the printed total', () => {
    const charts = chartsOf([row('tong', '12', '', 'Kiểm tra 12 đơn vị'), tinh, huyen], false);
    expect(charts.map((c) => c.kind)).toEqual(['parts']);
  });
  it('compares as bars parts that exceed the printed total (overlapping breakdowns)', () => {
    const over = row('cap-huyen', '9', 'cap-huyen', '9 lĩnh vực cấp tỉnh');
    const charts = chartsOf([row('tong', '12', '', 'Kiểm tra 12 đơn vị'), tinh, over], false);
    expect(charts.map((c) => c.kind)).toEqual(['bars']);
    expect(charts[0].total?.value).toBe(12);
  });
  it('stacks declared parts against their printed total even when they do not add up (the mismatch shows)', () => {
    const over = row('cap-huyen', '9', 'cap-huyen', '9 lĩnh vực cấp tỉnh');
    expect(chartsOf([row('tong', '12', '', 'Kiểm tra 12 đơn vị'), tinh, over], true).map((c) => c.kind)).toEqual(['parts']);
  });
  it('compares as bars breakdowns with no printed total, even when the catalogue says they add up', () => {
    // A stack would show a whole the report never printed (Tu Mơ Rông's 262 + 120 procedures, which both count
    // the same 22 inter-level procedures).
    expect(chartsOf([tinh, huyen], false).map((c) => c.kind)).toEqual(['bars']);
    expect(chartsOf([tinh, huyen], true).map((c) => c.kind)).toEqual(['bars']);
  });
});
