// Limits on untrusted content, chosen so that validate and the build stay well
// inside this machine's memory and time (2 cores, a few GB) while leaving real
// reports (today: ≤ 90 KB sources, ≤ 200 figures) plenty of room. Each limit is
// documented in content/README.md; breaking one is a validate error, never a crash.

import { WINDOWS_RESERVED, WINDOWS_RESERVED_MESSAGE } from '../../core/schema.ts';
import { describeChar, forbiddenChar } from '../read-content.ts';

export const LIMITS = {
  /** Any id (report folder, figure, catalogue entry): short enough for every file system path it becomes. */
  idLength: 80,
  /** Bytes per file, by kind. */
  bytes: {
    'source.txt': 2_000_000,
    'figures.csv': 1_000_000,
    'checks.csv': 200_000,
    'report.json': 50_000,
    narrative: 100_000,
    catalog: 2_000_000,
  },
  /** Data rows of figures.csv / checks.csv (header not counted). */
  csvRows: 2_000,
  /** Valid figures one report may publish (each one becomes chart rows, table rows and search records). */
  figuresPerReport: 1_000,
  /** Entries of one catalogue file in data/. */
  catalogEntries: 5_000,
  /** Nesting of arrays/objects in a JSON file (real files need 4); the JSON parser recurses. */
  jsonDepth: 16,
  /**
   * Report folders under content/reports/: twice the 1,000 the scale bench builds
   * (`npm run bench -- --scale 1000`), so an archive can grow for years before this is revisited.
   */
  reports: 2_000,
  /** Narrative files per report (there are 12 known sections). */
  narrativesPerReport: 20,
  /** Characters of one CSV cell (a quote is a sentence or a short paragraph). */
  cellLength: 2_000,
  /**
   * Characters of one JSON string (a summary, a definition, a name): every one can become a cell of a published
   * table, and Excel refuses a cell over 32,767 characters (it "repairs" the workbook, cutting the text).
   */
  jsonStringLength: 10_000,
} as const;

export type FileKind = keyof typeof LIMITS.bytes;

/** Which size limit applies to a content path. */
export function fileKind(path: string): FileKind {
  const name = path.split('/').pop() ?? '';
  if (path.startsWith('data/')) return 'catalog';
  if (path.includes('/narrative/')) return 'narrative';
  if (name in LIMITS.bytes) return name as FileKind;
  return 'narrative';
}

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why an id (folder name, figure id …) is unusable, or null. */
export function idProblem(id: string): string | null {
  if (id.length > LIMITS.idLength) return `dài ${id.length} ký tự, tối đa ${LIMITS.idLength}`;
  if (!ID_RE.test(id)) return 'chỉ được dùng chữ thường không dấu a-z, chữ số và "-" (vd. "kon-tum-2025-q2")';
  if (WINDOWS_RESERVED.test(id)) return WINDOWS_RESERVED_MESSAGE;
  return null;
}

/**
 * The first place a JSON text nests deeper than `max` arrays/objects, or null.
 * A linear scan (strings skipped), run before the recursive parser so that
 * hostile nesting is an error with a line and column, not a stack overflow.
 */
export function jsonTooDeep(text: string, max: number = LIMITS.jsonDepth): { offset: number; depth: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return { offset: i, depth };
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/**
 * A CSV cell's problem (too long; invisible characters outside the quote, by the one rule of
 * read-content.ts), with the offset in the cell, or null. Quotes may keep what source.txt has:
 * they must match it anyway.
 */
export function cellProblem(column: string, value: string): { code: string; offset: number; message: string; hint: string } | null {
  if (value.length > LIMITS.cellLength)
    return { code: 'limit', offset: LIMITS.cellLength, message: `Ô dài ${value.length} ký tự, tối đa ${LIMITS.cellLength}.`, hint: 'Trích dẫn chỉ cần câu chứa số liệu; rút gọn ô này.' };
  if (column !== 'quote') {
    const bad = forbiddenChar(value);
    if (bad) return { code: 'control-char', offset: bad.offset, message: `Ký tự ${describeChar(bad.char)} không được phép ngoài cột quote: ${bad.reason}.`, hint: 'Xóa ký tự này (thường bị dán vào khi sao chép từ PDF/Word/Zalo).' };
  }
  return null;
}
