// Spreadsheet safety and round trips of the three table formats. Content is untrusted: a note or
// quote that starts with "=", "+", "-" or "@" must never become a formula — not in the published
// CSV (papaparse escapeFormulae: a leading '), not in the .xlsx as published (a shared string, no
// <f>), and not when a reader edits the cell in Excel (Text format + quotePrefix="1" on its style).
// And what is published is the figures: numbers stay numbers, text stays byte-identical in JSON.
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { observationTable, toCsv, toJson, type Cell, type Column, type Table } from '../../src/publish/datasets.ts';
import { FORMULA_LIKE, toXlsx, type XlsxMeta } from '../../src/publish/xlsx.ts';
import { csv, fixtureReader, GOOD, line } from '../fixtures/content.ts';

const META: XlsxMeta = { title: 't', description: 'd', url: 'https://example.invalid/', license: 'l', citation: 'c', version: 'v', modified: '2025-01-01' };
const col = (name: string, type: Column['type'] = 'string'): Column => ({ name, type, title: name.toUpperCase(), description: name });

const HOSTILE = ['=1+2', '+84 260 3862 000', '-5% so với kỳ trước', '@SUM(A1)', '=HYPERLINK("http://x.example","bấm")', '- gạch đầu dòng', '=', 'văn bản thường', '-'];
const table: Table = {
  columns: [col('text'), col('value', 'number'), col('n', 'integer'), col('day', 'date'), col('flag', 'boolean')],
  rows: HOSTILE.map((text, i): Cell[] => [text, [-3, 98.7, 0, 1.279096, -0.5, 67628, 12.25, -1000000, 0.001][i], i - 4, `2024-0${(i % 9) + 1}-1${i}`, i % 2 === 0]),
};

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const colIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The data sheet read back: each cell's raw attributes and value, by row and column; styles by index. */
function readXlsx(bytes: Uint8Array) {
  const zip = unzipSync(bytes);
  const shared = [...strFromU8(zip['xl/sharedStrings.xml']).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => xmlText([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const sheets = Object.keys(zip).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => strFromU8(zip[n]));
  const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
  const rows = [...sheet.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)].map((r) =>
    [...r[2].matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => ({
      col: colIndex(c[1]),
      type: /\bt="(\w+)"/.exec(c[2])?.[1] ?? 'n',
      style: Number(/\bs="(\d+)"/.exec(c[2])?.[1] ?? 0),
      value: /<v>(.*?)<\/v>/s.exec(c[3] ?? '')?.[1],
      inner: c[3] ?? '',
    })),
  );
  const styles = strFromU8(zip['xl/styles.xml']);
  const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?\/?>/g)].map((m) => m[0]);
  return { shared, sheets, rows, xfs };
}

/** A cell read back as the value it stands for (dates from Excel serials, shared strings by index). */
function cellValue(c: ReturnType<typeof readXlsx>['rows'][number][number], column: Column, shared: string[]): Cell {
  if (c.value === undefined) return null;
  if (c.type === 's') return shared[Number(c.value)];
  if (c.type === 'b') return c.value === '1';
  const n = Number(c.value);
  if (column.type === 'date') return new Date(Math.round((n - 25569) * 86400000)).toISOString().slice(0, 10);
  return n;
}

describe('xlsx: text that looks like a formula stays text', () => {
  it('no <f> element in any sheet, and every text cell is a shared string (t="s")', async () => {
    const x = readXlsx(await toXlsx(table, META));
    for (const s of x.sheets) expect(s).not.toMatch(/<f[\s>]/);
    for (const row of x.rows) for (const c of row) if (c.col === 0) expect(c.type).toBe('s');
    // No inline strings or formula strings anywhere on the data sheet.
    for (const row of x.rows) for (const c of row) expect(['s', 'n', 'b']).toContain(c.type);
  });

  it('formula-like text cells have the Text format with quotePrefix="1"; other cells do not', async () => {
    const x = readXlsx(await toXlsx(table, META));
    const body = x.rows.slice(1);
    expect(body).toHaveLength(HOSTILE.length);
    body.forEach((row, i) => {
      const text = row.find((c) => c.col === 0)!;
      const xf = x.xfs[text.style];
      if (FORMULA_LIKE.test(HOSTILE[i])) {
        expect(xf, HOSTILE[i]).toMatch(/numFmtId="49"/);
        expect(xf, HOSTILE[i]).toMatch(/quotePrefix="1"/);
      } else expect(xf ?? '', HOSTILE[i]).not.toMatch(/quotePrefix/);
      for (const c of row.filter((c) => c.col > 0)) expect(x.xfs[c.style] ?? '', `${HOSTILE[i]} col ${c.col}`).not.toMatch(/quotePrefix/);
    });
  });

  it('is deterministic: the same table gives the same bytes', async () => {
    expect(Buffer.from(await toXlsx(table, META)).equals(Buffer.from(await toXlsx(table, META)))).toBe(true);
  });
});

/** The three formats of a table, read back as rows of values. */
async function roundTrips(t: Table) {
  const parsed = Papa.parse<string[]>(toCsv(t).replace(/\r\n$/, ''), { newline: '\r\n' }).data;
  const csvRows = parsed.slice(1);
  const json = (JSON.parse(toJson(t)) as Record<string, Cell>[]).map((r) => t.columns.map((c) => r[c.name]));
  const x = readXlsx(await toXlsx(t, META));
  const xlsxRows = x.rows.slice(1).map((row) => t.columns.map((c, j) => {
    const cell = row.find((k) => k.col === j);
    return cell ? cellValue(cell, c, x.shared) : null;
  }));
  return { header: parsed[0], csvRows, json, xlsxRows };
}

function expectSame(t: Table, got: Awaited<ReturnType<typeof roundTrips>>) {
  expect(got.header).toEqual(t.columns.map((c) => c.name));
  // JSON: exactly the values, same types; no escaping needed or added ("-5% …" keeps its "-").
  expect(got.json).toEqual(t.rows);
  // XLSX: numbers as numbers, text as text, dates as the same day.
  expect(got.xlsxRows).toEqual(t.rows);
  // CSV: text as published, with papaparse's leading ' on formula-like cells (a lone "=" is data); numbers parse back equal.
  t.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const text = got.csvRows[i][j];
      if (v === null) expect(text).toBe('');
      else if (typeof v === 'number') expect(Number(text)).toBe(v);
      else if (typeof v === 'string' && /^[=+\-@\t\r].+$/s.test(v)) expect(text).toBe(`'${v}`);
      else expect(text).toBe(String(v));
    }),
  );
}

describe('round trip: CSV, JSON and XLSX give back the values', () => {
  it('a table of hostile text, negative and decimal numbers, dates and booleans', async () => {
    expectSame(table, await roundTrips(table));
  });

  it("the observations of a report, with an editor's note starting with = and -, equal the figures", async () => {
    const rows = GOOD.map((r, i) => line({ ...r, note: ['=1+1 (không phải công thức)', '-5% so với kỳ trước', '@ghi chú', '+ cộng thêm', 'ghi chú thường'][i] }));
    const { content, issues } = validateContent(loadContent(fixtureReader({ 'content/reports/bc-thu/figures.csv': csv(rows) })));
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    const site = deriveSite(content, issues);
    const t = observationTable(site, site.figures);
    expect(t.rows.length).toBe(site.figures.length);
    const got = await roundTrips(t);
    expectSame(t, got);
    const valueAt = t.columns.findIndex((c) => c.name === 'value');
    const noteAt = t.columns.findIndex((c) => c.name === 'note');
    site.figures.forEach((f, i) => {
      for (const rows of [got.json, got.xlsxRows]) {
        expect(rows[i][valueAt]).toBe(f.value);
        expect(rows[i][noteAt]).toBe(f.note);
      }
    });
  });
});
