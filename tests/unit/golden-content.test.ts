// ============================ GOLDEN TEST OF TODAY'S CONTENT ============================
// The one place where specific published numbers are asserted. Adding a report never breaks
// it; changing a published report does, so a reviewer sees that a published number changed.
// To update after an intended change (a corrected figure, a new note, a new report to protect):
//   UPDATE_GOLDEN=1 npx vitest run tests/unit/golden-content.test.ts
// then review `git diff tests/golden/content.json` and commit it with the content change.
// (Documented in CONTRIBUTING.md and printed by `npm run new-report`.)
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { goldenMismatches, readGolden, writeGolden } from '../fixtures/golden.ts';
import { changeSummary, headlineCards, targetGroups } from '../../src/view/dashboard.ts';

const { site, issues } = runPipeline(process.cwd());
if (process.env.UPDATE_GOLDEN === '1') writeGolden(site);
const value = (key: string) => site.figuresByKey.get(key)?.value;

describe('GOLDEN: published reports are unchanged (tests/golden/content.json)', () => {
  it('covers at least one report', () => {
    expect(Object.keys(readGolden()).length).toBeGreaterThan(0);
  });

  it('every figure and data-quality note of the golden reports is as recorded', () => {
    expect(goldenMismatches(site)).toEqual([]);
  });

  it('catches a changed published value (so the check above can fail)', () => {
    const [id, g] = Object.entries(readGolden())[0];
    const changed = { ...readGolden(), [id]: { ...g, figures: [...g.figures.slice(1), `${g.figures[0]}0`] } };
    expect(goldenMismatches(site, changed).length).toBeGreaterThan(0);
  });
});

describe('GOLDEN: hand-checked values of today\'s sources', () => {
  it('Q3 2024 dossier figures exactly as printed', () => {
    expect(value('kon-tum-2024-q3/ho-so-tiep-nhan')).toBe(67628);
    expect(value('kon-tum-2024-q3/ho-so-truc-tuyen')).toBe(23848);
    expect(value('kon-tum-2024-q3/ty-le-ho-so-truc-tuyen')).toBe(35.26);
    expect(site.reportsById.get('kon-tum-bcd-517-2023')!.figures.filter((f) => f.period === '2021' && f.unit === 'hạng').length).toBeGreaterThanOrEqual(7);
  });

  it('the real inconsistencies of the sources are surfaced as warnings', () => {
    const messages = issues.filter((i) => i.level === 'warning').map((i) => i.message);
    expect(messages.some((m) => m.includes('67.628') && m.includes('67.691'))).toBe(true); // Q3 2024 dossiers
    expect(messages.some((m) => m.includes('1.755') && m.includes('1.753'))).toBe(true); // Q3 2024 procedures
    expect(messages.some((m) => m.includes('30,3%') && m.includes('10/30'))).toBe(true); // Q3 2024 inspections
    expect(messages.some((m) => m.includes('1.783') && m.includes('1.767'))).toBe(true); // Q1 2025 procedures
    expect(messages).toContain('Tỷ lệ giải ngân vốn đầu tư công: báo cáo in 22,5% nhưng 221.110/1.003.050 = 22,04%.'); // Q3 2024, II.5.b
    expect(messages.some((m) => m.includes('51.409') && m.includes('51.408'))).toBe(true); // Tu Mơ Rông disbursement parts
    expect(messages.some((m) => m.includes('246.429') && m.includes('46.429'))).toBe(true); // Tu Mơ Rông MTQG: a likely typo
    expect(messages.some((m) => m.includes('47') && m.includes('46 (5 + 6 + 6 + 5 + 6 + 3 + 3 + 6 + 2 + 3 + 1)'))).toBe(true); // Q1 2025 footnote 54
  });

  it('the two provincial quarterly reports share indicator ids (their points are in one series)', () => {
    const online = site.series.find((s) => s.indicator === 'ty-le-ho-so-truc-tuyen' && s.scope === 'tinh-kon-tum' && s.breakdown === null)!;
    const keys = online.points.map((p) => p.figure.key);
    expect(keys).toEqual(expect.arrayContaining(['kon-tum-2024-q3/ty-le-ho-so-truc-tuyen', 'kon-tum-2025-q1/ty-le-ho-so-truc-tuyen']));
  });

  it('period changes of the 2025 Q1 headline figures against Q3 2024 (with no Q4 2024 report in between)', () => {
    const fig = (key: string) => site.figuresByKey.get(key)!;
    expect(value('kon-tum-2025-q1/ty-le-ho-so-truc-tuyen')).toBe(31.04);
    expect(changeSummary(site, fig('kon-tum-2025-q1/ty-le-ho-so-truc-tuyen'))).toMatchObject({ cls: 'down', text: '-4,22 điểm % so với quý III/2024 (không có số liệu quý IV/2024)', detail: 'quý III/2024: 35,26%.' });
    const dvc = site.content.reports.find((r) => r.meta.id === 'kon-tum-2025-q1')!.figures.find((f) => f.indicator === 'dvc-truc-tuyen-toan-trinh' && f.scope === 'tinh-kon-tum' && f.breakdown === null)!;
    expect(changeSummary(site, dvc)).toMatchObject({ cls: 'up', text: '+109 so với quý III/2024 (không có số liệu quý IV/2024)', detail: 'quý III/2024: 990 dịch vụ (+11,0%).' });
  });

  it('Tu Mơ Rông has no total number of procedures, so its breakdowns are shown', () => {
    const tmr = headlineCards(site).find((g) => g.scope === 'huyen-tu-mo-rong')!;
    const tthc = tmr.cards.filter((c) => c.indicator.id === 'tthc-tong-so' && c.figure.reportId === 'tu-mo-rong-2023-h1');
    expect(tthc.map((c) => [c.breakdown, c.figure.value])).toEqual([
      ['cap-huyen', 262],
      ['cap-xa', 120],
    ]);
  });

  it('the 2024 plan states its targets with honest comparator wording', () => {
    const plan = targetGroups(site).find((g) => g.plan.id === 'kon-tum-ke-hoach-2024')!;
    expect(plan.isPlan).toBe(true);
    const text = (id: string) => plan.rows.find((r) => r.target.id === id)?.targetText;
    expect(text('muc-do-hai-long')).toBe('tối thiểu 90%');
    expect(text('khong-cung-cap-lai-giay-to')).toBe('trên 50%');
    expect(text('ung-dung-chu-ky-so')).toBe('100%');
  });
});
