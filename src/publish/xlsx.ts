// Excel downloads: a real .xlsx per table (typed numbers and dates, so no locale
// misreads "98.7" — a vi-VN Excel takes "." as the thousands separator in a CSV),
// with Vietnamese headers and a sheet of metadata, licence and citation.
// ExcelJS writes the workbook; the zip is rewritten with fixed timestamps and order
// so the same table gives the same bytes on every build.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Column, Table } from './datasets.ts';

/** Fixed zip timestamp (the zip format cannot store dates before 1980). */
export const ZIP_MTIME = new Date('1980-01-01T00:00:00Z');

/** Re-pack a zip with sorted-as-given entries, fixed mtimes and no directory entries. */
export function normaliseZip(bytes: Uint8Array, first: string[] = []): Uint8Array {
  return rezip(unzipSync(bytes), first);
}

function rezip(entries: Record<string, Uint8Array>, first: string[]): Uint8Array {
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const order = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n)).sort()];
  const out: Zippable = {};
  for (const n of order) out[n] = [entries[n], { mtime: ZIP_MTIME, level: 6 }];
  return zipSync(out);
}

export interface XlsxMeta {
  title: string;
  description: string;
  url: string;
  license: string;
  citation: string;
  version: string;
  /** ISO date the data was last modified: also the workbook's created/modified stamp. */
  modified: string;
}

const numFmt = (c: Column, rows: Table['rows'], i: number) => {
  if (c.type === 'integer') return '#,##0';
  if (c.type === 'date') return 'yyyy-mm-dd';
  // Show numbers as stored: a fixed decimal format would display 98.7 as 98.70 or 1.279096 rounded.
  if (c.type === 'number') return rows.every((r) => r[i] === null || Number.isInteger(r[i])) ? '#,##0' : 'General';
  return undefined;
};

/**
 * Text that Excel would read as a formula (or a sign) if a user retyped or edited the cell: "=…", "+…",
 * "-…", "@…". Written as a shared string it is never evaluated as published; on top, such cells get
 * the Text number format "@" (what ExcelJS can set) and quotePrefix="1" on that format's cell style
 * (quotePrefixStyles; ExcelJS cannot set it), so editing the cell in Excel keeps it text.
 */
export const FORMULA_LIKE = /^[=+\-@]/;

/** Give every formula-like text cell of `row` the Text format (the oracle in tests does the same). */
export function markFormulaLike(table: Table, row: Table['rows'][number], cell: (i: number) => { numFmt: string }): void {
  row.forEach((v, i) => {
    if (typeof v === 'string' && table.columns[i].type === 'string' && FORMULA_LIKE.test(v)) cell(i).numFmt = '@';
  });
}

/** styles.xml with quotePrefix="1" on every cell style of the Text format (numFmtId 49, used only by markFormulaLike). */
export function quotePrefixStyles(styles: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const xml = dec.decode(styles);
  const out = xml.replace(/<xf numFmtId="49"(?![^>]*quotePrefix)([^>]*?)(\/?)>/g, '<xf numFmtId="49"$1 quotePrefix="1"$2>');
  return out === xml ? styles : enc.encode(out);
}

/** Excel column letters of a 1-based index (1 → A, 27 → AA). */
const colLetter = (n: number): string => (n > 26 ? colLetter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** The used range of a sheet as the in-memory writer records it: from A1 to the last row and column holding a value. */
function dimension(rows: unknown[][]): string {
  let lastRow = 0;
  let lastCol = 0;
  rows.forEach((r, i) => {
    const c = r.reduce<number>((m, v, j) => (v === null || v === undefined ? m : j + 1), 0);
    if (c > 0) lastRow = i + 1;
    lastCol = Math.max(lastCol, c);
  });
  return `A1:${colLetter(lastCol)}${lastRow}`;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * ExcelJS's streaming writer serialises rows and cells exactly as its in-memory workbook does, but its
 * envelope differs in three places; restore them so the bytes stay those the portal always published
 * (tests/unit/stream-exports.test.ts compares with the in-memory writer): a line break after each
 * worksheet's XML declaration and its <dimension>, <Manager> in app.xml, and the shared-string table's
 * count of references (the streaming writer puts the count of distinct strings there).
 */
function asInMemoryWriter(entries: Record<string, Uint8Array>, dims: string[], references: number): void {
  dims.forEach((ref, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = entries[name];
    // The declaration and the opening <worksheet …> tag are ASCII: patch bytes, never decode the sheet.
    const decl = xml.indexOf(0x3e) + 1; // end of "<?xml …?>"
    const open = xml.indexOf(0x3e, decl) + 1; // end of "<worksheet …>"
    const inserted = enc.encode(`<dimension ref="${ref}"/>`);
    const out = new Uint8Array(xml.length + 1 + inserted.length);
    out.set(xml.subarray(0, decl));
    out[decl] = 0x0a;
    out.set(xml.subarray(decl, open), decl + 1);
    out.set(inserted, open + 1);
    out.set(xml.subarray(open), open + 1 + inserted.length);
    entries[name] = out;
  });
  entries['docProps/app.xml'] = enc.encode(dec.decode(entries['docProps/app.xml']).replace('<Company></Company>', '<Company></Company><Manager></Manager>'));
  const sst = entries['xl/sharedStrings.xml'];
  if (sst) {
    // "<?xml …?>\n<sst xmlns=… count="N" uniqueCount="M">": ASCII up to the end of the <sst> tag.
    const end = sst.indexOf(0x3e, sst.indexOf(0x3e) + 1) + 1;
    const head = enc.encode(dec.decode(sst.subarray(0, end)).replace(/ count="\d+"/, ` count="${references}"`));
    const out = new Uint8Array(sst.length - end + head.length);
    out.set(head);
    out.set(sst.subarray(end), head.length);
    entries['xl/sharedStrings.xml'] = out;
  }
}

/**
 * The workbook, written row by row with ExcelJS's streaming writer: a 90,000-row table never becomes
 * millions of cell objects (the in-memory workbook was the build's largest allocation).
 */
/** The "Thông tin" sheet: dataset facts, then one line per column (name, title — description). */
export function infoSheetLines(table: Table, meta: XlsxMeta): [string, string][] {
  return [
    ['Tên bộ dữ liệu', meta.title],
    ['Mô tả', meta.description],
    ['Trang bộ dữ liệu', meta.url],
    ['Phiên bản dữ liệu', meta.version],
    ['Cập nhật', meta.modified],
    ['Giấy phép', meta.license],
    ['Trích dẫn', meta.citation],
    ['', ''],
    ['Cột (mã)', 'Tên cột — mô tả'],
    ...table.columns.map((c): [string, string] => [c.name, `${c.title} — ${c.description}`]),
  ];
}

export async function toXlsx(table: Table, meta: XlsxMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, useStyles: true });
  const stamp = new Date(`${meta.modified}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  wb.creator = 'Cổng dữ liệu CCHC Kon Tum';
  // What the in-memory workbook wrote for properties the portal does not set.
  Object.assign(wb, { title: meta.title, subject: '', description: '', keywords: '', category: '', lastModifiedBy: 'Unknown' });
  const ws = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => ({
    header: c.title,
    key: c.name,
    width: Math.min(60, Math.max(10, c.title.length + 2)),
    style: numFmt(c, table.rows, i) ? { numFmt: numFmt(c, table.rows, i) } : {},
  }));
  ws.getRow(1).font = { bold: true };
  const cellsOf = (row: Table['rows'][number]) =>
    row.map((v, i) => {
      if (v === null) return null;
      if (table.columns[i].type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
      // Text stays text: a cell starting with "=" is never a formula in a typed xlsx cell.
      return v;
    });
  for (const row of table.rows) {
    const added = ws.addRow(cellsOf(row));
    markFormulaLike(table, row, (i) => added.getCell(i + 1));
    added.commit();
  }
  ws.commit();
  const info = wb.addWorksheet('Thông tin');
  info.columns = [{ width: 28 }, { width: 100 }];
  info.getColumn(1).font = { bold: true };
  const lines = infoSheetLines(table, meta);
  for (const l of lines) info.addRow(l).commit();
  info.commit();
  await wb.commit();
  const entries = unzipSync(new Uint8Array((wb as unknown as { stream: { toBuffer(): Uint8Array } }).stream.toBuffer()));
  const references = (wb as unknown as { sharedStrings: { totalRefs: number } }).sharedStrings.totalRefs;
  asInMemoryWriter(entries, [dimension([table.columns.map((c) => c.title), ...table.rows]), dimension(lines)], references);
  entries['xl/styles.xml'] = quotePrefixStyles(entries['xl/styles.xml']);
  return rezip(entries, ['[Content_Types].xml']);
}
