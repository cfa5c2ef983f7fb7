// The canonical period grammar of docs/figure-model.md, table-driven.
import { describe, expect, it } from 'vitest';
import { canonicalSpelling, comparePeriods, isPeriodError, parsePeriod, periodLabel, previousPeriod, sameLength, period, periodYears } from '../../src/core/period.ts';

describe('parsePeriod: valid periods', () => {
  it.each([
    // text, kind, shape, start, end, months, days, label
    ['2024', 'year', null, '2024-01-01', '2024-12-31', 12, 366, 'năm 2024'],
    ['2023-H1', 'half', null, '2023-01-01', '2023-06-30', 6, 181, '6 tháng đầu năm 2023'],
    ['2024-H2', 'half', null, '2024-07-01', '2024-12-31', 6, 184, '6 tháng cuối năm 2024'],
    ['2024-Q3', 'quarter', null, '2024-07-01', '2024-09-30', 3, 92, 'quý III/2024'],
    ['2025-Q1', 'quarter', null, '2025-01-01', '2025-03-31', 3, 90, 'quý I/2025'],
    ['2024-02', 'month', null, '2024-02-01', '2024-02-29', 1, 29, 'tháng 2/2024'],
    ['2100-02', 'month', null, '2100-02-01', '2100-02-28', 1, 28, 'tháng 2/2100'],
    ['2025-03-14', 'day', null, '2025-03-14', '2025-03-14', null, 1, 'ngày 14/3/2025'],
    ['2024-01/2024-09', 'interval', 'year-to-date', '2024-01-01', '2024-09-30', 9, 274, '9 tháng đầu năm 2024'],
    ['2025-01-01/2025-03-14', 'interval', 'year-to-date', '2025-01-01', '2025-03-14', null, 73, 'từ 1/1/2025 đến 14/3/2025'],
    ['2023-09/2024-08', 'interval', 'school-year', '2023-09-01', '2024-08-31', 12, 366, 'năm học 2023–2024'],
    ['2021/2025', 'interval', 'phase', '2021-01-01', '2025-12-31', 60, 1826, 'giai đoạn 2021–2025'],
    ['2022-09/2023-05', 'interval', 'months', '2022-09-01', '2023-05-31', 9, 273, 'từ tháng 9/2022 đến tháng 5/2023'],
    ['2024-08-10/2024-09-05', 'interval', 'days', '2024-08-10', '2024-09-05', null, 27, 'từ 10/8/2024 đến 5/9/2024'],
  ] as const)('%s', (text, kind, shape, start, end, months, days, label) => {
    const p = parsePeriod(text);
    expect(isPeriodError(p)).toBe(false);
    expect(p).toEqual({ text, kind, shape, start, end, months, days });
    expect(periodLabel(text)).toBe(label);
  });
});

describe('parsePeriod: errors (never throws)', () => {
  it.each([
    ['Q3-2024', 'cú pháp', undefined],
    ['2024-Q5', 'cú pháp', undefined],
    ['2024-13', 'tháng 13', undefined],
    ['2025-02-30', 'không có thật', undefined],
    ['2023-02-29', 'không có thật', undefined],
    ['2024-09/2024-01', 'trước điểm đầu', undefined],
    ['2024-Q1/2024-Q3', 'YYYY-MM', undefined],
    ['2024/2025/2026', 'nhiều hơn một', undefined],
    ['', 'cú pháp', undefined],
    // Valid periods, spelled another way: the error gives the one spelling.
    ['2024-01/2024-12', '"2024"', '2024'],
    ['2024-07/2024-09', '"2024-Q3"', '2024-Q3'],
    ['2024-01/2024-06', '"2024-H1"', '2024-H1'],
    ['2021-01/2026-12', '"2021/2026"', '2021/2026'],
    ['2024/2024', '"2024"', '2024'],
    ['2025-01-01/2025-03-31', '"2025-Q1"', '2025-Q1'],
    ['2025-03-14/2025-03-14', '"2025-03-14"', '2025-03-14'],
    ['2025-01/2025-03-14', '"2025-01-01/2025-03-14"', '2025-01-01/2025-03-14'],
  ])('%s → error mentioning %s', (text, fragment, canonical) => {
    const p = parsePeriod(text);
    expect(isPeriodError(p)).toBe(true);
    if (!isPeriodError(p)) return;
    expect(p.error).toContain(fragment);
    expect(p.canonical).toBe(canonical);
  });

  it('period() throws only on programming errors; labels of non-periods pass through', () => {
    expect(() => period('2025-02-30')).toThrow(/Invalid period/);
    expect(periodLabel('không phải kỳ')).toBe('không phải kỳ');
  });
});

describe('order, length and predecessor', () => {
  it('orders by end, then start', () => {
    expect(['2025-Q1', '2024', '2023-H1', '2024-Q3', '2024-01/2024-09', '2025-03-14'].sort(comparePeriods)).toEqual(['2023-H1', '2024-01/2024-09', '2024-Q3', '2024', '2025-03-14', '2025-Q1']);
  });

  it.each([
    ['2024-Q3', '2024-Q2'],
    ['2025-Q1', '2024-Q4'],
    ['2024-H1', '2023-H2'],
    ['2024', '2023'],
    ['2024-01', '2023-12'],
    ['2024-01/2024-09', '2023-01/2023-09'],
    ['2025-01-01/2025-03-14', '2024-01-01/2024-03-14'],
    ['2023-09/2024-08', '2022-09/2023-08'],
    ['2021/2025', '2016/2020'],
    ['2025-03-14', null],
    ['2022-09/2023-05', null],
  ])('previous of %s is %s', (text, previous) => {
    expect(previousPeriod(text)).toBe(previous);
  });

  it.each([
    ['2024-Q3', '2025-Q1', true],
    ['2024-Q3', '2024-H1', false],
    ['2024-01/2024-09', '2023-01/2023-09', true],
    ['2024-01/2024-09', '2024-01/2024-08', false],
    ['2025-01-01/2025-03-14', '2024-01-01/2024-03-14', true], // 73 and 74 days: the same span of the year
    ['2025-01-01/2025-03-14', '2025-01-01/2025-03-20', false],
    ['2023-09/2024-08', '2024', false],
    ['2024-08-25', '2025-03-14', true],
  ])('%s and %s have the same length: %s', (a, b, same) => {
    expect(sameLength(period(a), period(b))).toBe(same);
  });

  it('canonicalSpelling and years', () => {
    expect(canonicalSpelling('2024-10-01', '2024-12-31')).toBe('2024-Q4');
    expect(canonicalSpelling('2024-09-01', '2025-08-31')).toBe('2024-09/2025-08');
    expect(periodYears('2023-09/2024-08')).toEqual(['2023', '2024']);
  });
});
