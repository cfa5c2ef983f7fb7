// Which URLs curated text may link to. Content is untrusted: only web links,
// e-mail, in-site paths and fragments; never javascript:, data:, vbscript:,
// protocol-relative "//host" or anything else a browser might run or fetch.
// Shared by the Markdown renderer (what is emitted) and the validator (what is refused).

/** Whether a (decoded) link destination may become an href. */
export function isAllowedLink(url: string): boolean {
  const u = url.trim();
  if (u === '') return false;
  if (/^https?:\/\/[^/\\\s]/i.test(u)) return true;
  if (/^mailto:[^\s/\\]/i.test(u)) return true;
  if (u.startsWith('#')) return true;
  return isSitePath(u);
}

/** An absolute path on this site: "/bao-cao/…", not "//host" nor "/\host" (both leave the site). */
export function isSitePath(url: string): boolean {
  return /^\/(?![/\\])/.test(url.trim()) && !/[\s\\]/.test(url.trim());
}

/** Images are fetched by every visitor's browser: only from this site. */
export function isAllowedImage(url: string): boolean {
  return isSitePath(url);
}
