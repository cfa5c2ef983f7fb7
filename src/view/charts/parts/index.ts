// Part of a whole: the printed parts stacked inside the outline of the printed total, with a
// legend row per part. Drawn as plain SVG (Plot has no such mark).
import type { ChartTable, ChartType } from '../types.ts';
import { barSummary, barTable, type BarRow } from '../bars/index.ts';
import { CHART_WIDTHS, escapeXml, FONT_SIZE, LINE_HEIGHT, stableIds, wrapLabel } from '../render.ts';
import { textWidth } from '../layout.ts';

const LABEL_X = 20;

/** Categorical colours for the parts of a whole (Observable 10, AA against white where used as swatches with text beside). */
export const PART_COLORS = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

/**
 * A texture over each part's colour, so the parts stay apart without colour (a black-and-white printout, WCAG 1.4.1):
 * the first part plain, then white hatching, dots, the other hatching, stripes… drawn in a 6 px tile.
 */
const TEXTURES = [
  '',
  '<path d="M-1,1L1,-1M0,6L6,0M5,7L7,5" stroke="#fff" stroke-width="1.5"/>',
  '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
  '<path d="M-1,5L1,7M0,0L6,6M5,-1L7,1" stroke="#fff" stroke-width="1.5"/>',
  '<path d="M0,3H6" stroke="#fff" stroke-width="1.5"/>',
  '<path d="M3,0V6" stroke="#fff" stroke-width="1.5"/>',
  '<path d="M0,3H6M3,0V6" stroke="#fff" stroke-width="1.2"/>',
];
/** The fill of part i and, when textured, its pattern (ids made unique per chart by stableIds). */
function partFill(i: number): { fill: string; def: string } {
  const color = PART_COLORS[i % PART_COLORS.length];
  const texture = TEXTURES[i % TEXTURES.length];
  if (!texture) return { fill: color, def: '' };
  return { fill: `url(#plot-pattern-${i})`, def: `<pattern id="plot-pattern-${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${color}"/>${texture}</pattern>` };
}

export interface PartsOptions {
  ariaLabel: string;
  width?: number;
  /** The printed total ("67.628 hồ sơ"), drawn as an outline the parts fill. */
  total?: { value: number; text: string } | null;
}

/**
 * Part of a whole: the parts stacked in one bar inside the outline of the printed
 * total, then one legend row per part with its printed value. When the printed parts
 * do not add up to the printed total the bar shows it (the data-quality note says why).
 */
export function partsChart(parts: BarRow[], options: PartsOptions): string {
  const width = options.width ?? CHART_WIDTHS.wide;
  const total = options.total ?? null;
  const sum = parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const max = Math.max(sum, total?.value ?? 0) || 1;
  const scale = (v: number) => (v / max) * width;
  const barY = 4;
  const barH = 22;
  const fills = parts.map((_, i) => partFill(i));
  const defs = fills.map((f) => f.def).join('');
  const out: string[] = defs ? [`<defs>${defs}</defs>`] : [];
  let x = 0;
  parts.forEach((p, i) => {
    const w = scale(Math.max(0, p.value));
    out.push(`<rect x="${x.toFixed(2)}" y="${barY}" width="${w.toFixed(2)}" height="${barH}" fill="${fills[i].fill}" stroke="#fff" stroke-width="1"><title>${escapeXml(`${p.label}: ${p.text}`)}</title></rect>`);
    x += w;
  });
  if (total) out.push(`<rect x="0.5" y="${barY - 2.5}" width="${(scale(total.value) - 1).toFixed(2)}" height="${barH + 5}" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
  // Legend rows: swatch, wrapped label, printed value right-aligned; each label wraps in the room its own value leaves.
  let y = barY + barH + 14;
  const rows = [...parts.map((p, i) => ({ label: p.label, text: p.text, color: fills[i].fill, bold: false })),
    ...(total ? [{ label: 'Tổng (số in trong văn bản)', text: total.text, color: null, bold: true }] : [])];
  for (const r of rows) {
    const top = y;
    const lines = wrapLabel(r.label, Math.max(8, Math.floor((width - 2 - LABEL_X - textWidth(r.text, FONT_SIZE, true) - 10) / textWidth('x', FONT_SIZE, r.bold))), true);
    if (r.color) out.push(`<rect x="0" y="${top}" width="12" height="12" fill="${r.color}"/>`);
    else out.push(`<rect x="0.75" y="${top + 0.75}" width="10.5" height="10.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
    lines.forEach((line, j) => out.push(`<text x="${LABEL_X}" y="${top + 11 + j * LINE_HEIGHT}"${r.bold ? ' font-weight="600"' : ''}>${escapeXml(line)}</text>`));
    out.push(`<text x="${width - 2}" y="${top + 11}" text-anchor="end" font-weight="600">${escapeXml(r.text)}</text>`);
    y += lines.length * LINE_HEIGHT + 6;
  }
  const height = Math.round(y + 2);
  return stableIds(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="${FONT_SIZE}" fill="currentColor" aria-label="${escapeXml(options.ariaLabel)}">${out.join('')}</svg>`);
}

export interface PartsSpec extends PartsOptions {
  type: 'parts';
  parts: BarRow[];
  unit: string;
  /** Heading of the table's first column ("Thành phần"). */
  firstColumn: string;
  summary?: string;
}

export const parts: ChartType<PartsSpec> = {
  render: (spec, width) => partsChart(spec.parts, { ariaLabel: spec.ariaLabel, total: spec.total, width: width ?? spec.width }),
  summary: (spec) => spec.summary ?? `${barSummary(spec.parts)}${spec.total ? `; tổng: ${spec.total.text}` : ''}`,
  // The printed total is the table's last row, so a sum that does not match it shows.
  table: (spec): ChartTable =>
    barTable(spec.total ? [...spec.parts, { label: 'Tổng (số in)', value: spec.total.value, text: spec.total.text, color: '' }] : spec.parts, spec.firstColumn, spec.unit),
};
