// Share images (OpenGraph/Twitter) rendered to PNG at build time with @resvg/resvg-js.
// One fixed font file, no system font scan: the same input gives the same bytes on every machine that has it.
import type { APIRoute } from 'astro';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { getSite } from '../../pipeline/site.ts';
import { indicatorShareSvg, reportShareSvg, shareImages, siteShareSvg } from '../../view/share-image.ts';

const FONT_DIR = process.env.SHARE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`).filter((f) => existsSync(f));

export function getStaticPaths() {
  const site = getSite();
  const strip = (p: string) => p.replace(/^\/chia-se\//, '');
  return [
    { params: { path: strip(shareImages.site()) }, props: { svg: siteShareSvg(site) } },
    ...site.content.indicators.map((i) => ({ params: { path: strip(shareImages.indicator(i.id)) }, props: { svg: indicatorShareSvg(site, i) } })),
    ...site.content.reports.map((r) => ({ params: { path: strip(shareImages.report(r.meta.id)) }, props: { svg: reportShareSvg(site, r.meta) } })),
  ];
}

export const GET: APIRoute = ({ props }) => {
  const resvg = new Resvg(props.svg as string, {
    font: { fontFiles: FONTS, loadSystemFonts: FONTS.length === 0, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: 1200 },
  });
  return new Response(new Uint8Array(resvg.render().asPng()), { headers: { 'Content-Type': 'image/png' } });
};
