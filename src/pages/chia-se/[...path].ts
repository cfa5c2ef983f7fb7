// Share images (OpenGraph/Twitter) rendered to PNG at build time with @resvg/resvg-js.
// One fixed font file, no system font scan: the same input gives the same bytes on every machine that has it.
// Encoded as a 64-colour palette PNG (sharp/libimagequant): flat colours and text look the same at
// ~40% of resvg's RGBA bytes (55 KB → 22 KB). Cached by SVG + fonts + encoder versions (scripts/cache.ts),
// so an unchanged image costs nothing on the next build.
import type { APIRoute } from 'astro';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { getSite } from '../../pipeline/site.ts';
import { indicatorShareSvg, reportShareSvg, shareImages, siteShareSvg } from '../../view/share-image.ts';
import { cachedBytes, codeHash } from '../../../scripts/cache.ts';

const FONT_DIR = process.env.SHARE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`).filter((f) => existsSync(f));
const WIDTH = 1200;
const PNG = { palette: true, colors: 64, compressionLevel: 9, effort: 4 } as const;

export function getStaticPaths() {
  const site = getSite();
  const strip = (p: string) => p.replace(/^\/chia-se\//, '');
  return [
    { params: { path: strip(shareImages.site()) }, props: { svg: siteShareSvg(site) } },
    ...site.content.indicators.map((i) => ({ params: { path: strip(shareImages.indicator(i.id)) }, props: { svg: indicatorShareSvg(site, i) } })),
    ...site.content.reports.map((r) => ({ params: { path: strip(shareImages.report(r.meta.id)) }, props: { svg: reportShareSvg(site, r.meta) } })),
  ];
}

/** SVG → RGBA pixels (resvg) → palette PNG (sharp). */
export async function renderSharePng(svg: string): Promise<Uint8Array> {
  const image = new Resvg(svg, {
    font: { fontFiles: FONTS, loadSystemFonts: FONTS.length === 0, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: WIDTH },
  }).render();
  const png = await sharp(Buffer.from(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } }).png(PNG).toBuffer();
  return new Uint8Array(png);
}

let cached: ((svg: string) => Promise<Uint8Array>) | null = null;
function sharePng(svg: string): Promise<Uint8Array> {
  if (!cached) {
    const root = process.cwd();
    // The fonts and both encoders' versions decide the pixels and bytes as much as the SVG does.
    const code = codeHash([...FONTS, ...['@resvg/resvg-js', 'sharp'].map((p) => `node_modules/${p}/package.json`)], root) + JSON.stringify({ WIDTH, PNG, FONTS });
    cached = cachedBytes('share-png', code, renderSharePng);
  }
  return cached(svg);
}

export const GET: APIRoute = async ({ props }) => {
  return new Response(new Uint8Array(await sharePng(props.svg as string)), { headers: { 'Content-Type': 'image/png' } });
};
