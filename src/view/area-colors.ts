// Area colours as a stylesheet (/area-colors.css) instead of style="--area-color: …"
// attributes, so pages pass a strict Content-Security-Policy (no inline styles).
// Elements carry data-area="<id>"; ids are slugs and colours #rrggbb (schema.ts),
// so nothing from content can break out of the rule.
import type { Area } from '../core/schema.ts';

export function areaColorsCss(areas: Pick<Area, 'id' | 'color'>[]): string {
  const safe = areas.filter((a) => /^[a-z0-9-]+$/.test(a.id) && /^#[0-9a-f]{6}$/i.test(a.color));
  return `/* Generated from data/areas.json. */\n${safe.map((a) => `[data-area="${a.id}"] { --area-color: ${a.color}; }`).join('\n')}\n`;
}
