// The real curated content: valid, every quote in its source, known inconsistencies surfaced.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { normalizeForQuote } from '../../src/core/text.ts';
import { statesAbsence, textMentionsValue } from '../../src/core/vn-number.ts';

const { site, issues } = runPipeline(process.cwd());

describe('real content', () => {
  it('has no validation errors', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('has the five source documents with enough figures each', () => {
    const count = (id: string) => site.reportsById.get(id)?.figures.length ?? 0;
    expect(count('kon-tum-2024-q3')).toBeGreaterThanOrEqual(60);
    expect(count('kon-tum-2025-q1')).toBeGreaterThanOrEqual(60);
    expect(count('tu-mo-rong-2023-h1')).toBeGreaterThanOrEqual(25);
    expect(count('kon-tum-ke-hoach-2024')).toBeGreaterThan(0);
    expect(site.reportsById.get('kon-tum-bcd-517-2023')!.figures.filter((f) => f.period === '2021' && f.unit === 'hạng').length).toBeGreaterThanOrEqual(7);
  });

  it('every figure quote is located in its source.txt and contains its value', () => {
    for (const f of site.figures) {
      const source = site.reportsById.get(f.reportId)!.sourceText;
      const located = normalizeForQuote(source.slice(f.location.start, f.location.end));
      expect(located, f.key).toBe(normalizeForQuote(f.quote));
      // An explicit zero is printed in words ("chưa phát hiện", "Không.").
      expect(textMentionsValue(f.quote, f.value) || (f.value === 0 && statesAbsence(f.quote)), f.key).toBe(true);
    }
  });

  it('keeps the headline Q3 2024 dossier figures exactly as printed', () => {
    const q3 = site.reportsById.get('kon-tum-2024-q3')!.figures;
    const value = (indicator: string) => q3.find((f) => f.indicator === indicator && f.breakdown === null && f.scope === 'tinh-kon-tum')?.value;
    expect(value('ho-so-tiep-nhan')).toBe(67628);
    expect(value('ho-so-truc-tuyen')).toBe(23848);
    expect(value('ty-le-ho-so-truc-tuyen')).toBe(35.26);
    expect(value('ty-le-ho-so-dung-han')).toBe(98.7);
  });

  it('surfaces the real inconsistencies of the sources as warnings', () => {
    const messages = issues.filter((i) => i.level === 'warning').map((i) => i.message);
    expect(messages.some((m) => m.includes('67.628') && m.includes('67.691'))).toBe(true); // Q3 2024 dossiers
    expect(messages.some((m) => m.includes('1.755') && m.includes('1.753'))).toBe(true); // Q3 2024 procedures
    expect(messages.some((m) => m.includes('30,3%') && m.includes('10/30'))).toBe(true); // Q3 2024 inspections
    expect(messages.some((m) => m.includes('1.783') && m.includes('1.767'))).toBe(true); // Q1 2025 procedures
    // Declared in checks.csv: relations the indicator catalogue cannot derive.
    expect(messages).toContain('Tỷ lệ giải ngân vốn đầu tư công: báo cáo in 22,5% nhưng 221.110/1.003.050 = 22,04%.'); // Q3 2024, II.5.b
    expect(messages.some((m) => m.includes('51.409') && m.includes('51.408'))).toBe(true); // Tu Mơ Rông disbursement parts
    expect(messages.some((m) => m.includes('246.429') && m.includes('46.429'))).toBe(true); // Tu Mơ Rông MTQG: a likely typo
    expect(messages.some((m) => m.includes('47') && m.includes('46 (5 + 6 + 6 + 5 + 6 + 3 + 3 + 6 + 2 + 3 + 1)'))).toBe(true); // Q1 2025 footnote 54
  });

  it('uses the same indicator ids across the two quarterly reports (series line up)', () => {
    const online = site.series.find((s) => s.indicator === 'ty-le-ho-so-truc-tuyen' && s.scope === 'tinh-kon-tum' && s.breakdown === null)!;
    expect(online.points.map((p) => p.figure.period)).toEqual(['2024-Q3', '2025-Q1']);
  });
});
