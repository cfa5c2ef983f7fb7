import { describe, expect, it } from 'vitest';
import { comparePeriods, periodKind, periodRange } from '../../src/core/period.ts';
import { computeChanges, computeTargets, buildSeries, deriveSite, meetsTarget, isTarget } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import type { ReportContent, Figure } from '../../src/core/model.ts';
import { fixtureReader } from '../fixtures/content.ts';

describe('periods', () => {
  it.each([
    ['2024-Q3', '2024-07-01', '2024-09-30', 'quarter'],
    ['2025-Q1', '2025-01-01', '2025-03-31', 'quarter'],
    ['2023-H1', '2023-01-01', '2023-06-30', 'half'],
    ['2024', '2024-01-01', '2024-12-31', 'year'],
    ['2024-02', '2024-02-01', '2024-02-29', 'month'],
    ['2023-02', '2023-02-01', '2023-02-28', 'month'],
    ['2024-08-25', '2024-08-25', '2024-08-25', 'day'],
    ['2024-01/2024-09', '2024-01-01', '2024-09-30', 'interval'],
  ])('%s → %s … %s (%s)', (p, start, end, kind) => {
    expect(periodRange(p)).toEqual({ start, end });
    expect(periodKind(p)).toBe(kind);
  });
  it('orders by end, then start', () => {
    expect(['2025-Q1', '2024', '2023-H1', '2024-Q3'].sort(comparePeriods)).toEqual(['2023-H1', '2024-Q3', '2024', '2025-Q1']);
  });
});

describe('target status with comparators', () => {
  it.each([
    [90, 90, '>=', true],
    [89.9, 90, '>=', false],
    [50, 50, '>', false],
    [50.1, 50, '>', true],
    [100, 100, '=', true],
    [99.9, 100, '=', false],
    [3, 5, '<=', true],
    [5, 5, '<', false],
  ])('actual %d vs target %s %d → %s', (actual, target, cmp, met) => expect(meetsTarget(actual, target, cmp)).toBe(met));

  it('classifies targets', () => {
    expect(isTarget({ comparator: null }, { kind: 'annual-plan' })).toBe(true);
    expect(isTarget({ comparator: '>' }, { kind: 'quarterly-report' })).toBe(false); // "trên 1,4 tỷ" is a measurement
    expect(isTarget({ comparator: '=' }, { kind: 'quarterly-report' })).toBe(true);
  });
});

// Tiny hand-made reports for series, changes and targets.
function fig(reportId: string, indicator: string, period: string, value: number, comparator: Figure['comparator'] = null): Figure {
  return { key: `${reportId}/${indicator}`, reportId, id: indicator, indicator, scope: 'tinh', breakdown: null, period, basis: 'flow', status: 'actual', value, denominator: null, unit: '%', comparator, section: 'I', quote: 'q', note: null, line: 2, location: { start: 0, end: 1 } };
}
function report(id: string, kind: ReportContent['meta']['kind'], period: string, figures: Figure[]): ReportContent {
  return { meta: { id, kind, title: id, issuer: 'tinh', scope: 'tinh', period, documentNumber: null, date: null, sourceFile: 'source.txt', summary: 's' }, figures, narratives: [], sourceText: '', files: { report: '', figures: null, source: '' } };
}

describe('series, changes against the previous period, targets', () => {
  const reports = [
    report('q3', 'quarterly-report', '2024-Q3', [fig('q3', 'ty-le', '2024-Q3', 35.26)]),
    report('q1', 'quarterly-report', '2025-Q1', [fig('q1', 'ty-le', '2025-Q1', 31.04), fig('q1', 'muc-tieu', '2025', 60, '=')]),
    report('h1', 'half-year-report', '2023-H1', [fig('h1', 'ty-le', '2023-H1', 20)]),
    report('kh', 'annual-plan', '2024', [fig('kh', 'ty-le', '2024', 30, '>='), fig('kh', 'khac', '2024', 100, '=')]),
  ];
  const series = buildSeries(reports);

  it('puts measured values in period order and leaves targets out', () => {
    const s = series.find((x) => x.indicator === 'ty-le')!;
    expect(s.points.map((p) => p.figure.period)).toEqual(['2023-H1', '2024-Q3', '2025-Q1']);
  });

  it('compares a quarter with the previous quarter, never with a half-year', () => {
    const changes = computeChanges(series);
    expect(changes.get('q1/ty-le')).toMatchObject({ kind: 'change', delta: -4.22, previous: { period: '2024-Q3' } });
    expect(changes.get('q3/ty-le')).toEqual({ kind: 'missing', reason: 'no-previous' });
    expect(changes.get('h1/ty-le')).toEqual({ kind: 'missing', reason: 'no-previous' });
  });

  it('gives each plan target the latest value of its year, or a typed no-data', () => {
    const targets = computeTargets(reports, series);
    const t = targets.find((x) => x.target.key === 'kh/ty-le')!;
    expect(t.actual?.key).toBe('q3/ty-le');
    expect(t.status).toBe('met'); // 35,26 ≥ 30
    expect(t.partial).toBe(true); // a quarter against a year target
    expect(targets.find((x) => x.target.key === 'kh/khac')).toMatchObject({ actual: null, status: 'no-data' });
    expect(targets.find((x) => x.target.key === 'q1/muc-tieu')).toMatchObject({ status: 'no-data' }); // different indicator id
  });
});

describe('deriveSite on the fixture', () => {
  const { content, issues } = validateContent(loadContent(fixtureReader()));
  const site = deriveSite(content, issues);
  it('indexes figures and marks the first period as having nothing to compare with', () => {
    expect(site.figuresByKey.get('bc-thu/ho-so-tiep-nhan')?.value).toBe(67628);
    expect(site.changes.get('bc-thu/ho-so-tiep-nhan')).toEqual({ kind: 'missing', reason: 'no-previous' });
  });
});
