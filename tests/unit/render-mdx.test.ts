// Golden output for the generated MDX, and escaping of curated text.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// satteri is the MDX compiler Astro 7 uses (@astrojs/mdx → @astrojs/markdown-satteri).
import { mdxToJs } from 'satteri';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { generateReportMdx } from '../../src/view/render-mdx.ts';
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

  it('never puts narrative or label text into the MDX: it compiles to text whatever they contain', async () => {
    const evil = 'Xin chào <script>alert(1)</script> {process.exit(1)}\nimport fs from "fs"\nexport const x = 1\n<img src=x onerror=alert(1)>';
    const site = siteFor();
    const report = { ...site.content.reports[0], narratives: [{ section: 'thu-tuc-hanh-chinh', markdown: evil, file: 'x.md' }] };
    // A label is data: Markdown link syntax, braces and tags in it stay literal text.
    const areas = site.content.areas.map((a) => (a.id === 'thu-tuc-hanh-chinh' ? { ...a, label: '[x](javascript:alert(1)) {y} <b>z</b> "q"' } : a));
    const mdx = generateReportMdx(report, { ...site, content: { ...site.content, areas } });
    expect(mdx).not.toContain('Xin chào');
    expect(mdx).toContain('<Narrative reportId="bc-thu" section="thu-tuc-hanh-chinh" />');
    const js = (await mdxToJs(mdx)).code;
    expect(js).toContain('[x](javascript:alert(1)) {y} <b>z</b> \\"q\\"');
    expect(js).not.toMatch(/_jsx\("(a|b|script|img)"/);
    expect(js).not.toMatch(/href/);
  });
});
