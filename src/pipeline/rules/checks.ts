// Validator rule family: checks.csv, the sums, ratios and "same quantity" relations a
// curator declares between figures. A malformed row is an error; a relation the printed
// figures break is a data-quality note (warning) on those figures. The notes' wording is
// shared with the catalogue-derived checks of consistency.ts.
import type { Figure, Issue } from '../../core/model.ts';
import { CHECK_COLUMNS, checkRowSchema } from '../../core/schema.ts';
import type { RawFile } from '../load.ts';
import { plain, type Refs } from './context.ts';
import { tableRows } from './csv.ts';

/** Float slack for sums and ratios of printed values. */
export const EPS = 1e-9;

/** Half a unit of the last printed decimal: 22.5 → 0.05, 25 → 0.5, 76.66 → 0.005. */
export function printedPrecision(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

/** The data-quality note for a total its parts do not add up to ("các thành phần", "các phân tổ", "các phần"). */
export function sumMismatch(label: string, total: number, parts: number[], what: string): string {
  const sum = parts.reduce((a, v) => a + v, 0);
  return `${label}: báo cáo in ${plain(total)} nhưng ${what} cộng lại bằng ${plain(sum)} (${parts.map(plain).join(' + ')}), lệch ${plain(Math.abs(Math.round((total - sum) * 1e6) / 1e6))}.`;
}

/** The data-quality note for a printed rate its counts do not give. */
export function rateMismatch(label: string, printed: number, numerator: number, denominator: number): string {
  return `${label}: báo cáo in ${plain(printed)}% nhưng ${plain(numerator)}/${plain(denominator)} = ${plain(Math.round((numerator / denominator) * 1e4) / 100)}%.`;
}

/**
 * checks.csv: sums and ratios the curator declares between figures of one report.
 * Malformed rows are errors (file, line, column); a relation the printed figures
 * break is a warning on those figures, like the catalogue-derived checks below.
 */
export function checkDeclared(file: RawFile, reportId: string, figures: Figure[], refs: Refs, issues: Issue[]): void {
  const indicatorById = refs.indicatorById;
  const byId = new Map(figures.map((f) => [f.id, f]));
  for (const { line, data: c, err } of tableRows(file, CHECK_COLUMNS, checkRowSchema, issues)) {
    if (c.kind === 'same') {
      const other = c.expression.trim();
      if (!/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/.test(other)) {
        err('expression', 'check-expression', `Biểu thức "${c.expression}" không hợp lệ cho phép kiểm tra "same".`, 'Ghi mã của số liệu thứ hai, vd. "same,a,b," (số liệu của báo cáo khác: "same,a,<mã báo cáo>/b,").');
        continue;
      }
      const local = !other.includes('/');
      const missing = [c.figure, ...(local ? [other] : [])].filter((id) => !byId.has(id));
      for (const id of missing)
        err(id === c.figure ? 'figure' : 'expression', 'unknown-figure', `Không có số liệu "${id}" trong figures.csv (hoặc dòng của nó đang có lỗi).`, 'Dùng đúng cột id của figures.csv cùng báo cáo.');
      if (missing.length === 0) refs.same.push({ file: file.path, line, a: `${reportId}/${c.figure}`, b: local ? `${reportId}/${other}` : other });
      continue;
    }
    const operator = c.kind === 'sum' ? '+' : '/';
    const ids = c.expression.split(operator).map((t) => t.trim());
    if (ids.some((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) || (c.kind === 'sum' ? ids.length < 2 : ids.length !== 2)) {
      err('expression', 'check-expression', `Biểu thức "${c.expression}" không hợp lệ cho phép kiểm tra "${c.kind}".`, c.kind === 'sum' ? 'Viết các mã số liệu nối bằng " + ", vd. "a + b + c".' : 'Viết "tử số / mẫu số" bằng mã số liệu, vd. "a / b".');
      continue;
    }
    const missing = [c.figure, ...ids].filter((id) => !byId.has(id));
    const total = byId.get(c.figure);
    const parts = ids.flatMap((id) => byId.get(id) ?? []);
    if (missing.length || !total) {
      for (const id of missing)
        err(id === c.figure ? 'figure' : 'expression', 'unknown-figure', `Không có số liệu "${id}" trong figures.csv (hoặc dòng của nó đang có lỗi).`, 'Dùng đúng cột id của figures.csv cùng báo cáo.');
      continue;
    }
    const label = indicatorById.get(total.indicator)?.label ?? total.indicator;
    const warn = (code: string, message: string) =>
      issues.push({ level: 'warning', code, file: file.path, line, message, figures: [total, ...parts].map((f) => f.key) });
    if (c.kind === 'sum') {
      const odd = parts.find((p) => p.unit !== total.unit);
      if (odd) {
        err('expression', 'check-unit', `"${odd.id}" có đơn vị tính "${odd.unit}", khác "${total.unit}" của "${total.id}".`, 'Chỉ cộng các số liệu cùng đơn vị tính.');
        continue;
      }
      const sum = parts.reduce((a, p) => a + p.value, 0);
      const tolerance = c.tolerance === '' ? 0 : Number(c.tolerance);
      if (Math.abs(sum - total.value) > tolerance + EPS)
        warn('sum-mismatch', sumMismatch(label, total.value, parts.map((p) => p.value), 'các phần'));
    } else {
      if (total.unit !== '%') {
        err('figure', 'check-unit', `Phép kiểm tra "ratio" cần một tỷ lệ (%), nhưng "${total.id}" có đơn vị tính "${total.unit}".`, 'Ghi mã của số liệu tỷ lệ ở cột figure.');
        continue;
      }
      const [num, den] = parts;
      if (den.value === 0) {
        err('expression', 'check-zero', `Mẫu số "${den.id}" bằng 0.`, 'Tỷ lệ trên mẫu số 0 không kiểm tra được: kiểm tra lại mã số liệu mẫu số, hoặc bỏ dòng kiểm tra này.');
        continue;
      }
      const computed = (num.value / den.value) * 100;
      const tolerance = c.tolerance === '' ? printedPrecision(total.value) : Number(c.tolerance);
      if (Math.abs(computed - total.value) > tolerance + EPS)
        warn('rate-mismatch', rateMismatch(label, total.value, num.value, den.value));
    }
  }
}
