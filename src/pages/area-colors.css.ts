// /area-colors.css: one rule per reform area (see src/view/area-colors.ts).
import { getSite } from '../pipeline/site.ts';
import { areaColorsCss } from '../view/area-colors.ts';

export function GET(): Response {
  return new Response(areaColorsCss(getSite().content.areas), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
