// The one figure table's view-model (src/view/figure-table.ts): hand-made cases for the notes and the report's implied period, invariants over whatever content exists for the rest.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import type { Report } from '../../src/core/schema.ts';
import { groupNotes, indicatorFigureTable, organizationFigureTables, reportFigureTable, reportFigureWhen, underItsTotal, yearRowDocument } from '../../src/view/figure-table.ts';
import { organizationsWithPages } from '../../src/view/indicator-page.ts';
import { periodLabel } from '../../src/core/period.ts';
import { urls } from '../../src/core/urls.ts';

describe('groupNotes', () => {
  it('prints each note once, numbered in order of first use, and links every row it concerns', () => {
    const rows = [{ notes: ['tổng lệch', 'riêng A'] }, { notes: ['tổng lệch'] }, { notes: [] }, { notes: ['tổng lệch', 'chung BC'] }, { notes: ['chung BC'] }];
    const { notes, refs } = groupNotes(rows, 'tthc');
    expect(notes).toEqual([
      { id: 'tthc-ghi-chu-1', n: 1, text: 'tổng lệch', rows: 3 },
      { id: 'tthc-ghi-chu-2', n: 2, text: 'riêng A', rows: 1 },
      { id: 'tthc-ghi-chu-3', n: 3, text: 'chung BC', rows: 2 },
    ]);
    expect(refs.map((r) => r.map((x) => x.n))).toEqual([[1, 2], [1], [], [1, 3], [3]]);
  });

  it('does not count a note twice when one row repeats it', () => {
    const { notes, refs } = groupNotes([{ notes: ['x', 'x'] }, { notes: ['y'] }], 'a');
    expect(notes.map((n) => [n.text, n.rows])).toEqual([['x', 1], ['y', 1]]);
    expect(refs[0]).toEqual([{ id: 'a-ghi-chu-1', n: 1 }]);
  });
});

describe('reportFigureWhen', () => {
  const report = { period: '2025-Q1' } as Report;
  it('names nothing for a flow actually measured in the report period (the page says it)', () => {
    expect(reportFigureWhen(report, { period: '2025-Q1', basis: 'flow', status: 'actual' })).toBeNull();
  });
  it('names basis and status within the report period, and the period in full otherwise', () => {
    expect(reportFigureWhen(report, { period: '2025-Q1', basis: 'stock', status: 'actual' })).toBe('tính đến kỳ báo cáo');
    // A cumulative amount says where it runs to, even within the report period.
    expect(reportFigureWhen(report, { period: '2025-Q1', basis: 'cumulative', status: 'estimate' })).toBe('ước, lũy kế quý I/2025');
    // A plan's 100% coverage is to be reached by the end of the period, not "as of the report".
    expect(reportFigureWhen(report, { period: '2025-Q1', basis: 'stock', status: 'target' })).toBe('kế hoạch, đến cuối kỳ');
    expect(reportFigureWhen(report, { period: '2025-Q1', basis: 'stock', status: 'planned' })).toBe('dự kiến, đến cuối kỳ');
    expect(reportFigureWhen(report, { period: '2024-Q3', basis: 'flow', status: 'actual' })).toContain('2024');
  });
});

describe('underItsTotal', () => {
  const f = (indicator: string, breakdown: string, period = '2024-Q3') => ({ indicator, breakdown, period, basis: 'stock' as const, status: 'actual' as const, scope: 'tinh' });
  it('is true for a part that follows its total, through other parts', () => {
    const rows = [f('tthc', ''), f('tthc', 'cap-tinh'), f('tthc', 'cap-huyen')];
    expect([0, 1, 2].map((i) => underItsTotal(rows, i))).toEqual([false, true, true]);
  });
  it('is false for sibling parts with no total above, or under a total of another period or indicator', () => {
    expect(underItsTotal([f('dm', 'giao-duc'), f('dm', 'viec-lam')], 1)).toBe(false);
    expect(underItsTotal([f('bc', '', '2023'), f('bc', 'cap-tinh', '2024')], 1)).toBe(false);
    expect(underItsTotal([f('a', ''), f('b', 'cap-tinh')], 1)).toBe(false);
  });
});

describe('figure tables over the real content', () => {
  const { site } = runPipeline(process.cwd());

  it('a report\'s area tables hold each of its figures once, anchored, with all its quality notes', () => {
    for (const r of site.content.reports) {
      const tables = site.content.areas.map((a) => reportFigureTable(site, r.meta.id, a.id));
      const rows = tables.flatMap((t) => t.rows);
      expect(rows.map((x) => x.figure.key).sort(), r.meta.id).toEqual(r.figures.map((f) => f.key).sort());
      expect(rows.map((x) => x.anchor)).toEqual(rows.map((x) => `so-lieu-${x.figure.id}`));
      for (const t of tables) {
        const noteText = new Map(t.notes.map((n) => [n.id, n.text]));
        for (const x of t.rows) {
          const shown = x.noteRefs.map((s) => noteText.get(s.id)!);
          expect(new Set(shown), x.figure.key).toEqual(new Set(site.qualityNotes.get(x.figure.key) ?? []));
        }
        // Each note once per table, counting the rows that link to it.
        expect(new Set(t.notes.map((n) => n.text)).size).toBe(t.notes.length);
        for (const n of t.notes) expect(n.rows).toBe(t.rows.filter((x) => x.noteRefs.some((s) => s.id === n.id)).length);
      }
      const noteIds = tables.flatMap((t) => t.notes.map((n) => n.id));
      expect(new Set(noteIds).size).toBe(noteIds.length);
    }
  });

  it('a short label only follows a row of the same indicator, and never hides the full label', () => {
    for (const r of site.content.reports)
      for (const a of site.content.areas) {
        const { rows } = reportFigureTable(site, r.meta.id, a.id);
        rows.forEach((x, i) => {
          if (!x.shortLabel) return expect(x.partOfAbove).toBe(false);
          expect(rows[i - 1].figure.indicator).toBe(x.figure.indicator);
          expect(x.label.length).toBeGreaterThan(0);
          // A total (no breakdown) right after a part of its indicator is named as the total.
          if (!x.figure.breakdown && rows[i - 1].figure.breakdown) expect(x.shortLabel).toMatch(/^Tổng/);
          // "↳ part" only under its own total: not after a sibling part, nor for the total after its parts
          // or another period of one count, which read as "Như trên — …".
          expect(x.partOfAbove, x.figure.key).toBe(underItsTotal(rows.map((y) => y.figure), i));
          if (!x.figure.breakdown) expect(x.partOfAbove).toBe(false);
        });
      }
  });

  it('an indicator table lists every figure of the indicator, each with its document and section', () => {
    for (const ind of site.content.indicators.slice(0, 40)) {
      const t = indicatorFigureTable(site, ind.id);
      expect(t.rows.map((x) => x.figure.key).sort()).toEqual(site.figures.filter((f) => f.indicator === ind.id).map((f) => f.key).sort());
      for (const x of t.rows) expect(x.report?.section).toBe(x.figure.section);
      expect(t.columns.map((c) => c.key)).toContain('source');
    }
  });

  it('a year-page table (no sources) names each row\'s document by kind, period and issuer, linking the figure', () => {
    for (const ind of site.content.indicators.slice(0, 40)) {
      const t = indicatorFigureTable(site, ind.id, undefined, undefined, false);
      expect(t.columns.map((c) => c.key)).not.toContain('source');
      for (const x of t.rows) {
        const report = site.reportsById.get(x.figure.reportId)!.meta;
        expect(x.report?.title).toBe(yearRowDocument(site, report));
        expect(x.report?.title).toContain(periodLabel(report.period));
        expect(x.report?.title).toContain(site.organizationsById.get(report.issuer)!.shortName);
        expect(x.report?.href).toBe(urls.figure(report.id, x.figure.id));
      }
    }
  });

  it('an organization table has one row per indicator and breakdown, counting every figure about it', () => {
    for (const id of organizationsWithPages(site)) {
      const groups = organizationFigureTables(site, id);
      const total = groups.reduce((n, g) => n + g.count, 0);
      expect(total, id).toBe(site.figures.filter((f) => f.scope === id).length);
      for (const g of groups) for (const x of g.table.rows) expect(x.figure.scope).toBe(id);
    }
  });
});
