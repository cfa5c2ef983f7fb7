// Text helpers shared by the build and the browser (no Node imports here).

/** Remove Vietnamese tone and vowel marks and fold đ/Đ to d/D. "Tu Mơ Rông" → "Tu Mo Rong". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** The one slug function: lower-case ASCII words joined by "-". "Đăk Hà" → "dak-ha". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Normalise text for locating a quote in its source: Unicode NFC, Markdown
 * emphasis (`*`) and footnote markers (¹², ⁽³⁾, <sup>4</sup>) removed,
 * whitespace collapsed. Quotes stay verbatim; only layout noise is ignored.
 */
export function normalizeForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, '')
    .replace(/⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escape the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
