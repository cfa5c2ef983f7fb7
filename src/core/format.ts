// Display formatting in the vi-VN convention with d3-format.
import { formatLocale } from 'd3';
import { shownHedge } from './hedge.ts';

export const viLocale = formatLocale({
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['', '\u00a0₫'],
  minus: '-',
  percent: '%',
});

/** "67.628", "98,7", "1.279.096", "126,203": as many decimals as stored, never rounded. */
export function formatNumber(value: number): string {
  const decimals = (String(value).split('.')[1] ?? '').length;
  // One formatter per decimal count: building one parses its specifier, and a page at 1,000 reports formats thousands of numbers.
  let format = formatters[decimals];
  if (!format) format = formatters[decimals] = viLocale.format(`,.${decimals}f`);
  return format(value);
}
const formatters: ((n: number) => string)[] = [];

/** Value with its unit: "35,26%", "67.628 hồ sơ", "hạng 22/63". */
export function formatValue(value: number, unit: string, denominator?: number | null): string {
  const v = formatNumber(value);
  const d = denominator != null ? `/${formatNumber(denominator)}` : '';
  if (unit === '%') return `${v}${d}%`;
  if (unit === 'hạng') return `hạng ${v}${d}`;
  return `${v}${d} ${unit}`;
}

/**
 * "tối thiểu 90%", "trên 1,4 tỷ đồng", "gần 2,8 tỷ đồng". `hedge`: the word the report printed
 * before the number (Figure.hedge, "hơn", "xấp xỉ" …), shown instead of the comparator's own word
 * so the portal reads as the source does; it always means the comparator (validator: rules/hedges.ts).
 */
export function formatWithComparator(value: number, unit: string, comparator: string, denominator?: number | null, hedge?: string | null): string {
  const word = shownHedge({ comparator, hedge });
  const text = formatValue(value, unit, denominator);
  return word ? `${word} ${text}` : text;
}

/** Signed change: "+1.234", "-2,5" (ASCII minus as the guide asks). */
export function formatChange(delta: number, unit: string): string {
  const sign = delta > 0 ? '+' : '';
  const body = formatNumber(delta);
  if (unit === '%') return `${sign}${body} điểm %`;
  return `${sign}${body}`;
}

/** A figure as printed, with comparator and denominator: "tối thiểu 90%", "17.672/19.632 hồ sơ". */
export function formatFigure(f: { value: number; unit: string; comparator: string | null; denominator: number | null; hedge?: string | null }): string {
  return formatWithComparator(f.value, f.unit, f.comparator ?? '', f.denominator, f.hedge);
}
