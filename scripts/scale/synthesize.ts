// Synthetic but valid content for the scale benchmark: N reports made from the real
// ones, with new ids, periods shifted back by whole spans of years (never before PERIOD_YEARS.min) and, every `SCOPES_EVERY`
// copies, a new province/district as their scope — what a decade of quarterly
// reports from a merged province looks like to the build. Pure: files in, files out.
// Quotes and sources are copied verbatim, so every figure stays verifiable.

/** Copies per scope variant: after this many copies of each template, a new scope. */
import { PERIOD_YEARS } from '../../src/core/period.ts';
import { compareKeys } from '../../src/core/text.ts';
export const SCOPES_EVERY = 25;

export type Files = Record<string, string>;

const YEAR = /\b(19|20)\d{2}\b/g;

/** Shift every year in a period or ISO date back by `years`, keeping dates real (29 Feb → 28 Feb). */
export function shiftYears(text: string, years: number): string {
  return text
    .replace(YEAR, (y) => String(Number(y) - years))
    .replace(/\b(\d{4})-02-29\b/g, (m, y) => (isLeap(Number(y)) ? m : `${y}-02-28`));
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parse one CSV record line-by-line aware of quotes; returns the cells of every record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
}

interface Template {
  id: string;
  files: Files; // paths relative to the report folder
  meta: Record<string, unknown>;
}

function templates(files: Files): Template[] {
  const byId = new Map<string, Template>();
  for (const [path, text] of Object.entries(files)) {
    const m = /^content\/reports\/([^/]+)\/(.+)$/.exec(path);
    if (!m) continue;
    const t = byId.get(m[1]) ?? { id: m[1], files: {}, meta: {} };
    t.files[m[2]] = text;
    byId.set(m[1], t);
  }
  const list = [...byId.values()].filter((t) => 'report.json' in t.files);
  for (const t of list) t.meta = JSON.parse(t.files['report.json']);
  return list.sort((a, b) => compareKeys(a.id, b.id));
}

/**
 * `n` reports built from the real ones in `files` (content/ and data/ paths), returned as
 * a complete content tree: data/ with the extra organizations, content/reports/ with the copies.
 * The first copy of each template is the real report itself.
 */
export function synthesize(files: Files, n: number): Files {
  const list = templates(files);
  if (list.length === 0) throw new Error('no reports to copy');
  const out: Files = {};
  for (const [path, text] of Object.entries(files)) if (path.startsWith('data/')) out[path] = text;
  const organizations = JSON.parse(files['data/organizations.json']) as { id: string; kind: string; parent?: string }[];
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const extraOrgs = new Map<string, unknown>();
  // Years of periods and dates only: quotes and titles cite older years (laws, plans), and
  // counting them made the span a century, shifting copies to years like 908.
  const years = (text: string) => [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  const allYears = list.flatMap((t) => {
    const csv = t.files['figures.csv'];
    const rows = csv ? parseCsv(csv).filter((r) => r.length > 1) : [];
    const pCol = rows[0]?.indexOf('period') ?? -1;
    return [...years(String(t.meta.period)), ...years(String(t.meta.date ?? '')), ...(pCol < 0 ? [] : rows.slice(1).flatMap((r) => years(r[pCol] ?? '')))];
  });
  const span = Math.max(...allYears) - Math.min(...allYears) + 1;
  // Shifted years stay inside what the validator accepts (PERIOD_YEARS): at most as many copies per scope as whole
  // spans fit between the oldest real year and PERIOD_YEARS.min; then a new scope (SCOPES_EVERY at most).
  const perScope = Math.max(1, Math.min(SCOPES_EVERY, Math.floor((Math.min(...allYears) - PERIOD_YEARS.min) / span) + 1));

  for (let i = 0; i < n; i++) {
    const t = list[i % list.length];
    const copy = Math.floor(i / list.length);
    // Whole spans of the real content's years, so no copy's period meets another's on a series point.
    const years = (copy % perScope) * span;
    const variant = Math.floor(copy / perScope);
    const id = copy === 0 ? t.id : `${t.id}-s${copy}`;
    const scope = String(t.meta.scope);
    const newScope = variant === 0 ? scope : `${scope}-v${variant}`;
    if (newScope !== scope) {
      const org = orgById.get(scope) as Record<string, unknown> | undefined;
      if (org && !extraOrgs.has(newScope)) {
        extraOrgs.set(newScope, { ...org, id: newScope, name: `${org.name} (mô phỏng ${variant})`, shortName: `${org.shortName} (${variant})`, nameEn: `${org.nameEn} (synthetic ${variant})` });
      }
    }
    const swapScope = (s: string) => (s === scope ? newScope : s);
    const meta = {
      ...t.meta,
      id,
      issuer: swapScope(String(t.meta.issuer)),
      scope: newScope,
      period: shiftYears(String(t.meta.period), years),
      date: t.meta.date ? shiftYears(String(t.meta.date), years) : null,
      title: copy === 0 ? t.meta.title : `${t.meta.title} (bản mô phỏng ${copy})`,
    };
    const dir = `content/reports/${id}`;
    for (const [name, text] of Object.entries(t.files)) {
      if (name === 'report.json') out[`${dir}/${name}`] = JSON.stringify(meta, null, 2) + '\n';
      else if (name === 'figures.csv') {
        const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
        const col = (c: string) => header.indexOf(c);
        const [pCol, sCol] = [col('period'), col('scope')];
        out[`${dir}/${name}`] = toCsv([header, ...rows.map((r) => r.map((c, k) => (k === pCol ? shiftYears(c, years) : k === sCol ? swapScope(c) : c)))]);
      } else out[`${dir}/${name}`] = text;
    }
  }
  out['data/organizations.json'] = JSON.stringify([...organizations, ...extraOrgs.values()], null, 2) + '\n';
  return out;
}
