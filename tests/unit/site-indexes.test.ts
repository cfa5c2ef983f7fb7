// The derived site's per-indicator indexes (pages look up instead of scanning the archive) must hold exactly
// what a scan would find, in the same order; groupBy is the one grouping they are built with.
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/group.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

describe('groupBy', () => {
  it.each([
    ['empty', [], {}],
    ['keys in first-seen order, items in input order', ['b1', 'a1', 'b2', 'a2', 'c1'], { b: ['b1', 'b2'], a: ['a1', 'a2'], c: ['c1'] }],
    ['one group', ['x1', 'x2'], { x: ['x1', 'x2'] }],
  ] as const)('%s', (_name, items, want) => {
    const got = groupBy(items, (s) => s[0]);
    expect(Object.fromEntries(got)).toEqual(want);
    expect([...got.keys()]).toEqual(Object.keys(want));
  });
});

describe('site indexes per indicator (today\'s content)', () => {
  const { site } = runPipeline(process.cwd());
  const ids = site.content.indicators.map((i) => i.id);
  it('figures, series and targets per indicator equal a scan of the whole lists, in order', () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(site.figuresByIndicator.get(id) ?? []).toEqual(site.figures.filter((f) => f.indicator === id));
      expect(site.seriesByIndicator.get(id) ?? []).toEqual(site.series.filter((s) => s.indicator === id));
      expect(site.targetsByIndicator.get(id) ?? []).toEqual(site.targets.filter((t) => t.indicator === id));
    }
  });
  it('no figure, series or target is left out of the indexes', () => {
    const count = (m: Map<string, unknown[]>) => [...m.values()].reduce((n, xs) => n + xs.length, 0);
    expect(count(site.figuresByIndicator)).toBe(site.figures.length);
    expect(count(site.seriesByIndicator)).toBe(site.series.length);
    expect(count(site.targetsByIndicator)).toBe(site.targets.length);
  });
});
