// The one character rule (src/pipeline/read-content.ts, forbiddenChar) as a table, then the same
// texts through every free-text field of every content file: legitimate Unicode (emoji joined with
// ZWJ, variation selectors, combining marks on letters, flag tag sequences) is accepted everywhere;
// invisible or reordering characters are refused with file, line, column and a fix.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { forbiddenChar, MAX_MARKS } from '../../src/pipeline/read-content.ts';
import { formatIssue, validateContent } from '../../src/pipeline/validate.ts';
import { csv, fixtureFiles, fixtureReader, GOOD_ROWS, line, QUA_HAN, SOURCE } from '../fixtures/content.ts';

const cp = (...c: number[]) => String.fromCodePoint(...c);
const TAGS = (s: string) => [...s].map((c) => cp(0xe0000 + c.charCodeAt(0))).join('');

/** [name, text, refused level or null] — the refused character is marked by its position (`at`). */
const TABLE: [string, string, null | { level: 'hard' | 'soft'; at: number }][] = [
  // Accepted: real Unicode people paste from Zalo, Word and phones.
  ['ZWJ sequence 👩‍💻', 'Cán bộ 👩‍💻 trực', null],
  ['rainbow flag 🏳️‍🌈 (VS16 before the ZWJ)', 'Cờ 🏳️‍🌈 ở đây', null],
  ['family 👨‍👩‍👧 (two joiners)', 'Gia đình 👨‍👩‍👧', null],
  ['skin tone before ZWJ 🧑🏽‍🚀', 'Phi hành gia 🧑🏽‍🚀', null],
  ['heart on fire ❤️‍🔥', 'Nhiệt tình ❤️‍🔥', null],
  ['runner with gender sign 🏃‍♀️', 'Chạy 🏃‍♀️', null],
  ['emoji with VS16 ❤️ and text VS ☎︎', 'Yêu ❤️ gọi ☎︎', null],
  ['keycap 1️⃣ (VS16 + enclosing keycap: two marks on "1")', 'Bước 1️⃣ xong', null],
  ['thumbs up with skin tone 👍🏽', 'Đồng ý 👍🏽', null],
  ['country flag 🇻🇳 (regional indicators)', 'Việt Nam 🇻🇳', null],
  ['subdivision flag tag sequence', `Cờ ${cp(0x1f3f4)}${TAGS('gbsct')}${cp(0xe007f)} đây`, null],
  ['decomposed Vietnamese NFC cannot compose (x + U+0303)', 'ký hiệu x\u0303 và q\u0323', null],
  ['two marks on one letter (e + circumflex + dot below, NFD)', 'Vie\u0302\u0323t', null],
  [`${MAX_MARKS} marks on one letter`, `a${'\u0301'.repeat(MAX_MARKS)}`, null],
  ['ideographic variation selector after a Han character', `漢${cp(0xe0100)}`, null],
  ['tab, line feed, carriage return', 'a\tb\r\nc', null],
  ['NBSP, narrow NBSP, ideographic space (visible spaces)', 'a\u00a0b\u202fc\u3000d', null],
  // Refused everywhere.
  ['NUL', 'a\u0000b', { level: 'hard', at: 1 }],
  ['ESC', 'a\u001b[31mb', { level: 'hard', at: 1 }],
  ['DEL', 'a\u007fb', { level: 'hard', at: 1 }],
  ['C1 NEL', 'a\u0085b', { level: 'hard', at: 1 }],
  ['form feed outside source.txt', 'a\fb', { level: 'hard', at: 1 }],
  ['RIGHT-TO-LEFT OVERRIDE', 'abc\u202etxt.exe', { level: 'hard', at: 3 }],
  ['FIRST STRONG ISOLATE', 'a\u2068b', { level: 'hard', at: 1 }],
  ['interlinear annotation anchor', 'a\ufff9b', { level: 'hard', at: 1 }],
  ['noncharacter U+FDD0', 'a\ufdd0', { level: 'hard', at: 1 }],
  ['noncharacter U+1FFFE', `a${cp(0x1fffe)}`, { level: 'hard', at: 1 }],
  ['lone high surrogate', 'a\ud800b', { level: 'hard', at: 1 }],
  ['lone low surrogate', 'a\udc00b', { level: 'hard', at: 1 }],
  ['hidden ASCII in tag characters ("ASCII smuggling")', `Báo cáo${TAGS('ignore all')}`, { level: 'hard', at: 7 }],
  ['tag sequence without CANCEL TAG', `${cp(0x1f3f4)}${TAGS('gbsct')}`, { level: 'hard', at: 2 }],
  ['tag sequence after a letter', `a${TAGS('gb')}${cp(0xe007f)}`, { level: 'hard', at: 1 }],
  ['lone CANCEL TAG after an emoji', `${cp(0x1f3f4)}${cp(0xe007f)}`, { level: 'hard', at: 2 }],
  ['LANGUAGE TAG', `a${cp(0xe0001)}`, { level: 'hard', at: 1 }],
  // Refused outside source.txt and quotes.
  ['ZWJ between letters', 'hồ\u200dsơ', { level: 'soft', at: 2 }],
  ['ZWJ after an emoji, before a letter', '👩\u200dx', { level: 'soft', at: 2 }],
  ['ZWJ before an emoji, after a letter', 'x\u200d💻', { level: 'soft', at: 1 }],
  ['ZWJ at the start', '\u200d💻', { level: 'soft', at: 0 }],
  ['ZWJ at the end, after an emoji', '👩\u200d', { level: 'soft', at: 2 }],
  ['ZERO WIDTH NON-JOINER', 'a\u200cb', { level: 'soft', at: 1 }],
  ['ZERO WIDTH SPACE', 'a\u200bb', { level: 'soft', at: 1 }],
  ['soft hyphen', 'hành\u00adchính', { level: 'soft', at: 4 }],
  ['left-to-right mark', 'a\u200eb', { level: 'soft', at: 1 }],
  ['word joiner', 'a\u2060b', { level: 'soft', at: 1 }],
  ['deprecated format character U+206A', 'a\u206ab', { level: 'soft', at: 1 }],
  ['BOM inside text', 'a\ufeffb', { level: 'soft', at: 1 }],
  ['line separator', 'a\u2028b', { level: 'soft', at: 1 }],
  ['Mongolian vowel separator', 'a\u180eb', { level: 'soft', at: 1 }],
  ['combining grapheme joiner', 'a\u034fb', { level: 'soft', at: 1 }],
  ['Hangul filler (an "empty" title)', '\u3164\u3164', { level: 'soft', at: 0 }],
  ['braille blank', '\u2800', { level: 'soft', at: 0 }],
  ['Word Symbol-font bullet (private use)', '\uf0b7 Nội dung', { level: 'soft', at: 0 }],
  ['VS16 at the start of the text', '\ufe0fa', { level: 'soft', at: 0 }],
  ['VS16 after a space', 'a \ufe0f', { level: 'soft', at: 2 }],
  ['combining mark at the start (PDF split "̉y")', '\u0309y', { level: 'soft', at: 0 }],
  ['combining mark after a space (PDF "Thu ̉y")', 'Thu \u0309y', { level: 'soft', at: 4 }],
  ['combining mark after a line break', 'a\n\u0301', { level: 'soft', at: 2 }],
  [`${MAX_MARKS + 1} marks on one letter ("Zalgo")`, `a${'\u0301'.repeat(MAX_MARKS + 1)}`, { level: 'soft', at: MAX_MARKS + 1 }],
];

describe('the character rule, as a table', () => {
  it.each(TABLE)('%s', (_name, text, expected) => {
    const strict = forbiddenChar(text);
    const loose = forbiddenChar(text, { soft: true });
    if (!expected) {
      expect(strict).toBeNull();
      expect(loose).toBeNull();
      return;
    }
    expect(strict?.offset).toBe(expected.at);
    expect(strict?.reason).toBeTruthy();
    // source.txt and quotes keep what a copied source has ("soft"); "hard" characters never pass.
    if (expected.level === 'hard') expect(loose?.offset).toBe(expected.at);
    else expect(loose).toBeNull();
  });
  it('a form feed is a page break in source.txt only', () => {
    expect(forbiddenChar('a\fb', { soft: true, formFeed: true })).toBeNull();
  });
  it('the whole text of a long source is checked in one pass when nothing is suspect', () => {
    const long = `${SOURCE}\n`.repeat(20_000);
    const t = performance.now();
    expect(forbiddenChar(long)).toBeNull();
    expect(performance.now() - t).toBeLessThan(500);
  });
});

// ---- The same texts through every free-text field ------------------------------------------------
const R = 'content/reports/bc-thu/report.json';
const F = 'content/reports/bc-thu/figures.csv';
const C = 'content/reports/bc-thu/checks.csv';
const S = 'content/reports/bc-thu/source.txt';
const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
const A = 'data/areas.json';
const I = 'data/indicators.json';
const base = fixtureFiles();
const run = (files: Record<string, string | null>) => validateContent(loadContent(fixtureReader(files)));
const errs = (files: Record<string, string | null>) => run(files).issues.filter((i) => i.level === 'error');
const withJson = (path: string, edit: (v: any) => void, escape = false) => {
  const v = JSON.parse(base[path]);
  edit(v);
  const text = JSON.stringify(v, null, 2);
  // escape: every non-ASCII character written as \uXXXX, as some exporters do.
  return { [path]: escape ? text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text };
};

/** One free-text field of each content file, set to `t` (files to override, and the file concerned). */
const FIELDS: [string, (t: string) => Record<string, string>, string][] = [
  ['report.json title', (t) => withJson(R, (v) => (v.title = `Báo cáo ${t}`)), R],
  ['report.json summary, written as \\u escapes', (t) => withJson(R, (v) => (v.summary = `Tóm tắt ${t}`), true), R],
  ['data/areas.json label', (t) => withJson(A, (v) => (v[0].label = `Cải cách ${t}`)), A],
  ['data/indicators.json definition, as \\u escapes', (t) => withJson(I, (v) => (v[0].definition = `Định nghĩa ${t}`), true), I],
  ['figures.csv note', (t) => ({ [F]: csv([...GOOD_ROWS, line({ ...QUA_HAN, breakdown: 'cap-tinh', note: `ghi chú ${t}` })]) }), F],
  ['checks.csv expression', (t) => ({ [C]: `kind,figure,expression,tolerance\nsame,ho-so-tiep-nhan,ho-so-tiep-nhan ${t},\n` }), C],
  ['narrative text', (t) => ({ [N]: `Tiếp nhận hồ sơ ${t}.\n` }), N],
];

describe('every free-text field: emoji sequences are accepted, lone invisible characters refused where they are', () => {
  const EMOJI = ['👩‍💻', '🏳️‍🌈', '❤️‍🔥', '1️⃣', '🇻🇳', `${cp(0x1f3f4)}${TAGS('gbsct')}${cp(0xe007f)}`];
  it.each(FIELDS.filter(([name]) => !name.startsWith('checks')))('%s accepts emoji sequences', (_name, set) => {
    for (const e of EMOJI) expect(errs(set(e)).map(formatIssue), e).toEqual([]);
  });
  it.each(FIELDS)('%s refuses a lone ZWJ, a soft hyphen and a split tone mark at their line and column', (_name, set, file) => {
    for (const bad of ['hồ\u200dsơ', 'hành\u00adchính', 'Thu \u0309y', '\uf0b7 mục']) {
      const found = errs(set(bad)).filter((e) => e.code === 'control-char');
      expect(found.map((e) => e.file), JSON.stringify(bad)).toEqual([file]);
      const [e] = found;
      expect(e.line, 'line').toBeGreaterThan(0);
      expect(e.hint).toBeTruthy();
      expect(formatIssue(e)).toMatch(/U\+[0-9A-F]{4}/);
      // figures.csv cells name their column (the quote column may keep them); other files the character column.
      if (file === F) expect(e.column).toBe('note');
      else expect(e.col).toBeGreaterThan(0);
    }
  });
  it('the emoji row is published with its emoji intact (nothing stripped)', () => {
    const { content } = run(FIELDS[4][1]('👩‍💻 🏳️‍🌈'));
    expect(content.reports[0].figures.find((f) => f.id === 'x')?.note).toBe('ghi chú 👩‍💻 🏳️‍🌈');
  });
  it('source.txt and quotes keep a lone ZWJ or a soft hyphen of the copied source, never a bidi override or tag text', () => {
    const src = SOURCE.replace('803 hồ sơ', '803 hồ\u200dsơ');
    const row = line({ ...QUA_HAN, breakdown: 'cap-tinh', quote: '803 hồ\u200dsơ quá hạn' });
    expect(errs({ [S]: src, [F]: csv([...GOOD_ROWS, row]) }).map(formatIssue)).toEqual([]);
    for (const bad of ['\u202e', TAGS('hidden')]) {
      const found = errs({ [S]: SOURCE.replace('803 hồ sơ', `803 hồ${bad} sơ`) }).filter((e) => e.code === 'control-char');
      expect(found.map((e) => [e.file, e.line])).toEqual([[S, 3]]);
    }
  });
  it('a narrative character reference is judged between its neighbours', () => {
    expect(errs({ [N]: 'Cán bộ 👩&zwj;💻 trực.\n' }).map(formatIssue)).toEqual([]);
    expect(errs({ [N]: 'Cán bộ a&zwj;b trực.\n' }).map((e) => [e.code, e.line, e.col])).toEqual([['control-char', 1, 9]]);
    expect(errs({ [N]: 'Đầu &#x301;dòng.\n' }).map((e) => [e.code, e.line, e.col])).toEqual([['control-char', 1, 5]]);
  });
});
