// The derived site, loaded once per process for Astro pages and build scripts.
import { deriveSite, type Site } from './derive.ts';
import { loadContent } from './load.ts';
import { nodeReader } from './node-reader.ts';
import { formatIssue, validateContent } from './validate.ts';
import type { Issue } from '../core/model.ts';

export interface Pipeline {
  site: Site;
  issues: Issue[];
}

/** load → validate → derive. Errors are returned, not thrown, so callers decide. */
export function runPipeline(root: string): Pipeline {
  const { content, issues } = validateContent(loadContent(nodeReader(root)));
  return { site: deriveSite(content, issues), issues };
}

// `npm run dev` bumps this process-wide counter when content/ or data/ changes
// (scripts/dev-content.ts); the cache below is then stale. A global, because the dev
// server's page modules and the integration load this module as separate instances.
const VERSION = Symbol.for('cchc.contentVersion');
const store = globalThis as unknown as Record<symbol, number | undefined>;
export const contentVersion = (): number => store[VERSION] ?? 0;
export function bumpContentVersion(): void {
  store[VERSION] = contentVersion() + 1;
}

// `npm run build` derives the site once and hands it to the Astro pages, which run in the same
// process but load this module as another instance (so no second load → validate → derive).
const SHARED = Symbol.for('cchc.buildSite');
const shared = globalThis as unknown as Record<symbol, { site: Site; version: number } | undefined>;
export function shareSite(site: Site): void {
  shared[SHARED] = { site, version: contentVersion() };
}

let cached: Site | null = null;
let cachedVersion = -1;

/** For Astro pages: the site, or a readable error listing what `npm run validate` would say. */
export function getSite(root = process.cwd()): Site {
  const given = shared[SHARED];
  if (given && given.version === contentVersion()) return given.site;
  if (cached && cachedVersion === contentVersion()) return cached;
  const { site, issues } = runPipeline(root);
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) throw new Error(`Nội dung có ${errors.length} lỗi — chạy "npm run validate":\n${errors.slice(0, 10).map(formatIssue).join('\n')}`);
  cached = site;
  cachedVersion = contentVersion();
  return site;
}
