// Display formatting in the vi-VN convention with d3-format.
import { formatLocale } from 'd3';

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
  return viLocale.format(`,.${decimals}f`)(value);
}

/** Value with its unit: "35,26%", "67.628 hồ sơ", "hạng 22/63". */
export function formatValue(value: number, unit: string, denominator?: number | null): string {
  const v = formatNumber(value);
  const d = denominator != null ? `/${formatNumber(denominator)}` : '';
  if (unit === '%') return `${v}${d}%`;
  if (unit === 'hạng') return `hạng ${v}${d}`;
  return `${v}${d} ${unit}`;
}

const comparatorWords: Record<string, string> = {
  '>': 'trên',
  '>=': 'tối thiểu',
  '<': 'dưới',
  '<=': 'tối đa',
  '~': 'khoảng',
  '=': '',
};

/** "tối thiểu 90%", "trên 1,4 tỷ đồng". */
export function formatWithComparator(value: number, unit: string, comparator: string, denominator?: number | null): string {
  const word = comparatorWords[comparator] ?? '';
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

/** "2024-Q3" → "quý III/2024"; "2023-H1" → "6 tháng đầu năm 2023"; "2024" → "năm 2024". */
export function formatPeriod(period: string): string {
  const roman = ['I', 'II', 'III', 'IV'];
  let m: RegExpMatchArray | null;
  if ((m = period.match(/^(\d{4})-Q([1-4])$/))) return `quý ${roman[Number(m[2]) - 1]}/${m[1]}`;
  if ((m = period.match(/^(\d{4})-H([12])$/))) return m[2] === '1' ? `6 tháng đầu năm ${m[1]}` : `6 tháng cuối năm ${m[1]}`;
  if ((m = period.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return `ngày ${Number(m[3])}/${Number(m[2])}/${m[1]}`;
  if ((m = period.match(/^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/))) {
    if (m[1] === m[3] && m[2] === '01') return `${Number(m[4])} tháng đầu năm ${m[1]}`;
    return `tháng ${Number(m[2])}/${m[1]} – tháng ${Number(m[4])}/${m[3]}`;
  }
  if ((m = period.match(/^(\d{4})-(\d{2})$/))) return `tháng ${Number(m[2])}/${m[1]}`;
  return `năm ${period}`;
}

/** A figure as printed, with comparator and denominator: "tối thiểu 90%", "17.672/19.632 hồ sơ". */
export function formatFigure(f: { value: number; unit: string; comparator: string | null; denominator: number | null }): string {
  return formatWithComparator(f.value, f.unit, f.comparator ?? '', f.denominator);
}
