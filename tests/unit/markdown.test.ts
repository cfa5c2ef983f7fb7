import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/view/markdown.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

describe('renderMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Đoạn có <img src=x onerror=alert(1)> ảnh', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<div onclick="x()">khối</div>', '&lt;div onclick=&quot;x()&quot;&gt;khối&lt;/div&gt;'],
  ])('escapes raw HTML: %s', (md, escaped) => {
    const html = renderMarkdown(md);
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<(script|img|div)\b/);
  });

  it.each([
    ['a&#x301;', 'á'],
    ['Hoa&#768; va&#x300;o', 'Hoà vào'],
    ['e&#x302;&#x301;', 'ế'],
    ['**o&#x31B;&#x300;**', '<strong>ờ</strong>'],
  ])('composes decoded character references to NFC: %s', (md, nfc) => {
    const html = renderMarkdown(md);
    expect(html).toContain(nfc);
    expect(html).toBe(html.normalize('NFC'));
  });

  it.each([
    ['[bấm](javascript:alert(1))'],
    ['[bấm](&#106;avascript:alert(1))'],
    ['[bấm](JaVaScRiPt:alert(1))'],
    ['[bấm][r]\n\n[r]: javascript:alert(1)'],
    ['[bấm](data:text/html,<script>alert(1)</script>)'],
    ['[bấm](vbscript:x)'],
    ['[bấm](//evil.example/x)'],
    ['[bấm](irc://evil.example)'],
  ])('keeps only the text of a link the URL policy refuses: %s', (md) => {
    const html = renderMarkdown(md);
    expect(html).toMatch(/^<p>bấm<\/p>/);
    expect(html).not.toContain('<a');
  });

  it.each([
    ['[a](https://kontum.gov.vn/x?a=1&b=2)', '<p><a href="https://kontum.gov.vn/x?a=1&amp;b=2" rel="external noopener noreferrer">a</a></p>'],
    ['[a](http://a.vn)', '<p><a href="http://a.vn" rel="external noopener noreferrer">a</a></p>'],
    ['[a](mailto:vp@kontum.gov.vn)', '<p><a href="mailto:vp@kontum.gov.vn">a</a></p>'],
    ['[a](/bao-cao/x/#the-che)', '<p><a href="/bao-cao/x/#the-che">a</a></p>'],
    ['[a](#the-che)', '<p><a href="#the-che">a</a></p>'],
    ['<https://a.vn>', '<p><a href="https://a.vn" rel="external noopener noreferrer">https://a.vn</a></p>'],
  ])('keeps allowed links: %s', (md, html) => expect(renderMarkdown(md)).toBe(html));

  it('never emits a remote image: its alt text stays', () => {
    expect(renderMarkdown('![theo dõi](https://tracker.example/p.gif)')).toBe('<p>theo dõi</p>');
    expect(renderMarkdown('![a][r]\n\n[r]: https://tracker.example/p.gif')).toMatch(/^<p>a<\/p>/);
    expect(renderMarkdown('![a](//tracker.example/p.gif)')).toBe('<p>a</p>');
  });

  it('leaves code spans and quotes as typed (no entity leaks, no smart quotes)', () => {
    expect(renderMarkdown('`{x}` "a" \'b\'')).toBe('<p><code>{x}</code> &quot;a&quot; \'b\'</p>');
  });

  it('renders paragraphs, lists and emphasis', () => {
    expect(renderMarkdown('Một **hai**\n\n- a\n- b')).toBe('<p>Một <strong>hai</strong></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
  });

  it.each([
    [{}, '### Tiêu đề', '<h3>Tiêu đề</h3>'],
    [{ minHeading: 4 }, '### Tiêu đề', '<h4>Tiêu đề</h4>'],
    [{ minHeading: 4 }, '# A\n\n## B', '<h4>A</h4>\n<h5>B</h5>'],
    [{ minHeading: 2 }, '#### A', '<h4>A</h4>'],
    [{ minHeading: 6 }, '### A\n\n#### B', '<h6>A</h6>\n<h6>B</h6>'],
  ])('demotes headings %o: %s', (opts, md, html) => {
    expect(renderMarkdown(md, opts)).toBe(html);
  });

  it('renders every real narrative without any raw tag other than markdown output', () => {
    const { site } = runPipeline(process.cwd());
    const allowed = new Set(['p', 'ul', 'ol', 'li', 'strong', 'em', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'br', 'blockquote', 'hr']);
    for (const r of site.content.reports) {
      for (const n of r.narratives) {
        const tags = [...renderMarkdown(n.markdown).matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
        expect(tags.filter((t) => !allowed.has(t)), `${r.meta.id}/${n.section}`).toEqual([]);
      }
    }
  });
});
