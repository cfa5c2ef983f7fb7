// `npm run dev` follows edits: the content watcher regenerates the report MDX, drops the
// cached site and reloads the browser; errors are reported, not thrown. Driven with a fake
// dev server on a temporary copy of the fixture content (no real server, no port).
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isContentPath, watchContent } from '../../scripts/dev-content.ts';
import { contentVersion, getSite } from '../../src/pipeline/site.ts';
import { fixtureFiles } from '../fixtures/content.ts';

const root = mkdtempSync(join(tmpdir(), 'dev-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [p, t] of Object.entries(fixtureFiles())) {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), t);
}

function fakeServer() {
  const watcher = Object.assign(new EventEmitter(), { added: [] as string[], add(p: string | string[]) { this.added.push(...[p].flat()); } });
  const sent: unknown[] = [];
  let invalidated = 0;
  const logs: string[] = [];
  const server = { watcher, ws: { send: (m: unknown) => sent.push(m) }, environments: { ssr: { moduleGraph: { invalidateAll: () => void invalidated++ } } } };
  const logger = { info: (m: string) => logs.push(`info ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  return { server, watcher, sent, logs, invalidated: () => invalidated, logger };
}
const settle = () => new Promise((r) => setTimeout(r, 80));

describe('content watcher', () => {
  it('watches content/ and data/ but not the assistant working file', () => {
    expect(isContentPath(root, join(root, 'content/reports/a/report.json'))).toBe(true);
    expect(isContentPath(root, join(root, 'data/indicators.json'))).toBe(true);
    expect(isContentPath(root, join(root, 'content/reports/a/figures.suggested.csv'))).toBe(false);
    expect(isContentPath(root, join(root, 'src/pages/index.astro'))).toBe(false);
  });

  it('an edit regenerates the MDX, invalidates the cached site and reloads the page', async () => {
    const f = fakeServer();
    watchContent(f.server, f.logger, root, 10);
    expect(f.watcher.added).toEqual([`${root}/content`, `${root}/data`]);
    const before = getSite(root);
    const version = contentVersion();
    const reportJson = join(root, 'content/reports/bc-thu/report.json');
    writeFileSync(reportJson, readFileSync(reportJson, 'utf8').replace('Báo cáo thử quý III/2024', 'Tiêu đề đã sửa'));
    f.watcher.emit('all', 'change', reportJson);
    f.watcher.emit('all', 'change', reportJson); // a burst: one regeneration
    await settle();
    expect(contentVersion()).toBe(version + 1);
    expect(f.sent).toEqual([{ type: 'full-reload' }]);
    expect(f.invalidated()).toBe(1);
    expect(readFileSync(join(root, 'src/generated/reports/bc-thu.mdx'), 'utf8')).toContain('Tiêu đề đã sửa');
    const after = getSite(root);
    expect(after).not.toBe(before);
    expect(after.reportsById.get('bc-thu')!.meta.title).toBe('Tiêu đề đã sửa');
    expect(f.logs.at(-1)).toMatch(/^info Đã cập nhật theo content\/reports\/bc-thu\/report.json/);
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
