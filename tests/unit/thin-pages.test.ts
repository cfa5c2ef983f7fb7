// Pages stay thin (ARCHITECTURE.md, "add a page"): a route's frontmatter gets the site, calls
// its one view-model in src/view/pages/ and hands the result to markup. Logic that grows in
// a frontmatter belongs in the view-model, where it is unit-tested on the in-memory fixture.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'src/pages');
/** Code lines a frontmatter may have besides imports and comments (getStaticPaths, the call, a destructuring). */
export const MAX_CODE_LINES = 15;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.astro') ? [p] : [];
  });
}

export interface Frontmatter {
  /** Import statements, each joined onto one line. */
  imports: string[];
  /** Lines that are neither imports, comments nor blank. */
  code: string[];
}

export function frontmatter(text: string): Frontmatter {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const lines = m ? m[1].split(/\r?\n/) : [];
  const imports: string[] = [];
  const code: string[] = [];
  let open: string[] | null = null;
  for (const line of lines) {
    if (open) {
      open.push(line.trim());
      if (/['"];?\s*$/.test(line)) {
        imports.push(open.join(' '));
        open = null;
      }
      continue;
    }
    const t = line.trim();
    if (t === '' || t.startsWith('//') || t.startsWith('/*') || t.startsWith('*')) continue;
    if (/^import\b/.test(t)) {
      if (/['"];?\s*$/.test(t)) imports.push(t);
      else open = [t];
      continue;
    }
    code.push(t);
  }
  return { imports, code };
}

/** Why an import is not allowed in a page, or null. */
export function badPageImport(pageFile: string, statement: string): string | null {
  const spec = /['"]([^'"]+)['"]\s*;?\s*$/.exec(statement)?.[1];
  if (!spec || !spec.startsWith('.') || /^import\s+type\b/.test(statement)) return null;
  const target = relative(join(ROOT, 'src'), resolve(dirname(pageFile), spec)).split(/[\\/]/).join('/');
  if (target.startsWith('publish/')) return `${spec}: page data comes from a view-model in src/view/pages/, not from src/publish`;
  if (target.startsWith('pipeline/') && target !== 'pipeline/site.ts') return `${spec}: only getSite() from src/pipeline/site.ts; the rest goes through a view-model`;
  return null;
}

const pages = walk(PAGES);

describe('pages are thin', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it.each(pages.map((p) => [relative(ROOT, p), p]))('%s: a short frontmatter and imports from view, core, components and layouts only', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const { imports, code } = frontmatter(text);
    expect(code.length, `${relative(ROOT, file)} has ${code.length} code lines in its frontmatter (at most ${MAX_CODE_LINES}): move the logic into its view-model in src/view/pages/`).toBeLessThanOrEqual(MAX_CODE_LINES);
    expect(imports.map((s) => badPageImport(file, s)).filter(Boolean)).toEqual([]);
    // A page that reads the site gets its data from one view-model.
    if (imports.some((s) => s.includes('pipeline/site.ts'))) {
      expect(imports.some((s) => /view\/pages\//.test(s)), `${relative(ROOT, file)} calls getSite() but imports no view-model from src/view/pages/`).toBe(true);
    }
  });
});

describe('the checker itself', () => {
  const page = join(PAGES, 'x', '[id].astro');
  it('counts code lines, not imports (one or several lines), comments or blanks', () => {
    const fm = frontmatter(`---\n// why\nimport A from '../../a.astro';\nimport {\n  b,\n  c,\n} from '../../view/pages/b.ts';\n\nconst m = b(1);\nconst { x } = m;\n---\n<p>{x}</p>`);
    expect(fm.imports).toEqual(["import A from '../../a.astro';", "import { b, c, } from '../../view/pages/b.ts';"]);
    expect(fm.code).toEqual(['const m = b(1);', 'const { x } = m;']);
  });

  it('refuses publish and pipeline imports except getSite, and lets type imports through', () => {
    expect(badPageImport(page, "import { buildDatasets } from '../../publish/datasets.ts';")).toMatch(/src\/publish/);
    expect(badPageImport(page, "import { deriveSite } from '../../pipeline/derive.ts';")).toMatch(/getSite/);
    expect(badPageImport(page, "import { getSite } from '../../pipeline/site.ts';")).toBeNull();
    expect(badPageImport(page, "import type { Dataset } from '../../publish/datasets.ts';")).toBeNull();
    expect(badPageImport(page, "import { urls } from '../../core/urls.ts';")).toBeNull();
  });

  it('a frontmatter of a fat page exceeds the limit', () => {
    const fat = `---\n${Array.from({ length: MAX_CODE_LINES + 1 }, (_, i) => `const v${i} = ${i};`).join('\n')}\n---\n`;
    expect(frontmatter(fat).code.length).toBeGreaterThan(MAX_CODE_LINES);
  });
});
