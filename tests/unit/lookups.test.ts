// Look-ups by id go through the maps on Site (issue 13): each map holds exactly its
// catalogue, and no source file falls back to a linear find over a catalogue by id.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byId } from '../../src/core/model.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { fixtureReader } from '../fixtures/content.ts';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
  });

describe('Site look-up maps', () => {
  const { content, issues } = validateContent(loadContent(fixtureReader()));
  const site = deriveSite(content, issues);

  it.each([
    ['areasById', content.areas, (x: { id: string }) => x.id],
    ['organizationsById', content.organizations, (x: { id: string }) => x.id],
    ['breakdownsById', content.breakdowns, (x: { id: string }) => x.id],
    ['indicatorsById', content.indicators, (x: { id: string }) => x.id],
    ['reportsById', content.reports, (x: { meta: { id: string } }) => x.meta.id],
    ['seriesByKey', site.series, (x: { key: string }) => x.key],
  ] as const)('%s holds every entry of its list under its id, and nothing else', (name, list, id) => {
    const map = site[name] as ReadonlyMap<string, unknown>;
    expect(list.length).toBeGreaterThan(0);
    expect(map.size).toBe(list.length);
    for (const entry of list as readonly unknown[]) expect(map.get((id as (x: unknown) => string)(entry))).toBe(entry);
  });

  it('byId returns the entry, and names what is missing instead of failing later on undefined', () => {
    const area = content.areas[0];
    expect(byId(site.areasById, area.id, 'lĩnh vực')).toBe(area);
    expect(() => byId(site.areasById, 'khong-co', 'lĩnh vực')).toThrow('Không có lĩnh vực "khong-co"');
    expect(() => byId(site.areasById, undefined, 'lĩnh vực')).toThrow('lĩnh vực');
  });
});

describe('no linear look-up by id over a catalogue', () => {
  // Over a Site (a single find over raw content in a one-off CLI step, e.g. suggest.ts, is fine).
  const LINEAR = /\bsite\.(?:content\.)?(areas|organizations|breakdowns|indicators|reports|series)\.find\(\((\w+)\) => \2\.(id|key|meta\.id) ===/;
  it('src/ resolves ids through the maps on Site', () => {
    const offenders = walk('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (LINEAR.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
  it('the pattern catches the old form', () => {
    expect(LINEAR.test('site.content.areas.find((a) => a.id === id)')).toBe(true);
    expect(LINEAR.test('site.areasById.get(id)')).toBe(false);
  });
});
