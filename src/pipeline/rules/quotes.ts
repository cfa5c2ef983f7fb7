// Validator rule family: a figure's verbatim quote. The quote is found in source.txt, and
// the value (and denominator) it records are printed in it, as quantities, in the order printed.
import { explainQuoteMiss, locateQuote, type QuoteLocation } from '../../core/quote.ts';
import { lineCol } from '../read-content.ts';
import { statesNone, textMentionsValue } from '../../core/vn-number.ts';
import { fractionOrderProblem, valueRoleProblem } from './strict.ts';
import { plain } from './context.ts';

export interface QuoteProblem {
  column: 'quote' | 'value' | 'denominator';
  code: string;
  message: string;
  hint: string;
}

/**
 * Where the quote sits in the source (null: not found) and what is wrong with the numbers it
 * is cited for. `rowOk`: the row has no other error so far; the finer checks of a number's
 * role and a fraction's order only run on otherwise sound rows.
 */
export function quoteProblems(
  sourceText: string,
  quote: string,
  value: number,
  denominator: number | null,
  rowOk: boolean,
): { location: QuoteLocation | null; problems: QuoteProblem[] } {
  const problems: QuoteProblem[] = [];
  const location = locateQuote(sourceText, quote);
  if (!location) problems.push(notFound(sourceText, quote));
  // An explicit zero is printed in words ("không có", "chưa phát hiện"): the quote must say so.
  if (!textMentionsValue(quote, value) && !(value === 0 && statesNone(quote)))
    problems.push({
      column: 'value',
      code: 'value-not-in-quote',
      message: `Giá trị ${plain(value)} không xuất hiện trong trích dẫn.`,
      hint: value === 0 ? 'Số 0 phải được văn bản nói rõ ("không có …", "chưa phát hiện …", "…: Không."): chọn trích dẫn chứa câu đó.' : 'Kiểm tra lại số (dấu "." là hàng nghìn, "," là thập phân trong văn bản gốc) hoặc chọn trích dẫn chứa số đó.',
    });
  if (denominator !== null && !textMentionsValue(quote, denominator))
    problems.push({ column: 'denominator', code: 'value-not-in-quote', message: `Mẫu số ${plain(denominator)} không xuất hiện trong trích dẫn.`, hint: 'Kiểm tra lại mẫu số hoặc chọn trích dẫn chứa số đó.' });
  const ok = rowOk && problems.length === 0;
  const role = ok ? valueRoleProblem(quote, value) : null;
  if (role) problems.push({ column: 'value', code: 'value-not-quantity', message: role, hint: 'Chọn đúng số liệu trong trích dẫn (không lấy năm, ngày tháng, số mục hay số hiệu văn bản).' });
  const order = ok && !role && denominator !== null ? fractionOrderProblem(quote, value, denominator) : null;
  if (order) problems.push({ column: 'denominator', code: 'fraction-order', message: order, hint: 'value là tử số (số đứng trước "/"), denominator là mẫu số.' });
  return { location, problems };
}

const VERBATIM = 'Sao chép nguyên văn từ source.txt (chỉ được khác khoảng trắng, dấu * và số chú thích).';

/** The quote-not-found problem, saying which words differ when the source has a near match. */
function notFound(sourceText: string, quote: string): QuoteProblem {
  const miss = explainQuoteMiss(sourceText, quote);
  if (!miss) return { column: 'quote', code: 'quote-not-found', message: 'Không tìm thấy trích dẫn trong source.txt.', hint: VERBATIM };
  const { line } = lineCol(sourceText, miss.start);
  const words = miss.words.map((w) => `trích dẫn "${w.quote}", nguồn "${w.source}"`).join('; ');
  const why =
    miss.kind === 'tones'
      ? 'cùng chữ nhưng dấu thanh đặt ở nguyên âm khác (kiểu "hoà/Thuỷ" và "hòa/Thủy")'
      : 'khác dấu, chữ hoa/thường hoặc dấu câu kiểu in (“ ” – —)';
  return {
    column: 'quote',
    code: 'quote-not-found',
    message: `Không tìm thấy nguyên văn trích dẫn trong source.txt; dòng ${line} của nguồn gần khớp nhưng ${why}: ${words}.`,
    hint: `Trích dẫn phải giữ đúng cách viết của văn bản gốc: sao chép đoạn đó từ source.txt dòng ${line} (không gõ lại).`,
  };
}
