// No imports: the build checks SITE_URL before loading anything heavy (Astro, content).
/**
 * The site URL a build writes into identifiers, citations and feeds. A production build
 * (--production, CI=true or NODE_ENV=production) must be given SITE_URL: a silent
 * http://localhost:4321 in 700 published files is worse than no build.
 */
export function resolveSiteUrl(env: Record<string, string | undefined>, argv: string[]): { url: string; production: boolean; error?: string; note: string } {
  const production = argv.includes('--production') || env.CI === 'true' || env.NODE_ENV === 'production';
  const raw = env.SITE_URL?.trim();
  if (!raw) {
    const url = 'http://localhost:4321';
    if (production) return { url, production, note: '', error: 'Thiếu SITE_URL: bản dựng production (--production, CI=true hoặc NODE_ENV=production) cần địa chỉ công khai của cổng, vd. SITE_URL=https://cchc.example.gov.vn npm run build. Dựng để xem trên máy: bỏ --production/CI.' };
    return { url, production, note: `SITE_URL chưa đặt: dùng ${url} (chỉ để xem trên máy; đặt SITE_URL trước khi triển khai).` };
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}" không phải URL hợp lệ: cần dạng https://ten-mien.vn` };
  }
  if (!/^https?:$/.test(parsed.protocol) || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash) {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}": cần http(s)://tên-miền, không kèm đường dẫn con, ?truy-vấn hay #neo (các liên kết của cổng bắt đầu từ gốc /)` };
  }
  if (production && /^(localhost|127\.|\[::1\])/.test(parsed.hostname)) {
    return { url: raw, production, note: '', error: `SITE_URL="${raw}" trỏ về máy cục bộ: bản dựng production cần địa chỉ công khai` };
  }
  return { url: raw.replace(/\/$/, ''), production, note: `SITE_URL = ${raw.replace(/\/$/, '')}${production ? ' (production)' : ''}` };
}
