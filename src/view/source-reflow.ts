// Readable full text: the extracted source is hard-wrapped (one line per printed line, a blank
// line after each). Lines are joined into paragraphs, numbered headings become an outline and
// page-bottom footnotes are gathered at the end. Every quote keeps its mark (segments come from
// sourceSegments over the original text), and a quote is never split across paragraphs.
import type { Figure } from '../core/model.ts';
import { sourceSegments, type Segment } from './source-marks.ts';
import { GONE, withoutMarkup } from '../core/source-markup.ts';

// Re-exported for the page test and older imports.
export { shownSourceText, withoutMarkup } from '../core/source-markup.ts';

export interface SourceBlock {
  kind: 'p' | 'h2' | 'h3' | 'fn';
  /** Element id: headings "muc-3", footnotes "chu-thich-2". */
  id?: string;
  /** Footnote number. */
  n?: number;
  segments: Segment[];
}

export interface ReflowedSource {
  blocks: SourceBlock[];
  footnotes: SourceBlock[];
  outline: { id: string; label: string; level: 2 | 3 }[];
}

const LIST_START = /^([IVXLC]+\.|\d+(\.\d+)*\.\s|[a-zđ]\)\s|[-–+•*]\s)/;
const ROMAN_HEADING = /^[IVXLC]+\.\s+\S/;
const NUMBER_HEADING = /^\d+\.\s+\S/;
const FOOTNOTE = /^(\d{1,2})\s+\S/;

interface Line { start: number; end: number; text: string }

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: pos + lead, end: pos + lead + t.length, text: t });
    pos += raw.length + 1;
  }
  return out;
}

const isUpperHeading = (t: string) => t.length <= 120 && /\p{L}/u.test(t) && t === t.toLocaleUpperCase('vi') && !/\d{3,}/.test(t);

/** Cut the segment list to [start, end) of the original text, collapsing whitespace (quotes match regardless of it). */
function slice(segments: { start: number; seg: Segment }[], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  // Segments are in text order: start from the first that ends after `start` (binary search), stop at `end`
  // (a scan of every segment per paragraph was quadratic in the length of the text).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start + segments[mid].seg.text.length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length && segments[i].start < end; i++) {
    const { start: s0, seg } = segments[i];
    const s1 = s0 + seg.text.length;
    if (s1 <= start || s0 >= end) continue;
    const text = seg.text.slice(Math.max(0, start - s0), Math.min(seg.text.length, end - s0)).replaceAll(GONE, '').replace(/\s+/g, ' ');
    if (text) out.push({ text, ids: seg.ids });
  }
  return out;
}

export function reflowSource(source: string, figures: Pick<Figure, 'id' | 'location'>[]): ReflowedSource {
  const text = withoutMarkup(source);
  let pos = 0;
  const segments = sourceSegments(text, figures).map((seg) => {
    const item = { start: pos, seg };
    pos += seg.text.length;
    return item;
  });
  // Offsets covered by a quote: a line break there always joins.
  // Marked once per quote, so each line asks in constant time (not once per figure).
  const inside = new Uint8Array(text.length + 1);
  for (const f of figures) inside.fill(1, Math.max(0, f.location.start + 1), Math.min(inside.length, Math.max(0, f.location.end)));
  const quoted = (offset: number) => inside[offset] === 1;
  const lines = linesOf(text);
  const paragraphs: { start: number; end: number; first: string; single: boolean }[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const current = paragraphs.at(-1);
    const headingLike = (t: string) => ROMAN_HEADING.test(t) || isUpperHeading(t) || (NUMBER_HEADING.test(t) && t.length < 160);
    const breakHere =
      !prev ||
      !current ||
      (!quoted(line.start) &&
        (/[.:;!?…]["”)]?$/.test(prev.text) || LIST_START.test(line.text) || FOOTNOTE.test(line.text) || headingLike(prev.text) && current.single));
    if (breakHere) paragraphs.push({ start: line.start, end: line.end, first: line.text, single: true });
    else {
      current!.end = line.end;
      current!.single = false;
    }
  });
  const blocks: SourceBlock[] = [];
  const footnotes: SourceBlock[] = [];
  const outline: ReflowedSource['outline'] = [];
  let nextFootnote = 1;
  for (const p of paragraphs) {
    const segs = slice(segments, p.start, p.end);
    const plain = segs.map((s) => s.text).join('');
    const fn = plain.match(FOOTNOTE);
    if (fn && Number(fn[1]) === nextFootnote && !ROMAN_HEADING.test(plain)) {
      footnotes.push({ kind: 'fn', n: nextFootnote, id: `chu-thich-${nextFootnote}`, segments: segs });
      // Where the footnote stood (the foot of its printed page): its back-link lands here.
      blocks.push({ kind: 'fn', n: nextFootnote, id: `vi-tri-chu-thich-${nextFootnote}`, segments: [] });
      nextFootnote++;
      continue;
    }
    const short = plain.length <= 160 && !/[.;]$/.test(plain);
    const level = short && (ROMAN_HEADING.test(plain) || (isUpperHeading(plain) && outline.length > 0)) ? 2 : short && NUMBER_HEADING.test(plain) && outline.length > 0 ? 3 : 0;
    if (level) {
      const id = `muc-${outline.length + 1}`;
      outline.push({ id, label: plain, level: level as 2 | 3 });
      blocks.push({ kind: level === 2 ? 'h2' : 'h3', id, segments: segs });
    } else {
      // A sentence cut by a page-bottom footnote continues after it: join the two halves.
      const markers: SourceBlock[] = [];
      let i = blocks.length - 1;
      while (i >= 0 && blocks[i].kind === 'fn') markers.unshift(blocks[i--]);
      const before = blocks[i];
      if (markers.length && before?.kind === 'p' && !/[.:;!?…]["”)]?\s*$/.test(before.segments.map((x) => x.text).join('')) && /^\p{Ll}/u.test(plain)) {
        blocks.splice(i + 1, markers.length);
        before.segments.push({ text: ' ', ids: [] }, ...segs);
        blocks.push(...markers);
      } else blocks.push({ kind: 'p', segments: segs });
    }
  }
  return { blocks, footnotes, outline };
}
