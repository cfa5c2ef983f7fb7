// The public URL the shared test build is made with: a production-like build (the
// CI guard requires SITE_URL), on a reserved .example domain so nothing points to a real site.
export const TEST_SITE_URL = process.env.SITE_URL?.trim() || 'https://cong-du-lieu-cchc.example';
