// Text layout for charts drawn at build time, where no browser measures text: estimated label
// widths, thinning of axis ticks whose labels would touch, and dropping value labels that would
// overlap (the data table under every chart keeps every value). Pure functions, no DOM.
import { FONT_SIZE, WIDE_CHAR_WIDTH } from './render.ts';

/** Width in px of `text` at `fontSize` in the widest common font (bold text is about 6 % wider): an upper estimate. */
export function textWidth(text: string, fontSize = FONT_SIZE, bold = false): number {
  return [...text].length * WIDE_CHAR_WIDTH * (fontSize / FONT_SIZE) * (bold ? 1.06 : 1);
}

export interface Tick {
  /** Position of the tick on the axis, in px. */
  x: number;
  label: string;
}

/**
 * The ticks to label on a horizontal axis so that no two centred labels come closer than `gap` px:
 * every k-th tick counted back from the last (the latest period stays labelled), with the smallest
 * k that fits. Ticks come in axis order.
 */
export function thinTicks<T extends Tick>(ticks: T[], fontSize = FONT_SIZE, gap = 8): T[] {
  const n = ticks.length;
  for (let k = 1; k < n; k++) {
    const kept = ticks.filter((_, i) => (n - 1 - i) % k === 0);
    const fits = kept.every((t, i) => i === 0 || t.x - kept[i - 1].x >= (textWidth(t.label, fontSize) + textWidth(kept[i - 1].label, fontSize)) / 2 + gap);
    if (fits) return kept;
  }
  return ticks.slice(-1);
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of a one-line label at (x, y): anchored like SVG text-anchor, vertically centred on y. */
export function labelBox(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', fontSize = FONT_SIZE, bold = false): Box {
  const w = textWidth(text, fontSize, bold);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { left, top: y - fontSize / 2, right: left + w, bottom: y + fontSize / 2 };
}

const touches = (a: Box, b: Box, pad: number) => a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;

/**
 * Which labels to draw: in the order given (most important first), each label is kept when it lies
 * inside `bounds` and stays `pad` px clear of every label kept before it.
 */
export function placeLabels(boxes: Box[], bounds: Box, pad = 2): boolean[] {
  const kept: Box[] = [];
  return boxes.map((b) => {
    const inside = b.left >= bounds.left && b.right <= bounds.right && b.top >= bounds.top && b.bottom <= bounds.bottom;
    if (!inside || kept.some((k) => touches(k, b, pad))) return false;
    kept.push(b);
    return true;
  });
}
