// Conversion markup in source texts (Markdown `#` headings, `**`/`*` emphasis, `---` rules, `<sup>4</sup>`
// footnote markers), removed for display and search while keeping every quote offset valid.

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Stands in for removed markup so every offset (quote marks) keeps its place; dropped when shown (sources cannot contain it: control characters are refused). */
export const GONE = '\u0000';

/**
 * Conversion markup some sources carry (Markdown `#` headings, `**`/`*` emphasis, `---` rules,
 * `<sup>4</sup>` footnote markers) shown as the printed document reads: removed, footnote markers
 * as superscripts (a footnote's own number at a line start stays a digit). Same length as `text`.
 */
export function withoutMarkup(text: string): string {
  const pad = (s: string, n: number) => s + GONE.repeat(n - s.length);
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*-{3,}\s*$/.test(line)) return ' '.repeat(line.length);
      let out = line
        .replace(/^(\s*)(#{1,6})(?=\s)/, (_, lead: string, h: string) => lead + ' '.repeat(h.length))
        .replace(/^(\s*)<sup>\s*(\d{1,2})\s*<\/sup>/i, (m, lead: string, n: string) => lead + n + ' '.repeat(m.length - lead.length - n.length))
        .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (m, n: string) => pad([...n].map((d) => SUPERSCRIPT[Number(d)]).join(''), m.length))
        // Emphasis, not a "* " bullet at the start of a line.
        .replace(/\*{2,}|\*(?=\S)|(?<=\S)\*/g, (m) => GONE.repeat(m.length));
      // Removed markup at either end of a line is layout, as blank as its whitespace.
      out = out.replace(/^[\s\u0000]+/, (m) => ' '.repeat(m.length)).replace(/[\s\u0000]+$/, (m) => ' '.repeat(m.length));
      return out;
    })
    .join('\n');
}

/** The source text as the full-text page shows it (conversion markup removed, see withoutMarkup). */
export function shownSourceText(source: string): string {
  return withoutMarkup(source).replaceAll(GONE, '');
}
