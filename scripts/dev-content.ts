// `npm run dev`: an Astro integration that watches content/ and data/ and, on any change,
// regenerates the report MDX (src/generated/reports/), drops the cached site and reloads the
// browser, so an edit to report.json, figures.csv, source.txt, a narrative or a catalogue shows
// within a second or two without restarting. Content errors are printed, never crash the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Site } from '../src/pipeline/derive.ts';
import { bumpContentVersion, contentVersion, getSite, runPipeline, shareSite } from '../src/pipeline/site.ts';
import { urls } from '../src/core/urls.ts';
import { formatIssue } from '../src/pipeline/validate.ts';
import { GENERATED_DIR, writeGenerated } from './stages.ts';

export const WATCHED = ['content', 'data'];

/** Whether a changed path is content the site is built from (not the assistant's working file). */
export function isContentPath(root: string, path: string): boolean {
  const rel = relative(root, path).split(sep).join('/');
  return WATCHED.some((d) => rel === d || rel.startsWith(`${d}/`)) && !rel.endsWith('figures.suggested.csv');
}

/** Modification times of the generated MDX files, to tell which ones a regeneration rewrote, added or removed. */
export function generatedTimes(root: string): Map<string, number> {
  const dir = join(root, GENERATED_DIR);
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => [join(dir, name), statSync(join(dir, name)).mtimeMs]));
}

/** The files that differ between two snapshots of generatedTimes: rewritten, added or removed. Sorted. */
export function changedFiles(before: Map<string, number>, after: Map<string, number>): string[] {
  const out = new Set<string>();
  for (const [path, t] of after) if (before.get(path) !== t) out.add(path);
  for (const path of before.keys()) if (!after.has(path)) out.add(path);
  return [...out].sort();
}

/** Regenerate after a change. Returns the content errors (the pages then show them) and the MDX files it changed. */
export function regenerate(root: string): { errors: string[]; mdx: string[] } {
  const { site, issues } = runPipeline(root);
  const errors = issues.filter((i) => i.level === 'error').map(formatIssue);
  // Pages read the site through getSite(), which sees this bump: no page module has to be reloaded for new data.
  bumpContentVersion();
  if (errors.length > 0) return { errors, mdx: [] };
  const before = generatedTimes(root);
  writeGenerated(site, root);
  // The pages take this site instead of running the pipeline a second time.
  shareSite(site);
  return { errors, mdx: changedFiles(before, generatedTimes(root)) };
}

interface ModuleNode {
  id: string | null;
}
interface DevEnvironment {
  moduleGraph?: {
    getModulesByFile?(file: string): Set<ModuleNode> | undefined;
    invalidateModule?(mod: ModuleNode, seen?: Set<ModuleNode>, timestamp?: number, isHmr?: boolean): void;
  };
  runner?: { evaluatedModules?: { getModuleById(id: string): unknown; invalidateModule(mod: never): void } };
  hot?: { send(event: string, payload?: unknown): void };
}
interface DevServer {
  watcher: { add(paths: string | string[]): unknown; on(event: 'all', cb: (event: string, path: string) => void): unknown };
  ws: { send(payload: { type: 'full-reload'; path?: string }): void };
  environments?: Record<string, DevEnvironment>;
}
interface Logger {
  info(msg: string): void;
  error(msg: string): void;
}

/**
 * Make the server's next render see a regeneration, touching only what changed: the modules of the changed
 * files (a rewritten report MDX, a data file a module imports) and their importers are dropped, in the module
 * graph and in the server's module runner; the route caches (getStaticPaths of every route) are cleared with
 * Astro's own content-changed event. Every other module stays evaluated, so the reload renders at warm speed
 * (dropping the whole graph made each edit re-run every module: seconds per edit). Returns how many modules were dropped.
 */
export function invalidateChanged(server: DevServer, files: string[], timestamp = Date.now()): number {
  let dropped = 0;
  for (const [name, env] of Object.entries(server.environments ?? {})) {
    const graph = env.moduleGraph;
    if (graph?.getModulesByFile && graph.invalidateModule) {
      const seen = new Set<ModuleNode>();
      for (const file of files) for (const mod of graph.getModulesByFile(file) ?? []) graph.invalidateModule(mod, seen, timestamp, true);
      const evaluated = env.runner?.evaluatedModules;
      for (const mod of seen) {
        const node = mod.id != null ? evaluated?.getModuleById(mod.id) : undefined;
        if (node) evaluated!.invalidateModule(node as never);
      }
      dropped += seen.size;
    }
    if (name !== 'client') env.hot?.send('astro:content-changed', {});
  }
  return dropped;
}

/** Wire the watcher of a (Vite) dev server; exported separately so a test can drive it. */
export function watchContent(server: DevServer, logger: Logger, root: string, delayMs = 100): void {
  server.watcher.add(WATCHED.map((d) => `${root}/${d}`));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = new Set<string>();
  // CCHC_DEV_TIMING=1 (scripts/bench-edit.ts): one machine-readable line per regeneration, epoch ms of each step.
  const timing = process.env.CCHC_DEV_TIMING === '1';
  let firstEvent = 0;
  server.watcher.on('all', (_event, path) => {
    if (!isContentPath(root, path)) return;
    if (changed.size === 0) firstEvent = Date.now();
    changed.add(path);
    if (timer) clearTimeout(timer);
    // Editors save in bursts (temp file, rename; a few ms apart): regenerate once per burst.
    timer = setTimeout(() => {
      timer = null;
      const paths = [...changed].sort();
      const files = paths.map((p) => relative(root, p));
      changed.clear();
      const start = Date.now();
      const t0 = performance.now();
      let result: { errors: string[]; mdx: string[] };
      try {
        result = regenerate(root);
      } catch (e) {
        result = { errors: [`Lỗi khi sinh lại trang: ${(e as Error).message}`], mdx: [] };
      }
      const { errors, mdx } = result;
      if (errors.length) logger.error(`Nội dung có ${errors.length} lỗi sau khi sửa ${files.join(', ')}:\n${errors.slice(0, 10).join('\n')}`);
      else logger.info(`Đã cập nhật theo ${files.join(', ')} (${(performance.now() - t0).toFixed(0)} ms).`);
      const regenerated = Date.now();
      const dropped = invalidateChanged(server, [...paths, ...mdx]);
      const invalidated = Date.now();
      server.ws.send({ type: 'full-reload' });
      if (timing) logger.info(`cchc-dev-timing ${JSON.stringify({ files, mdx: mdx.length, dropped, event: firstEvent, start, regenerated, invalidated, reloaded: Date.now() })}`);
    }, delayMs);
  });
}

const WARM_RUNS = 2;

/** The response header naming the content version a page was rendered from (Server-Timing: readable by the page's script). */
export const VERSION_TIMING = 'cchc-content';

/**
 * Dev-only page script: a full-reload sent while the page was loading (between its request and its HMR socket
 * connecting) reaches no one, so the page would keep showing the content before an edit. On connecting it asks
 * the server for the current content version and reloads if its own is older.
 */
export const VERSION_CHECK_SCRIPT = `if (import.meta.hot) {
  const mine = performance.getEntriesByType('navigation')[0]?.serverTiming?.find((t) => t.name === '${VERSION_TIMING}')?.description;
  if (mine) {
    import.meta.hot.on('cchc:content-version', (d) => { if (String(d.version) !== mine) location.reload(); });
    import.meta.hot.send('cchc:content-version?', {});
  }
}`;

interface HotServer {
  middlewares: { use(fn: (req: { headers: Record<string, string | string[] | undefined> }, res: { setHeader(name: string, value: string): unknown }, next: () => void) => void): unknown };
  ws: { on(event: string, cb: (data: unknown, client: { send(event: string, payload?: unknown): void }) => void): unknown };
}

/** Stamp each page with the content version it is rendered from, and answer the page script's question. */
export function serveContentVersion(server: HotServer): void {
  server.middlewares.use((req, res, next) => {
    if (String(req.headers.accept ?? '').includes('text/html')) res.setHeader('Server-Timing', `${VERSION_TIMING};desc="${contentVersion()}"`);
    next();
  });
  server.ws.on('cchc:content-version?', (_data, client) => client.send('cchc:content-version', { version: contentVersion() }));
}

export function contentWatcher(): AstroIntegration {
  return {
    name: 'cchc-content-watcher',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', VERSION_CHECK_SCRIPT);
      },
      'astro:server:setup': ({ server, logger }) => {
        serveContentVersion(server as unknown as HotServer);
        watchContent(server as unknown as DevServer, logger, process.cwd());
      },
      'astro:server:start': ({ address }) => {
        // Warm up once the server listens: the pages get this site instead of running the pipeline on the
        // first request, the watcher's copy of the pipeline is compiled before the first edit, and the home
        // and one report page load their modules before anyone asks.
        setTimeout(async () => {
          let site: Site | null = null;
          try {
            regenerate(process.cwd());
            site = getSite();
          } catch {
            return; // the first page shows the error
          }
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const first = site.content.reports[0];
          for (const path of [urls.home(), ...(first ? [urls.report(first.meta.id)] : [])]) {
            await fetch(`http://${host}:${address.port}${path}`, { headers: { accept: 'text/html' } }).then((r) => r.arrayBuffer()).catch(() => undefined);
          }
          // Two more runs, results dropped, so V8 has optimised the pipeline before the first edit
          // (its first runs take 3-5x a warm one: a first edit's regeneration took 1.5-2 s under load, later ones 0.3-0.7 s).
          for (let i = 0; i < WARM_RUNS; i++) {
            await new Promise((r) => setTimeout(r, 50));
            runPipeline(process.cwd());
          }
        }, 0);
      },
    },
  };
}
