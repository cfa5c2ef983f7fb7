// Validator rule family: the rows of figures.csv. Each row references the catalogues
// (indicator and its unit of measure, organization, breakdown), is cited by a verbatim
// quote (quotes.ts), has a canonical period (periods.ts) and an id that is a safe anchor.
import type { Figure, Issue } from '../../core/model.ts';
import { carriedFields, FIGURE_COLUMNS, figureCsvRowSchema, type Report } from '../../core/schema.ts';
import type { RawFile } from '../load.ts';
import { HTML_TAG, pageSections, type Refs } from './context.ts';
import { tableRows } from './csv.ts';
import { hedgeCheck } from './hedges.ts';
import { canonicalPeriod } from './periods.ts';
import { quoteProblems } from './quotes.ts';
import { didYouMean, figureAnchorProblem } from './strict.ts';
import { describeChar } from '../read-content.ts';

/** When two texts differ only in which space characters they use (NBSP from Word): the cell's odd one, described. */
function spaceDifference(cell: string, expected: string): string | null {
  if (cell === expected || cell.replace(/\s/g, ' ') !== expected.replace(/\s/g, ' ')) return null;
  const i = [...cell].findIndex((c, k) => c !== [...expected][k]);
  return describeChar([...cell][i]);
}

/** The valid figures of one report's figures.csv; every other row becomes errors. */
export function validateFigures(file: RawFile, meta: Report, sourceText: string, refs: Refs, issues: Issue[]): Figure[] {
  const figures: Figure[] = [];
  const sections = new Set(pageSections(refs));
  const seen = new Map<string, number>();
  // "Có phải …?" costs an edit distance per catalogue entry: bounded per file, so a hostile file stays fast.
  let guesses = 0;
  const guessId = (id: string, known: Iterable<string>) => (guesses++ < 50 ? didYouMean(id, [...known]) : null);
  for (const { line, data, err } of tableRows(file, FIGURE_COLUMNS, figureCsvRowSchema, issues)) {
    // A leading list marker ("- ", "+ ") is layout, and would read as a formula in spreadsheets.
    const f = { ...data, quote: data.quote.replace(/^[-+•]\s+/, '') };
    let ok = true;
    const seenAt = seen.get(f.id);
    if (seenAt !== undefined) {
      err('id', 'duplicate-id', `Mã số liệu "${f.id}" bị trùng (đã có ở dòng ${seenAt}).`, 'Đặt id khác cho một trong hai dòng.');
      ok = false;
    } else seen.set(f.id, line);
    const indicator = refs.indicatorById.get(f.indicator);
    if (!indicator) {
      const guess = guessId(f.indicator, refs.indicatorById.keys());
      err('indicator', 'unknown-indicator', `Chỉ số "${f.indicator}" không có trong data/indicators.json${guess ? ` — có phải "${guess}"?` : '.'}`, guess ? `Sửa thành "${guess}", hoặc thêm chỉ số mới vào data/indicators.json nếu đây là khái niệm khác.` : 'Dùng id chỉ số sẵn có (tìm theo tên trong data/indicators.json) hoặc thêm chỉ số mới vào danh mục.');
      ok = false;
    } else if (indicator.unit !== f.unit) {
      const space = spaceDifference(f.unit, indicator.unit);
      err('unit', 'unit-mismatch', `Đơn vị tính "${f.unit}" khác đơn vị tính của chỉ số "${f.indicator}" ("${indicator.unit}")${space ? `: chỉ khác ở khoảng trắng, ô dùng ${space}` : ''}.`, `Ghi đơn vị tính "${indicator.unit}"${space ? ' (gõ lại khoảng trắng bằng phím cách)' : ''}.`);
      ok = false;
    }
    if (!refs.orgIds.has(f.scope)) {
      const guess = guessId(f.scope, refs.orgIds);
      err('scope', 'unknown-organization', `Cơ quan, đơn vị "${f.scope}" không có trong data/organizations.json${guess ? ` — có phải "${guess}"?` : '.'}`, guess ? `Sửa thành "${guess}", hoặc thêm tổ chức vào danh mục.` : 'Sửa id hoặc thêm tổ chức vào danh mục.');
      ok = false;
    }
    if (f.breakdown && !refs.breakdownIds.has(f.breakdown)) {
      const guess = guessId(f.breakdown, refs.breakdownIds);
      err('breakdown', 'unknown-breakdown', `Phân tổ "${f.breakdown}" không có trong data/breakdowns.json${guess ? ` — có phải "${guess}"?` : '.'}`, guess ? `Sửa thành "${guess}", hoặc thêm phân tổ vào danh mục.` : 'Sửa id hoặc thêm phân tổ vào danh mục.');
      ok = false;
    }
    if (f.note && HTML_TAG.test(f.note)) {
      err('note', 'html', 'Không được dùng thẻ HTML trong ghi chú.', 'Viết văn bản thuần.');
      ok = false;
    }
    if (HTML_TAG.test(f.section)) {
      err('section', 'html', 'Không được dùng thẻ HTML trong tên mục.', 'Ghi mục như văn bản in, vd. "II.2.c".');
      ok = false;
    }
    const value = Number(f.value);
    const denominator = f.denominator === '' ? null : Number(f.denominator);
    const { location, problems } = quoteProblems(sourceText, f.quote, value, denominator, ok);
    for (const p of problems) err(p.column, p.code, p.message, p.hint);
    if (problems.length) ok = false;
    const anchor = figureAnchorProblem(f.id, sections);
    if (anchor) {
      err('id', 'anchor-clash', anchor, 'Đổi id số liệu.');
      ok = false;
    }
    let period = f.period;
    const canonical = canonicalPeriod(f.period, refs.lenient, { file: file.path, line });
    if (canonical) {
      issues.push(canonical.issue);
      if (!refs.lenient) ok = false;
      period = canonical.period;
    }
    if (!ok || !location || !indicator) continue;
    const comparator = f.comparator || null;
    const { hedge, issue } = hedgeCheck({ file: file.path, line, id: f.id, quote: f.quote, value, comparator });
    if (issue) {
      issues.push(issue);
      if (issue.level === 'error') continue;
    }
    figures.push({
      key: `${meta.id}/${f.id}`,
      reportId: meta.id,
      id: f.id,
      indicator: f.indicator,
      scope: f.scope,
      breakdown: f.breakdown || null,
      period,
      basis: f.basis || indicator.basis,
      status: f.status || 'actual',
      value,
      denominator,
      unit: f.unit,
      comparator,
      hedge,
      section: f.section,
      quote: f.quote,
      ...carriedFields(f),
      line,
      location,
    });
  }
  return figures;
}
