// One view-model per route (src/view/pages/*), checked on the in-memory fixture: the page
// templates only lay out what these return, so what a page says is decided here.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { indicatorPage, indicatorPaths } from '../../src/view/pages/indicator.ts';
import { homePage } from '../../src/view/pages/home.ts';
import { reportsPage } from '../../src/view/pages/reports.ts';
import { reportPage } from '../../src/view/pages/report.ts';
import { csv, fixtureReader } from '../fixtures/content.ts';

// A second quarter, so "ho-so-tiep-nhan" has a two-point series (a line chart).
const Q4 = { scope: 'tinh', period: '2024-Q4', unit: 'hồ sơ', section: 'II' };
const secondReport = {
  'content/reports/bc-q4/report.json': JSON.stringify({
    id: 'bc-q4', kind: 'quarterly-report', title: 'Báo cáo "thử" quý IV/2024', issuer: 'tinh', scope: 'tinh', period: '2024-Q4',
    documentNumber: null, date: null, sourceFile: 'source.txt', summary: 'Quý IV.',
  }),
  'content/reports/bc-q4/source.txt': 'II. KẾT QUẢ\nToàn tỉnh tiếp nhận 70.001 hồ sơ.\n',
  'content/reports/bc-q4/figures.csv': csv([{ ...Q4, id: 'tiep-nhan', indicator: 'ho-so-tiep-nhan', value: '70001', quote: 'tiếp nhận 70.001 hồ sơ' }]),
};
function site(overrides: Record<string, string> = {}) {
  const { content, issues } = validateContent(loadContent(fixtureReader(overrides)));
  expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  return deriveSite(content, issues);
}
const one = site();
const two = site(secondReport);

describe('indicatorPage', () => {
  it('lists one path per indicator', () => {
    expect(indicatorPaths(one).map((p) => p.params.id)).toEqual(one.content.indicators.map((i) => i.id));
  });

  it('fills the head: title, breadcrumbs through the area, share image and JSON-LD', () => {
    const m = indicatorPage(one, 'ho-so-tiep-nhan');
    expect(m.head.title).toBe('Hồ sơ tiếp nhận');
    expect(m.head.breadcrumbs).toEqual([
      { label: 'Chỉ số', href: urls.indicators() },
      { label: 'Cải cách TTHC', href: urls.area('thu-tuc-hanh-chinh') },
      { label: 'Hồ sơ tiếp nhận' },
    ]);
    expect(m.head.image).toContain('ho-so-tiep-nhan');
    expect(m.head.jsonLd).toMatchObject({ '@type': expect.anything() });
  });

  it('one period only: bars, no line chart, and the latest value with its period and scope', () => {
    const m = indicatorPage(one, 'ho-so-tiep-nhan');
    expect(m.mode).toBe('bar');
    expect(m.lineChart).toBeNull();
    expect(m.barChart?.id).toBe('bieu-do-ho-so-tiep-nhan');
    expect(m.barChart?.open).toBe(true);
    expect(m.barChart?.render(340)).toContain('<svg');
    expect(m.latest).toEqual({ value: 67628, text: '67.628 hồ sơ', meta: expect.stringMatching(/^mới nhất, .*quý III\/2024.* · Tỉnh$/) });
  });

  it('two periods: a line chart with a row per period and the CSV link of the downloads', () => {
    const m = indicatorPage(two, 'ho-so-tiep-nhan');
    expect(m.mode).toBe('line');
    expect(m.barChart).toBeNull();
    const chart = m.lineChart!;
    expect(chart.rows.map((r) => r[0])).toEqual(['quý III/2024', 'quý IV/2024']);
    expect(chart.source).toContain('Báo cáo thử quý III/2024');
    expect(chart.csvHref).toBe(m.downloads.find((d) => d.label.startsWith('CSV'))?.href);
    expect(chart.render(640)).toContain('<svg');
    expect(m.rows.map((r) => r.figure.period)).toEqual(['2024-Q4', '2024-Q3']);
  });

  it('derived indicators name their inputs; direct ones have no formula', () => {
    expect(indicatorPage(one, 'ty-le-ho-so-dung-han').formula?.refs.map((r) => r.id)).toEqual(['ho-so-dung-han', 'ho-so-da-giai-quyet']);
    expect(indicatorPage(one, 'ho-so-truc-tuyen').formula).toBeNull();
  });

  it('an indicator without figures has no chart and no latest value', () => {
    const m = indicatorPage(one, 'don-vi-kiem-tra');
    expect(m.mode).toBe('none');
    expect([m.latest, m.lineChart, m.barChart]).toEqual([null, null, null]);
    expect(m.rows).toEqual([]);
  });

  it('escapes quotes of the label in the embed code', () => {
    const quoted = site({
      'data/indicators.json': JSON.stringify([
        { id: 'ho-so-tiep-nhan', area: 'thu-tuc-hanh-chinh', label: 'Hồ sơ "tiếp nhận"', labelEn: 'R', unit: 'hồ sơ', definition: 'd', higherIsBetter: null },
        ...one.content.indicators.slice(1),
      ]),
    });
    const code = indicatorPage(quoted, 'ho-so-tiep-nhan').embedCode;
    expect(code).toContain('title="Hồ sơ &quot;tiếp nhận&quot; — Dữ liệu CCHC Kon Tum"');
    expect(code).toContain(`src="${absolute(urls.embedIndicator('ho-so-tiep-nhan'))}"`);
  });

  it('an unknown id is a named error, not a crash on undefined', () => {
    expect(() => indicatorPage(one, 'khong-co')).toThrow(/khong-co/);
  });
});

describe('homePage', () => {
  it('counts figures and reports, and shows at most four reports, newest first', () => {
    const m = homePage(two);
    expect(m.figureCount).toBe(two.figures.length);
    expect(m.reportCount).toBe(2);
    expect(m.latest.map((s) => s.report.id)).toEqual(['bc-q4', 'bc-thu']);
    expect(m.head.title).toBe('Tổng quan');
  });
});

describe('reportsPage', () => {
  it('every facet value links exactly the reports it counts', () => {
    const m = reportsPage(two);
    expect(m.summaries.map((s) => s.report.id)).toEqual(['bc-q4', 'bc-thu']);
    for (const f of m.facets) {
      for (const v of f.values) {
        expect(v.links).toHaveLength(v.count);
        expect(v.links.map((l) => l.href)).toEqual(v.reports.map((id) => urls.report(id)));
      }
    }
    expect(m.facets.find((f) => f.id === 'year')!.values[0].links.map((l) => l.title)).toContain('Báo cáo "thử" quý IV/2024');
  });
});

describe('reportPage', () => {
  it('is an article titled as printed, with JSON-LD and an edit path', () => {
    const m = reportPage(two, 'bc-q4');
    expect(m.head).toMatchObject({ title: 'Báo cáo "thử" quý IV/2024', description: 'Quý IV.', ogType: 'article' });
    expect(m.head.breadcrumbs).toEqual([{ label: 'Báo cáo', href: urls.reports() }, { label: 'Báo cáo "thử" quý IV/2024' }]);
    expect(m.head.jsonLd).toBeTruthy();
    expect(m.report.id).toBe('bc-q4');
    expect(() => reportPage(two, 'khong-co')).toThrow(/khong-co/);
  });
});
