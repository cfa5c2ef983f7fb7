// `npm run dev` follows edits: the content watcher regenerates the report MDX, drops the
// cached site, only the changed modules and the route caches, and reloads the browser; errors
// are reported, not thrown; a page that missed the reload catches up by its content version.
// Driven with a fake dev server on a temporary copy of the fixture content (no real server, no port).
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changedFiles,
  isContentPath,
  OwnWrites,
  ownWritesPlugin,
  ReloadGate,
  serveContentVersion,
  VERSION_CHECK_SCRIPT,
  VERSION_TIMING,
  watchContent,
} from '../../scripts/dev-content.ts';
import { contentVersion, getSite } from '../../src/pipeline/site.ts';
import { fixtureFiles } from '../fixtures/content.ts';

const root = mkdtempSync(join(tmpdir(), 'dev-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [p, t] of Object.entries(fixtureFiles())) {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), t);
}

interface Mod {
  id: string;
  importers: Mod[];
}

/** A Vite-like dev server: a module graph per environment (ssr with a module runner, client without), HMR channels. */
function fakeServer() {
  const watcher = Object.assign(new EventEmitter(), { added: [] as string[], add(p: string | string[]) { this.added.push(...[p].flat()); } });
  const sent: unknown[] = [];
  const logs: string[] = [];
  const mdx = join(root, 'src/generated/reports/bc-thu.mdx');
  const page: Mod = { id: 'virtual:page', importers: [] };
  const mdxMod: Mod = { id: `${mdx}?astroContentCollectionEntry`, importers: [page] };
  const other: Mod = { id: join(root, 'src/components/Other.astro'), importers: [] };
  const byFile = new Map<string, Set<Mod>>([[mdx, new Set([mdxMod])], [other.id, new Set([other])]]);
  const runnerDropped: string[] = [];
  const hot: Record<string, string[]> = { ssr: [], client: [] };
  const graph = {
    getModulesByFile: (file: string) => byFile.get(file),
    invalidateModule(mod: Mod, seen = new Set<Mod>()) {
      if (seen.has(mod)) return;
      seen.add(mod);
      for (const i of mod.importers) this.invalidateModule(i, seen);
    },
  };
  const server = {
    watcher,
    ws: { send: (m: unknown) => sent.push(m) },
    environments: {
      ssr: {
        moduleGraph: graph,
        runner: { evaluatedModules: { getModuleById: (id: string) => ({ id }), invalidateModule: (n: { id: string }) => void runnerDropped.push(n.id) } },
        hot: { send: (e: string) => void hot.ssr.push(e) },
      },
      client: { moduleGraph: { getModulesByFile: () => undefined, invalidateModule() {} }, hot: { send: (e: string) => void hot.client.push(e) } },
    },
  };
  const logger = { info: (m: string) => logs.push(`info ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  return { server, watcher, sent, logs, logger, runnerDropped, hot, ids: { mdx: mdxMod.id, page: page.id, other: other.id } };
}
const settle = () => new Promise((r) => setTimeout(r, 80));

describe('content watcher', () => {
  it('watches content/ and data/ but not the assistant working file', () => {
    expect(isContentPath(root, join(root, 'content/reports/a/report.json'))).toBe(true);
    expect(isContentPath(root, join(root, 'data/indicators.json'))).toBe(true);
    expect(isContentPath(root, join(root, 'content/reports/a/figures.suggested.csv'))).toBe(false);
    expect(isContentPath(root, join(root, 'src/pages/index.astro'))).toBe(false);
  });

  it('an edit regenerates the MDX, invalidates the cached site and reloads the page once', async () => {
    const f = fakeServer();
    const store = join(root, '.astro/data-store.json');
    let syncs = 0;
    // Astro's content layer: its sync writes the data store and asks for a reload of its own (absorbed).
    const refreshContent = async () => {
      syncs++;
      mkdirSync(dirname(store), { recursive: true });
      writeFileSync(store, `sync ${syncs}`);
      utimesSync(store, 1000 + syncs, 1000 + syncs);
      f.server.ws.send({ type: 'full-reload', path: '*' });
    };
    const session = watchContent(f.server, f.logger, root, 10, { refreshContent });
    expect(f.watcher.added).toEqual([`${root}/content`, `${root}/data`]);
    const before = getSite(root);
    const version = contentVersion();
    const reportJson = join(root, 'content/reports/bc-thu/report.json');
    writeFileSync(reportJson, readFileSync(reportJson, 'utf8').replace('Báo cáo thử quý III/2024', 'Tiêu đề đã sửa'));
    f.watcher.emit('all', 'change', reportJson);
    f.watcher.emit('all', 'change', reportJson); // a burst: one regeneration
    await settle();
    expect(contentVersion()).toBe(version + 1);
    expect(session.published).toBe(version + 1);
    // The MDX changed: the content layer was synced before the one reload, and its own reload was absorbed.
    expect(syncs).toBe(1);
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    // Late echoes of the watcher's own writes send nothing: Vite's update of the MDX it wrote, and the data
    // store's reload when its file watcher sees the write late. A real change of either still gets through.
    const mdxFile = join(root, 'src/generated/reports/bc-thu.mdx');
    const hotUpdate = (ownWritesPlugin(session.writes).hotUpdate as { handler(o: { file: string }): unknown }).handler;
    expect(hotUpdate({ file: mdxFile })).toEqual([]);
    f.server.ws.send({ type: 'full-reload', path: '*' });
    expect(f.sent).toHaveLength(1);
    utimesSync(store, 5000, 5000);
    f.server.ws.send({ type: 'full-reload', path: '*' });
    expect(f.sent).toHaveLength(2);
    utimesSync(mdxFile, 6000, 6000); // a hand edit of the generated file
    expect(hotUpdate({ file: mdxFile })).toBeUndefined();
    expect(hotUpdate({ file: join(root, 'src/components/Other.astro') })).toBeUndefined();
    // The title is in the MDX front matter: that module and its importer are dropped, nothing else.
    expect(f.runnerDropped.sort()).toEqual([f.ids.mdx, f.ids.page].sort());
    expect(f.hot).toEqual({ ssr: ['astro:content-changed'], client: [] });
    expect(readFileSync(join(root, 'src/generated/reports/bc-thu.mdx'), 'utf8')).toContain('Tiêu đề đã sửa');
    const after = getSite(root);
    expect(after).not.toBe(before);
    expect(after.reportsById.get('bc-thu')!.meta.title).toBe('Tiêu đề đã sửa');
    expect(f.logs.at(-1)).toMatch(/^info Đã cập nhật theo content\/reports\/bc-thu\/report.json/);
  });

  it('an edit that leaves the MDX as it was drops no module, only the route caches', async () => {
    const f = fakeServer();
    let syncs = 0;
    watchContent(f.server, f.logger, root, 10, { refreshContent: async () => void syncs++ });
    const mdx = readFileSync(join(root, 'src/generated/reports/bc-thu.mdx'), 'utf8');
    const csv = join(root, 'content/reports/bc-thu/figures.csv');
    const version = contentVersion();
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[1] = lines[1].endsWith('"') ? `${lines[1].slice(0, -1)} ghi chú đã sửa"` : `${lines[1]} ghi chú đã sửa`;
    writeFileSync(csv, lines.join('\n'));
    f.watcher.emit('all', 'change', csv);
    await settle();
    expect(f.logs.at(-1)).toMatch(/^info Đã cập nhật/);
    expect(contentVersion()).toBe(version + 1);
    expect(readFileSync(join(root, 'src/generated/reports/bc-thu.mdx'), 'utf8')).toBe(mdx);
    expect(f.runnerDropped).toEqual([]);
    expect(f.hot.ssr).toEqual(['astro:content-changed']);
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    expect(syncs).toBe(0);
    expect(JSON.stringify(getSite(root).reportsById.get('bc-thu')!.figures)).toContain('ghi chú đã sửa');
  });

  it('reloads once the data store is written, not after the sync\'s debounced writes; a new module list is dropped too', async () => {
    const f = fakeServer();
    const modules = join(root, '.astro/content-modules.mjs');
    let syncDone = false;
    // Like Astro's sync: the module list and the data store are written (the latter announced by an absorbed
    // reload) at once, the promise resolves only after a debounce.
    const refreshContent = () => {
      mkdirSync(dirname(modules), { recursive: true });
      writeFileSync(modules, `export default new Map(); // ${Date.now()}`);
      utimesSync(modules, 7000, 7000);
      f.server.ws.send({ type: 'full-reload', path: '*' });
      return new Promise<void>((r) => setTimeout(() => r(void (syncDone = true)), 2000));
    };
    const session = watchContent(f.server, f.logger, root, 10, { refreshContent });
    const reportJson = join(root, 'content/reports/bc-thu/report.json');
    writeFileSync(reportJson, readFileSync(reportJson, 'utf8').replace('Tiêu đề đã sửa', 'Tiêu đề sửa lần ba'));
    f.watcher.emit('all', 'change', reportJson);
    await settle();
    expect(syncDone).toBe(false);
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    expect(session.published).toBe(contentVersion());
    expect((ownWritesPlugin(session.writes).hotUpdate as { handler(o: { file: string }): unknown }).handler({ file: modules })).toEqual([]);
  });

  it('edits arriving while one is applied give one reload, after the last; other reloads wait for it', async () => {
    const f = fakeServer();
    let finishSync: () => void = () => {};
    const refreshContent = () => new Promise<void>((r) => (finishSync = r));
    watchContent(f.server, f.logger, root, 10, { refreshContent });
    const reportJson = join(root, 'content/reports/bc-thu/report.json');
    const csv = join(root, 'content/reports/bc-thu/figures.csv');
    writeFileSync(reportJson, readFileSync(reportJson, 'utf8').replace('Tiêu đề sửa lần ba', 'Tiêu đề sửa lần hai'));
    f.watcher.emit('all', 'change', reportJson);
    await settle(); // regenerated, now syncing the content layer
    f.server.ws.send({ type: 'full-reload' }); // e.g. a component saved meanwhile: absorbed, not lost
    writeFileSync(csv, readFileSync(csv, 'utf8'));
    f.watcher.emit('all', 'change', csv);
    await settle();
    expect(f.sent).toEqual([]);
    finishSync();
    await settle();
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    // CSS/JS updates and custom events are never held.
    f.server.ws.send({ type: 'update', updates: [] });
    expect(f.sent).toEqual([{ type: 'full-reload' }, { type: 'update', updates: [] }]);
  });

  it('a content error is logged with file and line and keeps the last good pages', async () => {
    const f = fakeServer();
    watchContent(f.server, f.logger, root, 10);
    const csv = join(root, 'content/reports/bc-thu/figures.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}sai,khong-co,tinh,,2024-Q3,1,,hồ sơ,,II,trích dẫn không có,\n`);
    f.watcher.emit('all', 'change', csv);
    await settle();
    expect(f.logs.at(-1)).toMatch(/^error Nội dung có \d+ lỗi[\s\S]*figures\.csv:7/);
    expect(existsSync(join(root, 'src/generated/reports/bc-thu.mdx'))).toBe(true);
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    expect(() => getSite(root)).toThrow(/npm run validate/);
  });
});

describe('which generated files changed', () => {
  it('names rewritten, added and removed files, sorted, and nothing when nothing changed', () => {
    const before = new Map([['/g/a.mdx', 1], ['/g/b.mdx', 2], ['/g/c.mdx', 3]]);
    expect(changedFiles(before, new Map(before))).toEqual([]);
    expect(changedFiles(before, new Map([['/g/a.mdx', 1], ['/g/b.mdx', 5], ['/g/d.mdx', 1]]))).toEqual(['/g/b.mdx', '/g/c.mdx', '/g/d.mdx']);
  });
});

describe('the reload gate', () => {
  it('absorbs full-reloads while held, sends one on the last release, passes everything else', () => {
    const sent: unknown[] = [];
    const channel = { send: (...a: unknown[]) => void sent.push(a), clients: { size: 1 } };
    const gate = new ReloadGate(channel, (p) => p.path === 'echo');
    channel.send({ type: 'full-reload', path: 'echo' });
    channel.send({ type: 'full-reload' });
    expect(sent).toEqual([[{ type: 'full-reload' }]]);
    gate.hold();
    gate.hold();
    channel.send({ type: 'full-reload' });
    channel.send({ type: 'full-reload', path: '*' });
    channel.send('cchc:content-version', { version: 3 });
    expect(gate.absorbed).toBe(2);
    expect(gate.release()).toBe(false);
    expect(gate.release()).toBe(true);
    expect(gate.absorbed).toBe(0);
    expect(sent).toEqual([[{ type: 'full-reload' }], ['cchc:content-version', { version: 3 }], [{ type: 'full-reload' }]]);
    // At start-up no page is open: nothing is kept for the first page to connect.
    channel.clients.size = 0;
    gate.hold();
    expect(gate.release(true)).toBe(false);
    expect(gate.release()).toBe(true);
    expect(sent).toHaveLength(4);
  });

  it('tells the watcher writes from later changes by modification time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-'));
    try {
      const writes = new OwnWrites(dir);
      const file = join(dir, 'a.mdx');
      writeFileSync(file, 'a');
      expect(writes.isGeneratedEcho(file)).toBe(false);
      writes.generated([file, join(dir, 'removed.mdx')]);
      expect(writes.isGeneratedEcho(file)).toBe(true);
      expect(writes.isGeneratedEcho(join(dir, 'removed.mdx'))).toBe(true);
      utimesSync(file, 1, 1);
      expect(writes.isGeneratedEcho(file)).toBe(false);
      writes.storeSettled(); // no data store yet: no reload counts as its echo
      expect(writes.isStoreEcho({ type: 'full-reload', path: '*' })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page that missed the reload', () => {
  it('is stamped with the content version it was rendered from; the page script asks for the current one', () => {
    let middleware: ((req: { headers: Record<string, string> }, res: { setHeader(n: string, v: string): void }, next: () => void) => void) | null = null;
    let handler: ((data: unknown, client: { send(e: string, p: unknown): void }) => void) | null = null;
    serveContentVersion({ middlewares: { use: (fn) => void (middleware = fn) }, ws: { on: (e, cb) => void (e === 'cchc:content-version?' && (handler = cb)) } });
    const headers: Record<string, string> = {};
    let nexts = 0;
    middleware!({ headers: { accept: 'text/html,application/xhtml+xml' } }, { setHeader: (n, v) => void (headers[n] = v) }, () => void nexts++);
    expect(headers['Server-Timing']).toBe(`${VERSION_TIMING};desc="${contentVersion()}"`);
    middleware!({ headers: { accept: 'text/css' } }, { setHeader: (n) => void (headers[`css ${n}`] = 'set') }, () => void nexts++);
    expect(headers['css Server-Timing']).toBeUndefined();
    expect(nexts).toBe(2);
    const replies: unknown[] = [];
    handler!({}, { send: (e, p) => void replies.push([e, p]) });
    expect(replies).toEqual([['cchc:content-version', { version: contentVersion() }]]);
  });

  it('reloads when the server version differs from its own, not otherwise, and not without a stamp', () => {
    // The page script with import.meta.hot, performance and location stubbed.
    const run = (stamp: string | undefined, serverVersion: number) => {
      const listeners = new Map<string, (d: { version: number }) => void>();
      const asked: string[] = [];
      let reloads = 0;
      const hot = { on: (e: string, cb: (d: { version: number }) => void) => void listeners.set(e, cb), send: (e: string) => void asked.push(e) };
      const performance = { getEntriesByType: () => [{ serverTiming: stamp === undefined ? [] : [{ name: VERSION_TIMING, description: stamp }] }] };
      new Function('hot', 'performance', 'location', VERSION_CHECK_SCRIPT.replaceAll('import.meta.hot', 'hot'))(hot, performance, { reload: () => void reloads++ });
      for (const e of asked) if (e === 'cchc:content-version?') listeners.get('cchc:content-version')?.({ version: serverVersion });
      return { reloads, asked };
    };
    expect(run('7', 8).reloads).toBe(1);
    expect(run('8', 8).reloads).toBe(0);
    expect(run(undefined, 8)).toEqual({ reloads: 0, asked: [] });
  });
});
