import { describe, expect, it } from 'vitest';
import { comparePeriods, periodKind, periodRange } from '../../src/core/period.ts';
import { computeChanges, computeTargets, buildSeries, deriveSite, meetsTarget, isTarget, missingBetween } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import type { ReportContent, Figure } from '../../src/core/model.ts';
import { fixtureReader } from '../fixtures/content.ts';
import { absentCarriedFields } from '../../src/core/schema.ts';

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

  it('classifies targets by status; before the audit, rows without a status also by plan and comparator', () => {
    expect(isTarget({ comparator: null, status: 'target' }, { kind: 'quarterly-report' }, false)).toBe(true);
    expect(isTarget({ comparator: null, status: 'planned' }, { kind: 'annual-plan' }, false)).toBe(false); // "dự kiến" is not a target
    expect(isTarget({ comparator: null, status: 'actual' }, { kind: 'annual-plan' }, false)).toBe(false);
    expect(isTarget({ comparator: null, status: 'actual' }, { kind: 'annual-plan' }, true)).toBe(true);
    expect(isTarget({ comparator: '>', status: 'actual' }, { kind: 'quarterly-report' }, true)).toBe(false); // "trên 1,4 tỷ" is a measurement
    expect(isTarget({ comparator: '=', status: 'actual' }, { kind: 'quarterly-report' }, true)).toBe(true);
  });
});

// Tiny hand-made reports for series, changes and targets.
function fig(reportId: string, indicator: string, period: string, value: number, comparator: Figure['comparator'] = null, extra: Partial<Figure> = {}): Figure {
  return { key: `${reportId}/${extra.id ?? indicator}`, reportId, id: indicator, indicator, scope: 'tinh', breakdown: null, period, basis: 'flow', status: comparator === null ? 'actual' : 'target', ...extra, value, denominator: null, unit: '%', comparator, section: 'I', quote: 'q', ...absentCarriedFields, line: 2, location: { start: 0, end: 1 } };
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
  const series = buildSeries(reports, false);

  it('puts measured values of one period length in one series, in order, targets left out', () => {
    const of = (shape: string) => series.find((x) => x.indicator === 'ty-le' && x.shape === shape)!;
    expect(of('quarter').points.map((p) => p.figure.period)).toEqual(['2024-Q3', '2025-Q1']);
    expect(of('half').points.map((p) => p.figure.period)).toEqual(['2023-H1']);
    expect(series.some((s) => s.points.some((p) => p.figure.status === 'target'))).toBe(false);
  });

  it('names the missing period between two points of a series', () => {
    expect(series.find((x) => x.indicator === 'ty-le' && x.shape === 'quarter')!.gaps).toEqual(['2024-Q4']);
    expect(missingBetween('2024-Q1', '2024-Q2')).toEqual([]);
    expect(missingBetween('2023', '2025')).toEqual(['2024']);
    expect(missingBetween('2024-08-25', '2025-03-14')).toEqual([]); // as-of dates have no regular step
  });

  it('remembers gaps per pair without sharing one array between callers', () => {
    const first = missingBetween('2023-Q1', '2024-Q1');
    expect(first).toEqual(['2023-Q2', '2023-Q3', '2023-Q4']);
    first.push('changed by a caller');
    expect(missingBetween('2023-Q1', '2024-Q1')).toEqual(['2023-Q2', '2023-Q3', '2023-Q4']);
  });

  it('compares with the previous point of the same series, naming what is missing, never with a half-year', () => {
    const changes = computeChanges(series);
    expect(changes.get('q1/ty-le')).toMatchObject({ kind: 'change', delta: -4.22, previous: { period: '2024-Q3' }, missing: ['2024-Q4'] });
    expect(changes.get('q3/ty-le')).toEqual({ kind: 'missing', reason: 'no-previous' });
    expect(changes.get('h1/ty-le')).toEqual({ kind: 'missing', reason: 'no-previous' });
  });

  it('never joins different bases or statuses in one series', () => {
    const mixed = buildSeries(
      [
        report('a', 'quarterly-report', '2024-Q3', [fig('a', 'x', '2024-Q3', 5), fig('a', 'x', '2024-01/2024-09', 9, null, { id: 'x-luy-ke', basis: 'cumulative' })]),
        report('b', 'quarterly-report', '2024-Q4', [fig('b', 'x', '2024-Q4', 6, null, { basis: 'stock' }), fig('b', 'x', '2024-Q4', 7, null, { id: 'x-uoc', status: 'estimate' })]),
      ],
      false,
    );
    expect(mixed.map((s) => `${s.basis}/${s.status}/${s.shape}:${s.points.length}`).sort()).toEqual([
      'cumulative/actual/interval:year-to-date:9:1',
      'flow/actual/quarter:1',
      'flow/estimate/quarter:1',
      'stock/actual/quarter:1',
    ]);
  });

  it('judges a target only against an actual of its own period and basis; otherwise "not-due" with the latest value', () => {
    const plan = report('kh25', 'annual-plan', '2025', [fig('kh25', 'ty-le', '2025', 60, '>=')]);
    const q1 = report('q1', 'quarterly-report', '2025-Q1', [fig('q1', 'ty-le', '2025-Q1', 31.04)]);
    const notDue = computeTargets([plan, q1], buildSeries([plan, q1], false), false)[0];
    expect(notDue).toMatchObject({ status: 'not-due', actual: null, latest: { key: 'q1/ty-le' } });
    const year = report('y', 'quarterly-report', '2025-Q4', [fig('y', 'ty-le', '2025', 61)]);
    const judged = computeTargets([plan, q1, year], buildSeries([plan, q1, year], false), false)[0];
    expect(judged).toMatchObject({ status: 'met', actual: { key: 'y/ty-le' } });
    const stock = report('y', 'quarterly-report', '2025-Q4', [fig('y', 'ty-le', '2025', 61, null, { basis: 'stock' })]);
    expect(computeTargets([plan, stock], buildSeries([plan, stock], false), false)[0]).toMatchObject({ status: 'not-due', actual: null });
    const none = report('kh', 'annual-plan', '2024', [fig('kh', 'khac', '2024', 100, '=')]);
    expect(computeTargets([none], [], false)[0]).toMatchObject({ status: 'no-data', actual: null, latest: null });
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
