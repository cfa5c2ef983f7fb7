// Validator rule family: CSV tables (figures.csv, checks.csv), read by header name.
import Papa from 'papaparse';
import type { z } from 'zod';
import type { Issue } from '../../core/model.ts';
import type { CsvColumns } from '../../core/schema.ts';
import type { RawFile } from '../load.ts';
import { describeChar, forbiddenChar } from '../read-content.ts';
import { cellProblem, LIMITS } from './limits.ts';
import { zodMessageVi, type ZodIssueLike } from './strict.ts';

interface CsvRow {
  line: number;
  cells: string[];
}

/** Parse CSV with papaparse, keeping the line where each record starts. */
function parseCsv(file: RawFile, issues: Issue[]): CsvRow[] {
  const rows: CsvRow[] = [];
  // One line end for papaparse, which guesses a single one from the first it meets: a file mixing CR ("CSV (Macintosh)")
  // and CRLF lines merged rows. Each CR, LF or CRLF stays one line end, so line numbers do not move.
  const text = file.text.replace(/\r\n?/g, '\n');
  // papaparse's cursor is the offset where the next record starts; count newlines up to each record.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const recordLine = line;
      // LF, CRLF, or a lone CR (Excel for Mac's "CSV (Macintosh)"), which papaparse also reads as a line end.
      for (let i = start; i < result.meta.cursor; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      start = result.meta.cursor;
      for (const e of result.errors) {
        issues.push({
          level: 'error',
          code: 'csv-syntax',
          file: file.path,
          line: recordLine,
          message: `CSV lỗi cú pháp: ${e.message}.`,
          hint: 'Ô chứa dấu phẩy hoặc xuống dòng phải nằm trong ngoặc kép; ngoặc kép bên trong viết thành "".',
        });
      }
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === '') return; // blank line
      rows.push({ line: recordLine, cells });
    },
  });
  return rows;
}

/** Reports an error on one row: (column, code, message, hint). */
export type ReportError = (column: string | undefined, code: string, message: string, hint?: string) => void;

/**
 * The data rows of a CSV file read by header name: columns in any order, optional
 * columns absent or empty (read as ""), unknown or repeated columns rejected. Each
 * row must pass `schema`; it comes with its line and an error reporter for it. An
 * empty file, a bad header, a wrong cell count or a schema failure is reported
 * (file, line, column) and the row left out.
 */
export function tableRows<T>(file: RawFile, columns: CsvColumns, schema: z.ZodType<T>, issues: Issue[]): { line: number; data: T; err: ReportError }[] {
  const name = file.path.split('/').pop();
  const rows = parseCsv(file, issues);
  const required = columns.all.filter((c) => !columns.optional.includes(c));
  const model = `${columns.all.join(',')} (thứ tự tùy ý; có thể bỏ cột tùy chọn: ${columns.optional.join(', ')})`;
  if (rows.length === 0) {
    issues.push({ level: 'error', code: 'csv-header', file: file.path, line: 1, message: `${name} rỗng.`, hint: `Dòng đầu là tên cột: ${model}` });
    return [];
  }
  const header = rows[0].cells.map((c) => c.trim());
  // A column name with a hidden character ("quote" + U+200B from a copied header) would read as an unknown column.
  for (const name of header) {
    const bad = forbiddenChar(name);
    if (!bad) continue;
    const visible = [...name].filter((_, i, all) => all.slice(0, i).join('').length !== bad.offset).join('');
    issues.push({ level: 'error', code: 'control-char', file: file.path, line: rows[0].line, column: visible, message: `Tên cột "${visible}" có ký tự ${describeChar(bad.char)}: ${bad.reason}.`, hint: 'Gõ lại tên cột ở dòng đầu (ký tự ẩn thường bị dán vào khi sao chép từ Word/PDF/Zalo).' });
    return [];
  }
  const headerError = (message: string, hint: string) => issues.push({ level: 'error', code: 'csv-header', file: file.path, line: rows[0].line, message, hint });
  const unknown = header.filter((c) => !columns.all.includes(c));
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  const missing = required.filter((c) => !header.includes(c));
  if (unknown.length || repeated.length || missing.length) {
    // Excel in a Vietnamese locale saves "CSV" with ";" (or tab) between cells: the header is then one cell.
    const separator = header.length === 1 ? [';', '\t'].find((d) => header[0].includes(d)) : undefined;
    if (separator)
      headerError(`Dòng tiêu đề dùng dấu ${separator === ';' ? '";"' : 'tab'} để phân cách cột, không phải dấu phẩy.`, `Lưu lại tệp dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"; các cột: ${model}`);
    else if (unknown.length)
      headerError(`Cột không có trong mô hình: ${unknown.map((c) => `"${c}"`).join(', ')}.`, `Các cột đã biết: ${columns.all.join(', ')}.`);
    if (repeated.length) headerError(`Cột lặp lại: ${[...new Set(repeated)].join(', ')}.`, 'Mỗi cột chỉ xuất hiện một lần ở dòng đầu.');
    if (missing.length && !separator) headerError(`Thiếu cột bắt buộc: ${missing.join(', ')}.`, `Dòng đầu phải có các cột: ${model}`);
    return [];
  }
  const out: { line: number; data: T; err: ReportError }[] = [];
  if (rows.length - 1 > LIMITS.csvRows)
    issues.push({ level: 'error', code: 'limit', file: file.path, line: rows[LIMITS.csvRows + 1].line, message: `${name} có ${rows.length - 1} dòng dữ liệu, tối đa ${LIMITS.csvRows}.`, hint: 'Xem giới hạn trong content/README.md; tách văn bản quá dài thành nhiều báo cáo.' });
  for (const row of rows.slice(1, LIMITS.csvRows + 1)) {
    const err: ReportError = (column, code, message, hint) => issues.push({ level: 'error', code, file: file.path, line: row.line, column, message, hint });
    if (row.cells.length !== header.length) {
      err(undefined, 'csv-columns', `Dòng có ${row.cells.length} ô, cần ${header.length} (theo dòng tiêu đề).`, 'Ô chứa dấu phẩy phải nằm trong ngoặc kép.');
      continue;
    }
    const bad = header.map((c, i) => [c, cellProblem(c, row.cells[i])] as const).find(([, p]) => p);
    if (bad?.[1]) {
      err(bad[0], bad[1].code, bad[1].message, bad[1].hint);
      continue;
    }
    const cells = new Map(header.map((c, i) => [c, row.cells[i].trim()]));
    const parsed = schema.safeParse(Object.fromEntries(columns.all.map((c) => [c, cells.get(c) ?? ''])));
    if (!parsed.success) {
      for (const i of parsed.error.issues) err(String(i.path[0]), 'schema', `Cột "${String(i.path[0])}": ${zodMessageVi(i as ZodIssueLike, cells.get(String(i.path[0])))}`, `Xem định dạng ${name} trong content/README.md và docs/figure-model.md.`);
      continue;
    }
    out.push({ line: row.line, data: parsed.data, err });
  }
  return out;
}
