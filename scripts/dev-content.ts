// `npm run dev`: an Astro integration that watches content/ and data/ and, on any change,
// regenerates the report MDX (src/generated/reports/), drops the cached site and reloads the
// browser once, so an edit to report.json, figures.csv, source.txt, a narrative or a catalogue shows
// within a second or two without restarting. Content errors are printed, never crash the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
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
/** The browser channel of the dev server: Vite's `server.ws`, the same object as `environments.client.hot`. */
export interface ReloadChannel {
  send(...args: unknown[]): void;
  clients?: { size: number };
}
interface DevServer {
  watcher: { add(paths: string | string[]): unknown; on(event: 'all', cb: (event: string, path: string) => void): unknown };
  ws: ReloadChannel;
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

interface ReloadPayload {
  type?: unknown;
  path?: unknown;
}
const isFullReload = (p: unknown): p is ReloadPayload => typeof p === 'object' && p !== null && (p as ReloadPayload).type === 'full-reload';

/**
 * One edit, one reload. A report title lives in the report's MDX front matter, so a title edit rewrote the MDX
 * and up to three reloads reached the page: the watcher's, Vite's for the changed MDX module (astro:hmr-reload)
 * and the content layer's after its data-store write (debounced 500 ms); Vite also keeps a reload sent while no
 * page is connected and hands it to the next page that connects, i.e. the page just reloaded. The gate wraps the
 * channel's send: while content is being regenerated (first file event until the server renders it) every
 * full-reload is absorbed and the last release sends one; outside, `isEcho` drops late echoes of the watcher's
 * own writes. Other messages (CSS/JS updates, errors, custom events) pass untouched.
 */
export class ReloadGate {
  #holds = 0;
  #send: (...args: unknown[]) => void;
  #channel: ReloadChannel;
  #waiters = new Set<{ test: (p: ReloadPayload) => boolean; resolve: () => void }>();
  /** Full-reloads absorbed since the last release (what would have been extra reloads). */
  absorbed = 0;
  constructor(channel: ReloadChannel, isEcho: (payload: ReloadPayload) => boolean = () => false) {
    this.#channel = channel;
    this.#send = channel.send.bind(channel);
    channel.send = (...args: unknown[]) => {
      const [payload] = args;
      if (isFullReload(payload)) {
        if (this.#holds > 0) {
          this.absorbed++;
          for (const w of this.#waiters) if (w.test(payload)) w.resolve();
          return;
        }
        if (isEcho(payload)) return;
      }
      this.#send(...args);
    };
  }
  /** Resolves when a matching full-reload is absorbed (the content layer's announces its data store written). */
  absorbedNext(test: (payload: ReloadPayload) => boolean): { promise: Promise<void>; cancel(): void } {
    let waiter!: { test: (p: ReloadPayload) => boolean; resolve: () => void };
    const promise = new Promise<void>((resolve) => {
      waiter = { test, resolve };
      this.#waiters.add(waiter);
    });
    return { promise, cancel: () => void this.#waiters.delete(waiter) };
  }
  hold(): void {
    this.#holds++;
  }
  /** Ends one hold; the last one sends one reload (with `onlyToConnected`, none that Vite would keep for a page still to connect). Returns whether it sent. */
  release(onlyToConnected = false): boolean {
    this.#holds = Math.max(0, this.#holds - 1);
    if (this.#holds > 0) return false;
    this.absorbed = 0;
    if (onlyToConnected && this.#channel.clients?.size === 0) return false;
    this.#send({ type: 'full-reload' });
    return true;
  }
}

const mtime = (path: string): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1; // removed
  }
};

/**
 * The files the watcher itself wrote, to tell their echoes (Vite's and Astro's file watchers seeing them a moment
 * later) from other changes: a generated MDX file still at the modification time the watcher left it at, and
 * Astro's data store still as it was when the watcher's content-layer sync settled. A hand edit changes the time.
 */
export class OwnWrites {
  #generated = new Map<string, number>();
  #store = -1;
  readonly storePath: string;
  readonly modulesPath: string;
  constructor(root: string) {
    // Astro's dev data store and the import map of the collection's MDX modules (settings.dotAstroDir +
    // DATA_STORE_FILE, MODULES_IMPORTS_FILE).
    this.storePath = join(root, '.astro', 'data-store.json');
    this.modulesPath = join(root, '.astro', 'content-modules.mjs');
  }
  generated(files: string[]): void {
    for (const file of files) this.#generated.set(resolve(file), mtime(file));
  }
  isGeneratedEcho(file: string): boolean {
    const t = this.#generated.get(resolve(file));
    return t !== undefined && t === mtime(file);
  }
  storeSettled(): void {
    this.#store = mtime(this.storePath);
  }
  /** Astro's data-store reload (path '*'), sent again when its file watcher sees the write more than 1 s late. */
  isStoreEcho(payload: ReloadPayload): boolean {
    return payload.path === '*' && this.#store !== -1 && mtime(this.storePath) === this.#store;
  }
}

/** What the watcher, its Vite plugin and the page-version answer share for one dev server. */
export class DevSession {
  readonly gate: ReloadGate;
  readonly writes: OwnWrites;
  /** The content version pages are stamped with: set once the server renders it, not when regeneration starts. */
  published = contentVersion();
  constructor(channel: ReloadChannel, writes: OwnWrites) {
    this.writes = writes;
    this.gate = new ReloadGate(channel, (p) => writes.isStoreEcho(p));
  }
  /** The server now renders the current content: stamp pages with it and remember the data store it left. */
  settle(): void {
    this.published = contentVersion();
    this.writes.storeSettled();
  }
}

/**
 * Dev-only Vite plugin: a generated MDX file (or the content layer's module list) the watcher just wrote is already
 * invalidated and the watcher sends the one reload, so Vite's own update for it (a second reload from
 * astro:hmr-reload) is dropped.
 */
export function ownWritesPlugin(writes: OwnWrites): Plugin {
  return {
    name: 'cchc:own-writes',
    apply: 'serve',
    hotUpdate: {
      order: 'pre',
      handler: ({ file }) => (writes.isGeneratedEcho(file) ? [] : undefined),
    },
  };
}

export interface WatchOptions {
  session?: DevSession;
  /** Astro's refreshContent: re-syncs the content layer and writes its data store at once (no 500 ms debounce). */
  refreshContent?: () => Promise<void>;
}

/** Wire the watcher of a (Vite) dev server; exported separately so a test can drive it. */
export function watchContent(server: DevServer, logger: Logger, root: string, delayMs = 100, options: WatchOptions = {}): DevSession {
  const session = options.session ?? new DevSession(server.ws, new OwnWrites(root));
  server.watcher.add(WATCHED.map((d) => `${root}/${d}`));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = new Set<string>();
  // CCHC_DEV_TIMING=1 (scripts/bench-edit.ts): one machine-readable line per regeneration, epoch ms of each step.
  const timing = process.env.CCHC_DEV_TIMING === '1';
  let firstEvent = 0;
  let queue = Promise.resolve();

  const update = async (paths: string[], event: number): Promise<void> => {
    const files = paths.map((p) => relative(root, p));
    const start = Date.now();
    const t0 = performance.now();
    let result: { errors: string[]; mdx: string[] };
    try {
      result = regenerate(root);
    } catch (e) {
      result = { errors: [`Lỗi khi sinh lại trang: ${(e as Error).message}`], mdx: [] };
    }
    const { errors, mdx } = result;
    session.writes.generated(mdx);
    if (errors.length) logger.error(`Nội dung có ${errors.length} lỗi sau khi sửa ${files.join(', ')}:\n${errors.slice(0, 10).join('\n')}`);
    else logger.info(`Đã cập nhật theo ${files.join(', ')} (${(performance.now() - t0).toFixed(0)} ms).`);
    const regenerated = Date.now();
    let dropped = 0;
    let invalidated = regenerated;
    try {
      dropped = invalidateChanged(server, [...paths, ...mdx]);
      invalidated = Date.now();
      // A rewritten MDX file (title, sections) feeds Astro's content layer: sync it now, before the one reload.
      if (mdx.length > 0 && options.refreshContent) {
        const modules = mtime(session.writes.modulesPath);
        // The sync resolves only after a debounced write of the module list (500 ms); the page can reload as soon
        // as the data store is written and invalidated, which the content layer's own (absorbed) reload announces.
        const stored = session.gate.absorbedNext((p) => p.path === '*');
        const sync = options.refreshContent().catch((e: Error) => logger.error(`Astro không đồng bộ được nội dung: ${e.message}`));
        await Promise.race([sync, stored.promise]);
        stored.cancel();
        // A report added or removed changes the module list, written before the data store: drop its module now
        // (and its echo later) rather than let Vite reload the page a second time when its watcher sees the file.
        if (mtime(session.writes.modulesPath) !== modules) {
          dropped += invalidateChanged(server, [session.writes.modulesPath]);
          session.writes.generated([session.writes.modulesPath]);
        }
      }
    } catch (e) {
      logger.error(`Không làm mới được máy chủ dev sau khi sửa ${files.join(', ')}: ${(e as Error).message}`);
    } finally {
      const synced = Date.now();
      session.settle();
      const absorbed = session.gate.absorbed;
      const sent = session.gate.release();
      if (timing) logger.info(`cchc-dev-timing ${JSON.stringify({ files, mdx: mdx.length, dropped, absorbed, sent, event, start, regenerated, invalidated, synced, reloaded: Date.now() })}`);
    }
  };

  server.watcher.on('all', (_event, path) => {
    if (!isContentPath(root, path)) return;
    if (changed.size === 0) {
      firstEvent = Date.now();
      // From the first event of a burst, reloads wait for the regeneration (one hold per burst, released by its update).
      session.gate.hold();
    }
    changed.add(path);
    if (timer) clearTimeout(timer);
    // Editors save in bursts (temp file, rename; a few ms apart): regenerate once per burst.
    timer = setTimeout(() => {
      timer = null;
      const paths = [...changed].sort();
      const event = firstEvent;
      changed.clear();
      // One regeneration at a time: a burst ending while the previous one syncs the content layer waits its turn.
      queue = queue.then(() => update(paths, event));
    }, delayMs);
  });
  return session;
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

/**
 * Stamp each page with the content version the server renders (`version`: the session's published one, so a page
 * requested while an edit is still being applied carries the older version and catches up), and answer the page
 * script's question.
 */
export function serveContentVersion(server: HotServer, version: () => number = contentVersion): void {
  server.middlewares.use((req, res, next) => {
    if (String(req.headers.accept ?? '').includes('text/html')) res.setHeader('Server-Timing', `${VERSION_TIMING};desc="${version()}"`);
    next();
  });
  server.ws.on('cchc:content-version?', (_data, client) => client.send('cchc:content-version', { version: version() }));
}

export function contentWatcher(): AstroIntegration {
  const root = process.cwd();
  // Shared by the Vite plugin (registered at config time) and the watcher (wired when the server exists).
  const writes = new OwnWrites(root);
  let session: DevSession | null = null;
  let refresh: (() => Promise<void>) | undefined;
  return {
    name: 'cchc-content-watcher',
    hooks: {
      'astro:config:setup': ({ command, injectScript, updateConfig }) => {
        if (command !== 'dev') return;
        injectScript('page', VERSION_CHECK_SCRIPT);
        updateConfig({ vite: { plugins: [ownWritesPlugin(writes)] } });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const s = new DevSession(server.ws as unknown as ReloadChannel, writes);
        session = s;
        // Until the warm-up below has run, reloads are held: the content layer's first sync writes the data store
        // before any page is open, and Vite would keep that reload for the first page that connects.
        s.gate.hold();
        refresh = refreshContent ? () => refreshContent({}) : undefined;
        serveContentVersion(server as unknown as HotServer, () => s.published);
        watchContent(server as unknown as DevServer, logger, root, 100, { session: s, refreshContent: refresh });
      },
      'astro:server:start': ({ address }) => {
        // Warm up once the server listens: the pages get this site instead of running the pipeline on the
        // first request, the watcher's copy of the pipeline is compiled before the first edit, and the home
        // and one report page load their modules before anyone asks.
        setTimeout(async () => {
          let site: Site | null = null;
          try {
            const { mdx } = regenerate(root);
            writes.generated(mdx);
            if (mdx.length > 0) await refresh?.();
            site = getSite();
          } catch {
            // the first page shows the error
          } finally {
            session?.settle();
            session?.gate.release(true);
          }
          if (!site) return;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const first = site.content.reports[0];
          for (const path of [urls.home(), ...(first ? [urls.report(first.meta.id)] : [])]) {
            await fetch(`http://${host}:${address.port}${path}`, { headers: { accept: 'text/html' } }).then((r) => r.arrayBuffer()).catch(() => undefined);
          }
          // Two more runs, results dropped, so V8 has optimised the pipeline before the first edit
          // (its first runs take 3-5x a warm one: a first edit's regeneration took 1.5-2 s under load, later ones 0.3-0.7 s).
          for (let i = 0; i < WARM_RUNS; i++) {
            await new Promise((r) => setTimeout(r, 50));
            runPipeline(root);
          }
        }, 0);
      },
    },
  };
}
