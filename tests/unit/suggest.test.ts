// The extraction assistant on small texts: numbers, sections, period/basis/status, scope,
// rows already curated, safe CSV; plus an invariant over whatever real content exists.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { numbersIn, periodFor, sentences, statusFor, suggestFigures, suggestionsCsv, scoreSuggestions, SUGGESTION_COLUMNS } from '../../src/pipeline/suggest.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { fixtureReader } from '../fixtures/content.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

const q3 = { id: 'bc-moi', kind: 'quarterly-report' as const, scope: 'tinh', period: '2024-Q3' };
const { content } = validateContent(loadContent(fixtureReader()));

describe('numbersIn', () => {
  it('reads Vietnamese quantities and skips dates, years and document numbers', () => {
    const s = 'Theo Công văn số 2485/UBND-NC ngày 15 tháng 7 năm 2024 và Quyết định 61/2018/NĐ-CP (15/7/2024), tiếp nhận 67.628 hồ sơ, đạt 98,7%, 17.672/19.632 hồ sơ, 02 lớp, 1.279.096 triệu đồng, tỷ lệ 99.28%.';
    const got = numbersIn(s).map((n) => [n.value, n.denominator, n.percent]);
    expect(got).toEqual([
      [67628, null, false],
      [98.7, null, true],
      [17672, 19632, false],
      [2, null, false],
      [1279096, null, false],
      [99.28, null, true],
    ]);
  });
});

describe('sentences', () => {
  it('tracks the section path and footnotes', () => {
    const text = 'II. KẾT QUẢ\n\n1. Cải cách thể chế\n\na) Văn bản\n\nBan hành 28 văn bản. Thẩm định 29 dự thảo.\n\n¹ Gồm 03 đơn vị.\n';
    const got = sentences(text).filter((s) => /\d/.test(s.text)).map((s) => [s.section, s.text]);
    expect(got).toEqual([
      ['II.1.a', 'Ban hành 28 văn bản.'],
      ['II.1.a', 'Thẩm định 29 dự thảo.'],
      ['chú thích 1', '¹ Gồm 03 đơn vị.'],
    ]);
  });
});

describe('period, basis and status', () => {
  it('follows docs/figure-model.md', () => {
    expect(periodFor('Lũy kế 9 tháng đầu năm 2024, giải ngân', q3, null)).toMatchObject({ period: '2024-01/2024-09', basis: 'cumulative' });
    expect(periodFor('Tính đến ngày 14/3/2025, có', { ...q3, period: '2025-Q1' }, null)).toMatchObject({ period: '2025-03-14', basis: 'stock' });
    expect(periodFor('Đến nay, hiện có', q3, null)).toMatchObject({ period: '2024-Q3', basis: 'stock' });
    expect(periodFor('Trong quý, tiếp nhận', q3, null)).toMatchObject({ period: '2024-Q3', basis: 'flow' });
    expect(periodFor('Năm học 2023-2024 có', q3, null)).toMatchObject({ period: '2023-09/2024-08' });
    expect(periodFor('kết quả năm 2023 đạt', q3, null)).toMatchObject({ period: '2023' });
    expect(statusFor('Ước giải ngân 1.279.096 triệu đồng', q3).status).toBe('estimate');
    expect(statusFor('dự kiến tổ chức 3 lớp', q3).status).toBe('planned');
    expect(statusFor('Phấn đấu 100% hồ sơ', q3).status).toBe('target');
    expect(statusFor('Đã tổ chức 3 lớp', q3).status).toBe('actual');
    expect(statusFor('Tổ chức 3 lớp', { ...q3, kind: 'annual-plan' }).status).toBe('target');
  });
});

describe('suggestFigures', () => {
  const source = 'II. KẾT QUẢ\n\n2. Thủ tục\n\nTrong quý III năm 2024, toàn tỉnh tiếp nhận 70.001 hồ sơ; kiểm tra tại 12/30 đơn vị. Huyện Đăk Hà tiếp nhận 1.234 hồ sơ.\n';
  const organizations = [...content.organizations, { id: 'huyen-dak-ha', kind: 'district' as const, name: 'UBND huyện Đăk Hà', shortName: 'Huyện Đăk Hà', nameEn: 'Dak Ha', parent: 'tinh' }];
  const memory = content.reports.flatMap((r) => r.figures.map((f) => ({ indicator: f.indicator, value: f.value, quote: f.quote })));
  const rows = suggestFigures({ report: q3, sourceText: source, indicators: content.indicators, organizations, memory, existing: [{ id: 'da-co', value: 12, quote: 'kiểm tra tại 12/30 đơn vị' }] });

  it('proposes one candidate per quantity with its sentence as quote and an indicator from the wording', () => {
    expect(rows.map((r) => [r.value, r.denominator, r.unit, r.section])).toEqual([
      [70001, null, 'hồ sơ', 'II.2'],
      [12, 30, 'đơn vị', 'II.2'],
      [1234, null, 'hồ sơ', 'II.2'],
    ]);
    expect(rows[0].indicator).toBe('ho-so-tiep-nhan');
    expect(rows[0]).toMatchObject({ period: '2024-Q3', basis: 'flow', status: 'actual', scope: 'tinh' });
    expect(rows[0].quote).toBe('Trong quý III năm 2024, toàn tỉnh tiếp nhận 70.001 hồ sơ; kiểm tra tại 12/30 đơn vị.');
    expect(rows[0].reason).toMatch(/chỉ số/);
    expect(rows[2].scope).toBe('huyen-dak-ha');
  });

  it('never ends an id cut to 70 characters on a "-" (the cut used to leave "…-xxx-")', () => {
    // "ho-so-tiep-nhan-" + this id puts a "-" at character 70 exactly.
    const long = `huyen-dak-ha-${'x'.repeat(40)}-ben-song`;
    const orgs = [...content.organizations, { ...organizations.at(-1)!, id: long }];
    const cut = suggestFigures({ report: q3, sourceText: source, indicators: content.indicators, organizations: orgs, memory, existing: [] });
    const row = cut.find((r) => r.scope === long)!;
    expect(`ho-so-tiep-nhan-${long}`.slice(0, 70).endsWith('-')).toBe(true);
    expect(row.id).toBe(`ho-so-tiep-nhan-${long}`.slice(0, 69));
    for (const r of cut) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('marks the rows figures.csv already has', () => {
    expect(rows.map((r) => r.existing)).toEqual(['', 'da-co', '']);
    expect(rows[1].id).toBe('da-co');
  });

  it('writes CSV with the figure columns plus confidence, reason, existing, and neutralises formulas', () => {
    const csv = suggestionsCsv([{ ...rows[0], note: '=HYPERLINK("x")' }]);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...SUGGESTION_COLUMNS]);
    expect(parsed.data[0].value).toBe('70001');
    expect(parsed.data[0].note).toBe(`'=HYPERLINK("x")`);
    expect(parsed.data[0].quote).toBe(rows[0].quote);
  });

  it('scores recall by value and quote place, and indicator accuracy', () => {
    const at = source.indexOf('toàn tỉnh');
    const score = scoreSuggestions(rows, [
      { indicator: 'ho-so-tiep-nhan', value: 70001, quote: 'x', location: { start: at, end: at + 30 } },
      { indicator: 'ho-so-tiep-nhan', value: 99, quote: 'x', location: { start: at, end: at + 30 } },
    ]);
    expect(score).toMatchObject({ figures: 2, proposed: 1, indicatorRight: 1 });
  });
});

describe('real content (invariant)', () => {
  it('every curated value can be read back from its quote by the assistant', () => {
    const { site } = runPipeline(process.cwd());
    const unread = site.figures.filter((f) => !numbersIn(f.quote).some((n) => n.value === f.value || n.denominator === f.value));
    // Values printed as dates, years or words are the curator's job; they stay rare.
    expect(unread.length / Math.max(1, site.figures.length)).toBeLessThan(0.05);
  });
});
