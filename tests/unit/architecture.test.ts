// The folder roles of ARCHITECTURE.md, enforced over the real import graph:
// core ← pipeline ← publish ← view ← components/pages, and client code only
// reaches the pure core and view helpers it ships to the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

type Role = 'core' | 'pipeline' | 'publish' | 'view' | 'client' | 'ui';
/** What each role may import (value imports; `import type` is free). */
const ALLOWED: Record<Role, Role[]> = {
  core: ['core'],
  pipeline: ['core', 'pipeline'],
  publish: ['core', 'pipeline', 'publish'],
  view: ['core', 'pipeline', 'publish', 'view'],
  client: ['core', 'client', 'view'],
  ui: ['core', 'pipeline', 'publish', 'view', 'client', 'ui'],
};
/** Runtime packages a role may not use: the core runs anywhere, client code in browsers. */
const FORBIDDEN_PACKAGES: Partial<Record<Role, RegExp>> = {
  core: /^(node:|astro|linkedom|@observablehq|papaparse)/,
  client: /^(node:|astro|linkedom|@observablehq)/,
  view: /^node:/,
  publish: /^node:/,
};
/** The one pipeline module that touches the file system (an injected reader everywhere else). */
const NODE_ALLOWED = new Set(['src/pipeline/node-reader.ts', 'src/pipeline/site.ts']);

export function roleOf(path: string): Role | null {
  const rel = relative(SRC, path).split(/[\\/]/);
  if (rel[0] === '..' || rel[0] === 'generated') return null;
  if (['core', 'pipeline', 'publish', 'view', 'client'].includes(rel[0])) return rel[0] as Role;
  if (['components', 'pages', 'layouts', 'content.config.ts', 'styles'].includes(rel[0])) return 'ui';
  return null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'generated') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|astro)$/.test(name) ? [p] : [];
  });
}

interface Edge { from: string; spec: string; typeOnly: boolean }
export function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  const re = /^\s*import\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) edges.push({ from: file, spec: m[2], typeOnly: Boolean(m[1]) });
  return edges;
}

const files = walk(SRC);
const edges = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('import graph follows the folder roles', () => {
  it('finds the role folders and their imports', () => {
    for (const role of ['core', 'pipeline', 'publish', 'view', 'client']) {
      expect(files.some((f) => roleOf(f) === role), role).toBe(true);
    }
    expect(edges.length).toBeGreaterThan(50);
  });

  it('every src file belongs to a role', () => {
    expect(files.filter((f) => roleOf(f) === null).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('no value import points against the role order', () => {
    const bad: string[] = [];
    for (const e of edges) {
      if (e.typeOnly || !e.spec.startsWith('.')) continue;
      const from = roleOf(e.from)!;
      const to = roleOf(resolve(dirname(e.from), e.spec));
      if (to && !ALLOWED[from].includes(to)) bad.push(`${relative(ROOT, e.from)} (${from}) → ${e.spec} (${to})`);
    }
    expect(bad).toEqual([]);
  });

  it('core, view, publish and client code use no Node or build-only runtime', () => {
    const bad: string[] = [];
    for (const e of edges) {
      if (e.typeOnly || e.spec.startsWith('.')) continue;
      const from = roleOf(e.from)!;
      const rel = relative(ROOT, e.from);
      if (from === 'pipeline' && e.spec.startsWith('node:') && !NODE_ALLOWED.has(rel)) bad.push(`${rel} → ${e.spec}`);
      const forbidden = FORBIDDEN_PACKAGES[from];
      if (forbidden?.test(e.spec)) bad.push(`${rel} (${from}) → ${e.spec}`);
    }
    expect(bad).toEqual([]);
  });

  it('the checker itself catches a wrong-way import', () => {
    const fake = join(SRC, 'core', 'x.ts');
    const [edge] = importsOf(fake, "import { validate } from '../pipeline/validate.ts';");
    const to = roleOf(resolve(dirname(fake), edge.spec))!;
    expect(ALLOWED.core.includes(to)).toBe(false);
    expect(importsOf(fake, "import type { Site } from '../pipeline/derive.ts';")[0].typeOnly).toBe(true);
  });
});
