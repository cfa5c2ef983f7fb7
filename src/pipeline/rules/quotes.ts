// Validator rule family: a figure's verbatim quote. The quote is found in source.txt, and
// the value (and denominator) it records are printed in it, as quantities, in the order printed.
import { explainQuoteMiss, locateQuote, quoteDivergence, type QuoteLocation } from '../../core/quote.ts';
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
  if (!textMentionsValue(quote, value) && !(value === 0 && statesNone(quote))) {
    // "67.628" copied as printed reads as 67.628 (a decimal): the printed number is 67628.
    const thousands = [Math.round(value * 1000)].find((v) => v !== value && textMentionsValue(quote, v));
    problems.push({
      column: 'value',
      code: 'value-not-in-quote',
      message: thousands !== undefined ? `Ô value ghi ${value}, tức số thập phân ${plain(value)}, không có trong trích dẫn; trích dẫn in "${plain(thousands)}" nghĩa là ${thousands} (dấu "." phân tách hàng nghìn).` : `Giá trị ${plain(value)} không xuất hiện trong trích dẫn.`,
      hint: thousands !== undefined ? `Ghi value = ${thousands} (bỏ dấu "." hàng nghìn).` : value === 0 ? 'Số 0 phải được văn bản nói rõ ("không có …", "chưa phát hiện …", "…: Không."): chọn trích dẫn chứa câu đó.' : 'Kiểm tra lại số (dấu "." là hàng nghìn, "," là thập phân trong văn bản gốc) hoặc chọn trích dẫn chứa số đó.',
    });
  }
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
  if (!miss) {
    // A word added, dropped or changed: say where the quote stops following the source.
    const d = quoteDivergence(sourceText, quote);
    if (!d) return { column: 'quote', code: 'quote-not-found', message: 'Không tìm thấy trích dẫn trong source.txt (không đoạn nào của nguồn giống phần đầu hay phần cuối của trích dẫn).', hint: `${VERBATIM} Kiểm tra đúng báo cáo, đúng tệp source.txt.` };
    const { line } = lineCol(sourceText, d.at);
    const after = d.before ? `sau "…${d.before}" ` : 'ở đầu trích dẫn, ';
    const where = !d.source ? `${after}trích dẫn thêm "${d.quote}" mà nguồn không có` : !d.quote ? `${after}trích dẫn thiếu "${d.source}" của nguồn` : `${after}trích dẫn ghi "${d.quote}" còn nguồn in "${d.source}"`;
    return { column: 'quote', code: 'quote-not-found', message: `Không tìm thấy nguyên văn trích dẫn trong source.txt (gần khớp dòng ${line}): ${where}.`, hint: `Sao chép lại đoạn đó từ source.txt dòng ${line} (không gõ lại; chỉ được khác khoảng trắng, dấu * và số chú thích).` };
  }
  const { line } = lineCol(sourceText, miss.start);
  const words = miss.words.map((w) => `trích dẫn "${w.quote}", nguồn "${w.source}"`).join('; ');
  const why =
    miss.kind === 'tones'
      ? 'chỉ khác chỗ đặt dấu thanh (kiểu cũ "hoà/Thuỷ" và kiểu mới "hòa/Thủy")'
      : 'khác dấu, chữ hoa/thường hoặc dấu câu kiểu in (“ ” – —)';
  return {
    column: 'quote',
    code: 'quote-not-found',
    message: `Không tìm thấy nguyên văn trích dẫn trong source.txt; dòng ${line} của nguồn gần khớp nhưng ${why}: ${words}.`,
    hint: `Trích dẫn phải giữ đúng cách viết của văn bản gốc: sao chép đoạn đó từ source.txt dòng ${line} (không gõ lại).`,
  };
}
