// Turning the bytes of one untrusted content file into text: strict UTF-8 only
// (a BOM is tolerated and stripped), Unicode NFC, and no control or bidi
// characters that could hide or reorder what readers see. Pure: the file system
// side (symlinks, sizes) is in node-reader.ts.

export interface LoadProblem {
  code: string;
  file: string;
  line?: number;
  /** Character position in the line (1-based), for problems inside a text. */
  col?: number;
  message: string;
  hint: string;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}

// ---- The one character rule for every content file and every free-text field -------------------
// (raw file text, CSV cells, decoded JSON strings, narrative character references). Two levels:
//  - refused everywhere ("hard"): C0 controls except tab, line feed, carriage return (and form
//    feed, a page break, in source.txt), DEL, C1 controls, bidi embeddings, overrides and isolates
//    (they reorder text on screen: "Trojan Source"), interlinear annotations, noncharacters, lone
//    surrogates, and Unicode tag characters outside an emoji flag sequence (they can smuggle a
//    whole hidden ASCII text);
//  - refused except in source.txt and figures.csv quotes, which must match the copied source
//    ("soft"): invisible format characters (soft hyphen, zero-width space and non-joiner, direction
//    marks, word joiner, BOM, line/paragraph separators, invisible fillers), private-use characters
//    (Word's Symbol/Wingdings bullets), and combining marks or variation selectors with no letter
//    under them or stacked more than MAX_MARKS deep ("Zalgo" text).
// Legitimate Unicode passes: a ZERO WIDTH JOINER inside an emoji sequence (👩‍💻, 🏳️‍🌈, 🧑🏽‍🚀),
// a variation selector or combining mark after a base character (❤️, 1️⃣, "e" + U+0301 that NFC
// could not compose), a flag tag sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Table-tested in tests/unit/unicode-policy.test.ts.

/** Combining marks one base character may carry (Vietnamese needs at most two, a keycap two). */
export const MAX_MARKS = 4;

/** Characters that need a closer look (controls but tab, LF, CR); anything else is always fine. */
const CANDIDATE = /[\ufffd\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\p{Co}\p{Cs}\p{M}\p{Noncharacter_Code_Point}\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]/u;
const CANDIDATES = new RegExp(CANDIDATE.source, 'gu');
/** Anything outside the characters no rule is about (a plain character class: ~30× faster than \p{M} on long text). */
const UNUSUAL = /[^\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u22ff\u2460-\u24ff\u25a0-\u25ff]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
/** Marks that are invisible on their own even after a letter: grapheme joiner, Mongolian and Khmer fillers. */
const INVISIBLE_MARK = /[\u034f\u17b4\u17b5\u180b-\u180d\u180f]/u;
/** Invisible "letters" used to fake an empty or different-looking text: Hangul fillers, braille blank. */
const FILLER = /[\u115f\u1160\u3164\uffa0\u2800]/u;
const BASE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may sit between an emoji and a following ZWJ: variation selectors and skin-tone modifiers. */
const EMOJI_TAIL = /[\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]/u;
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;

/** Why a character may not stand where it is: its level and the reason shown to the curator. */
export interface CharVerdict {
  level: 'hard' | 'soft';
  reason: string;
}

/** The code point before offset `i` (a surrogate pair read as one), with its offset. */
function before(text: string, i: number): { cp: number; at: number } | null {
  if (i <= 0) return null;
  const lo = text.charCodeAt(i - 1);
  const at = i >= 2 && lo >= 0xdc00 && lo <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
  return { cp: text.codePointAt(at)!, at };
}

const ch = (cp: number) => String.fromCodePoint(cp);

/** A ZWJ at `i` joins two emoji (the left one possibly with its variation selector or skin tone). */
function inEmojiSequence(text: string, i: number): boolean {
  let p = before(text, i);
  while (p && EMOJI_TAIL.test(ch(p.cp))) p = before(text, p.at);
  const next = text.codePointAt(i + 1);
  return !!p && PICTOGRAPHIC.test(ch(p.cp)) && next !== undefined && PICTOGRAPHIC.test(ch(next));
}

/** A tag character at `i` belongs to "emoji, tag spec…, CANCEL TAG" (a subdivision flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿). */
function inTagSequence(text: string, i: number): boolean {
  let start = i;
  for (let p = before(text, start); p && isTag(p.cp); p = before(text, start)) start = p.at;
  let end = i;
  while (end < text.length && isTag(text.codePointAt(end)!)) end += 2;
  const base = before(text, start);
  const last = text.codePointAt(end - 2)!;
  // Every tag but the last is a tag spec (E0020–E007E), the last the cancel tag, after at least one spec.
  let specs = 0;
  for (let k = start; k < end - 2; k += 2) if (text.codePointAt(k)! !== 0xe007f) specs++;
  return !!base && PICTOGRAPHIC.test(ch(base.cp)) && last === 0xe007f && specs === (end - 2 - start) / 2 && specs > 0;
}

/** Why the character at offset `i` (a candidate) is refused, or null when it is legitimate there. */
function verdictAt(text: string, i: number, cp: number, formFeed: boolean): CharVerdict | null {
  const c = ch(cp);
  if (cp === 9 || cp === 10 || cp === 13 || (cp === 12 && formFeed)) return null;
  if (/\p{Cc}/u.test(c)) return { level: 'hard', reason: 'ký tự điều khiển' };
  if (BIDI.test(c)) return { level: 'hard', reason: 'ký tự đảo chiều văn bản (có thể làm người đọc thấy khác nội dung thật)' };
  if (/\p{Cs}/u.test(c)) return { level: 'hard', reason: 'nửa cặp surrogate UTF-16 đứng lẻ' };
  if (/\p{Noncharacter_Code_Point}/u.test(c) || (cp >= 0xfff9 && cp <= 0xfffb)) return { level: 'hard', reason: 'không phải ký tự văn bản' };
  if (isTag(cp) || cp === 0xe0001)
    return cp !== 0xe0001 && inTagSequence(text, i) ? null : { level: 'hard', reason: 'ký tự thẻ vô hình (có thể giấu cả một đoạn chữ)' };
  if (cp === 0x200d) return inEmojiSequence(text, i) ? null : { level: 'soft', reason: 'ký tự nối vô hình đứng ngoài chuỗi emoji' };
  if (/\p{Cf}/u.test(c) || cp === 0x2028 || cp === 0x2029 || FILLER.test(c) || INVISIBLE_MARK.test(c)) return { level: 'soft', reason: 'ký tự ẩn' };
  if (cp === 0xfffd) return { level: 'soft', reason: 'ký tự thay thế "�": chữ gốc đã mất khi văn bản bị đọc sai mã trước khi dán; chép lại từ bản gốc' };
  if (/\p{Co}/u.test(c)) return { level: 'soft', reason: 'ký tự vùng riêng (thường là dấu đầu dòng của font Symbol/Wingdings trong Word, hiện thành ô vuông)' };
  // A combining mark or variation selector: it needs a base character under it, and not too many siblings.
  let marks = 1;
  let p = before(text, i);
  while (p && /\p{M}/u.test(ch(p.cp))) {
    marks++;
    p = before(text, p.at);
  }
  if (!p || !BASE.test(ch(p.cp))) return { level: 'soft', reason: 'dấu kết hợp không đứng sau chữ nào (dấu bị tách khỏi chữ khi sao chép từ PDF?)' };
  if (marks > MAX_MARKS) return { level: 'soft', reason: `quá ${MAX_MARKS} dấu chồng trên một chữ` };
  return null;
}

/**
 * The first character of a text the rule refuses: its offset, the character and why, or null.
 * `soft`: source.txt and quotes, where only "hard" characters are refused; `formFeed`: source.txt.
 */
export function forbiddenChar(text: string, opts: { soft?: boolean; formFeed?: boolean } = {}): { offset: number; char: string; reason: string } | null {
  // The common case in one cheap pass: printable ASCII, Latin and Vietnamese letters, usual punctuation.
  if (!UNUSUAL.test(text) || !CANDIDATE.test(text)) return null;
  for (const m of text.matchAll(CANDIDATES)) {
    const cp = m[0].codePointAt(0)!;
    const v = verdictAt(text, m.index, cp, !!opts.formFeed);
    if (v && (v.level === 'hard' || !opts.soft)) return { offset: m.index, char: m[0], reason: v.reason };
  }
  return null;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x0c: 'FORM FEED', 0x1b: 'ESCAPE', 0x7f: 'DELETE', 0xad: 'SOFT HYPHEN', 0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'BYTE ORDER MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR', 0x2060: 'WORD JOINER', 0x034f: 'COMBINING GRAPHEME JOINER',
  0x3164: 'HANGUL FILLER', 0x2800: 'BRAILLE PATTERN BLANK', 0xfe0f: 'VARIATION SELECTOR-16', 0xfe0e: 'VARIATION SELECTOR-15',
  0xe0001: 'LANGUAGE TAG', 0xa0: 'NO-BREAK SPACE', 0x202f: 'NARROW NO-BREAK SPACE', 0xe007f: 'CANCEL TAG', 0xfffd: 'REPLACEMENT CHARACTER',
};

/** "U+202E (RIGHT-TO-LEFT OVERRIDE)" */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = NAMES[cp] ?? (isTag(cp) ? 'TAG' : /\p{M}/u.test(ch) ? 'COMBINING MARK' : /\p{Co}/u.test(ch) ? 'PRIVATE USE' : undefined);
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** Line and character column (1-based) of an offset in a text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, col: offset - start + 1 };
}

// ---- UTF-8 read as Windows-1252 and saved again ("BÃ¡o cÃ¡o" for "Báo cáo") ---------------------------
// Excel opens a UTF-8 CSV without BOM as Windows-1252/1258; saved back as "CSV UTF-8", every Vietnamese
// letter becomes two or three Latin-1 characters. Valid UTF-8, so only the pattern gives it away: a lead
// letter of a UTF-8 sequence ("Ã", "Ä", "Æ", "á" + "º"/"»") followed by a continuation character.

/** Windows-1252's characters for bytes 0x80–0x9F (undefined ones map to themselves, as C1 controls). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
// Not U+00A0: "XÃ" + no-break space is real upper-case Vietnamese ("à" garbled the same way is caught by its neighbours).
const CONT = `[\u00a1-\u00bf${CP1252}]`;
// Lead bytes 0xC2–0xC6 as Windows-1252 (Â Ã Ä Å Æ) or 1258 (Ă for 0xC3), and 0xE1 0xBA/0xBB (á º/»).
const MOJIBAKE = new RegExp(`[\u00c2-\u00c6\u0102]${CONT}|\u00e1[\u00ba\u00bb]${CONT}`);

/** A character of a garbled word: a letter or digit, or a garbled continuation byte. */
const WORD = new RegExp(`[\\p{L}\\p{N}]|${CONT}`, 'u');

function byteOf(c: string): number | null {
  const cp = c.codePointAt(0)!;
  const k = CP1252.indexOf(c);
  return k >= 0 ? 0x80 + k : cp === 0x102 ? 0xc3 : cp < 0x100 ? cp : null;
}

/** The first stretch of double-encoded text, and what it was meant to say, or null. */
export function mojibake(text: string): { offset: number; seen: string; meant: string } | null {
  const m = MOJIBAKE.exec(text);
  if (!m) return null;
  // The whole word around it, read back as the bytes it came from.
  let start = m.index;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = m.index + m[0].length;
  while (end < text.length && WORD.test(text[end])) end++;
  const seen = text.slice(start, end);
  const bytes = [...seen].map(byteOf);
  let meant = seen;
  if (bytes.every((b) => b !== null)) {
    try {
      meant = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes as number[])).normalize('NFC');
    } catch {
      meant = seen;
    }
  }
  // Shown in a message: C1 characters of the garbled text as "?".
  return { offset: m.index, seen: seen.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'), meant };
}

/** Decode one file's raw content into NFC text, or say exactly why it cannot be read. */
export function decodeContent(path: string, data: string | Uint8Array): { text: string } | { problem: LoadProblem } {
  let text: string;
  const encodingHint = 'Lưu tệp ở mã UTF-8 (trong trình soạn thảo: "Save with encoding → UTF-8"), rồi kiểm tra lại dấu tiếng Việt.';
  if (typeof data === 'string') {
    if (!data.isWellFormed()) {
      const at = [...data].findIndex((c) => /[\ud800-\udfff]/.test(c));
      return { problem: { code: 'encoding', file: path, ...lineCol(data, at), message: 'Văn bản có ký tự UTF-16 không hợp lệ (surrogate lẻ).', hint: encodingHint } };
    }
    text = data;
  } else {
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
      return { problem: { code: 'encoding', file: path, line: 1, message: 'Tệp được lưu ở mã UTF-16, không phải UTF-8.', hint: encodingHint } };
    const bad = invalidUtf8Offset(data);
    if (bad >= 0)
      return {
        problem: {
          code: 'encoding',
          file: path,
          line: lineOfByte(data, bad),
          // The characters before it on its line are valid UTF-8: count them for the column an editor shows.
          col: [...new TextDecoder('utf-8').decode(data.subarray(data.lastIndexOf(10, bad - 1) + 1, bad))].length + 1,
          message: `Tệp không phải UTF-8 hợp lệ: byte 0x${data[bad].toString(16).toUpperCase().padStart(2, '0')} ở vị trí byte ${bad} (có thể là mã Windows-1258/TCVN3 hoặc tệp bị hỏng).`,
          hint: encodingHint,
        },
      };
    text = new TextDecoder('utf-8').decode(data);
  }
  text = text.replace(/^\uFEFF/, '').normalize('NFC');
  const isSource = path.endsWith('/source.txt');
  const garbled = mojibake(text);
  if (garbled)
    return {
      problem: {
        code: 'encoding',
        file: path,
        ...lineCol(text, garbled.offset),
        message: `Văn bản bị lỗi mã hóa kép (UTF-8 bị đọc như Windows-1252 rồi lưu lại): "${garbled.seen}"${garbled.meant !== garbled.seen ? ` là "${garbled.meant}"` : ''}.`,
        hint: 'Mở lại tệp gốc (chưa qua Excel) hoặc trong Excel dùng Dữ liệu → Từ văn bản/CSV, chọn mã 65001 UTF-8, rồi lưu "CSV UTF-8".',
      },
    };
  // figures.csv may carry invisible characters only inside quotes; validate checks the other cells.
  const bad = forbiddenChar(text, { soft: isSource || path.endsWith('/figures.csv'), formFeed: isSource });
  if (bad)
    return {
      problem: {
        code: 'control-char',
        file: path,
        ...lineCol(text, bad.offset),
        message: `Ký tự ${describeChar(bad.char)} không được phép: ${bad.reason}${isSource ? '' : ' (chỉ trích dẫn và source.txt được giữ ký tự ẩn của văn bản gốc)'}.`,
        hint: 'Xóa ký tự này (thường bị dán vào khi sao chép từ PDF/Word); các ký tự đảo chiều văn bản có thể làm người đọc thấy khác nội dung thật.',
      },
    };
  return { text };
}
