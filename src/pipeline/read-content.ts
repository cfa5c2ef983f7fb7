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

/**
 * Always refused: C0 controls except tab, line feed, carriage return (and form
 * feed, a page break, in source.txt), DEL, C1 controls, bidi embeddings,
 * overrides and isolates (they reorder text on screen: "Trojan Source").
 */
const HARD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\ufffe\uffff]/;
/**
 * Invisible format characters a copied source may legitimately contain (soft
 * hyphen, zero-width space/joiners, direction marks, line/paragraph separators).
 * Allowed in source.txt and in figures.csv quotes (which must match the source);
 * refused everywhere else, where they would only hide differences.
 */
export const SOFT = /[\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/;

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x0c: 'FORM FEED', 0x1b: 'ESCAPE', 0x7f: 'DELETE', 0xad: 'SOFT HYPHEN', 0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'BYTE ORDER MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
};

/** "U+202E (RIGHT-TO-LEFT OVERRIDE)" */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = NAMES[cp];
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

/** The first forbidden character of a text: offset and the character, or null. */
/**
 * Half of a surrogate pair on its own: strict UTF-8 decoding never yields one, but a JSON escape
 * ("\ud800") does, and it would be written out as U+FFFD (a silent change) or break an XML export.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function forbiddenChar(text: string, opts: { soft?: boolean; formFeed?: boolean } = {}): { offset: number; char: string } | null {
  const lone = LONE_SURROGATE.exec(text)?.index ?? -1;
  if (lone < 0 && !HARD.test(text) && (opts.soft || !SOFT.test(text))) return null; // the common case, one pass
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (i === lone) return { offset: i, char: ch };
    if (HARD.test(ch) && !(opts.formFeed && ch === '\f')) return { offset: i, char: ch };
    if (!opts.soft && SOFT.test(ch)) return { offset: i, char: ch };
  }
  return null;
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
          message: `Tệp không phải UTF-8 hợp lệ: byte 0x${data[bad].toString(16).toUpperCase().padStart(2, '0')} ở vị trí byte ${bad} (có thể là mã Windows-1258/TCVN3 hoặc tệp bị hỏng).`,
          hint: encodingHint,
        },
      };
    text = new TextDecoder('utf-8').decode(data);
  }
  text = text.replace(/^\uFEFF/, '').normalize('NFC');
  const isSource = path.endsWith('/source.txt');
  // figures.csv may carry invisible characters only inside quotes; validate checks the other cells.
  const bad = forbiddenChar(text, { soft: isSource || path.endsWith('/figures.csv'), formFeed: isSource });
  if (bad)
    return {
      problem: {
        code: 'control-char',
        file: path,
        ...lineCol(text, bad.offset),
        message: `Ký tự điều khiển/ẩn ${describeChar(bad.char)} không được phép${isSource ? '' : ' (chỉ trích dẫn và source.txt được giữ ký tự ẩn của văn bản gốc)'}.`,
        hint: 'Xóa ký tự này (thường bị dán vào khi sao chép từ PDF/Word); các ký tự đảo chiều văn bản có thể làm người đọc thấy khác nội dung thật.',
      },
    };
  return { text };
}
