// The review diff: figures added/removed/changed, notes new/resolved, catalogue changes, safe Markdown;
// and the diff script's git side against a commit of a throwaway git repository.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffAgainst } from '../../scripts/diff.ts';
import { describe, expect, it } from 'vitest';
import { diffContent, diffMarkdown, escapeMarkdown, isEmptyDiff, quoteExcerpt } from '../../src/pipeline/diff.ts';
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

describe('what a reviewer reads for a new report', () => {
  // A second report (quý IV/2024) with one figure of quý III (the point bc-thu already has), one
  // of quý IV in an existing series, and one starting a new series.
  const R2 = 'content/reports/bc-moi';
  const source = 'Trong quý III năm 2024, toàn tỉnh tiếp nhận 67.628 hồ sơ. Trong quý IV năm 2024, toàn tỉnh tiếp nhận 70.100 hồ sơ; kiểm tra tại 12/30 đơn vị.\n';
  const row = { scope: 'tinh', unit: 'hồ sơ', section: 'I' };
  const files = {
    [`${R2}/report.json`]: JSON.stringify({ id: 'bc-moi', kind: 'quarterly-report', title: 'Báo cáo quý IV/2024', issuer: 'tinh', scope: 'tinh', period: '2024-Q4', documentNumber: null, date: null, sourceFile: 'source.txt', summary: 'Báo cáo thử.' }),
    [`${R2}/source.txt`]: source,
    [`${R2}/figures.csv`]: csv([
      { ...row, id: 'q3', indicator: 'ho-so-tiep-nhan', period: '2024-Q3', value: '67628', quote: 'Trong quý III năm 2024, toàn tỉnh tiếp nhận 67.628 hồ sơ.' },
      { ...row, id: 'q4', indicator: 'ho-so-tiep-nhan', period: '2024-Q4', value: '70100', quote: 'Trong quý IV năm 2024, toàn tỉnh tiếp nhận 70.100 hồ sơ' },
      { ...row, id: 'kiem-tra', indicator: 'don-vi-kiem-tra', period: '2024-Q4', value: '12', denominator: '30', unit: 'đơn vị', quote: 'kiểm tra tại 12/30 đơn vị' },
    ]),
    [`${R2}/narrative/thu-tuc-hanh-chinh.md`]: 'Toàn tỉnh tiếp nhận 70.100 hồ sơ, trong đó 999 hồ sơ trực tuyến.\n',
  };
  const d = diffContent(v(), v(files));
  const r = d.reports.find((x) => x.id === 'bc-moi')!;
  const md = diffMarkdown(d, 'main');

  it.each([
    ['q3', [/nằm ngoài kỳ báo cáo \(quý IV\/2024\)/, /cùng điểm chuỗi với bc-thu\/ho-so-tiep-nhan \(cùng giá trị\)/]],
    ['q4', [/điểm trước trong chuỗi: 67\.628 hồ sơ \(quý III\/2024, bc-(thu\/ho-so-tiep-nhan|moi\/q3)\)/]],
    ['kiem-tra', [/điểm đầu tiên của chuỗi/]],
  ] as [string, RegExp[]][])('flags how %s compares', (id, flags) => {
    for (const f of flags) expect(r.comparability[id]?.join('; ')).toMatch(f);
    if (id !== 'q3') expect(r.comparability[id].join('; ')).not.toMatch(/ngoài kỳ báo cáo/);
  });

  it('names indicators, scopes and what the period covers in words, with the ids', () => {
    expect(md).toContain('| id | chỉ số | chủ thể · phân tổ | kỳ | giá trị | trích dẫn |');
    expect(md).toMatch(/\| `q4` \| Hồ sơ tiếp nhận `ho-so-tiep-nhan` \| Tỉnh `tinh` \| quý IV\/2024 \| \*\*70\.100 hồ sơ\*\* \|/);
  });

  it('keeps editor warnings apart from the data-quality notes pages show', () => {
    expect(r.warningsAdded).toEqual(['Số "999" trong phần tóm tắt không có trong văn bản nguồn.']);
    expect(r.notesAdded.join()).not.toContain('999');
    expect(md).toMatch(/Cảnh báo mới cho người biên tập[^\n]*\n\n- ⚠️ Số "999"/);
  });
});

describe('quoteExcerpt', () => {
  const long = `${'chữ '.repeat(60)}đạt 1.234 hồ sơ ${'đuôi '.repeat(60)}`;
  it.each([
    ['short quote unchanged', 'tiếp nhận 67.628 hồ sơ', 67628, 'tiếp nhận 67.628 hồ sơ'],
    ['long quote cut around the value', long, 1234, /^….*đạt 1\.234 hồ sơ.*…$/],
    ['value at the start', `1.234 hồ sơ ${'đuôi '.repeat(60)}`, 1234, /^1\.234 hồ sơ.*…$/],
    ['value at the end', `${'chữ '.repeat(60)}tổng 1.234`, 1234, /^….*tổng 1\.234$/],
  ] as [string, string, number, string | RegExp][])('%s', (_name, quote, value, expected) => {
    const out = quoteExcerpt(quote, value);
    if (typeof expected === 'string') expect(out).toBe(expected);
    else expect(out).toMatch(expected);
    expect(out.replace(/…/g, '').length).toBeLessThanOrEqual(160);
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
