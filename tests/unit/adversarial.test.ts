// Hostile content that `npm run validate` accepted or that broke the build (session 7 adversarial
// pass): each case failed before its fix. In-memory fixtures only; the wider bad-content corpus
// is tests/fuzz/.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { lineChart, PLOT_CLASS } from '../../src/view/charts/index.ts';
import { chartForCard, indicatorShareSvg } from '../../src/view/share-image.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';

const R = 'content/reports/bc-thu/report.json';
const F = 'content/reports/bc-thu/figures.csv';
const S = 'content/reports/bc-thu/source.txt';
const I = 'data/indicators.json';
const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));
const errors = (files: Record<string, string | Uint8Array | null>) => run(files).issues.filter((i) => i.level === 'error');
const base = fixtureFiles();
const json = (path: string) => JSON.parse(base[path]);

describe('share images: labels with "<", ">" or "&" (a build crash in resvg before)', () => {
  it('chartForCard finds the Plot SVG when its aria-label holds ">" and decodes legend labels', () => {
    const d = (m: number) => new Date(Date.UTC(2024, m, 1));
    const markup = lineChart(
      [
        { date: d(0), value: 1, series: 'Cấp tỉnh <1> & "x"', text: '1' },
        { date: d(3), value: 2, series: 'Cấp tỉnh <1> & "x"', text: '2' },
        { date: d(0), value: 3, series: 'Cấp huyện', text: '3' },
        { date: d(3), value: 4, series: 'Cấp huyện', text: '4' },
      ],
      { ariaLabel: 'Hồ sơ trễ hạn (> 3 ngày, < 5 ngày)' },
    );
    const chart = chartForCard(markup);
    expect(chart?.svg).toMatch(new RegExp(`^<svg[^]*?class="${PLOT_CLASS}"`));
    expect(chart?.legend.map((l) => l.label)).toEqual(['Cấp tỉnh <1> & "x"', 'Cấp huyện']);
  });

  it('an indicator card whose label holds "<" and ">" is well-formed SVG', () => {
    const indicators = json(I).map((i: { id: string; label: string }) => (i.id === 'ho-so-tiep-nhan' ? { ...i, label: 'Hồ sơ (> 3 ngày, < 5 ngày) & "khác"' } : i));
    const files = {
      [I]: JSON.stringify(indicators, null, 2),
      [S]: `${SOURCE}Quý II tiếp nhận 60.000 hồ sơ.\n`,
      [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, id: 'q2', indicator: 'ho-so-tiep-nhan', period: '2024-Q2', value: '60000', quote: 'Quý II tiếp nhận 60.000 hồ sơ' })]),
    };
    const { content, issues } = run(files);
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    const site = deriveSite(content, issues);
    const svg = indicatorShareSvg(site, site.indicatorsById.get('ho-so-tiep-nhan')!);
    expect(() => new Resvg(svg)).not.toThrow();
  });
});
