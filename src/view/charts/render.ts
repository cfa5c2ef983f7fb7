// What every chart type shares: Observable Plot on a linkedom document (charts are drawn at
// build time), markup clean-up for a strict CSP and axe, widths, text metrics, word wrap.
import { parseHTML } from 'linkedom';
import { formatNumber } from '../../core/format.ts';

/** A DOM document for Plot outside a browser. */
export const plotDocument = parseHTML('<!doctype html><html lang="vi"><body></body></html>').document as unknown as Document;

export const tickFormat = (d: number) => formatNumber(d);

export const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Plot labels its mark groups with aria-label; on a <g> without a role axe reports
 * that as a violation. The chart's own text alternative lives on its wrapper.
 */
export function stripMarkAria(svg: string): string {
  return svg.replace(/<g\b[^>]*>/g, (tag) => tag.replace(/\s+aria-(?:label|description)="[^"]*"/g, ''));
}

/**
 * No <style> element and no style="" attribute in chart markup, so pages pass a strict
 * Content-Security-Policy (style-src 'self'): Plot's default rules and the font and
 * overflow settings live in global.css ("Observable Plot" block), keyed by Plot's class.
 */
export function stripStyles(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/\sstyle="[^"]*"/g, '');
}

/** The class Plot gives its output; global.css carries its rules under this name. */
export const PLOT_CLASS = 'plot-d6a7b5';

/** Plot's output as markup, without mark aria labels or inline styles. */
export function renderPlot(plot: unknown): string {
  return stripStyles(stripMarkAria((plot as { outerHTML: string }).outerHTML));
}

/** Chart widths: a wide layout and one drawn for phones, where scaling the wide one down leaves 6 px text. */
export const CHART_WIDTHS = { wide: 640, narrow: 340 } as const;
/** Below this width a chart uses its phone layout (fewer ticks and labels). */
export const isNarrow = (width: number) => width < 480;

export const FONT_SIZE = 13;
export const LINE_HEIGHT = 16;
/** Average width of a Vietnamese character at 13 px in the site's sans-serif (measured: 6,5–7 px). */
export const CHAR_WIDTH = 7;

/**
 * Greedy word wrap at `max` characters. The bar chart lays out rows by their line
 * count, so it wraps labels itself instead of leaving it to Plot's estimate in ems.
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

