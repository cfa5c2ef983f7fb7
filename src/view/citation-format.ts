// BibTeX and RIS text of a citation record. Imports only core/text.ts: the browser (src/client/citation.ts)
// writes a figure's single-entry download with the same code the build uses for the files.
import { sectionPhrase } from '../core/text.ts';

export { sectionPhrase };

export interface CitationRecord {
  /** Stable key, also the file path: "so-lieu:<report>:<figure>", "bao-cao:<report>", "chi-so:<id>", "du-lieu:<id>". */
  key: string;
  /** RIS type: GOVDOC for a figure of a document, DATA for indicators and datasets. */
  type: 'GOVDOC' | 'DATA';
  author: string;
  title: string;
  /** Year the cited text was issued (its date, else the end of its period). */
  year: string;
  /** ISO date when printed in the source. */
  date: string | null;
  documentNumber: string | null;
  /** Container (the portal) and what the figure says, for the note field. */
  publisher: string;
  note: string;
  url: string;
  /** Copyable line without access date; the browser appends one. */
  text: string;
}

/** Name of a single-entry download: "so-lieu-<report>-<figure>.bib". */
/** Path of the BibTeX / RIS file of a citation key, under /trich-dan/ (pages and the browser both link it). */
export const citationFilePath = (key: string, ext: 'bib' | 'ris') => `/trich-dan/${key.replaceAll(':', '/')}.${ext}`;
/** A figure has no file of its own: its report's file holds the report and every figure. */
export const figureCitationFile = (reportId: string, ext: 'bib' | 'ris') => citationFilePath(`bao-cao:${reportId}`, ext);

export const citationFileName = (key: string, ext: 'bib' | 'ris') => `${key.replace(/[^A-Za-z0-9_-]/g, '-')}.${ext}`;

/** Escape text for a BibTeX field: braces, backslash and the special characters. */
export function bibEscape(s: string): string {
  return s.replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`)).replace(/([%&$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** Fields a file's entries share (the document's author and title, the publisher): @string macros in toBibtexFile. */
const MACRO_FIELDS = ['author', 'title', 'publisher'] as const;
type MacroField = (typeof MACRO_FIELDS)[number];

/** The braced BibTeX value of a macro-able field (author double-braced: a corporate name, not "last, first"). */
const bibValue = (field: MacroField, value: string) => (field === 'publisher' ? bibEscape(value) : `{${bibEscape(value)}}`);

/** One entry; `macro(field, value)` names an @string macro to use instead of the value (toBibtexFile). */
export function toBibtex(c: CitationRecord, macro: (field: MacroField, value: string) => string | undefined = () => undefined): string {
  const fields: [string, string][] = [
    ['author', bibValue('author', c.author)],
    ['title', bibValue('title', c.title)],
    ['year', c.year],
    ...(c.date ? ([['date', c.date]] as [string, string][]) : []),
    ...(c.documentNumber ? ([['number', bibEscape(c.documentNumber)]] as [string, string][]) : []),
    ['publisher', bibValue('publisher', c.publisher)],
    ['note', bibEscape(c.note)],
    ['url', c.url],
    ['langid', 'vietnamese'],
  ];
  const body = fields
    .filter(([, v]) => v !== '')
    .map(([k, v]) => {
      const name = (MACRO_FIELDS as readonly string[]).includes(k) ? macro(k as MacroField, c[k as MacroField]) : undefined;
      return name ? `  ${k} = ${name}` : `  ${k} = {${v}}`;
    })
    .join(',\n');
  return `@misc{${c.key.replace(/[^A-Za-z0-9:_-]/g, '-')},\n${body}\n}\n`;
}

/**
 * A file of entries: a value of author/title/publisher that several entries share is written once as
 * an @string macro (standard BibTeX, read by BibTeX, Biber, Zotero and JabRef) and named in each entry.
 * A report's file repeats its ~230-byte title and publisher in every figure's entry; with macros the
 * file is ~40% smaller (Q1 2025: 134 → 83 KB). Expanding the macros gives exactly records.map(toBibtex).
 */
export function toBibtexFile(records: CitationRecord[]): string {
  const count = new Map<string, number>();
  const keyOf = (f: MacroField, v: string) => `${f}\0${v}`;
  for (const r of records) for (const f of MACRO_FIELDS) if (r[f]) count.set(keyOf(f, r[f]), (count.get(keyOf(f, r[f])) ?? 0) + 1);
  const names = new Map<string, string>();
  const defs: string[] = [];
  for (const r of records) {
    for (const f of MACRO_FIELDS) {
      const k = keyOf(f, r[f]);
      if (!r[f] || (count.get(k) ?? 0) < 2 || names.has(k)) continue;
      const name = `${f}${names.size + 1}`;
      names.set(k, name);
      defs.push(`@string{${name} = {${bibValue(f, r[f])}}}\n`);
    }
  }
  const entries = records.map((r) => toBibtex(r, (f, v) => names.get(keyOf(f, v))));
  return [...(defs.length ? [defs.join('')] : []), ...entries].join('\n');
}

/** RIS (Zotero, EndNote, Mendeley): one line per tag; line breaks in values become spaces. */
export function toRis(c: CitationRecord): string {
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lines: [string, string][] = [
    ['TY', c.type],
    ['AU', c.author],
    ['TI', c.title],
    ['PY', c.year],
    ...(c.date ? ([['DA', c.date.replace(/-/g, '/')]] as [string, string][]) : []),
    ...(c.documentNumber ? ([['M1', c.documentNumber]] as [string, string][]) : []),
    ['PB', c.publisher],
    ['N1', c.note],
    ['UR', c.url],
    ['LA', 'vi'],
    ['ID', c.key],
  ];
  return `${lines.filter(([, v]) => v !== '').map(([k, v]) => `${k}  - ${one(v)}`).join('\r\n')}\r\nER  - \r\n`;
}

/** What every figure citation of one report shares: carried once per table (FigureTable), not per figure. */
export interface CitationDoc extends Pick<CitationRecord, 'type' | 'author' | 'title' | 'year' | 'date' | 'documentNumber' | 'publisher'> {
  /** The citation line up to the figure's section: "<author> (<year>). <document title>, mục ". */
  lead: string;
}

/**
 * The one record a page carries for its figure citations (a JSON script per figure table): a
 * figure's own row holds only `data-cite` (figureCiteAttr) and its printed citation line; its
 * BibTeX/RIS entry and full "Báo lỗi số liệu" text are rebuilt from these in the browser.
 */
export interface CitationPage {
  /** Absolute permalink of a figure with "{r}" and "{f}" for report and figure id. */
  figureUrl: string;
  /** The error-report URL template (src/core/feedback.ts). */
  errorReport: string;
  docs: Record<string, CitationDoc>;
}

/** A figure's `data-cite`: "<report id>|<figure id>|<section>" (ids are slugs; the section comes last). */
export const figureCiteAttr = (reportId: string, figureId: string, section: string) => `${reportId}|${figureId}|${section}`;

export const figureTail = (publisher: string, url: string) => `. Trích qua ${publisher}: ${url}.`;

/** What a page prints for a figure's citation line: its section and what it says; the browser adds the
 *  document, publisher and permalink from the table's record (figureLineFromPage). ~400 bytes less a row. */
export const figureShortLine = (section: string, what: string) => `${sectionPhrase(section, true)}. ${what}.`;

/** A figure's full citation line from its printed short line (figureShortLine), or null when it does not have that shape. */
export function figureLineFromPage(page: CitationPage, attr: string, short: string): string | null {
  const [reportId, figureId, ...rest] = attr.split('|');
  const section = rest.join('|');
  const doc = page.docs[reportId];
  const prefix = `${sectionPhrase(section, true)}. `;
  if (!doc || !figureId || rest.length === 0 || !short.startsWith(prefix) || !short.endsWith('.') || short.length <= prefix.length + 1) return null;
  const url = page.figureUrl.replace('{r}', reportId).replace('{f}', figureId);
  return `${doc.lead}${sectionPhrase(section)}. ${short.slice(prefix.length, -1)}${figureTail(doc.publisher, url)}`;
}

/**
 * A figure's citation record from its page: the report's shared fields, the row's `data-cite` and its
 * printed line (`${lead}${sectionPhrase(section)}. ${what}${tail}`: figureCitation in citation.ts). Null when the
 * line does not have that shape, and the link then downloads the report's file.
 */
export function figureRecordFromPage(page: CitationPage, attr: string, line: string): CitationRecord | null {
  // The printed short line, or the full line the browser made of it.
  const text = figureLineFromPage(page, attr, line) ?? line;
  const [reportId, figureId, ...rest] = attr.split('|');
  const section = rest.join('|');
  const doc = page.docs[reportId];
  if (!doc || !figureId || rest.length === 0) return null;
  const url = page.figureUrl.replace('{r}', reportId).replace('{f}', figureId);
  const head = `${doc.lead}${sectionPhrase(section)}. `;
  const tail = figureTail(doc.publisher, url);
  if (!text.startsWith(head) || !text.endsWith(tail) || text.length < head.length + tail.length) return null;
  const what = text.slice(head.length, text.length - tail.length);
  const { lead: _lead, ...fields } = doc;
  return { key: `so-lieu:${reportId}:${figureId}`, ...fields, note: `${sectionPhrase(section, true)}. ${what}`, url, text };
}
