// Which URLs curated text may link to. Content is untrusted: only web links,
// e-mail, in-site paths and fragments; never javascript:, data:, vbscript:,
// protocol-relative "//host" or anything else a browser might run or fetch.
// Shared by the Markdown renderer (what is emitted) and the validator (what is refused).

/** Whether a (decoded) link destination may become an href. */
export function isAllowedLink(url: string): boolean {
  const u = url.trim();
  if (u === '') return false;
  if (/^https?:\/\//i.test(u)) return webUrlProblem(u) === null;
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

/**
 * rel of every link to an address content supplies (officialUrl, a legal basis, a narrative link):
 * the other site gets neither a handle on this page (noopener) nor the reader's page address (noreferrer).
 */
export const EXTERNAL_REL = 'external noopener noreferrer';

// Whitespace, C0/C1 controls and invisible or direction-changing characters (soft hyphen, zero-width,
// bidi marks and isolates, word joiner, BOM): a reader cannot see them, so a link can hide where it goes.
const HIDDEN = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u;

/**
 * Why a web address of content/ or data/ (report.json officialUrl, events.json legalBasis url, a
 * narrative link) is refused, with the fix, or null. http(s) only, with a host, no user name or
 * password ("user:pass@host" leaks a secret and can disguise the host), nothing invisible, none of
 * the characters a URL cannot hold unescaped. Plain http is allowed but warned (insecureWebUrl).
 */
export function webUrlProblem(url: string): string | null {
  const hidden = HIDDEN.exec(url);
  if (hidden) return `có khoảng trắng, ký tự điều khiển hoặc ký tự ẩn (U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}): xóa ký tự đó (khoảng trắng thật trong địa chỉ viết %20)`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (!scheme || !/^https?$/i.test(scheme)) return `phải là địa chỉ web đầy đủ bắt đầu bằng https:// (không dùng ${scheme ? `${scheme}:` : 'địa chỉ thiếu giao thức'})`;
  if (!url.startsWith(`${scheme}://`)) return `sau "${scheme}:" phải là "//" rồi tên máy chủ, vd. https://kontum.gov.vn/…`;
  const authority = url.slice(scheme.length + 3).split(/[/?#]/)[0];
  if (authority.includes('@')) return 'không được chứa tên đăng nhập hay mật khẩu (phần "…@" trước tên máy chủ): xóa phần đó';
  if (authority === '' || authority.startsWith(':')) return `thiếu tên máy chủ sau ${scheme}://`;
  const bad = /["<>\\{}|^`]/.exec(url);
  if (bad) return `có ký tự "${bad[0]}" không được để nguyên trong địa chỉ: mã hóa nó (vd. " → %22, < → %3C, > → %3E, khoảng trắng → %20)`;
  return null;
}

/** A plain-http address (readable, but neither private nor tamper-proof): the https spelling to use instead, else null. */
export function insecureWebUrl(url: string): string | null {
  return /^http:\/\//i.test(url) ? `https://${url.slice('http://'.length)}` : null;
}
