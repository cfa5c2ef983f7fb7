// Share images as PNG: SVG (src/view/share-image.ts) → RGBA pixels (@resvg/resvg-js) → palette PNG (sharp).
// Node-only. Used by the Astro route (dev, or a plain `astro build`) and by `npm run build`, which renders
// them in a worker thread beside the Astro build (scripts/share-worker.ts) instead of inside it.
// One fixed font file, no system font scan: the same input gives the same bytes on every machine that has it.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { cachedBytes, codeHash, type CacheStats } from './cache.ts';
import { SHARE_WIDTH } from '../src/view/share-image.ts';

const FONT_DIR = process.env.SHARE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`).filter((f) => existsSync(f));
// A 64-colour palette: flat colours and text look the same at ~40 % of resvg's RGBA bytes (55 KB → 24 KB).
// Quantiser effort 1 of 10: measured 24.2 KB vs 24.6 KB at effort 4, and 50 ms vs 80 ms per image.
const PNG = { palette: true, colors: 64, compressionLevel: 9, effort: 1 } as const;

/** SVG → RGBA pixels (resvg) → palette PNG (sharp). */
export async function renderSharePng(svg: string): Promise<Uint8Array> {
  const image = new Resvg(svg, {
    font: { fontFiles: FONTS, loadSystemFonts: FONTS.length === 0, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: SHARE_WIDTH },
  }).render();
  const png = await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } }).png(PNG).toBuffer();
  return new Uint8Array(png);
}

/**
 * renderSharePng through the build cache (scripts/cache.ts): keyed by the SVG, the fonts, both
 * encoders' versions and the options, so an unchanged image costs nothing on the next build.
 */
export function cachedSharePng(root = process.cwd(), stats?: CacheStats): (svg: string) => Promise<Uint8Array> {
  const code = codeHash([...FONTS, ...['@resvg/resvg-js', 'sharp'].map((p) => `node_modules/${p}/package.json`)], root) + JSON.stringify({ SHARE_WIDTH, PNG, FONTS });
  return cachedBytes('share-png', code, renderSharePng, stats);
}

// `npm run build` sets this (globalThis, because Astro's page modules are separate instances) when it
// writes the images itself: the Astro route then lists no paths.
const BY_BUILD = Symbol.for('cchc.shareImagesByBuild');
export const shareImagesByBuild = (): boolean => (globalThis as Record<symbol, unknown>)[BY_BUILD] === true;
export function setShareImagesByBuild(on: boolean): void {
  (globalThis as Record<symbol, unknown>)[BY_BUILD] = on;
}
