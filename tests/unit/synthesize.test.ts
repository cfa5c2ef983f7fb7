// The scale benchmark's generator makes content the validator accepts, with the
// requested number of distinct reports and no change to what figures quote.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryReader, loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { parseCsv, SCOPES_EVERY, shiftYears, synthesize, toCsv } from '../../scripts/scale/synthesize.ts';
import { PERIOD_YEARS } from '../../src/core/period.ts';

function tree(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((p) => [relative('.', p), readFileSync(p, 'utf8')]));
}
const real = { ...tree('content/reports'), ...tree('data') };
const realReports = new Set(Object.keys(real).filter((p) => p.endsWith('/report.json'))).size;

describe('shiftYears', () => {
  it.each([
    ['2024-Q3', 1, '2023-Q3'],
    ['2024-01/2024-09', 2, '2022-01/2022-09'],
    ['2025-01-01/2025-03-14', 10, '2015-01-01/2015-03-14'],
    ['2024-02-29', 1, '2023-02-28'],
    ['2024-02-29', 4, '2020-02-29'],
    ['2023-09/2024-08', 0, '2023-09/2024-08'],
  ])('%s − %i years = %s', (period, years, expected) => {
    expect(shiftYears(period, years)).toBe(expected);
  });
});

describe('CSV round trip', () => {
  it('keeps quotes, commas and line breaks in cells', () => {
    const rows = [['id', 'quote'], ['a', 'x, "y"\nz']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('synthesize', () => {
  it.each([[1], [realReports + 3], [realReports * 2 + 1]])('%i reports are valid content with unique ids', (n) => {
    const files = synthesize(real, n);
    const reports = Object.keys(files).filter((p) => p.endsWith('/report.json'));
    expect(reports).toHaveLength(n);
    const { content, issues } = validateContent(loadContent(memoryReader(files)));
    expect(issues.filter((i) => i.level === 'error').map((i) => `${i.file}:${i.line} ${i.message}`)).toEqual([]);
    expect(new Set(content.reports.map((r) => r.meta.id)).size).toBe(n);
  });

  it('copies shifted furthest back keep four-digit years the validator accepts (PERIOD_YEARS), in periods and dates', () => {
    // Copies 0..SCOPES_EVERY-1 of a scope shift furthest back (fewer when the years would leave PERIOD_YEARS);
    // 1,000 synthetic reports failed validation with years such as 1879 once the validator bounded years.
    const files = synthesize(real, realReports * SCOPES_EVERY);
    for (const [path, text] of Object.entries(files).filter(([p]) => p.endsWith('/report.json'))) {
      const meta = JSON.parse(text) as { period: string; date?: string | null };
      expect(meta.period, path).toMatch(/^\d{4}(?!\d)/);
      if (meta.date) expect(meta.date, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const y of `${meta.period} ${meta.date ?? ''}`.match(/\b\d{4}\b/g) ?? []) expect(Number(y), `${path}: ${y}`).toBeGreaterThanOrEqual(PERIOD_YEARS.min);
    }
    for (const [path, text] of Object.entries(files).filter(([p]) => p.endsWith('/figures.csv'))) {
      const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1);
      const col = header.indexOf('period');
      for (const r of rows) for (const y of r[col].match(/\b\d{4}\b/g) ?? []) expect(Number(y), `${path}: ${r[col]}`).toBeGreaterThanOrEqual(PERIOD_YEARS.min);
    }
  });

  it('past the scope-variant threshold, copies report about a new organization', () => {
    const files = synthesize(real, realReports * 26);
    const orgs = JSON.parse(files['data/organizations.json']) as { id: string }[];
    expect(orgs.some((o) => o.id.endsWith('-v1'))).toBe(true);
  });
});
