// What an edit re-indexes: each Pagefind bundle is cached by its documents (scripts/search-index.ts), so an edit of
// one report must change the documents of the one bundle holding its year (the main bundle for the newest year),
// never another year's. And the page memo that lets a build key a bundle without re-extracting every unchanged page
// gives the same keys.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { packDir, PageMemo, pageForIndex, planBundles, writeBundle, type BundleCache } from '../../scripts/search-index.ts';
import { loadContent, memoryReader } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite, type Site } from '../../src/pipeline/derive.ts';
import { classifyPage, reportYear, searchYears } from '../../src/publish/search-records.ts';

function tree(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((p) => [relative('.', p), readFileSync(p, 'utf8')]));
}

const files = { ...tree('content/reports'), ...tree('data') };

function siteOf(f: Record<string, string>): Site {
  const { content, issues } = validateContent(loadContent(memoryReader(f)));
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length) throw new Error(`content invalid: ${errors.map((e) => e.message).join('; ')}`);
  return deriveSite(content, issues);
}

/** The same content with the note of one figure of `reportId` changed (what a curator's note edit does). */
function withNoteEdited(reportId: string): Record<string, string> {
  const path = `content/reports/${reportId}/figures.csv`;
  const parsed = Papa.parse<Record<string, string>>(files[path], { header: true, skipEmptyLines: true });
  const rows = parsed.data.map((r, i) => (i === 0 ? { ...r, note: `${r.note ?? ''} (ghi chú đã sửa)`.trim() } : r));
  return { ...files, [path]: `${Papa.unparse(rows, { columns: parsed.meta.fields, newline: '\n' })}\n` };
}

const made: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Each bundle's grouped documents (URL and indexed HTML), by folder. */
function groupsByBundle(site: Site, dist: string): Map<string, string[]> {
  return new Map(planBundles(site, dist).map((b) => [b.dir, b.groups().map((g) => `${g.url}\n${g.html}`)]));
}

describe('an edit of one report changes only the search bundle of its year', () => {
  const site = siteOf(files);
  const pages = temp('cchc-split-pages-');
  const before = groupsByBundle(site, pages);
  const years = searchYears(site);

  it('the newest year is in the main bundle, each older year in its own', () => {
    expect(years.length).toBeGreaterThan(1);
    expect([...before.keys()]).toEqual(['pagefind', ...years.slice(1).map((y) => `pagefind/nam/${y}`)]);
  });

  // One report of the newest year and one of an older year (whatever today's content holds).
  const newestReport = site.content.reports.find((r) => reportYear(r) === years[0])!;
  const olderReport = site.content.reports.find((r) => reportYear(r) === years.at(-1))!;
  it.each([
    ['the newest year', newestReport.meta.id, 'pagefind'],
    ['an older year', olderReport.meta.id, `pagefind/nam/${reportYear(olderReport)}`],
  ])('a note edited in a report of %s changes that bundle and no other', (_what, reportId, dir) => {
    const after = groupsByBundle(siteOf(withNoteEdited(reportId)), pages);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((d) => JSON.stringify(after.get(d)) !== JSON.stringify(before.get(d)));
    expect(changed).toEqual([dir]);
  });
});

describe('page memo (pages keyed by their bytes)', () => {
  const site = siteOf(files);
  const dist = temp('cchc-memo-dist-');
  const indicator = site.content.indicators[0];
  const url = `/chi-so/${indicator.id}/`;
  const file = join(dist, 'chi-so', indicator.id, 'index.html');
  mkdirSync(join(file, '..'), { recursive: true });
  const write = (h1: string) => writeFileSync(file, `<!doctype html><html lang="vi"><body><header>Đầu trang</header><main><h1>${h1}</h1><p>Định nghĩa</p></main></body></html>`);
  const page = () => ({ url, file, info: classifyPage(site, url)! });
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const memoPath = join(temp('cchc-memo-'), 'memo.json');

  it('gives the hash of the indexed document; an unchanged page is a hit after a save and reload, a changed one a miss', () => {
    write('Tỷ lệ hồ sơ');
    const first = new PageMemo(memoPath, 'code-1');
    const h = first.docHash(page());
    expect(h).toBe(sha(pageForIndex(readFileSync(file, 'utf8'), page().info)!.html));
    expect([first.hits, first.misses]).toEqual([0, 1]);
    first.save();

    const second = new PageMemo(memoPath, 'code-1');
    expect(second.docHash(page())).toBe(h);
    expect([second.hits, second.misses]).toEqual([1, 0]);

    write('Tỷ lệ hồ sơ đúng hạn');
    const changed = second.docHash(page());
    expect(changed).not.toBe(h);
    expect(changed).toBe(sha(pageForIndex(readFileSync(file, 'utf8'), page().info)!.html));
    expect(second.misses).toBe(1);
  });

  it('forgets everything when the extraction code changed, and reads a damaged memo as empty', () => {
    write('Tỷ lệ hồ sơ');
    const a = new PageMemo(memoPath, 'code-1');
    a.docHash(page());
    a.save();
    const b = new PageMemo(memoPath, 'code-2');
    b.docHash(page());
    expect([b.hits, b.misses]).toEqual([0, 1]);
    writeFileSync(memoPath, '{"code":"code-1","pages":[[');
    const c = new PageMemo(memoPath, 'code-1');
    c.docHash(page());
    expect([c.hits, c.misses]).toEqual([0, 1]);
  });

  it('a page without <main> gives no document, memo or not', () => {
    writeFileSync(file, '<!doctype html><html><body><p>trống</p></body></html>');
    expect(new PageMemo(null, 'code-1').docHash(page())).toBe('');
  });

  it('a bundle’s cache key is the same with the memo as without it (a memo never turns a changed page into a hit)', async () => {
    write('Tỷ lệ hồ sơ');
    const main = planBundles(site, dist)[0];
    const empty = temp('cchc-memo-empty-');
    const keyOf = async (memo?: PageMemo) => {
      let docs: string[] = [];
      // A hit with an empty blob: only the key is looked at, Pagefind never runs.
      const cache: BundleCache = async (input) => {
        docs = [input.dir, JSON.stringify(input.settings), ...input.docs()];
        return packDir(empty);
      };
      const out = temp('cchc-memo-out-');
      mkdirSync(join(out, main.dir), { recursive: true });
      const stats = await writeBundle(main, out, undefined, cache, memo);
      return { docs, stats };
    };
    const plain = await keyOf();
    const memo = new PageMemo(join(temp('cchc-memo-'), 'memo.json'), 'code-1');
    expect(await keyOf(memo)).toEqual(plain);
    expect(await keyOf(memo)).toEqual(plain); // the second time from the memo
    expect(memo.hits).toBeGreaterThan(0);
    expect(plain.stats.pages).toBe(1);
    write('Tỷ lệ hồ sơ đúng hạn');
    const edited = await keyOf(memo);
    expect(edited.docs).not.toEqual(plain.docs);
    expect(edited).toEqual(await keyOf());
  });
});
