// The built site as a security reviewer reads it: no page links to javascript:,
// data: or vbscript:, nothing is loaded from another origin (scripts, styles,
// images, fonts, frames, forms), no inline script or style (CSP-ready), and the
// narrative of a report renders identically on its report page and its area page.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { renderMarkdown } from '../../src/view/markdown.ts';

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['data', 'pagefind'].includes(name) ? [] : files(path, ext);
    return name.endsWith(ext) ? [path] : [];
  });
}

// Parsed once: every check below walks the same documents.
const pages = files('dist', '.html').map((path) => {
  const html = readFileSync(path, 'utf8');
  return { path, html, document: parseHTML(html).document };
});
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'srcset', 'xlink:href', 'background', 'cite'];

describe('links and resources of every built page', () => {
  it('finds the site', () => expect(pages.length).toBeGreaterThan(0));

  it('no javascript:, data:, vbscript: or file: URL in any attribute', () => {
    const bad: string[] = [];
    for (const { path, document } of pages) {
      for (const el of document.querySelectorAll('*'))
        for (const attr of URL_ATTRS) {
          const v = el.getAttribute(attr);
          // Browsers ignore whitespace and control characters inside a scheme.
          if (v !== null && /^(javascript|data|vbscript|file):/i.test(v.replace(/[\s\u0000-\u001f]/g, ''))) bad.push(`${path}: <${el.localName} ${attr}="${v.slice(0, 60)}">`);
        }
    }
    expect(bad).toEqual([]);
  });

  it('nothing is loaded from another origin (links to other sites are fine, loading from them is not)', () => {
    const remote = (v: string | null) => v !== null && /^(https?:)?\/\//i.test(v.trim());
    const bad: string[] = [];
    for (const { path, document } of pages) {
      for (const el of document.querySelectorAll('script[src], img, iframe, frame, embed, object, audio, video, source, track, input[type=image], image, use, form'))
        for (const attr of ['src', 'srcset', 'data', 'href', 'xlink:href', 'action', 'poster'])
          if (el.localName !== 'a' && remote(el.getAttribute(attr))) bad.push(`${path}: <${el.localName} ${attr}>`);
      for (const link of document.querySelectorAll('link'))
        if (!/^(canonical|alternate|license)$/.test(link.getAttribute('rel') ?? '') && remote(link.getAttribute('href'))) bad.push(`${path}: <link rel=${link.getAttribute('rel')}>`);
    }
    for (const css of files('dist', '.css')) {
      const text = readFileSync(css, 'utf8');
      if (/@import|url\(\s*['"]?(https?:)?\/\//i.test(text)) bad.push(`${css}: remote @import/url()`);
    }
    expect(bad).toEqual([]);
  });

  it('no inline script, <style> element, style attribute or event-handler attribute (a strict CSP can be shipped)', () => {
    const bad: string[] = [];
    for (const { path, document } of pages) {
      for (const s of document.querySelectorAll('script'))
        // JSON data blocks (JSON-LD, a figure table's citation record) are never executed: CSP-neutral.
        if (!s.getAttribute('src') && s.getAttribute('type') !== 'application/ld+json' && s.getAttribute('type') !== 'application/json') bad.push(`${path}: inline <script>`);
      if (document.querySelector('style')) bad.push(`${path}: <style>`);
      if (document.querySelector('[style]')) bad.push(`${path}: style=""`);
      for (const el of document.querySelectorAll('*'))
        for (const a of el.attributes ?? []) if (/^on/i.test(a.name)) bad.push(`${path}: ${a.name}=""`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('JSON data blocks (JSON-LD, citation records) cannot end their <script> element early', () => {
    const kinds = new Set<string>();
    for (const { path, html } of pages)
      for (const m of html.matchAll(/<script type="application\/((?:ld\+)?json)"[^>]*>([\s\S]*?)<\/script>/g)) {
        kinds.add(m[1]);
        expect(m[2], path).not.toMatch(/<\/?script|<!--/i);
        expect(() => JSON.parse(m[2]), path).not.toThrow();
      }
    expect([...kinds].sort()).toEqual(['json', 'ld+json']);
  });
});

describe('one Markdown path', () => {
  it('a narrative renders identically on its report page and on its area page', () => {
    const { site } = runPipeline(process.cwd());
    let compared = 0;
    const bodies = new Map<string, string[]>();
    for (const r of site.content.reports)
      for (const n of r.narratives) {
        if (!site.content.areas.some((a) => a.id === n.section)) continue;
        // Serialised by the same parser on both sides; heading levels differ by design (h3 vs h4).
        const norm = (html: string) => html.replace(/<(\/?)h[3-6]>/g, '<$1h>');
        const body = (file: string) => {
          if (!bodies.has(file)) bodies.set(file, [...pages.find((p) => p.path === file)!.document.querySelectorAll('.narrative-body')].map((d) => norm(d.innerHTML)));
          return bodies.get(file)!;
        };
        const wrap = parseHTML(`<html><body><div>${renderMarkdown(n.markdown)}</div></body></html>`).document.querySelector('div')!;
        const expected = norm(wrap.innerHTML);
        expect(body(`dist/bao-cao/${r.meta.id}/index.html`), `${r.meta.id}/${n.section} report page`).toContain(expected);
        expect(body(`dist/linh-vuc/${n.section}/index.html`), `${r.meta.id}/${n.section} area page`).toContain(expected);
        compared++;
      }
    expect(compared).toBeGreaterThan(0);
  });
});
