// Cache keys for Astro's incremental build (experimental.incrementalBuild): `npm run build` reuses a page
// from the previous build when its route's code is unchanged (Astro hashes the module graph) AND the page's
// cacheKey is unchanged. A key must therefore change whenever anything the page shows changes. Keys here
// are built from what a page reads, by entity:
// - the catalogue: indicators, areas, organizations, breakdowns, events and every report's metadata (the
//   labels, titles and links every page resolves ids through);
// - an indicator: all its figures with their change against the comparable earlier point and their
//   data-quality notes, its series and targets, and the sizes of its downloads;
// - a report page: its whole content (metadata, figures, narratives, source text), its data-quality notes, the
//   sizes of its downloads, and for each of its figures the change against the comparable earlier point, that
//   point named by its report's content key (the page prints the earlier value, period and report; hashing the
//   earlier report's content instead of whole indicators means one edited note re-renders the few reports that
//   compare against it, not every report sharing an indicator: 400 pages at 1,000 reports);
// - a report's full text (/van-ban/): the catalogue and the report's content only;
// - the build environment the pages read (SITE_URL and the forge/feedback settings);
// - an area: its indicators' keys and every report's narrative for it;
// - a year page of an archive (/…/nam/<year>/): its whole view-model, which Astro passes as props;
// - the data version and modification date (they move with any figure anywhere): only for the pages that print
//   them, the indicator pages (JSON-LD and citation), so adding a report leaves other reports' pages alone.
// - the site's code (src/, the Astro config, the lockfile): in every key, so a code change renders every page again.
// A page whose route is not keyed here is rendered on every build. `scripts/check-incremental.ts` checks that
// an incremental build after edits equals a full build byte for byte.
import type { Site } from '../pipeline/derive.ts';
import { sha256 } from '../publish/sha256.ts';
import { datasetFiles, siteModified, type Dataset } from '../publish/datasets.ts';
import { siteVersion } from '../publish/releases.ts';
import { warningsForReport } from './dashboard.ts';

/** Every environment variable src/ reads at build time (tests/unit/page-keys.test.ts keeps this list complete). */
export const PAGE_ENV = ['SITE_URL', 'CONTACT_EMAIL', 'REPO_URL', 'REPO_BRANCH', 'FEEDBACK_EMAIL', 'ERROR_REPORT_URL'] as const;

// Set by `npm run build` when the incremental build is on (process-wide: Astro's bundle is another module instance).
// The build passes node:crypto's SHA-256 (this layer imports no node: modules; the plain-TypeScript one is ~4× slower,
// and keys hash the whole archive once: ~0.5 GB of JSON at 1,000 reports).
type Hasher = (text: string) => string;
const BY_BUILD = Symbol.for('cchc.pageKeys');
const byBuild = (): { hasher: Hasher; code: string } | undefined => (globalThis as Record<symbol, { hasher: Hasher; code: string } | undefined>)[BY_BUILD];
/**
 * `code`: a digest of the site's code (the build hashes src/, the Astro config and the lockfile), part of every key.
 * Astro keeps a page whose route module is unchanged even when a client script it links was renamed (a shared chunk's
 * hash moved: an edit of src/core/text.ts renamed FigureCite's script), so a kept page named a deleted file. Any code
 * change therefore renders every page again; content edits stay incremental.
 */
export function setPageKeysByBuild(on: boolean, hasher: Hasher = sha256, code = ''): void {
  (globalThis as Record<symbol, unknown>)[BY_BUILD] = on ? { hasher, code } : undefined;
}

/**
 * JSON with Maps and Sets spelled out, so equal data gives equal text (object key order is the pipeline's, which is
 * deterministic). An object in `keyed` is written as its key instead (e.g. a dataset inside a year page's props):
 * the key already hashes all of it, and a dataset's table is megabytes.
 */
export function stableJson(value: unknown, keyed?: WeakMap<object, string>): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'object' || v === null) return v === undefined ? null : v;
    const key = keyed?.get(v);
    if (key !== undefined) return { $key: key };
    return v instanceof Map ? { $map: [...v] } : v instanceof Set ? { $set: [...v] } : v;
  });
}

// Entities whose key is known (datasets, by identity: buildDatasets gives one set of objects per site).
const keyed = new WeakMap<object, string>();
const hash = (value: unknown): string => (byBuild()?.hasher ?? sha256)(stableJson(value, keyed));

// The export stage's file sizes (src/view/dataset-catalog.ts seeds them); read directly so keys never compute exports.
const sizesOf = (site: Site): Map<string, number> | undefined =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('cchc.exportSizes')] as WeakMap<object, Map<string, number>> | undefined)?.get(site);

export interface PageKeys {
  catalogue(): string;
  /** The data version and the site's modification date, for pages that print them. */
  version(): string;
  indicator(id: string): string;
  report(id: string): string;
  /** The report's full-text page: the catalogue and the report's own content. */
  reportText(id: string): string;
  /** An area page: its indicators (their keys) and every report's narrative for the area. */
  area(id: string): string;
  /** A dataset page: the dataset itself (table, periods, reports…), its file sizes, the catalogue and the data version. */
  dataset(d: Dataset): string;
}

const memo = new WeakMap<Site, PageKeys>();

/** Entity keys of one site, each computed once. */
export function pageKeys(site: Site, env: Record<string, string | undefined> = process.env): PageKeys {
  const known = memo.get(site);
  if (known) return known;
  const cache = new Map<string, string>();
  const once = (k: string, f: () => string): string => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = f()));
    return v;
  };
  // Downloads named after an entity: data/chi-so/<id>.csv, data/bao-cao/<id>/…; sorted for a stable key.
  const sizesFor = (pattern: (path: string) => boolean): [string, number][] => [...(sizesOf(site) ?? [])].filter(([p]) => pattern(p)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // A report's own content (metadata, figures, narratives, source text), hashed once for all pages that show it.
  // Plain data (tests/unit/page-keys.test.ts checks it holds no Map or Set), so plain JSON: stableJson's
  // replacer runs on every value and was most of the key cost at 1,000 reports (~100 MB of figures and source text).
  const content = (id: string): string => once(`c:${id}`, () => (byBuild()?.hasher ?? sha256)(JSON.stringify(site.reportsById.get(id) ?? null)));
  const keys: PageKeys = {
    catalogue: () =>
      once('catalogue', () => {
        const { areas, organizations, events, indicators, breakdowns, reports } = site.content;
        return hash({ env: PAGE_ENV.map((n) => env[n] ?? null), areas, organizations, events: events ?? null, indicators, breakdowns, reports: reports.map((r) => r.meta) });
      }),
    version: () => once('version', () => hash({ version: siteVersion(site).version, modified: siteModified(site) })),
    indicator: (id) =>
      once(`i:${id}`, () => {
        const figures = site.figuresByIndicator.get(id) ?? [];
        // Figures in full once; changes, series and targets name them by key: every figure they point at is one of
        // this indicator's (a series and a target are one indicator's) and report metadata is in the catalogue, so
        // the key changes exactly when they do, without serialising each figure four times (~0.5 GB at 1,000 reports).
        const change = (c: ReturnType<typeof site.changes.get>) => (c?.kind === 'change' ? { ...c, previous: c.previous.key } : c ?? null);
        return hash({
          catalogue: keys.catalogue(),
          figures,
          changes: figures.map((f) => change(site.changes.get(f.key))),
          notes: figures.map((f) => site.qualityNotes.get(f.key) ?? null),
          series: (site.seriesByIndicator.get(id) ?? []).map((x) => ({ ...x, points: x.points.map((p) => [p.figure.key, p.report.id]) })),
          targets: (site.targetsByIndicator.get(id) ?? []).map((t) => ({ ...t, target: t.target.key, actual: t.actual?.key ?? null, latest: t.latest?.key ?? null })),
          sizes: sizesFor((p) => p.includes(`/${id}.`) || p.includes(`/${id}/`)),
        });
      }),
    report: (id) =>
      once(`r:${id}`, () => {
        const figures = site.reportsById.get(id)?.figures ?? [];
        const change = (c: ReturnType<typeof site.changes.get>) =>
          c?.kind === 'change' ? { ...c, previous: [content(c.previous.reportId), c.previous.key] } : c ?? null;
        return hash({
          catalogue: keys.catalogue(),
          report: content(id),
          warnings: warningsForReport(site.warnings, id),
          changes: figures.map((f) => change(site.changes.get(f.key))),
          notes: figures.map((f) => site.qualityNotes.get(f.key) ?? null),
          sizes: sizesFor((p) => p.includes(`/${id}.`) || p.includes(`/${id}/`) || p.includes(`/${id}-`)),
        });
      }),
    reportText: (id) => once(`t:${id}`, () => hash({ catalogue: keys.catalogue(), report: content(id) })),
    area: (id) =>
      once(`a:${id}`, () =>
        hash({
          catalogue: keys.catalogue(),
          indicators: site.content.indicators.filter((i) => i.area === id).map((i) => keys.indicator(i.id)),
          narratives: site.content.reports.map((r) => r.narratives.filter((n) => n.section === id)),
        }),
      ),
    dataset: (d) => {
      const known = keyed.get(d);
      if (known !== undefined) return known;
      const f = datasetFiles(d);
      const sizes = sizesOf(site);
      const key = hash({ catalogue: keys.catalogue(), version: keys.version(), d, sizes: [f.csv, f.json ?? null].map((p) => (p ? sizes?.get(`data/${p}`) ?? null : null)) });
      keyed.set(d, key);
      return key;
    },
  };
  memo.set(site, keys);
  return keys;
}

/**
 * Static paths with Astro's cacheKey added when the build is incremental (otherwise unchanged: `astro dev`
 * and plain builds pay nothing). `key` names what the page shows; the route and its params are Astro's part.
 */
export function withPageKeys<P extends { params: Record<string, string | number | undefined> }>(paths: P[], key: (path: P) => unknown): (P & { cacheKey?: string })[] {
  if (!byBuild()) return paths;
  const code = byBuild()!.code;
  return paths.map((p) => ({ ...p, cacheKey: hash({ code, page: key(p) }) }));
}
