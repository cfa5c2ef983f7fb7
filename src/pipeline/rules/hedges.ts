// Validator rule family: the hedge word printed before a figure's value ("khoảng", "gần", "trên",
// "tối thiểu" …) and its comparator mean the same thing, because the portal shows the value
// with that word and a reader checks it against the source (src/core/hedge.ts).
import { COMPARATOR_WORDS, hedgeVerdict } from '../../core/hedge.ts';
import type { Issue } from '../../core/model.ts';
import type { Comparator } from '../../core/schema.ts';

const shown = (c: Comparator | null) => (c && COMPARATOR_WORDS[c] ? `"${COMPARATOR_WORDS[c]}"` : 'không có từ nào');

/**
 * The printed hedge to show with the figure (null: none), and the issue when the comparator
 * disagrees with what is printed: an error when the comparator is set and every printing of the
 * value carries a hedge of another meaning, a warning when the comparator is empty (or "=") but
 * every printing is hedged (the portal would drop the word).
 */
export function hedgeCheck(
  row: { file: string; line: number; id: string; quote: string; value: number; comparator: Comparator | null },
): { hedge: string | null; issue: Issue | null } {
  const verdict = hedgeVerdict(row.quote, row.value, row.comparator);
  if (verdict.ok) return { hedge: verdict.hedge, issue: null };
  const where = `Số liệu "${row.id}": văn bản in "${verdict.printed} ${verdict.token}"`;
  const fix = `Ghi comparator "${verdict.expected}" ("${verdict.printed}"); không sửa giá trị.`;
  return {
    hedge: null,
    issue:
      verdict.kind === 'contradicts'
        ? { level: 'error', code: 'hedge-mismatch', file: row.file, line: row.line, column: 'comparator', message: `${where} nhưng comparator "${row.comparator}" sẽ hiện ${shown(row.comparator)}.`, hint: fix }
        : {
            level: 'warning',
            code: 'hedge-unstated',
            file: row.file,
            line: row.line,
            column: 'comparator',
            message: `${where} nhưng comparator ${row.comparator ? `"${row.comparator}"` : 'để trống'}: cổng sẽ hiện số không kèm từ "${verdict.printed}".`,
            hint: `${fix} Nếu "${verdict.printed}" ở đây không nói về số này, chọn trích dẫn khác hoặc ghi lý do vào cột note.`,
          },
  };
}
