// Stage 1 — load: read the raw files of content/ and data/ through an injected
// reader, so tests can run on in-memory fixtures. No parsing beyond listing.

export interface ContentReader {
  /** Names (not paths) of the entries of a directory; [] when it does not exist. */
  list(dir: string): string[];
  /** File text, or null when the file does not exist. */
  read(path: string): string | null;
}

/** A file as read: path relative to the project root, and its text. */
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
}

export const CATALOG_FILES = {
  areas: 'data/areas.json',
  organizations: 'data/organizations.json',
  indicators: 'data/indicators.json',
  breakdowns: 'data/breakdowns.json',
  events: 'data/events.json',
} as const;

export const REPORTS_DIR = 'content/reports';

function file(reader: ContentReader, path: string): RawFile | null {
  const text = reader.read(path);
  return text === null ? null : { path, text: text.replace(/^\uFEFF/, '') };
}

export function loadContent(reader: ContentReader): RawContent {
  const reports: RawReport[] = [];
  // Sorted so every later stage (and the built site) is deterministic.
  for (const folder of [...reader.list(REPORTS_DIR)].sort()) {
    const dir = `${REPORTS_DIR}/${folder}`;
    const entries = reader.list(dir);
    if (entries.length === 0) continue; // a stray file, not a report folder
    // figures.suggested.csv: the extraction assistant's working file (npm run suggest), never published.
    const known = new Set(['report.json', 'figures.csv', 'checks.csv', 'source.txt', 'narrative', 'figures.suggested.csv']);
    const narratives = [...reader.list(`${dir}/narrative`)]
      .sort()
      .map((name) => file(reader, `${dir}/narrative/${name}`))
      .filter((f): f is RawFile => f !== null);
    reports.push({
      folder,
      report: file(reader, `${dir}/report.json`),
      figures: file(reader, `${dir}/figures.csv`),
      checks: file(reader, `${dir}/checks.csv`),
      source: file(reader, `${dir}/source.txt`),
      narratives,
      unknown: entries.filter((e) => !known.has(e)).sort(),
    });
  }
  return {
    areas: file(reader, CATALOG_FILES.areas),
    organizations: file(reader, CATALOG_FILES.organizations),
    indicators: file(reader, CATALOG_FILES.indicators),
    breakdowns: file(reader, CATALOG_FILES.breakdowns),
    events: file(reader, CATALOG_FILES.events),
    reports,
  };
}

/** An in-memory reader over { path: text } — for tests and fixtures. */
export function memoryReader(files: Record<string, string>): ContentReader {
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
