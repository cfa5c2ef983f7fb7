import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { deriveSite, type Site } from '../../src/pipeline/derive.ts';
import type { Content, Figure, Issue, ReportContent } from '../../src/core/model.ts';
import type { Indicator, Report } from '../../src/core/schema.ts';
import {
  changeSummary,
  shortChange,
  decorativeSvg,
  documentShortLabel,
  headlineCards,
  MISSING_LISTED_MAX,
  missingText,
  qualityNoteItems,
  reportFacets,
  reportSummaries,
  sortReportsNewestFirst,
  sparkPoints,
  sparkSummary,
  targetCountsText,
  targetGroups,
  warningsForReport,
} from '../../src/view/dashboard.ts';
import { isVisible } from '../../src/client/report-filters.ts';
import { periodLabel as formatPeriod } from '../../src/core/period.ts';
import { missingBetween } from '../../src/pipeline/derive.ts';
import { absentCarriedFields } from '../../src/core/schema.ts';

// ------------------------------------------------------------ a small site built by hand

const ind = (id: string, unit: string, headline: boolean): Indicator => ({
  id,
  area: 'thu-tuc-hanh-chinh',
  label: `Chỉ tiêu ${id}`,
  labelEn: id,
  unit,
  definition: 'd',
  higherIsBetter: true,
  breakdownsSumToTotal: false,
  headline,
  basis: 'flow',
});

const rep = (id: string, kind: Report['kind'], scope: string, period: string, date: string | null = null): Report => ({
  id,
  kind,
  title: `Văn bản ${id}`,
  issuer: scope,
  scope,
  period,
  documentNumber: null,
  date,
  sourceFile: 'source.txt',
  summary: 's',
});

let line = 1;
const fig = (reportId: string, id: string, indicator: string, scope: string, period: string, value: number, unit: string, extra: Partial<Figure> = {}): Figure => ({
  key: `${reportId}/${id}`,
  reportId,
  id,
  indicator,
  scope,
  breakdown: null,
  period,
  basis: 'flow',
  status: 'actual',
  value,
  denominator: null,
  unit,
  comparator: null,
  section: 'II.1',
  quote: `trích dẫn ${value}`,
  ...absentCarriedFields,
  line: line++,
  location: { start: 0, end: 1 },
  ...extra,
});

const rc = (meta: Report, figures: Figure[]): ReportContent => ({
  meta,
  figures,
  narratives: [],
  sourceText: 'x',
  files: { report: `content/reports/${meta.id}/report.json`, figures: null, source: `content/reports/${meta.id}/source.txt` },
});

function smallSite(): Site {
  const q3 = rep('q3', 'quarterly-report', 'tinh', '2024-Q3');
  const q4 = rep('q4', 'quarterly-report', 'tinh', '2024-Q4');
  const plan = rep('kh', 'annual-plan', 'tinh', '2024');
  const huyen = rep('h1', 'half-year-report', 'huyen', '2024-H1');
  const content: Content = {
    areas: [{ id: 'thu-tuc-hanh-chinh', order: 1, label: 'TTHC', labelEn: 'P', description: 'd', color: '#b3541e' }],
    organizations: [
      { id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'P' },
      { id: 'huyen', kind: 'district', name: 'UBND huyện', shortName: 'Huyện', nameEn: 'D', parent: 'tinh' },
    ],
    breakdowns: [
      { id: 'cap-huyen', label: 'Cấp huyện', labelEn: 'D' },
      { id: 'cap-xa', label: 'Cấp xã', labelEn: 'C' },
    ],
    indicators: [ind('ty-le', '%', true), ind('so-thu-tuc', 'thủ tục', true), ind('phu', 'hồ sơ', false)],
    reports: [
      rc(q3, [fig('q3', 'ty-le', 'ty-le', 'tinh', '2024-Q3', 35.26, '%'), fig('q3', 'phu', 'phu', 'tinh', '2024-Q3', 7, 'hồ sơ')]),
      rc(q4, [
        fig('q4', 'ty-le', 'ty-le', 'tinh', '2024-Q4', 31.04, '%'),
        // A target quoted inside a quarterly report: never the "latest value".
        fig('q4', 'ty-le-chi-tieu', 'ty-le', 'tinh', '2024', 60, '%', { comparator: '=', status: 'target' }),
        fig('q4', 'thu-tuc', 'so-thu-tuc', 'tinh', '2024-Q4', 1783, 'thủ tục'),
        // The year's own rate: the one plan targets for 2024 are judged against.
        fig('q4', 'ty-le-nam', 'ty-le', 'tinh', '2024', 80, '%'),
      ]),
      rc(plan, [
        fig('kh', 'ty-le-toi-thieu', 'ty-le', 'tinh', '2024', 90, '%', { comparator: '>=', status: 'target' }),
        fig('kh', 'ty-le-tren', 'ty-le', 'tinh', '2024', 30, '%', { comparator: '>', status: 'target' }),
        fig('kh', 'thu-tuc-du', 'so-thu-tuc', 'tinh', '2024', 100, 'thủ tục', { comparator: '=', status: 'target' }),
        fig('kh', 'phu-kh', 'phu', 'huyen', '2024', 100, 'hồ sơ', { comparator: '=', status: 'target' }),
      ]),
      rc(huyen, [
        fig('h1', 'xa', 'so-thu-tuc', 'huyen', '2024-H1', 120, 'thủ tục', { breakdown: 'cap-xa' }),
        fig('h1', 'huyen', 'so-thu-tuc', 'huyen', '2024-H1', 262, 'thủ tục', { breakdown: 'cap-huyen' }),
      ]),
    ],
  };
  const warnings: Issue[] = [
    { level: 'warning', code: 'rate-mismatch', file: 'content/reports/q3/figures.csv', line: 1, message: 'Tỷ lệ không khớp.', figures: ['q3/ty-le', 'q3/phu'] },
    { level: 'warning', code: 'sum-mismatch', file: 'content/reports/h1/figures.csv', line: 1, message: 'Tổng không khớp.', figures: ['h1/xa'] },
  ];
  return deriveSite(content, warnings);
}

describe('headlineCards (small site)', () => {
  const site = smallSite();
  const groups = headlineCards(site);

  it('groups by scope in organizations.json order, province first', () => {
    expect(groups.map((g) => g.scope)).toEqual(['tinh', 'huyen']);
    expect(groups[0].scopeName).toBe('Tỉnh');
  });

  it('shows only headline indicators, in indicators.json order, with the latest measured value', () => {
    const tinh = groups[0];
    expect(tinh.cards.map((c) => c.indicator.id)).toEqual(['ty-le', 'so-thu-tuc']);
    expect(tinh.cards[0].figure.key).toBe('q4/ty-le');
    expect(tinh.cards[0].figure.value).toBe(31.04);
    expect(tinh.cards[0].points.map((p) => p.figure.value)).toEqual([35.26, 31.04]);
    expect(tinh.latestPeriod).toBe('2024-Q4');
  });

  it('falls back to one card per breakdown when a scope has no total, in breakdowns.json order', () => {
    const huyen = groups[1];
    expect(huyen.cards.map((c) => c.breakdown)).toEqual(['cap-huyen', 'cap-xa']);
    expect(huyen.cards.map((c) => c.figure.value)).toEqual([262, 120]);
  });

  it('builds sparkline points only from two points on', () => {
    const [rate, count] = groups[0].cards;
    const pts = sparkPoints(rate)!;
    expect(pts).toHaveLength(2);
    expect(pts.map((p) => p.date.toISOString().slice(0, 10))).toEqual(['2024-09-30', '2024-12-31']);
    expect(pts.map((p) => p.text)).toEqual(['35,26%', '31,04%']);
    expect(sparkPoints(count)).toBeNull();
    expect(sparkSummary(rate)).toBe('Diễn biến: quý III/2024: 35,26%; quý IV/2024: 31,04%.');
    // A point printed with a hedge keeps the printed word in its label, like every other surface.
    const hedged = { ...rate, points: rate.points.map((p, i) => (i === 0 ? { ...p, figure: { ...p.figure, comparator: '<~' as const, hedge: 'gần' } } : p)) };
    expect(sparkPoints(hedged)!.map((p) => p.text)).toEqual(['gần 35,26%', '31,04%']);
  });

  it('words the change honestly', () => {
    expect(changeSummary(site, site.figuresByKey.get('q4/ty-le')!)).toEqual({ cls: 'down', text: '-4,22 điểm % so với quý III/2024', detail: 'Kỳ trước: 35,26%.' });
    expect(changeSummary(site, site.figuresByKey.get('q4/thu-tuc')!)).toEqual({ cls: 'flat', text: 'Chưa có số liệu kỳ trước cùng loại để so sánh.', detail: null });
    expect(changeSummary(site, site.figuresByKey.get('kh/ty-le-toi-thieu')!).text).toMatch(/chỉ tiêu kế hoạch/);
  });
});

describe('missingText', () => {
  it('names a short run period by period and a long one by its count and both ends', () => {
    expect(missingText([])).toBe('');
    expect(missingText(['2024-Q4'])).toBe(' (không có số liệu quý IV/2024)');
    const run = missingBetween('2013-Q1', '2019-Q1');
    expect(run.length).toBeGreaterThan(MISSING_LISTED_MAX);
    expect(missingText(run.slice(0, MISSING_LISTED_MAX))).toBe(` (không có số liệu ${run.slice(0, MISSING_LISTED_MAX).map(formatPeriod).join(', ')})`);
    expect(missingText(run)).toBe(` (không có số liệu ${run.length} kỳ, từ quý II/2013 đến quý IV/2018)`);
    // The count and the ends name exactly the run: consecutive quarters, Q2/2013 … Q4/2018.
    expect(run).toHaveLength(23);
  });
});

describe('targetGroups (small site)', () => {
  const site = smallSite();
  const groups = targetGroups(site);

  it('lists the annual plan first, then targets quoted in reports', () => {
    expect(groups.map((g) => [g.plan.id, g.isPlan])).toEqual([
      ['kh', true],
      ['q4', false],
    ]);
  });

  it.each([
    ['kh/ty-le-toi-thieu', 'tối thiểu 90%', 'not-met', 'Chưa đạt'],
    ['kh/ty-le-tren', 'trên 30%', 'met', 'Đạt'],
    // Only a quarter of 2024 is known: a year target is not judged on it.
    ['kh/thu-tuc-du', '100 thủ tục', 'not-due', 'Chưa đến kỳ đánh giá'],
    ['kh/phu-kh', '100 hồ sơ', 'no-data', 'Chưa có số liệu'],
  ])('%s → %s, %s', (key, text, status, label) => {
    const row = groups[0].rows.find((r) => r.target.key === key)!;
    expect(row.targetText).toBe(text);
    expect(row.status).toBe(status);
    expect(row.statusLabel).toBe(label);
  });

  it('pairs each target with the actual of its own period, else the latest value for information', () => {
    const row = groups[0].rows.find((r) => r.target.key === 'kh/ty-le-tren')!;
    expect(row.actual?.key).toBe('q4/ty-le-nam');
    expect(row.actualText).toBe('80%');
    expect(row.actualReport?.id).toBe('q4');
    expect(row.notes).toEqual([]);
    expect(groups[0].rows.find((r) => r.target.key === 'kh/thu-tuc-du')!.actual?.key).toBe('q4/thu-tuc');
    expect(groups[0].counts).toEqual({ met: 1, 'not-met': 1, 'not-due': 1, 'no-data': 1 });
  });
});

describe('reports (small site)', () => {
  const site = smallSite();

  it.each([
    [['2024-Q3', '2024', '2024-H1', '2024-Q4'], ['2024-Q4', '2024', '2024-Q3', '2024-H1']],
    [['2023', '2025-Q1', '2023-H1'], ['2025-Q1', '2023', '2023-H1']],
  ])('sorts %j newest period first', (periods, expected) => {
    const reports = periods.map((p, i) => ({ id: `r${i}`, period: p, date: null }));
    expect(sortReportsNewestFirst(reports).map((r) => r.period)).toEqual(expected);
  });

  it('breaks ties by date (dated first, newest first), then id', () => {
    const reports = [
      { id: 'b', period: '2024', date: null },
      { id: 'a', period: '2024', date: null },
      { id: 'c', period: '2024', date: '2024-03-01' },
      { id: 'd', period: '2024', date: '2024-05-01' },
    ];
    expect(sortReportsNewestFirst(reports).map((r) => r.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('summarises each report with figure and quality-note counts', () => {
    const s = reportSummaries(site);
    expect(s.map((x) => x.report.id)).toEqual(['q4', 'kh', 'q3', 'h1']);
    const q3 = s.find((x) => x.report.id === 'q3')!;
    expect([q3.figureCount, q3.noteCount, q3.kindLabel, q3.periodLabel, q3.year]).toEqual([2, 1, 'Báo cáo quý', 'quý III/2024', '2024']);
    expect(s.find((x) => x.report.id === 'q4')!.noteCount).toBe(0);
    expect(warningsForReport(site.warnings, 'h1')).toHaveLength(1);
  });

  it('builds facets with counts, kinds in schema order and years newest first', () => {
    const facets = reportFacets(reportSummaries(site));
    const kind = facets.find((f) => f.id === 'kind')!;
    expect(kind.values.map((v) => [v.value, v.count])).toEqual([
      ['quarterly-report', 2],
      ['half-year-report', 1],
      ['annual-plan', 1],
    ]);
    expect(facets.find((f) => f.id === 'scope')!.values.map((v) => [v.label, v.count])).toEqual([
      ['Huyện', 1],
      ['Tỉnh', 3],
    ]);
    expect(facets.find((f) => f.id === 'year')!.values.map((v) => v.value)).toEqual(['2024']);
  });
});

describe('qualityNoteItems and helpers (small site)', () => {
  it('links every note to its figures', () => {
    const items = qualityNoteItems(smallSite());
    expect(items.map((i) => [i.report.id, i.kindLabel])).toEqual([
      ['q3', 'Tỷ lệ in không khớp với số đếm'],
      ['h1', 'Tổng không khớp với các thành phần'],
    ]);
    expect(items[0].figures.map((f) => f.href)).toEqual(['/bao-cao/q3/#so-lieu-ty-le', '/bao-cao/q3/#so-lieu-phu']);
  });

  it.each([
    ['annual-plan', '2024', 'Kế hoạch năm 2024'],
    ['quarterly-report', '2025-Q1', 'Báo cáo quý I/2025'],
    ['half-year-report', '2023-H1', 'Báo cáo 6 tháng đầu năm 2023'],
    ['directive', '2023', 'Văn bản chỉ đạo năm 2023'],
  ] as const)('documentShortLabel(%s, %s) = %s', (kind, period, expected) => {
    expect(documentShortLabel({ kind, period })).toBe(expected);
  });

  it('strips per-mark aria labels from a decorative SVG', () => {
    const out = decorativeSvg('<svg aria-label="x" viewBox="0 0 1 1"><g aria-label="line"><path/></g><g aria-description="d"></g></svg>');
    expect(out).toBe('<svg aria-hidden="true" focusable="false" viewBox="0 0 1 1"><g><path/></g><g></g></svg>');
  });

  it.each([
    [{ kind: 'annual-plan', year: '2024' }, {}, true],
    [{ kind: 'annual-plan', year: '2024' }, { kind: [] }, true],
    [{ kind: 'annual-plan', year: '2024' }, { kind: ['annual-plan', 'directive'] }, true],
    [{ kind: 'annual-plan', year: '2024' }, { kind: ['directive'] }, false],
    [{ kind: 'annual-plan', year: '2024' }, { kind: ['annual-plan'], year: ['2023'] }, false],
    [{ kind: 'annual-plan' }, { year: ['2024'] }, false],
  ])('report filter: %j with %j → %s', (item, selected, expected) => {
    expect(isVisible(item, selected as Record<string, string[]>)).toBe(expected);
  });
});

// ------------------------------------------------------------ the real content

describe('dashboard on the real content', () => {
  const { site, issues } = runPipeline(process.cwd());

  it('loads without errors', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('headline cards: province first, every card is the latest point of its series', () => {
    const groups = headlineCards(site);
    expect(groups[0].scope).toBe('tinh-kon-tum');
    expect(groups.map((g) => g.scope)).toContain('huyen-tu-mo-rong');
    for (const g of groups) {
      for (const c of g.cards) {
        expect(c.indicator.headline).toBe(true);
        const series = site.series.find((s) => s.key === c.key)!;
        expect(series.points.at(-1)!.figure.key).toBe(c.figure.key);
      }
    }
  });

  it('headline cards show measured values, never targets, and compare with the previous point of their series', () => {
    for (const g of headlineCards(site))
      for (const c of g.cards) {
        expect(site.targets.some((t) => t.target.key === c.figure.key), c.figure.key).toBe(false);
        const previous = c.points.at(-2);
        if (previous && previous.figure.period !== c.figure.period) expect(changeSummary(site, c.figure).text, c.figure.key).toContain(formatPeriod(previous.figure.period));
      }
  });

  it('reports newest first, counts add up', () => {
    const s = reportSummaries(site);
    expect(s).toHaveLength(site.content.reports.length);
    expect(s.map((x) => x.report.id)).toEqual(sortReportsNewestFirst(site.content.reports.map((r) => r.meta)).map((r) => r.id));
    expect(s.reduce((n, x) => n + x.figureCount, 0)).toBe(site.figures.length);
    expect(s.reduce((n, x) => n + x.noteCount, 0)).toBeGreaterThanOrEqual(site.warnings.filter((w) => w.figures?.length).length);
    const facets = reportFacets(s);
    for (const f of facets) expect(f.values.reduce((n, v) => n + v.count, 0)).toBe(s.length);
  });

  it('plans come first among target groups, and every target is counted once', () => {
    const groups = targetGroups(site);
    if (groups.length === 0) return;
    const firstNonPlan = groups.findIndex((g) => !g.isPlan);
    if (firstNonPlan >= 0) expect(groups.slice(firstNonPlan).every((g) => !g.isPlan)).toBe(true);
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(site.targets.length);
    for (const g of groups) expect(g.counts.met + g.counts['not-met'] + g.counts['not-due'] + g.counts['no-data']).toBe(g.rows.length);
  });

  it("a target group's summary names every state, and its parts add up to the total it prints", () => {
    expect(targetCountsText({ rows: Array(22), counts: { met: 0, 'not-met': 0, 'not-due': 2, 'no-data': 20 } })).toBe(
      '22 chỉ tiêu (0 đạt, 0 chưa đạt, 2 chưa đến kỳ đánh giá, 20 chưa có số liệu)',
    );
    for (const g of targetGroups(site)) {
      const [total, ...parts] = [...targetCountsText(g).matchAll(/\d+/g)].map((m) => Number(m[0]));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('every data-quality note links to existing figures', () => {
    const items = qualityNoteItems(site);
    expect(items).toHaveLength(site.warnings.filter((w) => w.figures?.length).length);
    for (const item of items) {
      expect(item.figures.length).toBeGreaterThan(0);
      for (const f of item.figures) {
        const m = f.href.match(/^\/bao-cao\/([^/]+)\/#so-lieu-(.+)$/)!;
        expect(site.figuresByKey.has(`${m[1]}/${m[2]}`)).toBe(true);
      }
    }
  });
});

describe('changeSummary with printed bounds', () => {
  // "hơn 7.000" then "hơn 7.800": the difference of two lower bounds is not an exact change.
  const q3 = rep('q3', 'quarterly-report', 'tinh', '2024-Q3');
  const q4 = rep('q4', 'quarterly-report', 'tinh', '2024-Q4');
  const content: Content = {
    areas: [{ id: 'thu-tuc-hanh-chinh', order: 1, label: 'TTHC', labelEn: 'P', description: 'd', color: '#b3541e' }],
    organizations: [{ id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'P' }],
    breakdowns: [],
    indicators: [ind('tai-khoan', 'tài khoản', false), ind('ho-so', 'hồ sơ', false), ind('dich-vu', 'dịch vụ', false)],
    reports: [
      rc(q3, [fig('q3', 'tk', 'tai-khoan', 'tinh', '2024-Q3', 7000, 'tài khoản', { comparator: '>' }), fig('q3', 'hs', 'ho-so', 'tinh', '2024-Q3', 10, 'hồ sơ'), fig('q3', 'dv', 'dich-vu', 'tinh', '2024-Q3', 5, 'dịch vụ')]),
      rc(q4, [fig('q4', 'tk', 'tai-khoan', 'tinh', '2024-Q4', 7800, 'tài khoản', { comparator: '>' }), fig('q4', 'hs', 'ho-so', 'tinh', '2024-Q4', 12, 'hồ sơ'), fig('q4', 'dv', 'dich-vu', 'tinh', '2024-Q4', 5, 'dịch vụ')]),
    ],
  };
  const site = deriveSite(content, []);

  it('says "khoảng" when either value is a bound, and nothing when both are exact', () => {
    expect(changeSummary(site, site.figuresByKey.get('q4/tk')!).text).toBe('khoảng +800 so với quý III/2024');
    expect(shortChange(site, site.figuresByKey.get('q4/tk')!).short).toBe('khoảng +800 so với Q3/2024');
    expect(changeSummary(site, site.figuresByKey.get('q4/hs')!).text).toBe('+2 so với quý III/2024');
  });

  it('says an unchanged value in a word on phones too, not "= Q3/2024"', () => {
    expect(changeSummary(site, site.figuresByKey.get('q4/dv')!).text).toBe('Không đổi so với quý III/2024');
    expect(shortChange(site, site.figuresByKey.get('q4/dv')!).short).toBe('bằng Q3/2024');
  });
});
