// Vietnamese number notation: "." groups thousands, "," marks decimals.
// "67.628" = 67628, "98,7" = 98.7, "5.124.951" = 5124951, "126,203" = 126.203.

/** Parse a number printed the Vietnamese way; returns null when the text is not one. */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').replace(/\u00a0/g, '');
  if (!/^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/.test(t)) return null;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}

/** Every number token in a text, each with where it starts and the values it can mean. */
export function numbersInText(text: string): { token: string; index: number; values: number[] }[] {
  const out: { token: string; index: number; values: number[] }[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const token = m[0];
    const values = new Set<number>();
    const vi = parseVietnameseNumber(token);
    if (vi !== null) values.add(vi);
    // Sources sometimes print an English decimal point ("99.28%"): accept that reading
    // only when the token cannot be Vietnamese thousands grouping ("67.628" stays 67628).
    if (vi === null && /^\d+\.\d+$/.test(token)) values.add(Number(token));
    out.push({ token, index: m.index, values: [...values] });
  }
  return out;
}

/** Whether `value` is printed in `text` (in Vietnamese or, as a fallback, English notation). */
export function textMentionsValue(text: string, value: number): boolean {
  return numbersInText(text).some((n) => n.values.some((v) => Math.abs(v - value) < 1e-9));
}

/**
 * Whether a quote states that there is none of something, so the figure 0 is printed in
 * words: "không có …", "chưa có … nào", "chưa phát hiện …", "không phát sinh …",
 * "không/chưa … nào", or an item answered "…: Không." (a report template's item with
 * nothing to report). A bare "không" is not enough ("không ngừng nâng cao").
 */
export function statesNone(text: string): boolean {
  const t = text.normalize('NFC').toLowerCase();
  return (
    /(?:^|[^\p{L}])(?:không|chưa)\s+(?:có|phát hiện|phát sinh|xảy ra|nhận được|tiếp nhận)(?=$|[^\p{L}])/u.test(t) ||
    /(?:^|[^\p{L}])(?:không|chưa)\s+(?:\S+\s+){0,4}nào(?=$|[^\p{L}])/u.test(t) ||
    /:\s*không\s*[.;]?\s*$/u.test(t)
  );
}
