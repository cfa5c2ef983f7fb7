// Vietnamese as staff really type and paste it: NFD from a PDF or a Mac, "old-style" tone placement
// ("hoà", "Thuỷ") beside the new one ("hòa", "Thủy"), đ/Đ. What must hold: quotes are found across
// NFC/NFD, and a quote that differs from its source only in tone placement, marks, case or
// typographic punctuation is refused with the words that differ and the source line; ids, search
// and list filters treat both spellings alike; names sort by Vietnamese collation whatever the
// machine's locale; what is published is NFC.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { explainQuoteMiss, locateQuote } from '../../src/core/quote.ts';
import { compareKeys, compareVi, foldDiacritics, foldQuery, slugify, strokeD } from '../../src/core/text.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';
import { exportsByPath } from '../support/exports.ts';

const S = 'content/reports/bc-thu/source.txt';
const F = 'content/reports/bc-thu/figures.csv';
const R = 'content/reports/bc-thu/report.json';
const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
const run = (files: Record<string, string | Uint8Array | null>) => validateContent(loadContent(fixtureReader(files)));
const errors = (files: Record<string, string | Uint8Array | null>) => run(files).issues.filter((i) => i.level === 'error');
const nfd = (s: string) => s.normalize('NFD');
const bytes = (s: string) => new TextEncoder().encode(s);

// Old-style ("hoà", "Thuỷ", "khoẻ") and new-style ("hòa", "Thủy", "khỏe") spellings of the same words.
const OLD = 'Xã Hoà Bình và phường Thuỷ Lợi khoẻ mạnh';
const NEW = 'Xã Hòa Bình và phường Thủy Lợi khỏe mạnh';

describe('quotes across Unicode forms and spellings', () => {
  it('an NFD quote is found in an NFC source and an NFC quote in an NFD source, at the same offsets', () => {
    const quote = 'toàn tỉnh tiếp nhận 67.628 hồ sơ';
    const expected = locateQuote(SOURCE, quote);
    expect(expected).not.toBeNull();
    expect(locateQuote(SOURCE, nfd(quote))).toEqual(expected);
    expect(locateQuote(nfd(SOURCE), quote)).toEqual(expected);
  });
  it('through the validator: figures.csv saved in NFD (macOS, PDF copy) against an NFC source.txt, and the reverse', () => {
    expect(errors({ [F]: bytes(nfd(csv(GOOD_ROWS))) }).map(formatIssue)).toEqual([]);
    expect(errors({ [S]: bytes(nfd(SOURCE)) }).map(formatIssue)).toEqual([]);
  });
  it('old and new tone placement are different text: never matched silently', () => {
    expect(OLD).not.toBe(NEW);
    expect(OLD.normalize('NFC')).not.toBe(NEW.normalize('NFC'));
    expect(locateQuote(OLD, NEW)).toBeNull();
  });
  it.each([
    ['old-style source, new-style quote', OLD, NEW],
    ['new-style source, old-style quote', NEW, OLD],
    ['old-style source, NFD new-style quote', OLD, nfd(NEW)],
  ])('%s: the miss names the differing words', (_name, source, quote) => {
    const miss = explainQuoteMiss(`Mở đầu.\n${source}.\n`, quote);
    expect(miss?.kind).toBe('tones');
    expect(miss?.words.map((w) => [w.quote.normalize('NFC'), w.source])).toEqual(
      [['Hòa', 'Hoà'], ['Thủy', 'Thuỷ'], ['khỏe', 'khoẻ']].map(([n, o]) => (source === NEW ? [o, n] : [n, o])),
    );
  });
  it('a different tone is not a placement difference: "hòa" vs "hóa" is a letters miss', () => {
    expect(explainQuoteMiss('Tự động hóa quy trình.', 'Tự động hòa quy trình')?.kind).toBe('letters');
  });
  it('case, missing marks and typographic quotes or dashes are a letters miss', () => {
    const src = 'Kế hoạch “Chuyển đổi số” năm 2024 – 2025 của tỉnh.';
    for (const [quote, word] of [
      ['kế hoạch "Chuyển đổi số"', 'kế'],
      ['Ke hoach “Chuyen doi so”', 'Ke'],
      ['năm 2024 - 2025 của tỉnh', '-'],
    ] as const) {
      const miss = explainQuoteMiss(src, quote);
      expect(miss?.kind, quote).toBe('letters');
      expect(miss?.words.map((w) => w.quote)).toContain(word);
    }
  });
  it('an unrelated quote has no near match', () => expect(explainQuoteMiss(SOURCE, 'không có câu này trong nguồn')).toBeNull());

  it('the validator error names the words and the source line, and the row is not published', () => {
    const src = `${SOURCE}Xã Hoà Bình tiếp nhận 804 hồ sơ.\n`;
    const row = line({ ...QUA_HAN, breakdown: 'cap-tinh', value: '804', quote: 'Xã Hòa Bình tiếp nhận 804 hồ sơ' });
    const { content, issues } = run({ [S]: src, [F]: csv([...GOOD_ROWS, row]) });
    const found = issues.filter((i) => i.level === 'error');
    expect(found.map((e) => [e.code, e.file, e.line, e.column])).toEqual([['quote-not-found', F, 7, 'quote']]);
    expect(found[0].message).toContain('trích dẫn "Hòa", nguồn "Hoà"');
    expect(found[0].message).toContain('dòng 5');
    expect(found[0].hint).toContain('dòng 5');
    expect(content.reports[0].figures.map((f) => f.line)).not.toContain(7);
  });
});

describe('ids, search and filters treat both spellings and both forms alike', () => {
  it.each([
    ['Thuỷ Lợi', 'Thủy Lợi', 'thuy-loi'],
    ['Hoà Bình', 'Hòa Bình', 'hoa-binh'],
    ['Đăk Hà', 'Đắk Hà', null],
  ])('slugify(%s) = slugify(%s), in NFC and NFD', (a, b, slug) => {
    const all = [a, b, nfd(a), nfd(b)].map(slugify);
    if (slug) expect(new Set(all)).toEqual(new Set([slug]));
    else expect(new Set([slugify(a), slugify(nfd(a))]).size).toBe(1);
  });
  it('đ/Đ fold to d/D for slugs and list filters', () => {
    expect(slugify('Đắk Tô')).toBe('dak-to');
    expect(foldDiacritics(nfd('Đường Điện Biên'))).toBe('Duong Dien Bien');
  });
  it('the list-filter key (folded, lower-case) is the same for old, new and NFD spellings', () => {
    const key = (t: string) => foldDiacritics(t).toLowerCase();
    expect(new Set([OLD, NEW, nfd(OLD), nfd(NEW)].map(key)).size).toBe(1);
  });
  it('search: the query and the indexed text are NFC, so an NFD query is the same query', () => {
    expect(foldQuery(nfd('  đầu   tư hòa '))).toBe(foldQuery('đầu tư hòa'));
    expect(strokeD(nfd('Đầu tư'))).toBe(strokeD('Đầu tư'));
    // Pagefind drops tone and vowel marks: folded like that, old and new placement index alike.
    const pagefindWords = (t: string) => strokeD(t).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    expect(pagefindWords(OLD)).toBe(pagefindWords(NEW));
    expect(pagefindWords('đầu tư')).toBe(pagefindWords('dau tu'));
  });
});

describe('sorting', () => {
  it('names sort by Vietnamese collation: đ after d, tones after the bare vowel, NFD like NFC', () => {
    const names = ['Đắk Tô', 'Đăk Hà', 'Dak', 'Ea Súp', 'Ẳng', 'Ăn', 'An', 'Ba'];
    expect([...names].sort(compareVi)).toEqual(['An', 'Ăn', 'Ẳng', 'Ba', 'Dak', 'Đăk Hà', 'Đắk Tô', 'Ea Súp']);
    expect([...names.map(nfd)].sort(compareVi).map((n) => n.normalize('NFC'))).toEqual([...names].sort(compareVi));
  });
  it('ids and keys sort with a fixed collator, not the machine locale (LANG=da_DK sorted "aa" after "z" before)', () => {
    const ids = ['ab', 'aa', 'a-b', 'z', '2024-q3', '2024-h1', 'bc/x', 'k||stock', 'k|c|stock'];
    const sorted = ['2024-h1', '2024-q3', 'a-b', 'aa', 'ab', 'bc/x', 'k||stock', 'k|c|stock', 'z'];
    expect([...ids].sort(compareKeys)).toEqual(sorted);
    // The order the build had under LANG=C (English/root), so no published order moved.
    expect([...ids].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(sorted);
    expect(compareKeys('a', 'a')).toBe(0);
  });
  it('under a Danish locale the order of keys and of names is unchanged', () => {
    const script = "import('./src/core/text.ts').then((m) => console.log(JSON.stringify([['z', 'aa', 'ab'].sort(m.compareKeys), ['Đăk', 'Dz', 'Aa'].sort(m.compareVi), ['z', 'aa'].sort((a, b) => a.localeCompare(b))])))";
    const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8' }, encoding: 'utf8' });
    const [keys, names, plain] = JSON.parse(out.stdout);
    expect(keys).toEqual(['aa', 'ab', 'z']);
    expect(names).toEqual(['Aa', 'Dz', 'Đăk']);
    // What the old code did there (when this machine's ICU has Danish data): why a fixed collator is needed.
    if (plain[0] !== 'aa') expect(plain).toEqual(['z', 'aa']);
  });
});

describe('what is published is NFC', () => {
  it('NFD files and NFD \\u escapes in JSON come out NFC in the content and every export', () => {
    const base = fixtureFiles();
    // Every non-ASCII character of report.json and the areas catalogue written as NFD \u escapes.
    const escapedNfd = (text: string) => nfd(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const files = {
      [R]: escapedNfd(base[R]),
      'data/areas.json': escapedNfd(base['data/areas.json']),
      'data/indicators.json': bytes(nfd(base['data/indicators.json'])),
      [S]: bytes(nfd(SOURCE)),
      [F]: bytes(nfd(csv(GOOD_ROWS))),
      [N]: bytes(nfd('Tiếp nhận và giải quyết hồ sơ đúng hạn.\n')),
    };
    expect(files[R]).toContain('\\u0301');
    const { content, issues } = run(files);
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
    expect(content.reports[0].meta.title).toBe('Báo cáo thử quý III/2024');
    const json = JSON.stringify(content);
    expect(json).toBe(json.normalize('NFC'));
    for (const [path, text] of exportsByPath(deriveSite(content, issues))) if (typeof text === "string") expect(text === text.normalize("NFC"), path).toBe(true);
  });
});
