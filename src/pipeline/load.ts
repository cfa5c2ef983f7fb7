// Stage 1 — load: read the raw files of content/ and data/ through an injected
// reader, so tests can run on in-memory fixtures. Every file goes through one
// decoder (strict UTF-8, NFC, no control/bidi characters) and the size limits;
// whatever cannot be read safely becomes a LoadProblem instead of text.
import { decodeContent, type LoadProblem } from './read-content.ts';
import { fileKind, idProblem, LIMITS } from './rules/limits.ts';

export type { LoadProblem } from './read-content.ts';

/** Why a reader would not read a path: a symlink, a path outside the repository, not a regular file, too large. */
export interface Refusal {
  refused: 'symlink' | 'outside-repo' | 'not-a-file' | 'file-too-large';
  detail: string;
}

export interface ContentReader {
  /** Names (not paths) of the entries of a directory; [] when it does not exist. */
  list(dir: string): string[] | Refusal;
  /** Raw bytes (or already decoded text, for in-memory fixtures), or null when the file does not exist. */
  read(path: string): Uint8Array | string | null | Refusal;
}

/** A file as read: path relative to the project root, and its text (NFC, BOM stripped). */
export interface RawFile {
  path: string;
  text: string;
}

export interface RawReport {
  /** The folder name, which must equal report.json's id. */
  folder: string;
  report: RawFile | null;
  figures: RawFile | null;
  /** Optional checks.csv: declared sums and ratios between figures. */
  checks: RawFile | null;
  source: RawFile | null;
  narratives: RawFile[];
  /** Files the content model does not know (reported as warnings). */
  unknown: string[];
}

export interface RawContent {
  areas: RawFile | null;
  organizations: RawFile | null;
  indicators: RawFile | null;
  breakdowns: RawFile | null;
  /** Optional data/events.json: mergers and dissolutions of units, with legal basis. */
  events?: RawFile | null;
  reports: RawReport[];
  /** Files and folders refused while reading; a report with any of them is never published. */
  problems: LoadProblem[];
}

export const CATALOG_FILES = {
  areas: 'data/areas.json',
  organizations: 'data/organizations.json',
  indicators: 'data/indicators.json',
  breakdowns: 'data/breakdowns.json',
  events: 'data/events.json',
} as const;

export const REPORTS_DIR = 'content/reports';

const REFUSAL_TEXT: Record<Refusal['refused'], { message: string; hint: string }> = {
  symlink: { message: 'Đường dẫn này là liên kết tượng trưng (symlink): nội dung không được đọc qua liên kết.', hint: 'Thay liên kết bằng tệp/thư mục thật (sao chép nội dung vào).' },
  'outside-repo': { message: 'Đường dẫn này trỏ ra ngoài thư mục dự án.', hint: 'Đặt nội dung ngay trong content/ hoặc data/.' },
  'not-a-file': { message: 'Đây không phải tệp thường (mà là thư mục, thiết bị hay pipe).', hint: 'Thay bằng tệp văn bản thường.' },
  'file-too-large': { message: 'Tệp quá lớn', hint: 'Xem giới hạn kích thước trong content/README.md; tách hoặc rút gọn tệp.' },
};

function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

function refusalProblem(path: string, r: Refusal): LoadProblem {
  const t = REFUSAL_TEXT[r.refused];
  return { code: r.refused, file: path, message: `${t.message}${r.detail ? ` ${r.detail}` : ''}${t.message.endsWith('.') ? '' : '.'}`, hint: t.hint };
}

function tooLarge(path: string, bytes: number): LoadProblem {
  const max = LIMITS.bytes[fileKind(path)];
  return refusalProblem(path, { refused: 'file-too-large', detail: `(${bytes} byte, tối đa ${max} byte)` });
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

function file(reader: ContentReader, path: string, problems: LoadProblem[]): RawFile | null {
  const data = reader.read(path);
  if (data === null) return null;
  if (isRefusal(data)) {
    problems.push(refusalProblem(path, data));
    return null;
  }
  const max = LIMITS.bytes[fileKind(path)];
  const size = typeof data === 'string' ? (data.length > max / 3 ? utf8Length(data) : data.length) : data.length;
  if (size > max) {
    problems.push(tooLarge(path, size));
    return null;
  }
  const decoded = decodeContent(path, data);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return null;
  }
  return { path, text: decoded.text };
}

function list(reader: ContentReader, dir: string, problems: LoadProblem[]): string[] {
  const names = reader.list(dir);
  if (isRefusal(names)) {
    problems.push(refusalProblem(dir, names));
    return [];
  }
  return names;
}

export function loadContent(reader: ContentReader): RawContent {
  const problems: LoadProblem[] = [];
  const reports: RawReport[] = [];
  // Sorted so every later stage (and the built site) is deterministic.
  const folders = [...list(reader, REPORTS_DIR, problems)].sort();
  if (folders.length > LIMITS.reports)
    problems.push({ code: 'limit', file: REPORTS_DIR, message: `Có ${folders.length} thư mục báo cáo, tối đa ${LIMITS.reports}.`, hint: 'Xem giới hạn trong content/README.md.' });
  for (const folder of folders.slice(0, LIMITS.reports)) {
    const dir = `${REPORTS_DIR}/${folder}`;
    // The folder name becomes file names and URLs: refuse it before using it in any path.
    const bad = idProblem(folder);
    if (bad) {
      problems.push({ code: 'report-id', file: dir, message: `Tên thư mục báo cáo không hợp lệ: ${bad}.`, hint: 'Đổi tên thư mục thành id của báo cáo (slug không dấu, tối đa 80 ký tự).' });
      continue;
    }
    const entries = list(reader, dir, problems);
    if (entries.length === 0) continue; // a stray file, not a report folder
    // figures.suggested.csv: the extraction assistant's working file (npm run suggest), never published.
    const known = new Set(['report.json', 'figures.csv', 'checks.csv', 'source.txt', 'narrative', 'figures.suggested.csv']);
    const narrativeNames = entries.includes('narrative') ? [...list(reader, `${dir}/narrative`, problems)].sort() : [];
    if (narrativeNames.length > LIMITS.narrativesPerReport)
      problems.push({ code: 'limit', file: `${dir}/narrative`, message: `Có ${narrativeNames.length} tệp tóm tắt, tối đa ${LIMITS.narrativesPerReport}.`, hint: 'Mỗi mục một tệp; xem danh sách mục trong content/README.md.' });
    const narratives = narrativeNames
      .slice(0, LIMITS.narrativesPerReport)
      .map((name) => file(reader, `${dir}/narrative/${name}`, problems))
      .filter((f): f is RawFile => f !== null);
    reports.push({
      folder,
      report: file(reader, `${dir}/report.json`, problems),
      figures: file(reader, `${dir}/figures.csv`, problems),
      checks: file(reader, `${dir}/checks.csv`, problems),
      source: file(reader, `${dir}/source.txt`, problems),
      narratives,
      unknown: entries.filter((e) => !known.has(e)).sort(),
    });
  }
  return {
    areas: file(reader, CATALOG_FILES.areas, problems),
    organizations: file(reader, CATALOG_FILES.organizations, problems),
    indicators: file(reader, CATALOG_FILES.indicators, problems),
    breakdowns: file(reader, CATALOG_FILES.breakdowns, problems),
    events: file(reader, CATALOG_FILES.events, problems),
    reports,
    problems,
  };
}

/** An in-memory reader over { path: text or bytes } — for tests and fixtures. */
export function memoryReader(files: Record<string, string | Uint8Array>): ContentReader {
  return {
    read: (path) => files[path] ?? null,
    list: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return [...names];
    },
  };
}
