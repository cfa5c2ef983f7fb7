// Golden output for the generated MDX, and escaping of curated text.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// satteri is the MDX compiler Astro 7 uses (@astrojs/mdx → @astrojs/markdown-satteri).
import { mdxToJs } from 'satteri';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { escapeMdx, generateReportMdx } from '../../src/view/render-mdx.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { fixtureReader } from '../fixtures/content.ts';

function siteFor(overrides: Record<string, string | null> = {}) {
  const { content, issues } = validateContent(loadContent(fixtureReader(overrides)));
  return deriveSite(content, issues);
}

describe('generateReportMdx', () => {
  it('matches the golden file', () => {
    const site = siteFor({ 'content/reports/bc-thu/narrative/tong-quan.md': '## Bối cảnh\n\nBáo cáo *thử* với {ngoặc nhọn}.\n' });
    const mdx = generateReportMdx(site.content.reports[0], site);
    const golden = 'tests/golden/bc-thu.mdx';
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, mdx);
    expect(mdx).toBe(readFileSync(golden, 'utf8'));
  });

  it('is deterministic', () => {
    const a = siteFor();
    const b = siteFor();
    expect(generateReportMdx(a.content.reports[0], a)).toBe(generateReportMdx(b.content.reports[0], b));
  });

  it('escapes HTML, JSX and ESM in narrative so it compiles and shows as text', async () => {
    // The validator rejects HTML; the renderer must still be safe if it ever gets through.
    const evil = 'Xin chào <script>alert(1)</script> {process.exit(1)}\nimport fs from "fs"\nexport const x = 1\n<img src=x onerror=alert(1)>';
    const site = siteFor();
    const report = { ...site.content.reports[0], narratives: [{ section: 'thu-tuc-hanh-chinh', markdown: evil, file: 'x.md' }] };
    const mdx = generateReportMdx(report, site);
    expect(mdx).not.toContain('<script>');
    expect(mdx).not.toContain('{process');
    expect(mdx).not.toMatch(/^import fs/m);
    expect(mdx).not.toMatch(/^export const/m);
    const js = (await mdxToJs(mdx)).code;
    expect(js).toContain('{process.exit(1)}'); // braces kept: literal text, not an expression
    expect(js).toContain('<script>alert(1)<\\/script>'); // as a text string, not an element
    expect(js).not.toMatch(/_jsx\("script"/);
    expect(js).not.toMatch(/_jsx\("img"/);
  });

  it.each([
    ['<b>', '&#60;b&#62;'],
    ['{x}', '&#123;x&#125;'],
    ['import x', '&#105;mport x'],
    ['a < b', 'a &#60; b'],
  ])('escapeMdx(%j) = %j', (input, output) => expect(escapeMdx(input)).toBe(output));
});
