// The bad-content corpus: what a careless or hostile contributor can put in content/
// and data/, each with the exact validate error it must produce (code, file, line and,
// where the problem is inside a line, column). Built on the in-memory fixture of
// tests/fixtures/content.ts; each case breaks one thing.
import { COLUMNS, csv, fixtureFiles, GOOD, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';

export const DIR = 'content/reports/bc-thu';
export const R = `${DIR}/report.json`;
export const F = `${DIR}/figures.csv`;
export const S = `${DIR}/source.txt`;
export const C = `${DIR}/checks.csv`;
export const N = `${DIR}/narrative/thu-tuc-hanh-chinh.md`;
export const A = 'data/areas.json';
export const O = 'data/organizations.json';
export const I = 'data/indicators.json';
export const B = 'data/breakdowns.json';

export interface Expected {
  code: string;
  file: string;
  line?: number;
  col?: number;
  column?: string;
}

export interface Case {
  family: string;
  name: string;
  files: Record<string, string | Uint8Array | null>;
  expect: Expected;
  /** The whole report must be left out (a refused file), not just one row. */
  refusesReport?: boolean;
}

const base = fixtureFiles();
const CHECKS = 'kind,figure,expression,tolerance\nsum,ho-so-tiep-nhan,ho-so-truc-tuyen + ho-so-dung-han,\n';
const text = (path: string) => (path === C ? CHECKS : base[path]);

/** 1-based line and column of the first occurrence of `needle` (after `from`). */
export function at(haystack: string, needle: string, from = 0): { line: number; col: number } {
  const i = haystack.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture has no ${JSON.stringify(needle)}`);
  const before = haystack.slice(0, i);
  return { line: before.split('\n').length, col: i - before.lastIndexOf('\n') };
}

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
  }
  return out;
}
const replaceOnce = (s: string, find: string, by: string) => {
  if (!s.includes(find)) throw new Error(`fixture has no ${JSON.stringify(find)}`);
  return s.replace(find, by);
};

export const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---- 1. Encodings: every content file, every way of not being UTF-8 ------------------------------
const BAD_BYTES: [string, number[]][] = [
  ['byte 0xFF', [0xff]],
  ['lone continuation byte', [0x80]],
  ['Windows-1258 "á" (0xE1)', [0xe1, 0x20]],
  ['TCVN3 byte 0xB8', [0xb8]],
  ['overlong "/"', [0xc0, 0xaf]],
  ['overlong 3-byte sequence', [0xe0, 0x80, 0xaf]],
  ['UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
  ['code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['truncated 3-byte sequence', [0xe1, 0xba]],
];
const ENCODED_FILES = [R, F, S, N, C, A, O, I, B];
for (const path of ENCODED_FILES) {
  const t = text(path);
  const nl = t.indexOf('\n') + 1;
  for (const [name, bytes] of BAD_BYTES)
    add({ family: 'encoding', name: `${path}: ${name} on line 2`, files: { [path]: concat(enc(t.slice(0, nl)), new Uint8Array(bytes), enc(t.slice(nl))) }, expect: { code: 'encoding', file: path, line: 2, col: 1 }, refusesReport: path.startsWith(DIR) });
  add({ family: 'encoding', name: `${path}: UTF-16 LE`, files: { [path]: utf16(t, false) }, expect: { code: 'encoding', file: path, line: 1 }, refusesReport: path.startsWith(DIR) });
  add({ family: 'encoding', name: `${path}: UTF-16 BE`, files: { [path]: utf16(t, true) }, expect: { code: 'encoding', file: path, line: 1 }, refusesReport: path.startsWith(DIR) });
}

// ---- 2. Control and bidi characters, raw in the file --------------------------------------------
const HARD = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const SOFT = ['\u00ad', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u2060', '\ufeff'];
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
/** Where to slip a character into each file: after this text. */
const SLOT: Record<string, string> = { [R]: 'Báo', [N]: 'Tiếp', [F]: 'toàn tỉnh', [S]: 'BÁO CÁO', [A]: 'Chỉ đạo' };
for (const [path, after] of Object.entries(SLOT)) {
  for (const ch of HARD) {
    // A form feed is a page break: allowed in source.txt only.
    if (ch === '\f' && path === S) continue;
    const t = replaceOnce(text(path), after, after + ch);
    add({ family: 'control-char', name: `${path}: ${hex(ch)}`, files: { [path]: t }, expect: { code: 'control-char', file: path, ...at(t, ch) }, refusesReport: path.startsWith(DIR) });
  }
  // Invisible characters: only source.txt and figures.csv quotes may keep them.
  if (path === S || path === F) continue;
  for (const ch of SOFT) {
    const t = replaceOnce(text(path), after, after + ch);
    add({ family: 'control-char', name: `${path}: invisible ${hex(ch)}`, files: { [path]: t }, expect: { code: 'control-char', file: path, ...at(t, ch) }, refusesReport: path.startsWith(DIR) });
  }
}
for (const ch of SOFT) {
  // In figures.csv, outside the quote column: that row is refused, with its column.
  const row = line({ ...QUA_HAN, note: `ghi${ch}chú` });
  add({ family: 'control-char', name: `figures.csv note: invisible ${hex(ch)}`, files: { [F]: csv([...GOOD_ROWS, row]) }, expect: { code: 'control-char', file: F, line: 7, column: 'note' } });
}
// Escaped in JSON strings: "\u202e" decodes to the same characters.
for (const esc of ['\\u202e', '\\u202d', '\\u2066', '\\u0000', '\\u001b', '\\u200b', '\\u00ad', '\\ufeff']) {
  for (const [path, after] of [[R, 'Báo'], [A, 'Chỉ đạo']] as const) {
    const t = replaceOnce(text(path), after, after + esc);
    const valueStart = t.lastIndexOf('"', t.indexOf(esc));
    add({ family: 'control-char', name: `${path}: JSON escape ${esc}`, files: { [path]: t }, expect: { code: 'control-char', file: path, ...at(t, t.slice(valueStart, valueStart + 4)) } });
  }
}
// Character references in narratives decode to them too.
for (const ref of ['&#x202E;', '&#8238;', '&#x2066;', '&rlm;', '&lrm;', '&shy;', '&ZeroWidthSpace;', '&#x200B;', '&zwj;']) {
  const t = `Tiếp nhận hồ sơ.\n\nĐúng hạn ${ref} hơn.\n`;
  add({ family: 'control-char', name: `narrative character reference ${ref}`, files: { [N]: t }, expect: { code: 'control-char', file: N, ...at(t, ref) } });
}

// ---- 3. Narrative links and images --------------------------------------------------------------
const LINKS: [string, string, string][] = [
  ['javascript: link', '[bấm](javascript:alert(1))', 'javascript'],
  ['upper-case scheme', '[bấm](JAVASCRIPT:alert(1))', 'JAVASCRIPT'],
  ['mixed-case scheme', '[bấm](JaVaScRiPt:alert(1))', 'JaVaScRiPt'],
  ['entity-obfuscated &#106;avascript:', '[bấm](&#106;avascript:alert(1))', '&#106;'],
  ['hex entity &#x6A;avascript:', '[bấm](&#x6A;avascript:alert(1))', '&#x6A;'],
  ['named entity javascript&colon;', '[bấm](javascript&colon;alert(1))', 'javascript&colon;'],
  ['backslash-escaped scheme', '[bấm](java\\script:alert(1))', 'java\\script'],
  ['angle-bracket destination', '[bấm](<javascript:alert(1)>)', 'javascript'],
  ['reference-style link', '[bấm][r]\n\n[r]: javascript:alert(1)', 'javascript'],
  ['reference definition with title', '[bấm][r]\n\n[r]: javascript:alert(1) "Tiêu đề"', 'javascript'],
  ['collapsed reference', '[bấm][]\n\n[bấm]: javascript:alert(1)', 'javascript'],
  ['shortcut reference', '[bấm]\n\n[bấm]: javascript:alert(1)', 'javascript'],
  ['autolink javascript:', '<javascript:alert(1)>', 'javascript'],
  ['data: URL', '[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'data:'],
  ['vbscript: URL', '[bấm](vbscript:msgbox(1))', 'vbscript'],
  ['file: URL', '[bấm](file:///etc/passwd)', 'file:'],
  ['protocol-relative URL', '[bấm](//evil.example/x)', '//evil'],
  ['backslash protocol-relative URL', '[bấm](/\\evil.example/x)', '/\\evil'],
  ['irc: URL', '[bấm](irc://evil.example)', 'irc:'],
  ['ftp: URL', '[bấm](ftp://evil.example/x)', 'ftp:'],
  ['tel: URL', '[bấm](tel:+84123)', 'tel:'],
  ['empty http host', '[bấm](http:///x)', 'http:'],
  ['remote image', '![theo dõi](https://tracker.example/p.gif)', '!['],
  ['remote image by reference', '![theo dõi][p]\n\n[p]: https://tracker.example/p.gif', '!['],
  ['in-site image (no images at all)', '![ảnh](/favicon.svg)', '!['],
  ['data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', '!['],
];
for (const [name, md, marker] of LINKS) {
  const t = `Tiếp nhận hồ sơ.\n\n${md}\n`;
  add({ family: 'unsafe-link', name, files: { [N]: t }, expect: { code: 'unsafe-link', file: N, ...at(t, marker, t.indexOf(md)) } });
}

// ---- 4. Limits ---------------------------------------------------------------------------------
const meta = JSON.parse(base[R]);
const moveReport = (folder: string) =>
  Object.fromEntries(
    Object.entries(base)
      .filter(([p]) => p.startsWith(`${DIR}/`))
      .flatMap(([p, t]) => [
        [p, null],
        [p.replace(DIR, `content/reports/${folder}`), p === R ? JSON.stringify({ ...meta, id: folder }, null, 2) : t],
      ]),
  );
for (const [name, folder] of [
  ['81-character report id', 'a'.repeat(81)],
  ['241-character report id (ENAMETOOLONG)', 'bao-cao-'.repeat(30) + 'x'],
  ['upper-case folder', 'BC-Thu'],
  ['folder with a space', 'bc thu'],
  ['folder with a dot', 'bc.thu'],
  ['folder with Vietnamese letters', 'báo-cáo'],
  ['folder ending in "-"', 'bc-thu-'],
  ['folder with "--"', 'bc--thu'],
] as const)
  add({ family: 'limit', name, files: moveReport(folder), expect: { code: 'report-id', file: `content/reports/${folder}` } });
add({ family: 'limit', name: '81-character figure id', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, id: 'x'.repeat(81) })]) }, expect: { code: 'schema', file: F, line: 7, column: 'id' } });
add({ family: 'limit', name: '81-character indicator id in a row', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, indicator: 'y'.repeat(81) })]) }, expect: { code: 'schema', file: F, line: 7, column: 'indicator' } });
add({ family: 'limit', name: 'source.txt over 2 MB', files: { [S]: SOURCE + 'x'.repeat(2_000_001) }, expect: { code: 'file-too-large', file: S }, refusesReport: true });
add({ family: 'limit', name: 'source.txt over 2 MB in multi-byte characters', files: { [S]: SOURCE + 'ệ'.repeat(700_000) }, expect: { code: 'file-too-large', file: S }, refusesReport: true });
add({ family: 'limit', name: 'figures.csv over 1 MB (50 MB in the issue)', files: { [F]: csv(GOOD_ROWS) + '\n'.repeat(1_000_001) }, expect: { code: 'file-too-large', file: F }, refusesReport: true });
add({ family: 'limit', name: 'report.json over 50 KB', files: { [R]: JSON.stringify({ ...meta, summary: 'x'.repeat(50_001) }) }, expect: { code: 'file-too-large', file: R }, refusesReport: true });
{
  // Under the file's size limit, over one string's: each may become one cell of a published table (Excel: ≤ 32,767).
  const long = JSON.stringify({ ...meta, summary: 'Tóm tắt dài. '.repeat(770) });
  add({ family: 'limit', name: 'report.json summary of 10 010 characters', files: { [R]: long }, expect: { code: 'limit', file: R, line: 1, col: long.indexOf('"Tóm tắt dài.') + 1 } });
  const definition = replaceOnce(base[I], '"id": "don-vi-kiem-tra"', `"id": "don-vi-kiem-tra", "note": "${'x'.repeat(40_000)}"`);
  add({ family: 'limit', name: 'catalogue string of 40 000 characters (over an Excel cell)', files: { [I]: definition }, expect: { code: 'limit', file: I, ...at(definition, `"${'x'.repeat(10)}`) } });
}
add({ family: 'limit', name: 'narrative over 100 KB', files: { [N]: 'Tiếp nhận. '.repeat(10_000) }, expect: { code: 'file-too-large', file: N }, refusesReport: true });
add({ family: 'limit', name: 'checks.csv over 200 KB', files: { [C]: CHECKS + '\n'.repeat(200_001) }, expect: { code: 'file-too-large', file: C }, refusesReport: true });
add({ family: 'limit', name: 'data/areas.json over 2 MB', files: { [A]: base[A] + ' '.repeat(2_000_001) }, expect: { code: 'file-too-large', file: A } });
for (const depth of [17, 100, 5_000]) {
  const deep = `{"id": "bc-thu", "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  add({ family: 'limit', name: `report.json nested ${depth} deep`, files: { [R]: deep }, expect: { code: 'limit', file: R, line: 1, col: deep.indexOf('[') + 16 } });
  const deepObj = `[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`;
  // The outer [ is level 1: the 16th { is level 17, one past the limit.
  add({ family: 'limit', name: `data/areas.json objects nested ${depth} deep`, files: { [A]: deepObj }, expect: { code: 'limit', file: A, line: 1, col: 1 + 15 * 5 + 1 } });
}
add({ family: 'limit', name: 'report.json nested 100 000 deep (over its size limit first)', files: { [R]: `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` }, expect: { code: 'file-too-large', file: R }, refusesReport: true });
add({ family: 'limit', name: 'data/areas.json nested 100 000 deep', files: { [A]: `[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]` }, expect: { code: 'limit', file: A, line: 1, col: 1 + 15 * 5 + 1 } });
add({ family: 'limit', name: 'deep nesting hidden after a string with brackets', files: { [R]: `{"s": "[[[[", "x": ${'['.repeat(20)}${']'.repeat(20)}}` }, expect: { code: 'limit', file: R, line: 1, col: 19 + 16 } });
add({ family: 'limit', name: 'figures.csv with 2 001 data rows', files: { [F]: csv([...GOOD_ROWS, ...Array.from({ length: 1_996 }, (_, i) => line({ ...GOOD[3], id: `r${i}` }))]) }, expect: { code: 'limit', file: F, line: 2_002 } });
add({ family: 'limit', name: 'checks.csv with 2 001 data rows', files: { [C]: CHECKS + 'sum,ho-so-tiep-nhan,ho-so-truc-tuyen + ho-so-dung-han,\n'.repeat(2_000) }, expect: { code: 'limit', file: C, line: 2_002 } });
add({ family: 'limit', name: '1 001 valid figures in one report', files: { [F]: csv([...GOOD_ROWS, ...Array.from({ length: 996 }, (_, i) => line({ ...GOOD[3], id: `r${i}` }))]) }, expect: { code: 'limit', file: F, line: 1_002 } });
add({ family: 'limit', name: 'a 2 001-character quote cell', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, quote: `803 hồ sơ quá hạn ${'x'.repeat(2_000)}` })]) }, expect: { code: 'limit', file: F, line: 7, column: 'quote' } });
add({ family: 'limit', name: 'a 2 001-character note cell', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, note: 'x'.repeat(2_001) })]) }, expect: { code: 'limit', file: F, line: 7, column: 'note' } });
add({ family: 'limit', name: '5 001 areas', files: { [A]: JSON.stringify(Array.from({ length: 5_001 }, (_, i) => ({ id: `a${i}`, order: i, label: 'L', labelEn: 'L', description: 'D', color: '#000000' })), null, 2) }, expect: { code: 'limit', file: A, line: 5_000 * 8 + 2 } });
add({
  family: 'limit',
  name: '21 narrative files',
  files: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`${DIR}/narrative/n${String(i).padStart(2, '0')}.md`, 'x'])),
  expect: { code: 'limit', file: `${DIR}/narrative` },
  refusesReport: true,
});

// ---- 5. Stricter report.json ------------------------------------------------------------------
const reportWith = (lines: string) => lines;
const rj = base[R];
for (const [wrong, right] of [['titel', 'title'], ['sourcefile', 'sourceFile'], ['peroid', 'period'], ['Kind', 'kind'], ['documentNo', 'documentNumber'], ['sumary', 'summary'], ['isuer', 'issuer'], ['dates', 'date']] as const) {
  const t = replaceOnce(rj, '\n}', `,\n  "${wrong}": "x"\n}`);
  add({ family: 'report.json', name: `misspelled key "${wrong}"`, files: { [R]: reportWith(t) }, expect: { code: 'unknown-key', file: R, line: 12, col: 3, column: wrong } });
  void right;
}
for (const key of ['extra', 'author', '__proto__', 'constructor', 'x-private'])
  add({ family: 'report.json', name: `unknown key "${key}"`, files: { [R]: replaceOnce(rj, '\n}', `,\n  "${key}": 1\n}`) }, expect: { code: 'unknown-key', file: R, line: 12, col: 3, column: key } });
for (const key of ['id', 'kind', 'title', 'period', 'sourceFile', 'summary']) {
  const t = replaceOnce(rj, '\n}', `,\n  "${key}": ${JSON.stringify(meta[key])}\n}`);
  add({ family: 'report.json', name: `duplicate key "${key}"`, files: { [R]: t }, expect: { code: 'duplicate-key', file: R, line: 12, col: 3, column: key } });
}
add({ family: 'report.json', name: 'duplicate key inside an organization', files: { [O]: '[{"id": "tinh", "kind": "province", "name": "A", "name": "B", "shortName": "T", "nameEn": "P"}]' }, expect: { code: 'duplicate-key', file: O, line: 1, col: 50, column: 'name' } });
add({ family: 'report.json', name: 'duplicate id key in an area', files: { [A]: replaceOnce(base[A], '"id": "chi-dao-dieu-hanh",', '"id": "chi-dao-dieu-hanh", "id": "the-che",') }, expect: { code: 'duplicate-key', file: A, column: 'id', ...at(replaceOnce(base[A], '"id": "chi-dao-dieu-hanh",', '"id": "chi-dao-dieu-hanh", "id": "the-che",'), '"id": "the-che"') } });
for (const file of ['../../../.env', '/proc/self/environ', 'source.md', 'nguon.txt', 'SOURCE.TXT'])
  add({ family: 'report.json', name: `sourceFile "${file}"`, files: { [R]: JSON.stringify({ ...meta, sourceFile: file }, null, 2) }, expect: { code: 'source-file', file: R, line: 10, column: 'sourceFile' } });
for (const [kind, period] of [
  ['quarterly-report', '2024'],
  ['quarterly-report', '2024-H2'],
  ['quarterly-report', '2024-08'],
  ['quarterly-report', '2024-01/2024-09'],
  ['half-year-report', '2024-Q2'],
  ['half-year-report', '2024'],
  ['annual-plan', '2024-Q1'],
  ['annual-plan', '2024-H1'],
  ['annual-plan', '2024-09-30'],
] as const)
  add({ family: 'report.json', name: `${kind} with period ${period}`, files: { [R]: JSON.stringify({ ...meta, kind, period }, null, 2) }, expect: { code: 'kind-period', file: R, line: 7, column: 'period' } });

// ---- 6. Value in quote: years, dates, section and document numbers, swapped fractions -------------
const SRC2 = `${SOURCE}Năm 2025, theo mục 2 có 5 đơn vị; tại II.3 có 7 đơn vị. Kế hoạch số 517/BCĐ-NC giao 9 việc.\nTính đến ngày 30/6/2025 có 12 đơn vị, tháng 8/2024 có 4 đơn vị.\nKiểm tra 10/30 đơn vị; 17.672/19.632 hồ sơ.\n`;
const row = (value: string, quote: string, denominator = '') => line({ ...QUA_HAN, indicator: 'don-vi-kiem-tra', unit: 'đơn vị', section: 'I.3', value, denominator, quote });
for (const [value, quote, den, code, column] of [
  ['2025', 'Năm 2025, theo mục 2 có 5 đơn vị', '', 'value-not-quantity', 'value'],
  ['2', 'theo mục 2 có 5 đơn vị', '', 'value-not-quantity', 'value'],
  ['3', 'tại II.3 có 7 đơn vị', '', 'value-not-quantity', 'value'],
  ['517', 'Kế hoạch số 517/BCĐ-NC giao 9 việc', '', 'value-not-quantity', 'value'],
  ['30', 'Tính đến ngày 30/6/2025 có 12 đơn vị', '', 'value-not-quantity', 'value'],
  ['6', 'Tính đến ngày 30/6/2025 có 12 đơn vị', '', 'value-not-quantity', 'value'],
  ['2025', 'Tính đến ngày 30/6/2025 có 12 đơn vị', '', 'value-not-quantity', 'value'],
  ['8', 'tháng 8/2024 có 4 đơn vị', '', 'value-not-quantity', 'value'],
  ['2024', 'tháng 8/2024 có 4 đơn vị', '', 'value-not-quantity', 'value'],
  ['30', 'Kiểm tra 10/30 đơn vị', '10', 'fraction-order', 'denominator'],
  ['19632', '17.672/19.632 hồ sơ', '17672', 'fraction-order', 'denominator'],
] as const)
  add({ family: 'value-in-quote', name: `value ${value} from "${quote}"`, files: { [S]: SRC2, [F]: csv([...GOOD_ROWS, row(value, quote, den)]) }, expect: { code, file: F, line: 7, column } });
add({ family: 'value-in-quote', name: 'year of the report as value', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, indicator: 'ho-so-tiep-nhan', value: '2024', quote: 'Trong quý III năm 2024, toàn tỉnh tiếp nhận 67.628 hồ sơ' })]) }, expect: { code: 'value-not-quantity', file: F, line: 7, column: 'value' } });

// ---- 7. Anchors and the organization tree -----------------------------------------------------
add({ family: 'anchor', name: 'figure id "chinh" → #so-lieu-chinh (the key figures heading)', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, id: 'chinh' })]) }, expect: { code: 'anchor-clash', file: F, line: 7, column: 'id' } });
for (const [id, label] of [['so-lieu-chinh', 'fixed id'], ['chat-luong-du-lieu', 'quality notes section'], ['noi-dung', 'main landmark'], ['so-lieu-x', 'figure row prefix'], ['bieu-do-x', 'chart prefix'], ['tong-quan', 'extra section'], ['han-che', 'extra section']] as const) {
  const t = replaceOnce(base[A], '"id": "chi-dao-dieu-hanh"', `"id": "${id}"`);
  add({ family: 'anchor', name: `area id "${id}" (${label})`, files: { [A]: t }, expect: { code: 'anchor-clash', file: A, column: 'id', line: at(t, `"id": "${id}"`).line } });
}
const orgs = (list: object[]) => JSON.stringify(list, null, 2);
const org = (id: string, parent?: string) => ({ id, kind: 'district', name: id, shortName: id, nameEn: id, ...(parent ? { parent } : {}) });
for (const [name, list, first] of [
  ['its own parent', [{ ...org('tinh', 'tinh'), kind: 'province' }], '"parent": "tinh"'],
  ['two-step cycle', [{ ...org('tinh'), kind: 'province' }, org('a', 'b'), org('b', 'a')], '"parent": "b"'],
  ['three-step cycle', [{ ...org('tinh'), kind: 'province' }, org('a', 'c'), org('b', 'a'), org('c', 'b')], '"parent": "c"'],
  ['cycle below a valid province', [{ ...org('tinh'), kind: 'province' }, org('a', 'tinh'), org('b', 'c'), org('c', 'b')], '"parent": "c"'],
] as const) {
  const t = orgs([...list]);
  add({ family: 'organization', name, files: { [O]: t }, expect: { code: 'organization-cycle', file: O, line: at(t, first).line, column: 'parent' } });
}

// ---- 8. Malformed files ---------------------------------------------------------------------------
for (const [name, t, line] of [
  ['empty report.json', '', 1],
  ['only a bracket', '[', 1],
  ['trailing comma', '{\n  "id": "bc-thu",\n}', 3],
  ['comment', '{\n  // ghi chú\n  "id": "bc-thu"\n}', 2],
  ['single quotes', "{\n  'id': 'bc-thu'\n}", 2],
  ['NaN', '{\n  "id": NaN\n}', 2],
  ['two documents', '{}\n{}', 2],
  ['unterminated string', '{\n  "id": "bc-thu\n}', 2],
] as const)
  add({ family: 'json', name, files: { [R]: t }, expect: { code: 'json-syntax', file: R, line } });
const noQuote = COLUMNS.filter((c) => c !== 'quote');
add({ family: 'csv', name: 'figures.csv header without the quote column', files: { [F]: csv(GOOD.map((r) => line(r, noQuote)), noQuote) }, expect: { code: 'csv-header', file: F, line: 1 } });
add({ family: 'csv', name: 'figures.csv header with a formula', files: { [F]: ['=HYPERLINK("http://evil")', ...GOOD_ROWS].join('\n') }, expect: { code: 'csv-header', file: F, line: 1 } });
add({ family: 'csv', name: 'empty figures.csv', files: { [F]: '' }, expect: { code: 'csv-header', file: F, line: 1 } });
add({ family: 'csv', name: 'raw HTML in a note', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, note: '<img src=x onerror=alert(1)>' })]) }, expect: { code: 'html', file: F, line: 7, column: 'note' } });
add({ family: 'narrative', name: 'raw HTML in a narrative', files: { [N]: 'Tiếp nhận.\n\n<iframe src="https://evil.example"></iframe>\n' }, expect: { code: 'html', file: N, line: 3 } });
add({ family: 'narrative', name: 'narrative in an unknown section', files: { [`${DIR}/narrative/evil.md`]: 'x' }, expect: { code: 'unknown-section', file: `${DIR}/narrative/evil.md` } });
add({ family: 'narrative', name: 'narrative that is not Markdown', files: { [`${DIR}/narrative/the-che.html`]: '<script>alert(1)</script>' }, expect: { code: 'unknown-section', file: `${DIR}/narrative/the-che.html` } });

// ---- 9. Session 10: messy and hostile real-world text ---------------------------------------------
// Number cells written the way a document prints them, or the way a computer does.
for (const value of ['1.234,5', '1,234.5', '1\u00a0234', '1 234', '1\u202f234', '١٢٣', '١٬٢٣٤', '１２３', '1e3', '1E-2', '0x10', 'Infinity', '-Infinity', 'NaN', '+5', '.5', '5.', '1,234'])
  add({ family: 'number', name: `value ${JSON.stringify(value)}`, files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, breakdown: 'cap-tinh', value })]) }, expect: { code: 'schema', file: F, line: 7, column: 'value' } });
add({ family: 'number', name: 'denominator "19.632" with a thousands dot kept', files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, breakdown: 'cap-tinh', value: '803', denominator: '1.234,5' })]) }, expect: { code: 'schema', file: F, line: 7, column: 'denominator' } });
// Ids that a file system or a URL would read as something else.
for (const folder of ['con', 'nul', 'aux', 'prn', 'com1', 'lpt9', '..', '%2e%2e', 'bc%2ethu', 'bc-thu%00', '.bc-thu'])
  add({ family: 'id', name: `report folder "${folder}"`, files: moveReport(folder), expect: { code: 'report-id', file: `content/reports/${folder}` } });
for (const id of ['con', 'nul', 'com1', 'lpt0'])
  add({ family: 'id', name: `figure id "${id}" (a Windows device name)`, files: { [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, breakdown: 'cap-tinh', id })]) }, expect: { code: 'schema', file: F, line: 7, column: 'id' } });
add({ family: 'id', name: 'indicator id "aux" in the catalogue', files: { [I]: replaceOnce(base[I], '"id": "don-vi-kiem-tra"', '"id": "aux"') }, expect: { code: 'schema', file: I, column: 'id', line: at(replaceOnce(base[I], '"id": "don-vi-kiem-tra"', '"id": "aux"'), '"id": "aux"').line } });
add({ family: 'limit', name: 'a 5 MB source.txt', files: { [S]: SOURCE + 'Đoạn văn dài. '.repeat(350_000) }, expect: { code: 'file-too-large', file: S }, refusesReport: true });
// Blank text that would publish an empty heading or label.
for (const [path, find, field] of [
  [A, '"label": "Cải cách TTHC"', 'label'],
  [O, '"name": "UBND tỉnh"', 'name'],
  [B, '"label": "Cấp tỉnh"', 'label'],
  [I, '"unit": "đơn vị"', 'unit'],
] as const)
  for (const blank of ['   ', '\u00a0\u3000'] as const) {
    const t = replaceOnce(base[path], find, find.replace(/: ".*"/, `: "${blank}"`));
    add({ family: 'blank', name: `${path} ${field} of ${JSON.stringify(blank)}`, files: { [path]: t }, expect: { code: 'schema', file: path, column: field, line: at(t, `"${field}": "${blank}"`).line } });
  }
add({ family: 'blank', name: 'report.json documentNumber of spaces', files: { [R]: JSON.stringify({ ...meta, documentNumber: '   ' }, null, 2) }, expect: { code: 'schema', file: R, line: 8, column: 'documentNumber' } });
add({ family: 'blank', name: 'report.json title of Hangul fillers (invisible letters)', files: { [R]: JSON.stringify({ ...meta, title: '\u3164\u3164' }, null, 2) }, expect: { code: 'control-char', file: R, line: 4, col: 13 }, refusesReport: true });
// Hidden characters the character rule now names (raw in the file, or as a header cell).
const TAG_TEXT = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
for (const [name, ch] of [['tag characters (hidden ASCII)', TAG_TEXT], ['Hangul filler', '\u3164'], ['Word Symbol bullet U+F0B7', '\uf0b7'], ['split tone mark after a space', ' \u0309'], ['lone VS16 after a space', ' \ufe0f'], ['ZWJ after an emoji, before a letter', '👩\u200d']] as const)
  for (const [path, after] of [[R, 'Báo'], [N, 'Tiếp'], [A, 'Chỉ đạo']] as const) {
    const t = replaceOnce(text(path), after, after + ch);
    const offset = t.indexOf(after) + after.length + (ch.startsWith(' ') || ch.startsWith('👩') ? ch.length - 1 : 0);
    const before = t.slice(0, offset);
    add({ family: 'control-char', name: `${path}: ${name}`, files: { [path]: t }, expect: { code: 'control-char', file: path, line: before.split('\n').length, col: offset - before.lastIndexOf('\n') }, refusesReport: path.startsWith(DIR) });
  }
add({ family: 'control-char', name: 'source.txt: hidden tag text (refused even where invisible characters are kept)', files: { [S]: replaceOnce(SOURCE, 'BÁO CÁO', `BÁO CÁO${TAG_TEXT}`) }, expect: { code: 'control-char', file: S, line: 1, col: 8 }, refusesReport: true });
add({ family: 'csv', name: 'figures.csv header cell "quote" + ZERO WIDTH SPACE', files: { [F]: csv(GOOD_ROWS).replace('quote', 'quote\u200b') }, expect: { code: 'control-char', file: F, line: 1, column: 'quote' } });
// Links whose scheme is hidden by encoding or whitespace.
for (const [name, md, marker] of [
  ['hex entity inside the scheme jav&#x61;script:', '[bấm](jav&#x61;script:alert(1))', 'jav&#x61;'],
  ['decimal tab entity java&#9;script:', '[bấm](java&#9;script:alert(1))', 'java&#9;'],
  ['named tab entity java&Tab;script:', '[bấm](java&Tab;script:alert(1))', 'java&Tab;'],
  ['newline entity java&#10;script:', '[bấm](java&#10;script:alert(1))', 'java&#10;'],
  ['colon entity javascript&#58;', '[bấm](javascript&#58;alert(1))', 'javascript&#58;'],
  ['percent-encoded scheme %6Aavascript:', '[bấm](%6Aavascript:alert(1))', '%6A'],
  ['tab inside an angle-bracket destination', '[bấm](<java\tscript:alert(1)>)', 'java\t'],
  ['destination on the next line', '[bấm](\njavascript:alert(1))', 'javascript'],
] as const) {
  const t = `Tiếp nhận hồ sơ.\n\n${md}\n`;
  add({ family: 'unsafe-link', name, files: { [N]: t }, expect: { code: 'unsafe-link', file: N, ...at(t, marker, t.indexOf(md)) } });
}
// Not an autolink (a scheme cannot hold "&"): read as an HTML tag, refused as such.
add({ family: 'narrative', name: 'autolink-looking <jav&#x61;script:…>', files: { [N]: 'Tiếp nhận hồ sơ.\n\n<jav&#x61;script:alert(1)>\n' }, expect: { code: 'html', file: N, line: 3 } });
