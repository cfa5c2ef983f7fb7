// Share images (OpenGraph/Twitter), 1200×630 PNG: src/view/share-image.ts draws them, scripts/share-png.ts
// rasterises them. `npm run build` writes them in a worker beside the Astro build (scripts/share-worker.ts),
// so this route lists no paths there; it serves them in `npm run dev` and in a plain `astro build`.
import type { APIRoute } from 'astro';
import { getSite } from '../../pipeline/site.ts';
import { shareCards } from '../../view/share-image.ts';
import { cachedSharePng, shareImagesByBuild } from '../../../scripts/share-png.ts';

export function getStaticPaths() {
  if (shareImagesByBuild()) return [];
  return shareCards(getSite()).map(({ path, svg }) => ({ params: { path: path.replace(/^\/chia-se\//, '') }, props: { svg } }));
}

let render: ((svg: string) => Promise<Uint8Array>) | null = null;

export const GET: APIRoute = async ({ props }) => {
  render ??= cachedSharePng();
  return new Response(new Uint8Array(await render(props.svg as string)), { headers: { 'Content-Type': 'image/png' } });
};
