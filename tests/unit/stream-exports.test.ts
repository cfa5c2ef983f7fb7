// The build streams its exports to disk (row chunks, the bulk zip entry by entry, workbooks row by
// row) to bound memory at 1,000 reports. Streaming must not change a byte: each streaming writer is
// compared with the whole-string / in-memory writer it replaced, on a table of hard cases and on the
// real content's tables.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { bulkEntries, bulkZip, bulkZipChunks } from '../../src/publish/bulk.ts';
import { buildDatasets, csvChunks, datasetFiles, jsonChunks, referenceTables, toCsv, toJson, type Column, type Table } from '../../src/publish/datasets.ts';
import { exportFiles, writeCatalogues, writeExports } from '../../src/publish/export.ts';
import { sha256, Sha256 } from '../../src/publish/sha256.ts';
import { infoSheetLines, markFormulaLike, normaliseZip, quotePrefixStyles, toXlsx, ZIP_MTIME, type XlsxMeta } from '../../src/publish/xlsx.ts';

const { site } = runPipeline(process.cwd());

const col = (name: string, type: Column['type'] = 'string'): Column => ({ name, type, title: `Tiêu đề ${name}`, description: `Mô tả ${name}` });
// Quotes, commas, CR/LF, formulas (and the lone "=" comparator), leading/trailing blanks, Vietnamese, astral UTF-8, empties.
const CELLS: Table['rows'][number] = ['x', 'a,b', 'q"q', 'dòng\nmới', 'r\r\nn', '', null, 0, -1.5, '=1+2', '=', '+x', '-3', '@a', '\tt', ' sp ', 'Tiếng Việt đ Đ', '😀 ở', '"', ','];
const cases: [string, Table][] = [];
for (const n of [1, 2, 5]) {
  for (const rows of [0, 1, 499, 500, 501, 1234]) {
    cases.push([`${n} columns × ${rows} rows`, { columns: Array.from({ length: n }, (_, j) => col(j === 0 ? 'a"b,c' : `c${j}`)), rows: Array.from({ length: rows }, (_, i) => Array.from({ length: n }, (_, j) => CELLS[(i * 7 + j * 3) % CELLS.length])) }]);
  }
}
// A one-column table has empty lines, which the string writer strips at the end: across chunk edges too.
for (const [name, empty] of [['all empty', () => true], ['last 600 empty', (i: number) => i >= 401], ['first 600 empty', (i: number) => i < 600]] as const) {
  cases.push([`one column, ${name}`, { columns: [col('v')], rows: Array.from({ length: 1001 }, (_, i) => [empty(i) ? null : 'v']) }]);
}

describe('streaming table writers = the string writers', () => {
  it.each(cases)('CSV and JSON, %s', (_name, table) => {
    expect([...csvChunks(table)].join('')).toBe(toCsv(table));
    expect([...jsonChunks(table)].join('')).toBe(toJson(table));
  });

  it('every published table of the real content', () => {
    for (const t of [...buildDatasets(site).map((d) => d.table), ...referenceTables(site).map((r) => r.table)]) {
      expect([...csvChunks(t)].join('')).toBe(toCsv(t));
      expect([...jsonChunks(t)].join('')).toBe(toJson(t));
    }
  });
});

describe('incremental SHA-256', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_000])('%i bytes in chunks of 1, 63, 64, 65 and 4096 match node:crypto', (n) => {
    const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
    const ref = createHash('sha256').update(data).digest('hex');
    expect(sha256(data)).toBe(ref);
    for (const step of [1, 63, 64, 65, 4096]) {
      const h = new Sha256();
      for (let i = 0; i < n; i += step) h.update(data.subarray(i, i + step));
      expect(h.hex(), `step ${step}`).toBe(ref);
    }
  });
});

describe('writeExports', () => {
  it('hands each file to the sink once, with facts that match its bytes, and exportFiles holds the same files', () => {
    const seen = new Map<string, string>();
    const facts = writeExports(site, (path, content) => {
      expect(seen.has(path), path).toBe(false);
      const text = typeof content === 'string' ? content : [...content].join('');
      seen.set(path, text);
      const bytes = new TextEncoder().encode(text);
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    const files = exportFiles(site);
    expect(files.map((f) => f.path)).toEqual([...seen.keys()].sort((a, b) => a.localeCompare(b)));
    for (const f of files) {
      expect(seen.get(f.path), f.path).toBe(f.content);
      expect(facts.get(f.path)!.sha256, f.path).toBe(sha256(f.content));
    }
  });
});

describe('writeCatalogues after writeExports({ catalogues: false }), as the build does', () => {
  const sink = (out: Map<string, string>) => (path: string, content: string | Iterable<string>) => {
    const text = typeof content === 'string' ? content : [...content].join('');
    out.set(path, text);
    return { bytes: new TextEncoder().encode(text).length, sha256: sha256(text) };
  };
  it('writes the same files as one writeExports, none twice; the deferred ones are the catalogues', () => {
    const whole = new Map<string, string>();
    writeExports(site, sink(whole));
    const first = new Map<string, string>();
    const facts = writeExports(site, sink(first), { catalogues: false });
    const later = new Map<string, string>();
    writeCatalogues(site, facts, sink(later));
    expect([...later.keys()].filter((p) => first.has(p))).toEqual([]);
    expect(new Map([...first, ...later])).toEqual(whole);
    expect([...later.keys()]).toContain('data/catalog.ttl');
    expect([...later.keys()]).toContain('data/data.json');
    expect([...later.keys()].every((p) => p.startsWith('data/catalog.') || p.startsWith('data/dcat/') || p === 'data/data.json' || p.startsWith('api/'))).toBe(true);
  });

  it('a workbook whose facts are known gets byteSize and checksum in DCAT and size and hash in the CKAN API', () => {
    const facts = writeExports(site, sink(new Map()), { catalogues: false });
    const d = buildDatasets(site).find((x) => datasetFiles(x).xlsx)!;
    const xlsx = `data/${datasetFiles(d).xlsx!}`;
    const known = { bytes: 123_457, sha256: 'ab'.repeat(32) };
    const without = new Map<string, string>();
    writeCatalogues(site, new Map(facts), sink(without));
    expect(without.get('data/catalog.ttl')).not.toContain('123457');
    const withFacts = new Map<string, string>();
    writeCatalogues(site, new Map([...facts, [xlsx, known]]), sink(withFacts));
    expect(withFacts.get('data/catalog.ttl')).toContain('"123457"^^');
    expect(withFacts.get('data/catalog.ttl')).toContain(known.sha256);
    const ckan = [...withFacts].filter(([p]) => p.startsWith('api/')).map(([, t]) => t).join('\n');
    expect(ckan).toContain(known.sha256);
  });
});

/** The bulk zip as it was built before streaming: every entry in memory, one zipSync. */
function bulkZipInMemory(files: { path: string; content: string }[]): Uint8Array {
  const entries = bulkEntries(site, files);
  const enc = new TextEncoder();
  const z: Zippable = {};
  for (const p of [...entries.keys()].sort()) z[`cchc-kon-tum/${p}`] = [enc.encode(entries.get(p)!), { mtime: new Date('1980-01-01T00:00:00Z'), level: 6 }];
  return zipSync(z);
}

describe('bulk zip written entry by entry = one zipSync', () => {
  const files = exportFiles(site);
  it('on the real content', () => {
    const chunks = [...bulkZipChunks(site, files.map((f) => ({ path: f.path, read: () => new TextEncoder().encode(f.content), sha256: sha256(f.content) })))];
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.from(bulkZip(site, files)).equals(Buffer.from(bulkZipInMemory(files)))).toBe(true);
  });

  it('with entries reused from a cache (the build keys them by name and checksum): the same bytes', async () => {
    const { zipEntry } = await import('../../src/publish/bulk.ts');
    const cache = new Map<string, Uint8Array>();
    let computed = 0;
    const cached = (name: string, sum: string, read: () => Uint8Array) => {
      const key = `${name}\0${sum}`;
      if (!cache.has(key)) (computed++, cache.set(key, zipEntry(name, sum, read)));
      return cache.get(key)!;
    };
    const sources = () => files.map((f) => ({ path: f.path, read: () => new TextEncoder().encode(f.content), sha256: sha256(f.content) }));
    const join = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));
    const first = join([...bulkZipChunks(site, sources(), cached)]);
    const misses = computed;
    const second = join([...bulkZipChunks(site, sources(), cached)]);
    expect(computed).toBe(misses);
    expect(second.equals(first)).toBe(true);
    expect(first.equals(Buffer.from(bulkZip(site, files)))).toBe(true);
  });

  it('with a file too small to compress, an empty one and non-ASCII names', () => {
    const few = [
      { path: 'data/observations.csv', content: 'a\r\n' },
      { path: 'data/targets.json', content: '' },
      { path: 'data/bao-cao/bản-đồ/source.txt', content: 'Tiếng Việt '.repeat(5000) },
    ];
    const zip = bulkZip(site, few);
    expect(Buffer.from(zip).equals(Buffer.from(bulkZipInMemory(few)))).toBe(true);
    expect(Object.keys(unzipSync(zip))).toContain('cchc-kon-tum/bao-cao/bản-đồ/source.txt');
  });
});

/** toXlsx before streaming: ExcelJS's in-memory workbook (the bytes the portal published until now). */
async function toXlsxInMemory(table: Table, meta: XlsxMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(`${meta.modified}T00:00:00Z`);
  wb.created = stamp;
  wb.modified = stamp;
  wb.creator = 'Cổng dữ liệu CCHC Kon Tum';
  wb.title = meta.title;
  const ws = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const numFmt = (c: Column, i: number) => {
    if (c.type === 'integer') return '#,##0';
    if (c.type === 'date') return 'yyyy-mm-dd';
    if (c.type === 'number') return table.rows.every((r) => r[i] === null || Number.isInteger(r[i])) ? '#,##0' : 'General';
    return undefined;
  };
  ws.columns = table.columns.map((c, i) => ({ header: c.title, key: c.name, width: Math.min(60, Math.max(10, c.title.length + 2)), style: numFmt(c, i) ? { numFmt: numFmt(c, i) } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = ws.addRow(row.map((v, i) => (v === null ? null : table.columns[i].type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)));
    markFormulaLike(table, row, (i) => added.getCell(i + 1));
  }
  const info = wb.addWorksheet('Thông tin');
  info.columns = [{ width: 28 }, { width: 100 }];
  // Same lines as the streaming writer: this oracle checks how they are written, not what they say.
  for (const l of infoSheetLines(table, meta)) info.addRow(l);
  info.getColumn(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  const entries = unzipSync(new Uint8Array(buf as ArrayBuffer));
  entries['xl/styles.xml'] = quotePrefixStyles(entries['xl/styles.xml']);
  return normaliseZip(zipSync(entries), ['[Content_Types].xml']);
}

const META: XlsxMeta = { title: 'Bảng "thử", có dấu', description: 'Mô tả <b>&</b>', url: 'https://example.invalid/du-lieu/x/', license: 'CC BY 4.0', citation: 'Trích dẫn', version: '2025.1', modified: '2025-03-31' };

describe('streaming workbook = the in-memory workbook', () => {
  const typed: Table = {
    columns: [col('id'), col('value', 'number'), col('n', 'integer'), col('date', 'date'), col('note')],
    rows: [
      ['a', 98.7, 1, '2024-01-02', 'x "q", y\nz'],
      ['b', null, null, null, null],
      ['c', 1.279096, 67628, '2025-03-31', '=SUM(A1)'],
      ['d', -3, 0, null, ''],
      ['đ', 0.5, 2, '1999-12-31', 'Tiếng Việt 😀 <&>'],
      ['a', 98.7, 1, '2024-01-02', 'x "q", y\nz'],
    ],
  };
  const wholeNumbers: Table = { columns: [col('id'), col('value', 'number')], rows: [['a', 1], ['b', null], ['c', 3]] };
  const headerOnly: Table = { columns: [col('id'), col('value', 'number')], rows: [] };
  const wide: Table = { columns: Array.from({ length: 30 }, (_, j) => col(`c${j}`)), rows: [Array.from({ length: 30 }, (_, j) => `v${j}`)] };
  it.each([
    ['typed cells, repeated strings, formulas, blanks', typed],
    ['a number column of whole numbers', wholeNumbers],
    ['header only', headerOnly],
    ['30 columns (AA…AD)', wide],
  ])('%s', async (_name, table) => {
    expect(Buffer.from(await toXlsx(table, META)).equals(Buffer.from(await toXlsxInMemory(table, META)))).toBe(true);
  });

  it('every canonical table of the real content', async () => {
    const tables = [...buildDatasets(site).filter((d) => d.kind !== 'report').map((d) => d.table), ...referenceTables(site).map((r) => r.table)];
    for (const t of tables) expect(Buffer.from(await toXlsx(t, META)).equals(Buffer.from(await toXlsxInMemory(t, META)))).toBe(true);
  }, 60_000);

  it('keeps fixed zip timestamps', async () => {
    const entries = unzipSync(await toXlsx(typed, META));
    expect(Object.keys(entries)[0]).toBe('[Content_Types].xml');
    expect(ZIP_MTIME.getUTCFullYear()).toBe(1980);
  });
});
