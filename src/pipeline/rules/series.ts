// Validator rule family: series points (docs/figure-model.md, "Series and comparability").
// Two figures on one series point measure the same quantity, so they must print the
// same value, unless the curator declares a printed discrepancy in checks.csv
// (`same,<figure-a>,<figure-b>,`), which then stays a data-quality note.
import { pointKey, type Figure, type Indicator, type Issue, type ReportContent } from '../../core/model.ts';
import { formatNumber } from '../../core/format.ts';
import { sectionPhrase } from '../../core/text.ts';

/**
 * Transition switch, off since the re-audit of every figures.csv (issue 8) was merged.
 * When true, series-point conflicts and non-canonical period spellings are warnings, and
 * rows without a status are read as targets the old way (plan reports, "=", ">=", "<=";
 * see derive.ts isTarget). Kept for importing old content; tests pass it explicitly.
 */
export const PRE_AUDIT_LENIENCY = false;

/** A `same` row of checks.csv: figure keys ("report-id/figure-id"); b may still be unresolved. */
export interface SameDeclaration {
  file: string;
  line: number;
  a: string;
  b: string;
}

const POINT_FIELDS = ['indicator', 'scope', 'breakdown', 'basis', 'status', 'period'] as const;

function differs(a: Figure, b: Figure): boolean {
  return a.value !== b.value || (a.denominator !== null && b.denominator !== null && a.denominator !== b.denominator);
}

function printed(f: Figure): string {
  return `${formatNumber(f.value)}${f.denominator !== null ? `/${formatNumber(f.denominator)}` : ''}${f.unit === '%' ? '%' : ''}`;
}

/** Union-find over figure keys declared the same quantity. */
function groups(pairs: [string, string][]): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  return find;
}

export function checkSeriesPoints(
  reports: ReportContent[],
  declared: SameDeclaration[],
  indicatorById: ReadonlyMap<string, Indicator>,
  issues: Issue[],
  lenient: boolean,
): void {
  const byKey = new Map<string, Figure>();
  const fileOf = new Map<string, string>();
  for (const r of reports)
    for (const f of r.figures) {
      byKey.set(f.key, f);
      fileOf.set(f.key, r.files.figures ?? r.files.report);
    }

  // Declarations: both figures must exist and sit on one point.
  const valid: SameDeclaration[] = [];
  for (const d of declared) {
    const a = byKey.get(d.a);
    const b = byKey.get(d.b);
    if (!b) {
      issues.push({
        level: 'error',
        code: 'unknown-figure',
        file: d.file,
        line: d.line,
        column: 'expression',
        message: `Không có số liệu "${d.b}" (hoặc dòng của nó đang có lỗi).`,
        hint: 'Ghi mã số liệu cùng báo cáo, hoặc "<mã báo cáo>/<mã số liệu>" cho số liệu của báo cáo khác.',
      });
      continue;
    }
    if (!a) continue; // reported by checks.csv's own row check
    const diff = POINT_FIELDS.filter((k) => a[k] !== b[k]);
    if (diff.length) {
      issues.push({
        level: 'error',
        code: 'same-not-one-point',
        file: d.file,
        line: d.line,
        column: 'expression',
        message: `"${a.id}" và "${d.b}" được khai báo là cùng một số liệu nhưng khác nhau ở: ${diff.map((k) => `${k} ("${a[k] ?? ''}" / "${b[k] ?? ''}")`).join(', ')}.`,
        hint: 'Chỉ khai báo "same" cho hai số liệu cùng chỉ số, phạm vi, phân tổ, cơ sở, trạng thái và kỳ; nếu chúng là hai đại lượng khác nhau, xóa dòng này.',
      });
      continue;
    }
    valid.push(d);
  }
  const group = groups(valid.map((d) => [d.a, d.b]));

  // Figures on one point, in report then file order.
  const byPoint = new Map<string, Figure[]>();
  for (const f of byKey.values()) byPoint.set(pointKey(f), [...(byPoint.get(pointKey(f)) ?? []), f]);
  for (const figs of byPoint.values()) {
    if (figs.length < 2) continue;
    const label = indicatorById.get(figs[0].indicator)?.label ?? figs[0].indicator;
    figs.forEach((f, i) => {
      const first = figs.slice(0, i).find((g) => differs(g, f));
      if (!first) return;
      if (group(first.key) === group(f.key)) {
        const d = valid.find((v) => group(v.a) === group(f.key))!;
        issues.push({
          level: 'warning',
          code: 'conflicting-values',
          file: d.file,
          line: d.line,
          message: `Cùng một số liệu (${label}) được in với các giá trị khác nhau: ${printed(first)} (${sectionPhrase(first.section)}${first.reportId !== f.reportId ? `, ${first.reportId}` : ''}) và ${printed(f)} (mục ${f.section}${first.reportId !== f.reportId ? `, ${f.reportId}` : ''}).`,
          figures: [first.key, f.key],
        });
        return;
      }
      const sameReport = first.reportId === f.reportId;
      const declare = sameReport ? `same,${first.id},${f.id},` : `same,${f.id},${first.key},`;
      issues.push({
        level: lenient ? 'warning' : 'error',
        code: 'series-conflict',
        file: fileOf.get(f.key)!,
        line: f.line,
        column: 'value',
        message:
          `Hai số liệu trên cùng một điểm chuỗi (chỉ số "${f.indicator}", phạm vi "${f.scope}", phân tổ "${f.breakdown ?? ''}", cơ sở "${f.basis}", trạng thái "${f.status}", kỳ "${f.period}") ` +
          `nhưng khác giá trị: ${printed(f)} ở đây và ${printed(first)} ở "${first.key}" (${fileOf.get(first.key)}:${first.line}).`,
        hint: `Nếu là hai đại lượng khác nhau: phân biệt bằng chỉ số, phân tổ, cơ sở (basis) hoặc kỳ (period) khác. Nếu là cùng một số liệu được in lệch nhau: thêm dòng "${declare}" vào checks.csv của báo cáo ${sameReport ? first.reportId : f.reportId}.`,
        // Within one report the discrepancy stays a data-quality note while lenient.
        figures: lenient && sameReport ? [first.key, f.key] : undefined,
      });
    });
  }
}
