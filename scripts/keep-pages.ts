// Incremental builds keep the previous build's pages where they are. Astro's incremental build skips a page whose
// route code and cacheKey are unchanged, but it finds the page in dist/ only if dist/ still holds it; otherwise it
// copies it back from its page cache (.astro/cache/dist/): at 1,000 reports that was ~7,000 copies and directory
// checks per edit. `npm run build` empties dist/ first (renames it aside, deletes it in the background), so here
// the pages Astro's manifest lists are renamed back from the old dist/ before Astro runs: a rename per page.
//
// Only when the old dist/ is provably the output of the build that wrote Astro's manifest: that build leaves a
// stamp (dist/'s identity and the manifest's digest), consumed by the next build before it touches anything. A full
// build, an interrupted build, a build to another OUT_DIR or a replaced dist/ leaves no matching stamp, and Astro
// then copies from its cache as before. Pages kept but no longer built (a removed report) are deleted afterwards,
// so dist/ is exactly what a full build writes (scripts/check-incremental.ts compares them byte for byte).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** Astro's page manifest in its cache folder (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';

const stampFile = (cacheDir: string, outDir: string) => join(cacheDir, `dist-stamp-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.json`);

/** The folder itself, not its path: a folder deleted and made again under the same name differs. */
function identity(dir: string): string | null {
  try {
    const s = statSync(dir, { bigint: true });
    return `${s.dev}:${s.ino}:${s.birthtimeNs || s.ctimeNs}`;
  } catch {
    return null;
  }
}

function manifestDigest(cacheDir: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(join(cacheDir, MANIFEST))).digest('hex');
  } catch {
    return null;
  }
}

/**
 * Whether `outDir` is, untouched, the output of the incremental build that wrote Astro's current manifest.
 * The stamp is removed either way: only the build that wrote it may vouch for the folder, once.
 */
export function takeStamp(cacheDir: string, outDir: string): boolean {
  const file = stampFile(cacheDir, outDir);
  let stamp: { dir?: unknown; manifest?: unknown } | null = null;
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8')) as { dir?: unknown; manifest?: unknown };
  } catch {
    stamp = null;
  }
  rmSync(file, { force: true });
  const dir = identity(outDir);
  const manifest = manifestDigest(cacheDir);
  return !!stamp && dir !== null && manifest !== null && stamp.dir === dir && stamp.manifest === manifest;
}

/** Written last by a successful incremental build: `outDir` now holds the pages Astro's manifest lists. */
export function writeStamp(cacheDir: string, outDir: string): void {
  const dir = identity(outDir);
  const manifest = manifestDigest(cacheDir);
  if (dir && manifest) writeFileSync(stampFile(cacheDir, outDir), `${JSON.stringify({ dir, manifest })}\n`);
}

/** The page files Astro's manifest lists, relative to the output folder (only plain relative paths inside it). */
export function manifestOutputs(cacheDir: string): string[] {
  let manifest: { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8'));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile !== 'string') continue;
      let rel: string;
      try {
        rel = normalize(decodeURI(entry.outputFile));
      } catch {
        continue;
      }
      if (rel && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`)) out.push(rel);
    }
  }
  return out.sort();
}

/** Moves the pages Astro's manifest lists from `oldDir` into `outDir` (same file system: one rename each). */
export function keepPages(cacheDir: string, oldDir: string, outDir: string): string[] {
  const kept: string[] = [];
  const made = new Set<string>();
  for (const rel of manifestOutputs(cacheDir)) {
    const from = join(oldDir, rel);
    const to = join(outDir, rel);
    // A file an earlier stage of this build wrote wins; a page missing from the old folder is Astro's to restore.
    if (existsSync(to) || !existsSync(from)) continue;
    const parent = dirname(to);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    renameSync(from, to);
    kept.push(rel);
  }
  return kept;
}

/**
 * After Astro: a kept page that this build neither listed in its manifest nor wrote again (its report or route is
 * gone) is deleted, with the folders it leaves empty. Returns how many.
 */
export function pruneKept(cacheDir: string, outDir: string, kept: string[], builtSince: number): number {
  const listed = new Set(manifestOutputs(cacheDir));
  let removed = 0;
  for (const rel of kept) {
    if (listed.has(rel)) continue;
    const path = join(outDir, rel);
    try {
      if (statSync(path).mtimeMs >= builtSince) continue;
      unlinkSync(path);
      removed++;
    } catch {
      continue;
    }
    for (let dir = dirname(path); dir.startsWith(outDir + sep); dir = dirname(dir)) {
      try {
        if (readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      } catch {
        break;
      }
    }
  }
  return removed;
}
