// `npm run dev`: an Astro integration that watches content/ and data/ and, on any change,
// regenerates the report MDX (src/generated/reports/), drops the cached site and reloads the
// browser, so an edit to report.json, figures.csv, source.txt, a narrative or a catalogue shows
// within a second or two without restarting. Content errors are printed, never crash the server.
import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { bumpContentVersion, runPipeline, shareSite } from '../src/pipeline/site.ts';
import { formatIssue } from '../src/pipeline/validate.ts';
import { writeGenerated } from './stages.ts';

export const WATCHED = ['content', 'data'];

/** Whether a changed path is content the site is built from (not the assistant's working file). */
export function isContentPath(root: string, path: string): boolean {
  const rel = relative(root, path).split(sep).join('/');
  return WATCHED.some((d) => rel === d || rel.startsWith(`${d}/`)) && !rel.endsWith('figures.suggested.csv');
}

/** Regenerate after a change. Returns the content errors (the pages then show them). */
export function regenerate(root: string): string[] {
  const { site, issues } = runPipeline(root);
  const errors = issues.filter((i) => i.level === 'error').map(formatIssue);
  bumpContentVersion();
  if (errors.length === 0) {
    writeGenerated(site, root);
    // The pages take this site instead of running the pipeline a second time.
    shareSite(site);
  }
  return errors;
}

interface DevServer {
  watcher: { add(paths: string | string[]): unknown; on(event: 'all', cb: (event: string, path: string) => void): unknown };
  ws: { send(payload: { type: 'full-reload'; path?: string }): void };
  environments?: Record<string, { moduleGraph?: { invalidateAll?: () => void } }>;
  moduleGraph?: { invalidateAll?: () => void };
}
interface Logger {
  info(msg: string): void;
  error(msg: string): void;
}

/** Wire the watcher of a (Vite) dev server; exported separately so a test can drive it. */
export function watchContent(server: DevServer, logger: Logger, root: string, delayMs = 150): void {
  server.watcher.add(WATCHED.map((d) => `${root}/${d}`));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = new Set<string>();
  // CCHC_DEV_TIMING=1 (scripts/bench-edit.ts): one machine-readable line per regeneration, epoch ms of each step.
  const timing = process.env.CCHC_DEV_TIMING === '1';
  let firstEvent = 0;
  server.watcher.on('all', (_event, path) => {
    if (!isContentPath(root, path)) return;
    if (changed.size === 0) firstEvent = Date.now();
    changed.add(relative(root, path));
    if (timer) clearTimeout(timer);
    // Editors save in bursts (temp file, rename): regenerate once per burst.
    timer = setTimeout(() => {
      timer = null;
      const files = [...changed].sort();
      changed.clear();
      const start = Date.now();
      const t0 = performance.now();
      let errors: string[];
      try {
        errors = regenerate(root);
      } catch (e) {
        errors = [`Lỗi khi sinh lại trang: ${(e as Error).message}`];
      }
      if (errors.length) logger.error(`Nội dung có ${errors.length} lỗi sau khi sửa ${files.join(', ')}:\n${errors.slice(0, 10).join('\n')}`);
      else logger.info(`Đã cập nhật theo ${files.join(', ')} (${(performance.now() - t0).toFixed(0)} ms).`);
      const regenerated = Date.now();
      for (const env of Object.values(server.environments ?? {})) env.moduleGraph?.invalidateAll?.();
      server.moduleGraph?.invalidateAll?.();
      const invalidated = Date.now();
      server.ws.send({ type: 'full-reload' });
      if (timing) logger.info(`cchc-dev-timing ${JSON.stringify({ files, event: firstEvent, start, regenerated, invalidated, reloaded: Date.now() })}`);
    }, delayMs);
  });
}

export function contentWatcher(): AstroIntegration {
  return {
    name: 'cchc-content-watcher',
    hooks: {
      'astro:server:setup': ({ server, logger }) => watchContent(server as unknown as DevServer, logger, process.cwd()),
    },
  };
}
