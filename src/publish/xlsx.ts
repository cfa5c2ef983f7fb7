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
  const entries = unzipSync(bytes);
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

export async function toXlsx(table: Table, meta: XlsxMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(`${meta.modified}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  wb.creator = 'Cổng dữ liệu CCHC Kon Tum';
  wb.title = meta.title;
  const ws = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => ({
    header: c.title,
    key: c.name,
    width: Math.min(60, Math.max(10, c.title.length + 2)),
    style: numFmt(c, table.rows, i) ? { numFmt: numFmt(c, table.rows, i) } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    ws.addRow(
      row.map((v, i) => {
        if (v === null) return null;
        if (table.columns[i].type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
        // Text stays text: a cell starting with "=" is never a formula in a typed xlsx cell.
        return v;
      }),
    );
  }
  const info = wb.addWorksheet('Thông tin');
  info.columns = [{ width: 28 }, { width: 100 }];
  const lines: [string, string][] = [
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
  for (const l of lines) info.addRow(l);
  info.getColumn(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(buf as ArrayBuffer), ['[Content_Types].xml']);
}
