// Locating a verbatim quote in its source text, tolerant only of layout noise
// (whitespace, line breaks, Markdown emphasis, footnote markers). Offsets point
// into the original text so the site can anchor and highlight the quote there.
import { normalizeForQuote } from './text.ts';

const REMOVABLE = /<sup>\s*\d+\s*<\/sup>|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+/y;

interface Normalized {
  text: string;
  /** For each character of `text`, its index in the original string. */
  map: number[];
}

function normalizeWithMap(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    REMOVABLE.lastIndex = i;
    const removable = REMOVABLE.exec(original);
    if (removable) {
      i += removable[0].length;
      continue;
    }
    const ch = original[i];
    if (/\s/.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        map.push(i);
      }
    } else {
      text += ch;
      map.push(i);
    }
    i++;
  }
  return { text, map };
}

const cache = new WeakMap<object, Normalized>();
const boxes = new Map<string, object>();

function normalizedSource(source: string): Normalized {
  let box = boxes.get(source);
  if (!box) {
    box = {};
    boxes.set(source, box);
  }
  let n = cache.get(box);
  if (!n) {
    n = normalizeWithMap(source.normalize('NFC'));
    cache.set(box, n);
  }
  return n;
}

export interface QuoteLocation {
  /** Offsets in the NFC-normalised original source text. */
  start: number;
  end: number;
}

/** Where `quote` occurs in `source`, or null. First occurrence wins. */
export function locateQuote(source: string, quote: string): QuoteLocation | null {
  const needle = normalizeForQuote(quote);
  if (!needle) return null;
  const n = normalizedSource(source);
  const at = n.text.indexOf(needle);
  if (at < 0) return null;
  return { start: n.map[at], end: n.map[at + needle.length - 1] + 1 };
}
