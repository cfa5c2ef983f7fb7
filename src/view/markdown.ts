// The one Markdown path for curated narratives, on report pages and area pages
// alike. micromark escapes raw HTML and drops dangerous link protocols; on top
// of that, links keep their href only when the URL policy allows it
// (http, https, mailto, in-site paths, fragments) and images only when they are
// on this site, so no narrative can run script or make readers' browsers fetch
// a third-party resource. Labels (areas, indicators, organizations) are data:
// they are never passed through here.
import { micromark } from 'micromark';
import { EXTERNAL_REL, isAllowedImage, isAllowedLink } from '../core/url-policy.ts';

export interface MarkdownOptions {
  /** The level the top-most heading of the text becomes (default 3), so narrative never outranks the page. */
  minHeading?: number;
}

/** micromark's attribute encoding, undone only to check a URL (never re-emitted decoded). */
function decodeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Links the policy refuses lose their anchor (the text stays); refused images
 * become their alt text. Safe to rewrite with regexes: every "<" from the text
 * itself is already escaped as "&lt;", so only micromark's own tags match.
 */
function applyUrlPolicy(html: string): string {
  return html
    .replace(/<a href="([^"]*)"( title="[^"]*")?>([\s\S]*?)<\/a>/g, (all, href: string, title: string | undefined, text: string) => {
      const url = decodeAttr(href);
      if (!isAllowedLink(url)) return text;
      // Another site: it gets no handle on this page and not the reader's page address.
      return /^https?:/i.test(url.trim()) ? `<a href="${href}"${title ?? ''} rel="${EXTERNAL_REL}">${text}</a>` : all;
    })
    .replace(/<img src="([^"]*)" alt="([^"]*)"( title="[^"]*")? \/>/g, (all, src: string, alt: string) => (isAllowedImage(decodeAttr(src)) ? all : alt));
}

// The same narrative is rendered on its report page, its area page and the area's year page: rendered
// once. Bounded, so memory does not grow with the archive (cleared when full; a miss only costs time).
const rendered = new Map<string, string>();
const RENDERED_MAX = 2000;

export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const key = `${options.minHeading ?? 3}\0${markdown}`;
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  if (rendered.size >= RENDERED_MAX) rendered.clear();
  const html = renderUncached(markdown, options);
  rendered.set(key, html);
  return html;
}

function renderUncached(markdown: string, options: MarkdownOptions): string {
  // micromark decodes character references ("e&#x301;" → "e" + U+0301): composed again so the page is NFC like all text.
  const html = applyUrlPolicy(micromark(markdown.replace(/\r\n?/g, '\n').trim(), { allowDangerousHtml: false, allowDangerousProtocol: false })).normalize('NFC');
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = Math.max(0, (options.minHeading ?? 3) - Math.min(...levels));
  if (shift === 0) return html;
  return html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`);
}
