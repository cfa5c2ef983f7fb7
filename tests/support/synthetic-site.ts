// A derived Site of N synthetic reports (scripts/scale/synthesize.ts) built in memory from
// today's content and data: what the scale tests crawl without an Astro build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { synthesize } from '../../scripts/scale/synthesize.ts';
import { loadContent, memoryReader } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite, type Site } from '../../src/pipeline/derive.ts';

function tree(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).map((p) => [relative('.', p), readFileSync(p, 'utf8')]));
}

export function syntheticSite(n: number): Site {
  const files = synthesize({ ...tree('content/reports'), ...tree('data') }, n);
  const { content, issues } = validateContent(loadContent(memoryReader(files)));
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length) throw new Error(`synthetic content has errors: ${errors.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}`);
  return deriveSite(content, issues);
}
