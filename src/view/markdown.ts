// Curated narrative Markdown → HTML, safely. micromark escapes raw HTML and
// drops dangerous link protocols by default; we never turn those options on.
// The output is the only string pages may pass to `set:html` besides chart SVG.
import { micromark } from 'micromark';

export interface MarkdownOptions {
  /** The level the top-most heading of the text becomes (default 3), so narrative never outranks the page. */
  minHeading?: number;
}

export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const html = micromark(markdown.replace(/\r\n?/g, '\n').trim(), { allowDangerousHtml: false, allowDangerousProtocol: false });
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = Math.max(0, (options.minHeading ?? 3) - Math.min(...levels));
  if (shift === 0) return html;
  // Safe to rewrite with a regex: every "<" from the text itself is already escaped as "&lt;".
  return html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`);
}
