// The dataset catalogue page (/du-lieu/): facets, facet counts, filtering, file sizes
// and the table preview. Pure and free of runtime imports so the browser script
// (src/client/dataset-facets.ts) can share the exact same logic as the server.
import type { Cell, Dataset, Table } from '../publish/datasets.ts';
import { compareKeys, foldDiacritics } from '../core/text.ts';
import { formatNumber } from '../core/format.ts';

export type FacetKey = 'organization' | 'area' | 'format' | 'period' | 'kind';

/** Facets in display order, with the Vietnamese legend and the URL parameter name. */
export const FACETS: { key: FacetKey; label: string; param: string }[] = [
  { key: 'kind', label: 'Loại bộ dữ liệu', param: 'loai' },
  { key: 'area', label: 'Lĩnh vực cải cách', param: 'linh-vuc' },
  { key: 'organization', label: 'Đơn vị', param: 'don-vi' },
  { key: 'period', label: 'Năm', param: 'nam' },
  { key: 'format', label: 'Định dạng', param: 'dinh-dang' },
];

export const KIND_LABELS: Record<Dataset['kind'], string> = {
  observations: 'Toàn bộ số liệu',
  report: 'Theo báo cáo',
  targets: 'Chỉ tiêu kế hoạch',
  catalogue: 'Danh mục',
};

/** Formats of the canonical tables; slices (per report) are CSV only (isSlice in src/publish/datasets.ts, not imported: this module stays free of runtime imports). */
export const FORMATS = ['CSV', 'JSON'] as const;

export interface CatalogEntry {
  id: string;
  facets: Record<FacetKey, string[]>;
}

export type Selection = Partial<Record<FacetKey, string[]>>;

/**
 * Calendar years a list of period strings touches: "2024-Q3" → 2024,
 * "2023-01/2024-06" → 2023, 2024; newest first.
 */
export function periodYears(periods: string[]): string[] {
  const years = new Set<string>();
  for (const p of periods) {
    const ends = p.split('/').map((x) => Number(x.slice(0, 4)));
    if (ends.some((y) => !Number.isInteger(y) || y < 1000)) continue;
    const [a, b = a] = ends;
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) years.add(String(y));
  }
  return [...years].sort().reverse();
}

export function catalogEntry(d: Pick<Dataset, 'id' | 'kind' | 'areas' | 'organizations' | 'periods'>): CatalogEntry {
  return {
    id: d.id,
    facets: {
      kind: [d.kind],
      area: [...d.areas],
      organization: [...d.organizations],
      period: periodYears(d.periods),
      format: d.kind === 'report' || d.kind === 'observations' ? ['CSV'] : [...FORMATS],
    },
  };
}

/** Selected values per facet: OR within a facet, AND across facets. `except` ignores one facet. */
export function matches(entry: CatalogEntry, selection: Selection, except?: FacetKey): boolean {
  for (const [key, values] of Object.entries(selection) as [FacetKey, string[]][]) {
    if (key === except || !values || values.length === 0) continue;
    if (!values.some((v) => entry.facets[key].includes(v))) return false;
  }
  return true;
}

export function filterEntries(entries: CatalogEntry[], selection: Selection): CatalogEntry[] {
  return entries.filter((e) => matches(e, selection));
}

/**
 * Counts per facet value, "disjunctive" like CKAN/Algolia: a facet's counts apply
 * the selection in every other facet, so ticking one more value in the same facet
 * shows how many datasets it would add. Values selected but now unmatched stay at 0.
 */
export function facetCounts(entries: CatalogEntry[], selection: Selection = {}): Record<FacetKey, Map<string, number>> {
  const out = {} as Record<FacetKey, Map<string, number>>;
  for (const { key } of FACETS) {
    const counts = new Map<string, number>();
    for (const v of selection[key] ?? []) counts.set(v, 0);
    for (const e of entries) {
      for (const v of e.facets[key]) if (!counts.has(v)) counts.set(v, 0);
      if (!matches(e, selection, key)) continue;
      for (const v of new Set(e.facets[key])) counts.set(v, counts.get(v)! + 1);
    }
    out[key] = counts;
  }
  return out;
}

/** Facet values for display: most datasets first, then by label (Vietnamese collation); years newest first. */
export function sortFacetValues(key: FacetKey, counts: Map<string, number>, label: (v: string) => string): { value: string; label: string; count: number }[] {
  const items = [...counts].map(([value, count]) => ({ value, label: label(value), count }));
  if (key === 'period') return items.sort((a, b) => compareKeys(b.value, a.value));
  if (key === 'format') return items.sort((a, b) => compareKeys(a.value, b.value));
  return items.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

/** Selection from URL query parameters (?linh-vuc=the-che&nam=2024), ignoring unknown values. */
export function selectionFromParams(params: URLSearchParams, known?: Record<FacetKey, Iterable<string>>): Selection {
  const out: Selection = {};
  for (const { key, param } of FACETS) {
    const allowed = known ? new Set(known[key]) : null;
    const values = params.getAll(param).filter((v) => v !== '' && (!allowed || allowed.has(v)));
    if (values.length > 0) out[key] = [...new Set(values)];
  }
  return out;
}

export function selectionToParams(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  for (const { key, param } of FACETS) for (const v of selection[key] ?? []) params.append(param, v);
  return params;
}

/** File size for display: bytes below 1 kB, else kB/MB with one decimal (1 kB = 1000 B). */
export function sizeParts(bytes: number): { value: number; unit: 'B' | 'kB' | 'MB' } {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`invalid size ${bytes}`);
  if (bytes < 1000) return { value: bytes, unit: 'B' };
  // Round first, then pick the unit, so 999 950 B reads "1 MB", not "1000 kB".
  const kb = Math.round(bytes / 100) / 10;
  if (kb < 1000) return { value: kb, unit: 'kB' };
  return { value: Math.round(bytes / 100_000) / 10, unit: 'MB' };
}

/** "999 B", "3,5 kB", "2,5 MB". */
export function formatBytes(bytes: number): string {
  const p = sizeParts(bytes);
  return p.unit === 'B' ? `${p.value} B` : `${formatNumber(p.value)} ${p.unit}`;
}

// Process-wide (Symbol.for): `npm run build` seeds it from the files it has just written, so the
// Astro pages (another module instance, same site object) never compute the exports a second time.
const sizeCache: WeakMap<object, Map<string, number>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('cchc.exportSizes')] ??= new WeakMap()) as WeakMap<object, Map<string, number>>;

/**
 * Byte size of every exported file (path under dist/ → bytes), computed once per
 * site object. The caller passes the exporter and the size function (server-only).
 */
export function exportSizes<S extends object>(site: S, exportFiles: (site: S) => { path: string; content: string }[], byteSize: (content: string) => number): Map<string, number> {
  let sizes = sizeCache.get(site);
  if (!sizes) {
    sizes = new Map(exportFiles(site).map((f) => [f.path, byteSize(f.content)]));
    sizeCache.set(site, sizes);
  }
  return sizes;
}

/** The build seeds the sizes of the files it has just streamed to disk (it keeps no content to measure). */
export function seedExportSizes(site: object, sizes: Map<string, number>): void {
  sizeCache.set(site, sizes);
}

/** papaparse's `escapeFormulae` prefixes cells starting with = + - @ tab CR with "'": undo it for display. */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A cell as it reads in the CSV file (null → empty, numbers unformatted). */
export function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** The first `n` rows for the server-rendered preview. */
export function previewTable(table: Table, n = 20): { columns: Table['columns']; rows: string[][]; total: number } {
  return { columns: table.columns, rows: table.rows.slice(0, n).map((r) => r.map(cellText)), total: table.rows.length };
}

/** Compare two cells for sorting: numbers numerically (empty last), text with Vietnamese collation. */
export function compareCells(a: string, b: string, numeric: boolean): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  if (numeric) {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  return a.localeCompare(b, 'vi', { numeric: true, sensitivity: 'base' });
}

/** Case- and accent-insensitive text filter key ("Hồ sơ" and "ho so" both match "hồ sơ"). */
export function searchKey(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/** Rows matching a free-text filter (every word must occur somewhere in the row). */
export function filterRows(rows: string[][], query: string): string[][] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const hay = searchKey(r.join('\u0001'));
    return words.every((w) => hay.includes(w));
  });
}

/** Stable sort of rows by one column; direction 1 ascending, -1 descending. */
export function sortRows(rows: string[][], column: number, direction: 1 | -1, numeric: boolean): string[][] {
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => {
      const c = compareCells(a[column] ?? '', b[column] ?? '', numeric);
      // Empty cells stay last in both directions.
      if ((a[column] ?? '') === '' || (b[column] ?? '') === '') return c || i - j;
      return c * direction || i - j;
    })
    .map(([r]) => r);
}

/** Page `page` (1-based, clamped) of `size` rows, with the page count (at least 1). */
export function paginate<T>(rows: T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages };
}

export type ColumnFit = 'nowrap' | 'normal' | 'wide';

/**
 * How a preview column should lay out, from its longest cell (header included):
 * short codes never wrap, long text (titles, quotes) gets a wide column so rows stay short.
 */
export function columnFits(table: Table, short = 28, long = 60): ColumnFit[] {
  return table.columns.map((c, i) => {
    let max = Math.max(c.name.length, c.title.length);
    for (const r of table.rows) max = Math.max(max, cellText(r[i]).length);
    return max <= short ? 'nowrap' : max > long ? 'wide' : 'normal';
  });
}
