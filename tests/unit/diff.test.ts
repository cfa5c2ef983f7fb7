// The review diff: figures added/removed/changed, notes new/resolved, catalogue changes, safe Markdown;
// and the diff script's git side against a commit of a throwaway git repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffAgainst } from '../../scripts/diff.ts';
import { describe, expect, it } from 'vitest';
import { diffContent, diffMarkdown, escapeMarkdown, isEmptyDiff } from '../../src/pipeline/diff.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { csv, fixtureFiles, fixtureReader, GOOD } from '../fixtures/content.ts';

const v = (o: Record<string, string | null> = {}) => validateContent(loadContent(fixtureReader(o)));
const FIG = 'content/reports/bc-thu/figures.csv';

describe('diffContent', () => {
  it('is empty for identical content', () => {
    expect(isEmptyDiff(diffContent(v(), v()))).toBe(true);
    expect(diffMarkdown(diffContent(v(), v()), 'main')).toContain('Không có thay đổi');
  });

  it('lists added, removed and changed figures with the changed fields', () => {
    const rows = [...GOOD];
    rows[0] = { ...GOOD[0], period: '2024-01/2024-09' }; // period changed
    rows.splice(1, 1); // ho-so-truc-tuyen removed
    rows.push({ id: 'ty-le-kiem-tra', indicator: 'ty-le-kiem-tra', scope: 'tinh', period: '2024-Q3', value: '30.3', unit: '%', section: 'II.2', quote: 'tại 10/30 đơn vị¹ (tỷ lệ 30,3%)' }); // added
    const d = diffContent(v(), v({ [FIG]: csv(rows) }));
    const r = d.reports.find((x) => x.id === 'bc-thu')!;
    expect(r.added.map((f) => f.id)).toEqual(['ty-le-kiem-tra']);
    expect(r.removed.map((f) => f.id)).toEqual(['ho-so-truc-tuyen']);
    expect(r.changed.map((c) => [c.id, c.fields])).toEqual([['ho-so-tiep-nhan', ['period']]]);
    const md = diffMarkdown(d, 'origin/main');
    expect(md).toContain('quý III/2024');
    expect(md).toContain('9 tháng đầu năm 2024');
    expect(md).toContain('`ty-le-kiem-tra`');
  });

  it('reports data-quality notes that appear and disappear', () => {
    // 98,7% printed next to 61.430/62.233 is consistent; changing the count makes the rate disagree.
    const rows = GOOD.map((r) => (r.id === 'ho-so-da-giai-quyet' ? { ...r, value: '67628', quote: 'toàn tỉnh tiếp nhận 67.628 hồ sơ' } : r));
    const worse = v({ [FIG]: csv(rows) });
    const d = diffContent(v(), worse);
    expect(d.reports[0].notesAdded.length).toBeGreaterThan(0);
    expect(diffContent(worse, v()).reports[0].notesResolved).toEqual(d.reports[0].notesAdded);
  });

  it('lists new indicators and organizations, and content errors', () => {
    const files = fixtureFiles();
    const orgs = JSON.parse(files['data/organizations.json']);
    orgs.push({ id: 'tinh-quang-ngai', kind: 'province', name: 'UBND tỉnh Quảng Ngãi', shortName: 'Tỉnh Quảng Ngãi', nameEn: 'Quang Ngai' });
    const d = diffContent(v(), v({ 'data/organizations.json': JSON.stringify(orgs), [FIG]: csv([...GOOD, { id: 'x', indicator: 'khong-co', scope: 'tinh', period: '2024-Q3', value: '1', unit: 'hồ sơ', section: 'II', quote: 'quá ngắn mà dài hơn 8' }]) }));
    expect(d.organizations.added.map((o) => o.id)).toEqual(['tinh-quang-ngai']);
    expect(d.errorsAfter).toBeGreaterThan(0);
    expect(diffMarkdown(d, 'main')).toMatch(/lỗi nội dung[\s\S]*figures\.csv:7/);
  });
});

describe('escapeMarkdown', () => {
  it('keeps untrusted text from injecting HTML, tables, links or mentions', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)> | [a](javascript:x) @admin `x`\n# h');
    expect(out).not.toMatch(/<|\n/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('\\|');
    expect(out).toContain('\\[a\\]');
    expect(out).not.toContain('@admin');
    expect(out).toContain('\\`x\\`');
  });
});

describe('diffAgainst (npm run diff)', () => {
  it('compares the working tree with a git ref, in Markdown and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diff-'));
    try {
      const write = (files: Record<string, string>) => {
        for (const [p, t] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, p)), { recursive: true });
          writeFileSync(join(dir, p), t);
        }
      };
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
      write(fixtureFiles());
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'base');
      write({ [FIG]: csv(GOOD.slice(0, 4)) });
      const d = diffAgainst(dir, 'HEAD');
      expect(d.reports[0].removed.map((f) => f.id)).toEqual(['ty-le-dung-han']);
      expect(diffMarkdown(d, 'HEAD')).toContain('Bỏ 1 số liệu');
      expect(() => diffAgainst(dir, 'no-such-ref')).toThrow(/không phải commit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
