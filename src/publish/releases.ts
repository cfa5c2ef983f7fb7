// Data versions: a semantic version derived from the figures, and a changelog of
// figures added / changed / removed between releases. Released snapshots (figure key →
// fingerprint) are committed in data/releases.json by `npm run release`, so a build
// never needs git history and stays deterministic.
import type { Site } from '../pipeline/derive.ts';
import type { Figure } from '../core/model.ts';
import { sha256 } from './sha256.ts';
import { siteModified } from './datasets.ts';
import releasesFile from '../../data/releases.json' with { type: 'json' };

export interface Release {
  version: string;
  /** ISO date the snapshot was recorded. */
  date: string;
  /** Figure key → fingerprint of what a user reads as the figure (value, unit, period, scope …). */
  figures: Record<string, string>;
}

export interface ChangelogEntry {
  version: string;
  date: string;
  released: boolean;
  added: string[];
  changed: string[];
  removed: string[];
}

/** What counts as "the figure changed": its meaning and number, not quote wording or notes. */
export function fingerprint(f: Figure): string {
  return sha256(JSON.stringify([f.indicator, f.scope, f.breakdown, f.period, f.value, f.denominator, f.unit, f.comparator])).slice(0, 16);
}

export function snapshot(figures: Figure[]): Record<string, string> {
  return Object.fromEntries(figures.map((f) => [f.key, fingerprint(f)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function diff(before: Record<string, string>, after: Record<string, string>) {
  const keys = (o: Record<string, string>) => Object.keys(o).sort();
  return {
    added: keys(after).filter((k) => !(k in before)),
    changed: keys(after).filter((k) => k in before && before[k] !== after[k]),
    removed: keys(before).filter((k) => !(k in after)),
  };
}

const parse = (v: string) => {
  const m = v.match(/^(\d+)\.(\d+)\.(\d+)$/);
  if (!m) throw new Error(`data/releases.json: phiên bản "${v}" không theo dạng MAJOR.MINOR.PATCH (vd. 1.2.0)`);
  return m.slice(1).map(Number) as [number, number, number];
};

/** Next version after a release: removing figures breaks users' keys (major); added or corrected figures are minor. */
export function bump(version: string, d: { added: string[]; changed: string[]; removed: string[] }): string {
  const [maj, min] = parse(version);
  if (d.removed.length) return `${maj + 1}.0.0`;
  if (d.added.length || d.changed.length) return `${maj}.${min + 1}.0`;
  return version;
}

export interface DataVersion {
  version: string;
  /** Newest first: an unreleased entry for the current content when it differs from the last release. */
  changelog: ChangelogEntry[];
}

/** The version of the current figures and the full changelog. `today` dates an unreleased entry (from content, not the clock). */
export function dataVersion(figures: Figure[], releases: Release[], today: string): DataVersion {
  const entries: ChangelogEntry[] = [];
  let prev: Record<string, string> = {};
  for (const r of releases) {
    entries.push({ version: r.version, date: r.date, released: true, ...diff(prev, r.figures) });
    prev = r.figures;
  }
  const current = snapshot(figures);
  const d = diff(prev, current);
  const last = releases.at(-1);
  let version = last?.version ?? '1.0.0';
  if (last && (d.added.length || d.changed.length || d.removed.length)) {
    version = bump(last.version, d);
    entries.push({ version, date: today, released: false, ...d });
  } else if (!last) {
    entries.push({ version, date: today, released: false, ...d });
  }
  return { version, changelog: entries.reverse() };
}

/** Check data/releases.json (already parsed), naming the file and the fix on bad input. */
export function parseReleases(raw: unknown): Release[] {
  const list = (raw as { releases?: unknown }).releases;
  if (!Array.isArray(list)) throw new Error('data/releases.json: thiếu mảng "releases"');
  list.forEach((r: Release, i) => {
    parse(r.version);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date)) throw new Error(`data/releases.json: releases[${i}].date "${r.date}" phải là ngày ISO (YYYY-MM-DD)`);
    if (typeof r.figures !== 'object' || r.figures === null) throw new Error(`data/releases.json: releases[${i}].figures phải là đối tượng mã số liệu → dấu vân tay`);
  });
  return list as Release[];
}

// Process-wide, like datasets.ts: the build and the pages share one site.
const versionCache: WeakMap<Site, DataVersion> = ((globalThis as Record<symbol, unknown>)[Symbol.for('cchc.versions')] ??= new WeakMap()) as WeakMap<Site, DataVersion>;

/** The data version of a site against the committed releases (memoised: every page shows it). */
export function siteVersion(site: Site, releases: unknown = releasesFile): DataVersion {
  let v = versionCache.get(site);
  if (!v) {
    v = dataVersion(site.figures, parseReleases(releases), siteModified(site));
    if (releases === releasesFile) versionCache.set(site, v);
  }
  return v;
}
