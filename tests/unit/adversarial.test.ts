// Hostile content that `npm run validate` accepted or that broke the build (session 7 adversarial
// pass): each case failed before its fix. In-memory fixtures only; the wider bad-content corpus
// is tests/fuzz/.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { indicatorShareSvg } from '../../src/view/share-image.ts';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { toCsv, type Table } from '../../src/publish/datasets.ts';
import { toXlsx } from '../../src/publish/xlsx.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';

const R = 'content/reports/bc-thu/report.json';
const F = 'content/reports/bc-thu/figures.csv';
const S = 'content/reports/bc-thu/source.txt';
const I = 'data/indicators.json';
const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));
const errors = (files: Record<string, string | Uint8Array | null>) => run(files).issues.filter((i) => i.level === 'error');
const base = fixtureFiles();
const json = (path: string) => JSON.parse(base[path]);

describe('share images: labels with "<", ">" or "&" (a build crash in resvg before)', () => {
  // The chart's own SVG and legend with such labels: tests/unit/share-image.test.ts (chartForCard).
  it('an indicator card whose label holds "<" and ">" is well-formed SVG', () => {
    const indicators = json(I).map((i: { id: string; label: string }) => (i.id === 'ho-so-tiep-nhan' ? { ...i, label: 'Hồ sơ (> 3 ngày, < 5 ngày) & "khác"' } : i));
    const files = {
      [I]: JSON.stringify(indicators, null, 2),
      [S]: `${SOURCE}Quý II tiếp nhận 60.000 hồ sơ.\n`,
      [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, id: 'q2', indicator: 'ho-so-tiep-nhan', period: '2024-Q2', value: '60000', quote: 'Quý II tiếp nhận 60.000 hồ sơ' })]),
    };
    const { content, issues } = run(files);
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    const site = deriveSite(content, issues);
    const svg = indicatorShareSvg(site, site.indicatorsById.get('ho-so-tiep-nhan')!);
    expect(() => new Resvg(svg)).not.toThrow();
  });
});

const E = 'data/events.json';
const EVENT = {
  id: 'sap-nhap',
  kind: 'merger',
  effective: '2025-07-01',
  title: 'Sáp nhập',
  description: 'Mô tả',
  legalBasis: [{ document: 'Nghị quyết số 1', issuer: 'Quốc hội', date: '2025-06-12', title: 'Nghị quyết', url: 'https://vbpl.vn/x?a=1&b=2' }],
  predecessors: ['tinh'],
  successors: ['tinh'],
};
const events = (edit: (e: typeof EVENT) => object) => ({ [E]: JSON.stringify([edit(structuredClone(EVENT))], null, 2) });
/** The first error with this code in this file, as { line, column }. */
const where = (files: Record<string, string | Uint8Array | null>, code: string, file: string) =>
  errors(files)
    .filter((e) => e.code === code && e.file === file)
    .map((e) => ({ line: e.line, column: e.column }));

describe('links in data/: only http(s) (a javascript: legal-basis link reached the about page before)', () => {
  // (The fixture's units do not end on the event's date: only the shape of the entry is checked here.)
  it('the fixture event with an https link has a valid shape', () => expect(errors(events((e) => e)).filter((e) => e.file === E && e.code !== 'unit-history').map(formatIssue)).toEqual([]));
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox(1)', 'https://a.example/x"onmouseover="alert(1)', '//evil.example/x'])('legalBasis url %s is an error on its line', (url) => {
    const files = events((e) => ({ ...e, legalBasis: [{ ...e.legalBasis[0], url }] }));
    expect(where(files, 'schema', E)).toEqual([{ line: 14, column: 'legalBasis.url' }]);
  });
  it('report.json officialUrl with a quote or angle bracket is an error', () => {
    for (const officialUrl of ['https://a.example/x"onmouseover="alert(1)', 'https://a.example/<x>'])
      expect(where({ [R]: JSON.stringify({ ...json(R), officialUrl }, null, 2) }, 'schema', R)).toEqual([{ line: 12, column: 'officialUrl' }]);
  });
});

describe('dates that do not exist (accepted before: "2024-02-30", "2024-13-01")', () => {
  it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '0000-00-00'])('report.json date %s: one error on its line', (date) => {
    expect(where({ [R]: JSON.stringify({ ...json(R), date }, null, 2) }, 'schema', R)).toEqual([{ line: 9, column: 'date' }]);
  });
  it('a leap day is a date', () => expect(errors({ [R]: JSON.stringify({ ...json(R), date: '2024-02-29' }, null, 2) }).map(formatIssue)).toEqual([]));
  it('organization validTo and legal-basis dates too', () => {
    const orgs = JSON.stringify([{ ...json('data/organizations.json')[0], validTo: '2025-02-30' }], null, 2);
    expect(where({ 'data/organizations.json': orgs }, 'schema', 'data/organizations.json')).toEqual([{ line: 8, column: 'validTo' }]);
    expect(where(events((e) => ({ ...e, legalBasis: [{ ...e.legalBasis[0], date: '2025-02-31' }] })), 'schema', E)).toEqual([{ line: 12, column: 'legalBasis.date' }]);
  });
});

describe('catalogues in data/: unknown keys and HTML (zod dropped unknown keys silently before)', () => {
  const indicators = (edit: (list: Record<string, unknown>[]) => void) => {
    const list = json(I);
    edit(list);
    return { [I]: JSON.stringify(list, null, 2) };
  };
  it('a misspelled key of an indicator is an error with a suggestion, at its line and column', () => {
    const files = indicators((l) => (l[1].headlne = true));
    const [e] = errors(files).filter((x) => x.code === 'unknown-key');
    expect({ file: e.file, column: e.column, hint: e.hint }).toEqual({ file: I, column: 'headlne', hint: 'Sửa thành "headline".' });
    const text = files[I];
    const at = text.indexOf('"headlne"');
    expect({ line: e.line, col: e.col }).toEqual({ line: text.slice(0, at).split('\n').length, col: at - text.lastIndexOf('\n', at - 1) });
  });
  it('an unknown key inside a derivation or a legal basis, and __proto__ anywhere', () => {
    expect(errors(indicators((l) => Object.assign(l.find((i) => i.derivation)!.derivation as object, { tolerence: 1 }))).filter((e) => e.code === 'unknown-key').map((e) => e.column)).toEqual(['derivation.tolerence']);
    expect(errors(events((e) => ({ ...e, legalBasis: [{ ...e.legalBasis[0], link: 'https://x.example' }] }))).filter((e) => e.code === 'unknown-key').map((e) => e.column)).toEqual(['legalBasis.link']);
    const proto = base['data/areas.json'].replace('{', '{"__proto__": {"polluted": true}, ');
    expect(errors({ 'data/areas.json': proto }).filter((e) => e.code === 'unknown-key').map((e) => e.column)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it.each([
    ['data/areas.json', 'label'],
    ['data/areas.json', 'description'],
    ['data/organizations.json', 'name'],
    ['data/breakdowns.json', 'label'],
    [I, 'label'],
    [I, 'unit'],
  ])('HTML in %s %s is an error (it was only shown escaped)', (file, field) => {
    const list = json(file);
    list[0][field] = `${list[0][field]} <img src=x onerror=alert(1)>`;
    expect(where({ [file]: JSON.stringify(list, null, 2) }, 'html', file).map((w) => w.column)).toEqual([field]);
  });
  it('HTML in an event title or a legal basis title', () => {
    expect(where(events((e) => ({ ...e, title: 'Sáp nhập <b>x</b>' })), 'html', E).map((w) => w.column)).toEqual(['title']);
    expect(where(events((e) => ({ ...e, legalBasis: [{ ...e.legalBasis[0], title: '<script>x</script>' }] })), 'html', E).map((w) => w.column)).toEqual(['legalBasis.title']);
  });
  it('comparison signs and ampersands are text, not HTML', () => {
    const list = json('data/areas.json');
    list[0].label = 'Hồ sơ < 5 ngày & > 3 ngày';
    expect(errors({ 'data/areas.json': JSON.stringify(list, null, 2) }).map(formatIssue)).toEqual([]);
  });
});

describe('smaller holes in content files', () => {
  it('figures.csv with lone-CR line ends (Excel for Mac): errors name the right line (every row was line 1 before)', () => {
    const text = csv([...GOOD_ROWS, line({ ...QUA_HAN, value: '804' })]).replace(/\n/g, '\r');
    const bad = errors({ [F]: text }).filter((e) => e.file === F);
    expect(bad.map((e) => e.line)).toEqual([7]);
  });
  it('HTML in documentNumber (report.json) and in a figure section is an error, like title and note', () => {
    expect(where({ [R]: JSON.stringify({ ...json(R), documentNumber: '<b>12</b>/BC-UBND' }, null, 2) }, 'html', R)).toEqual([{ line: 8, column: 'documentNumber' }]);
    expect(where({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, section: '<i>II.2</i>' })]) }, 'html', F)).toEqual([{ line: 7, column: 'section' }]);
  });
  it('a lone surrogate escaped in JSON ("\\ud800") is refused; an escaped pair (an emoji) is a character', () => {
    const titled = (t: string) => ({ [R]: base[R].replace('"title": "Báo cáo thử', `"title": "Báo cáo thử ${t}`) });
    expect(where(titled('\\ud800 x'), 'control-char', R).map((w) => w.line)).toEqual([4]);
    expect(where(titled('x \\udc00'), 'control-char', R).map((w) => w.line)).toEqual([4]);
    expect(errors(titled('\\ud83d\\ude00')).map(formatIssue)).toEqual([]);
  });
  it('an HTML comment in a narrative is HTML', () => {
    const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
    expect(where({ [N]: 'Tiếp nhận hồ sơ.\n\nĐoạn <!-- ẩn --> văn.\n' }, 'html', N)).toEqual([{ line: 3, column: undefined }]);
  });
});

describe('numbers and places that were accepted or unplaced', () => {
  const C = 'content/reports/bc-thu/checks.csv';
  it('a period year outside 1900–2100 ("0204" for "2024") is an error on its row', () => {
    for (const period of ['0204', '2204', '0204-Q3', '2024-01/2204-01'])
      expect(where({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, period })]) }, 'schema', F), period).toEqual([{ line: 7, column: 'period' }]);
    expect(errors({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, period: '2024-Q2' })]) }).map(formatIssue)).toEqual([]);
  });
  it('a negative tolerance in checks.csv is an error (it gave "lệch 0" warnings)', () => {
    expect(where({ [C]: 'kind,figure,expression,tolerance\nsum,ho-so-tiep-nhan,ho-so-truc-tuyen + ho-so-dung-han,-1\n' }, 'schema', C)).toEqual([{ line: 2, column: 'tolerance' }]);
  });
  it('an unknown parent organization and an event naming an unknown unit are placed on their lines, with a hint', () => {
    const orgs = JSON.stringify([json('data/organizations.json')[0], { id: 'so-a', kind: 'department', name: 'Sở A', shortName: 'Sở A', nameEn: 'A', parent: 'khong-co' }], null, 2);
    const [p] = errors({ 'data/organizations.json': orgs }).filter((e) => e.code === 'unknown-organization');
    expect({ line: p.line, column: p.column, hint: !!p.hint }).toEqual({ line: orgs.split('\n').findIndex((l) => l.includes('"khong-co"')) + 1, column: 'parent', hint: true });
    const files = events((e) => ({ ...e, predecessors: ['khong-co'] }));
    const [u] = errors(files).filter((e) => e.file === E && e.code === 'unit-history' && e.column === 'predecessors');
    expect({ line: u.line, hint: !!u.hint }).toEqual({ line: files[E].split('\n').findIndex((l) => l.includes('"predecessors"')) + 1, hint: true });
  });
  it('figures.csv saved with ";" or tab separators (Excel, Vietnamese locale): one error that says so', () => {
    for (const [sep, word] of [[';', '";"'], ['\t', 'tab']] as const) {
      const [e, ...rest] = errors({ [F]: csv(GOOD_ROWS).replace(/,/g, sep) }).filter((x) => x.file === F);
      expect(rest).toEqual([]);
      expect({ code: e.code, line: e.line }).toEqual({ code: 'csv-header', line: 1 });
      expect(e.message).toContain(word);
      expect(e.hint).toContain('phân cách bằng dấu phẩy');
    }
  });
  it('a title or summary of spaces only is an error (an empty heading was published)', () => {
    for (const field of ['title', 'summary'])
      expect(where({ [R]: JSON.stringify({ ...json(R), [field]: '   ' }, null, 2) }, 'schema', R).map((w) => w.column)).toEqual([field]);
  });
});

// Guard, not a fix: what the audit checks. A curator's note or a printed quote may start with "=", "+",
// "-", "@" (a bullet "- …" is common); no published cell may become a formula.
describe('formula injection in the published tables', () => {
  const HOSTILE = ['=HYPERLINK("http://evil","bấm")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)', '\t=1+1', '\r=1+1', '- gạch đầu dòng'];
  const table: Table = { columns: [{ name: 'note', type: 'string', title: 'Ghi chú', description: 'd' }, { name: 'value', type: 'number', title: 'Giá trị', description: 'd' }], rows: HOSTILE.map((h, i) => [h, -i]) };
  it('CSV: every text cell that could start a formula is prefixed with an apostrophe; negative numbers stay numbers', () => {
    const rows = Papa.parse<string[]>(toCsv(table).replace(/\r\n$/, ''), { newline: '\r\n' }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(rows.map((r) => r[1])).toEqual(HOSTILE.map((_, i) => String(-i)));
  });
  it('XLSX: strings are typed string cells; the workbook has no formula element', async () => {
    const parts = unzipSync(await toXlsx(table, { title: 't', description: 'd', url: 'https://example.invalid/', license: 'CC BY 4.0', citation: 'c', version: '1', modified: '2025-01-01' }));
    const xml = Object.entries(parts).filter(([n]) => n.endsWith('.xml')).map(([, b]) => new TextDecoder().decode(b)).join('');
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).toContain('HYPERLINK'); // the text itself is kept, as text
  });
});


describe('values a double cannot hold exactly (published rounded before)', () => {
  it.each(['123456789012345678', '7.0000000000000000001', '1234567890.1234567'])('value %s is an error naming the column', (value) => {
    const src = `${SOURCE}Có ${value} hồ sơ.\n`;
    expect(where({ [S]: src, [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, value, quote: `Có ${value} hồ sơ` })]) }, 'schema', F)).toEqual([{ line: 7, column: 'value' }]);
  });
  it('15 significant digits, a large round number and small decimals are fine', () => {
    for (const value of ['123456789012345', '1000000000000000000', '0.000001'])
      expect(where({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, value })]) }, 'schema', F), value).toEqual([]);
  });
});

describe('indicator derivations that come back to themselves (nonsense "x/x = 100%" notes before)', () => {
  const withDerivation = (edit: (byId: Map<string, Record<string, unknown>>) => void) => {
    const list = json(I) as Record<string, unknown>[];
    edit(new Map(list.map((i) => [i.id as string, i])));
    return { [I]: JSON.stringify(list, null, 2) };
  };
  it('a ratio of the indicator itself: one error at its derivation', () => {
    const files = withDerivation((m) => (m.get('ty-le-ho-so-dung-han')!.derivation = { kind: 'ratio', numerator: 'ty-le-ho-so-dung-han', denominator: 'ty-le-ho-so-dung-han' }));
    const found = errors(files).filter((e) => e.code === 'derivation-cycle');
    const lines = files[I].split('\n');
    const entry = lines.findIndex((l) => l.includes('"id": "ty-le-ho-so-dung-han"'));
    const derivationLine = lines.findIndex((l, i) => i > entry && l.includes('"derivation"')) + 1;
    expect(found.map((e) => [e.line, e.column])).toEqual([[derivationLine, 'derivation']]);
    expect(found[0].hint).toBeTruthy();
  });
  it('a two-step sum cycle is one error; the fixture catalogue has none', () => {
    expect(errors({}).filter((e) => e.code === 'derivation-cycle')).toEqual([]);
    const files = withDerivation((m) => (m.get('ho-so-truc-tuyen')!.derivation = { kind: 'sum', parts: ['ho-so-tiep-nhan', 'ho-so-truc-tiep'] }));
    expect(errors(files).filter((e) => e.code === 'derivation-cycle').map((e) => e.message)).toEqual(['Công thức của chỉ số "ho-so-tiep-nhan" quay về chính nó: ho-so-tiep-nhan → ho-so-truc-tuyen → ho-so-tiep-nhan.']);
  });
});

describe('an empty narrative file (an empty summary fold was published)', () => {
  it.each(['', '  \n\n', '\t\n'])('%j is an error on line 1 and is left out', (text) => {
    const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
    const { content, issues } = run({ [N]: text });
    expect(issues.filter((e) => e.level === 'error' && e.file === N).map((e) => [e.code, e.line])).toEqual([['empty-narrative', 1]]);
    expect(content.reports[0].narratives).toEqual([]);
  });
});

describe('session 9 audit: hostile figures.csv shapes', () => {
  it('a repeated column (two "note" columns from a spreadsheet export) is one error on line 1 naming it; no figure is read from it', () => {
    const withDup = csv(GOOD_ROWS).split('\n').map((l, i) => (l === '' ? l : i === 0 ? `${l},note` : `${l},ghi chú khác`)).join('\n');
    const { content, issues } = run({ [F]: withDup });
    const errs = issues.filter((i) => i.level === 'error' && i.file === F);
    expect(errs.map((e) => ({ line: e.line, note: e.message.includes('note') }))).toEqual([{ line: 1, note: true }]);
    // Which of two notes was meant cannot be known: the report's figures are refused, not half-read.
    expect(content.reports.find((r) => r.meta.id === 'bc-thu')?.figures ?? []).toEqual([]);
  });
});
