// Split a source text into plain and quoted segments so the full-text page can
// anchor and highlight every quoted sentence. Pure; escaping is the renderer's job.
import type { Figure } from '../core/model.ts';
import { compareKeys } from '../core/text.ts';

export interface Segment {
  text: string;
  /** Figure ids quoting this segment; empty for plain text. The first is the mark's element id. */
  ids: string[];
}

/**
 * Overlapping quotes share the first mark (its extra ids become anchors at the same spot); the mark
 * grows to the union, so a quote that runs past the first one is still highlighted to its end.
 */
export function sourceSegments(text: string, figures: Pick<Figure, 'id' | 'location'>[]): Segment[] {
  const spans = [...figures].sort((a, b) => a.location.start - b.location.start || b.location.end - a.location.end || compareKeys(a.id, b.id));
  const out: Segment[] = [];
  let pos = 0;
  let current: Segment | null = null;
  for (const f of spans) {
    const { start, end } = f.location;
    if (current && start < pos) {
      current.ids.push(f.id);
      if (end > pos) {
        current.text += text.slice(pos, end);
        pos = end;
      }
      continue;
    }
    if (start > pos) out.push({ text: text.slice(pos, start), ids: [] });
    current = { text: text.slice(start, end), ids: [f.id] };
    out.push(current);
    pos = end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), ids: [] });
  return out;
}
