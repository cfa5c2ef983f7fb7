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
  return stableIds(stripStyles(stripMarkAria((plot as { outerHTML: string }).outerHTML)));
}

const PLOT_ID = /plot-(marker|clip|pattern)-\d+/g;

/**
 * Plot numbers marker/clip/pattern ids with a process-wide counter, so a chart's SVG depended on how
 * many charts were drawn before it. Ids from the chart's own content instead: the same chart gives
 * the same bytes wherever it is drawn (the build's chart cache, byte-identical builds), and two
 * different charts on one page still get different ids.
 */
export function stableIds(svg: string): string {
  const ids = [...new Set(svg.match(PLOT_ID) ?? [])];
  if (ids.length === 0) return svg;
  // FNV-1a over the SVG with the counters taken out.
  let h = 0x811c9dc5;
  for (const c of svg.replace(PLOT_ID, 'plot-$1')) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
  const tag = (h >>> 0).toString(36);
  const rename = new Map(ids.map((id, i) => [id, `${id.replace(/-\d+$/, '')}-${tag}-${i}`]));
  return svg.replace(PLOT_ID, (id) => rename.get(id)!);
}

/**
 * `npm run build` installs a cache of rendered charts under this key (scripts/cache.ts, by content hash
 * of the chart's input and the chart code), so an unchanged chart costs nothing on a rebuild; the pages
 * and `npm run dev` render as before when none is installed. Charts are pure: a hit is the same SVG.
 */
export const CHART_CACHE = Symbol.for('cchc.chartCache');
type ChartCache = (kind: string, input: unknown, draw: () => string) => string;
export function cachedChart(kind: string, input: unknown, draw: () => string): string {
  const cache = (globalThis as Record<symbol, unknown>)[CHART_CACHE] as ChartCache | undefined;
  return cache ? cache(kind, input, draw) : draw();
}

/**
 * Chart widths: a wide layout and one drawn for phones, where scaling the wide one down leaves 6 px text.
 * The narrow one fits a 320 px screen's 288 px column at 96 % (13 px text stays 12.5 px), and is drawn
 * at its own size from 328 px (a 360 px screen) up to the width where the wide one takes over
 * (global.css, "Charts").
 */
export const CHART_WIDTHS = { wide: 640, narrow: 300 } as const;
/** Below this width a chart uses its phone layout (fewer ticks and labels). */
export const isNarrow = (width: number) => width < 480;

export const FONT_SIZE = 13;
export const LINE_HEIGHT = 16;
/** Average width of a Vietnamese character at 13 px in the site's sans-serif (measured: 6,5–7 px). */
export const CHAR_WIDTH = 7;
/**
 * The same in the widest common fallback, DejaVu Sans (Chromium on Linux; measured 7,5 px): what text must
 * fit in (wrapped labels, labels that must not touch), so it fits in every font.
 */
export const WIDE_CHAR_WIDTH = 7.6;

/**
 * Greedy word wrap at `max` characters. The bar chart lays out rows by their line
 * count, so it wraps labels itself instead of leaving it to Plot's estimate in ems.
 * With `hard`, a word longer than a line is cut into line-long pieces (a chart cannot
 * scroll: one unbreakable word would run past its edge).
 */
export function wrapLabel(text: string, max: number, hard = false): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (const whole of words) {
    const chars = [...whole];
    const pieces = hard && max >= 1 && chars.length > max ? Array.from({ length: Math.ceil(chars.length / max) }, (_, i) => chars.slice(i * max, (i + 1) * max).join('')) : [whole];
    for (const word of pieces) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
