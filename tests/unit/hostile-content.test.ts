// Session 10 sweep of messy and hostile content, beyond the corpus's "which error, where"
// (tests/fuzz/cases.ts): what each message tells the curator, what is still accepted and published
// intact, and what the renderer makes of text the validator lets through. In-memory fixtures only.
import { DOMParser } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { notPlainNumber } from '../../src/core/schema.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { renderMarkdown } from '../../src/view/markdown.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS, HEADER, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';
import { writeExports } from '../../src/publish/export.ts';
import { exportsByPath } from '../support/exports.ts';
import { parseTurtle } from '../support/shacl.ts';

const F = 'content/reports/bc-thu/figures.csv';
const S = 'content/reports/bc-thu/source.txt';
const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));
const errors = (files: Record<string, string | Uint8Array | null>) => run(files).issues.filter((i) => i.level === 'error');
const row = (fields: Record<string, string>) => line({ ...QUA_HAN, breakdown: 'cap-tinh', ...fields });

describe('a number cell written another way: the message gives the plain spelling or names the problem', () => {
  it.each([
    ['1.234,5', 'ghi 1234.5'],
    ['1,234.5', 'ghi 1234.5'],
    ['1\u00a0234', 'ghi 1234'],
    ['1\u202f234,5', 'ghi 1234.5'],
    ['+803', 'ghi 803'],
    ['1,234', 'ghi 1.234 hoặc 1234'],
    ['١٢٣', 'chữ số không phải 0–9 ("١"'],
    ['１２３', 'chữ số không phải 0–9 ("１"'],
    ['1e3', 'lũy thừa e'],
    ['0x10', 'hệ 16'],
    ['Infinity', 'Infinity/NaN'],
    ['NaN', 'Infinity/NaN'],
  ])('%s → "%s"', (value, says) => {
    expect(notPlainNumber(value)).toContain(says);
    const [e] = errors({ [F]: csv([...GOOD_ROWS, row({ value })]) });
    expect([e.code, e.line, e.column]).toEqual(['schema', 7, 'value']);
    expect(e.message).toContain(says);
  });
  it('"1.234" is a valid plain number (1.234), but not the 1.234 printed "1.234 hồ sơ": that is caught at the quote', () => {
    const files = { [S]: `${SOURCE}Có 1.234 hồ sơ.\n`, [F]: csv([...GOOD_ROWS, row({ value: '1.234', quote: 'Có 1.234 hồ sơ' })]) };
    const [e, ...rest] = errors(files);
    expect(rest).toEqual([]);
    expect([e.code, e.line, e.column]).toEqual(['value-not-in-quote', 7, 'value']);
    expect(e.hint).toContain('hàng nghìn');
    expect(errors({ ...files, [F]: csv([...GOOD_ROWS, row({ value: '1234', quote: 'Có 1.234 hồ sơ' })]) }).map(formatIssue)).toEqual([]);
  });
});

describe('CSV shapes from real spreadsheets', () => {
  // A quote cell over two lines (Alt+Enter in Excel), then mixed line ends, then a broken row: its own line.
  const multi = (eol: (i: number) => string) =>
    [HEADER, ...GOOD_ROWS.slice(0, 2), row({ quote: '803 hồ sơ\nquá hạn' }), row({ id: 'y', value: '999' })].map((l, i) => l + eol(i)).join('');
  it.each([
    ['LF', () => '\n'],
    ['CRLF', () => '\r\n'],
    ['CRLF and LF mixed', (i: number) => (i % 2 ? '\r\n' : '\n')],
    ['CR (Mac) and CRLF mixed', (i: number) => (i % 2 ? '\r' : '\r\n')],
  ])('%s: the row after a two-line cell is reported at its own line (6), the two-line quote is accepted', (_name, eol) => {
    const { content, issues } = run({ [F]: multi(eol) });
    const bad = issues.filter((i) => i.level === 'error');
    expect(bad.map((e) => [e.code, e.line, e.column])).toEqual([['value-not-in-quote', 6, 'value']]);
    const f = content.reports[0].figures.find((x) => x.id === 'x');
    expect(f?.line).toBe(4);
    // Kept as written (the line break is layout: the quote is still found in the source).
    expect(f?.quote.replace(/\r\n?/g, '\n')).toBe('803 hồ sơ\nquá hạn');
  });
  it('a hidden character in the header is one error naming the column, not "unknown column" plus "missing column"', () => {
    const found = errors({ [F]: csv(GOOD_ROWS).replace('quote', 'quote\u200b') });
    expect(found.map((e) => [e.code, e.line, e.column])).toEqual([['control-char', 1, 'quote']]);
    expect(found[0].message).toContain('U+200B');
  });
  it('a unit that differs only by a no-break space says so (both looked identical in the message)', () => {
    const [e] = errors({ [F]: csv([...GOOD_ROWS, row({ unit: 'hồ\u00a0sơ' })]) });
    expect([e.code, e.column]).toEqual(['unit-mismatch', 'unit']);
    expect(e.message).toContain('U+00A0 (NO-BREAK SPACE)');
  });
});

describe('links hidden by encoding: refused by the validator and never a link on the page', () => {
  it.each(['[bấm](jav&#x61;script:alert(1))', '[bấm](java&#9;script:alert(1))', '[bấm](java&Tab;script:alert(1))', '[bấm](javascript&#58;alert(1))', '[bấm](%6Aavascript:alert(1))', '[bấm](<java\tscript:alert(1)>)'])('%s', (md) => {
    expect(errors({ [N]: `Tiếp nhận.\n\n${md}\n` }).some((e) => e.code === 'unsafe-link' && e.line === 3)).toBe(true);
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/href/i);
  });
  it('"java<TAB>script:" in a plain destination is not a link at all: accepted as text, shown as text', () => {
    const md = '[bấm](java\tscript:alert(1))';
    expect(errors({ [N]: `Tiếp nhận.\n\n${md}\n` }).map(formatIssue)).toEqual([]);
    expect(renderMarkdown(md)).toBe('<p>[bấm](java\tscript:alert(1))</p>');
  });
  it('autolinks are Markdown, not HTML: accepted and rendered as external links', () => {
    const md = 'Xem <https://dichvucong.gov.vn/p/home> hoặc <vp@kontum.gov.vn>.';
    expect(errors({ [N]: `${md}\n` }).map(formatIssue)).toEqual([]);
    expect(renderMarkdown(md)).toBe('<p>Xem <a href="https://dichvucong.gov.vn/p/home" rel="external noopener noreferrer">https://dichvucong.gov.vn/p/home</a> hoặc <a href="mailto:vp@kontum.gov.vn">vp@kontum.gov.vn</a>.</p>');
    // An autolink is checked like any link: a javascript: one is refused where it stands.
    expect(errors({ [N]: 'Xem <javascript:alert(1)>.\n' }).map((e) => [e.code, e.line, e.col])).toEqual([['unsafe-link', 1, 6]]);
  });
});

describe('size: a 5 MB source.txt is refused before it is read, quickly', () => {
  it('one error naming the size and the limit; the report is not published', () => {
    const t = performance.now();
    const { content, issues } = run({ [S]: `${SOURCE}${'Đoạn văn dài. '.repeat(350_000)}` });
    expect(performance.now() - t).toBeLessThan(3000);
    const bad = issues.filter((i) => i.level === 'error');
    expect(bad.map((e) => [e.code, e.file])).toEqual([['file-too-large', S]]);
    expect(bad[0].message).toMatch(/\d+ byte, tối đa 2000000 byte/);
    expect(content.reports).toEqual([]);
  });
});

// Valid but awkward text in every free-text field (emoji sequences, quotes, backslashes, "<", "&",
// "]]>", a two-line quote) must come out of every export parseable and unchanged: nothing lost,
// nothing unescaped.
describe('awkward valid text survives every export', () => {
  const TITLE = 'Báo cáo "thử" \\ a < b & c > d ]]> 👩‍💻 🏳️‍🌈 quý III/2024';
  const NOTE = 'Ghi chú: "x" \\n không phải xuống dòng; 1 < 2 & 3 > 2 ]]> ❤️‍🔥';
  const LABEL = 'Hồ sơ "đúng hạn" & < 5 ngày > \\ 1️⃣';
  const files = () => {
    const base = fixtureFiles();
    const report = JSON.parse(base['content/reports/bc-thu/report.json']);
    const indicators = JSON.parse(base['data/indicators.json']);
    indicators.find((i: { id: string }) => i.id === 'ho-so-dung-han').label = LABEL;
    return {
      'content/reports/bc-thu/report.json': JSON.stringify({ ...report, title: TITLE, summary: `${TITLE} — tóm tắt` }, null, 2),
      'data/indicators.json': JSON.stringify(indicators, null, 2),
      [S]: `${SOURCE}Có 804 hồ sơ "trễ hạn" \\ được\nxử lý lại.\n`,
      [F]: csv([...GOOD_ROWS, row({ value: '804', note: NOTE, quote: 'Có 804 hồ sơ "trễ hạn" \\ được\nxử lý lại' })]),
    };
  };
  it('validates, and every CSV, JSON, Turtle, JSON-LD and XML export parses and carries the text unchanged', async () => {
    const { content, issues } = run(files());
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    const exportsMap = exportsByPath(deriveSite(content, issues));
    const texts = [...exportsMap].filter((e): e is [string, string] => typeof e[1] === 'string');
    const found = new Map<string, Set<string>>([TITLE, NOTE, LABEL].map((t) => [t, new Set<string>()]));
    const note = (path: string, values: Iterable<unknown>) => {
      for (const v of values) if (typeof v === 'string') for (const [t, at] of found) if (v.includes(t)) at.add(path);
    };
    for (const [path, text] of texts) {
      if (path.endsWith('.csv')) {
        const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { newline: '\r\n' });
        expect(parsed.errors, path).toEqual([]);
        note(path, parsed.data.flat());
      } else if (path.endsWith('.json') || path.endsWith('.jsonld')) {
        const strings: string[] = [];
        JSON.parse(text, (_k, v) => (typeof v === 'string' && strings.push(v), v));
        note(path, strings);
      } else if (path.endsWith('.ttl')) {
        note(path, parseTurtle(text).getQuads(null, null, null, null).map((q) => q.object.value));
      } else if (path.endsWith('.xml')) {
        const doc = new DOMParser().parseFromString(text, 'text/xml');
        expect(doc.querySelector('parsererror'), path).toBeNull();
        note(path, [doc.documentElement.textContent ?? '']);
      }
    }
    // Each text reaches the catalogues and the machine-readable descriptions intact.
    expect([...found.get(TITLE)!].sort()).toEqual(expect.arrayContaining(['data/catalog.ttl', 'data/danh-muc-bao-cao.csv', 'data/danh-muc-bao-cao.json', 'feed.xml']));
    expect([...found.get(NOTE)!].some((p) => p.endsWith('.csv'))).toBe(true);
    expect([...found.get(LABEL)!]).toEqual(expect.arrayContaining(['data/danh-muc-chi-so.csv', 'data/danh-muc-chi-so.json']));
    // The two-line quote keeps its line break in the observations table.
    const obs = Papa.parse<Record<string, string>>(exportsMap.get('data/observations.csv') as string, { header: true }).data;
    expect(obs.find((r) => r.figure_id === 'x')?.quote).toBe('Có 804 hồ sơ "trễ hạn" \\ được\nxử lý lại');
  });
});

// Excel opened a UTF-8 CSV as Windows-1252 (or 1258) and saved it back as "CSV UTF-8": valid UTF-8,
// every Vietnamese letter two or three Latin-1 characters. Refused with the word as it was meant.
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const garble = (s: string, lead1258 = false) =>
  [...new TextEncoder().encode(s)].map((b) => (lead1258 && b === 0xc3 ? 'Ă' : b >= 0x80 && b <= 0x9f ? CP1252_80[b - 0x80] : String.fromCharCode(b))).join('');

describe('double-encoded text ("BÃ¡o cÃ¡o")', () => {
  const base = fixtureFiles();
  it.each([
    ['content/reports/bc-thu/report.json', '"Báo cáo thử', 'Báo'],
    [F, 'toàn tỉnh tiếp nhận', 'tỉnh'],
    [S, 'BÁO CÁO THỬ', 'BÁO'],
    [N, 'Tiếp nhận', 'Tiếp'],
    ['data/areas.json', 'Cải cách TTHC', 'Cải'],
  ])('%s: an encoding error at the first garbled word, saying what it meant', (path, find, meant) => {
    const text = base[path].replace(find, garble(find));
    const errs = errors({ [path]: text }).filter((e) => e.file === path);
    expect(errs.map((e) => e.code)).toEqual(['encoding']);
    const at = text.indexOf(garble(meant));
    // The first garbled character: the first non-ASCII one of the garbled word.
    const offset = at + garble(meant).search(/[^\x00-\x7f]/);
    expect([errs[0].line, errs[0].col]).toEqual([text.slice(0, offset).split('\n').length, offset - text.lastIndexOf('\n', offset - 1)]);
    expect(errs[0].message).toContain(`là "${meant}"`);
    expect(errs[0].hint).toContain('UTF-8');
  });
  it('read as Windows-1258 (Ă for 0xC3) too', () => {
    const errs = errors({ [N]: `${garble('Tiếp nhận hồ sơ đúng hạn.', true)}\n` });
    expect(errs.map((e) => [e.code, e.line])).toEqual([['encoding', 1]]);
  });
  it('real upper-case Vietnamese is not mistaken for it', () => {
    for (const t of ['XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ\u00a0HỘI', 'ĂN Ở', 'ÂM LỊCH', '«lá» và «á»', 'Giá: 5 €'])
      expect(errors({ [N]: `${t}\n` }).map(formatIssue), t).toEqual([]);
  });
  it('U+FFFD (a letter already lost) is refused outside source.txt and quotes', () => {
    const errs = errors({ [N]: 'Tiếp nh\ufffdn hồ sơ.\n' });
    expect(errs.map((e) => [e.code, e.line, e.col])).toEqual([['control-char', 1, 8]]);
    expect(errors({ [S]: SOURCE.replace('803 hồ sơ', '803 h\ufffd sơ') }).map(formatIssue)).toEqual([]);
  });
});

// Ids chosen to look like the site's own names: every export path stays distinct (a second write to one
// path would silently replace the first file: a dataset lost).
describe('ids named like the site\'s own files and folders', () => {
  it('report "nam", "api", "phien-ban", "so-lieu-cchc"; indicator "datapackage", "observations": no export path is written twice', () => {
    const base = fixtureFiles();
    const files: Record<string, string | null> = {};
    for (const id of ['nam', 'api', 'phien-ban', 'so-lieu-cchc', 'danh-muc-bao-cao'])
      for (const [p, t] of Object.entries(base).filter(([p]) => p.startsWith('content/reports/bc-thu/')))
        files[p.replace('bc-thu', id)] = p.endsWith('report.json') ? JSON.stringify({ ...JSON.parse(t), id }, null, 2) : t;
    for (const p of Object.keys(base).filter((p) => p.startsWith('content/reports/bc-thu/'))) files[p] = null;
    const indicators = JSON.parse(base['data/indicators.json']);
    indicators.push({ ...indicators[1], id: 'datapackage' }, { ...indicators[1], id: 'observations' });
    files['data/indicators.json'] = JSON.stringify(indicators, null, 2);
    const { content, issues } = run(files);
    // The copies repeat one report's figures with the same values: not a series conflict.
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    expect(content.reports.map((r) => r.meta.id).sort()).toEqual(['api', 'danh-muc-bao-cao', 'nam', 'phien-ban', 'so-lieu-cchc']);
    const written: string[] = [];
    writeExports(deriveSite(content, issues), (path, c) => {
      written.push(path);
      const text = typeof c === 'string' ? c : [...c].join('');
      return { bytes: text.length, sha256: '' };
    });
    expect(written.filter((p, i) => written.indexOf(p) !== i)).toEqual([]);
    expect(written).toEqual(expect.arrayContaining(['data/chi-so/datapackage.csv', 'data/chi-so/datapackage.json', 'data/bao-cao-so-lieu-cchc.csv', 'data/observations.csv', 'data/chi-so/observations.csv']));
  });
});
