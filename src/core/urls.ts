// Every URL the site links to, in one place, so pages, exports and tests agree.
export const SITE_URL = (process.env.SITE_URL?.trim() || 'http://localhost:4321').replace(/\/$/, '');

/** Page 1 of an archive group is the group's own URL; later pages are numbered folders below it. */
const pageSuffix = (page: number) => (page > 1 ? `${page}/` : '');

export const urls = {
  home: () => '/',
  reports: () => '/bao-cao/',
  /** One static page per year of the reports list (and /2/, /3/… when a year holds more than a page). */
  reportsYear: (year: string, page = 1) => `/bao-cao/nam/${year}/${pageSuffix(page)}`,
  report: (id: string) => `/bao-cao/${id}/`,
  figure: (reportId: string, figureId: string) => `/bao-cao/${reportId}/#so-lieu-${figureId}`,
  source: (reportId: string) => `/bao-cao/${reportId}/van-ban/`,
  quote: (reportId: string, figureId: string) => `/bao-cao/${reportId}/van-ban/#trich-dan-${figureId}`,
  sourceTxt: (reportId: string) => `/data/bao-cao/${reportId}/source.txt`,
  indicators: () => '/chi-so/',
  indicator: (id: string) => `/chi-so/${id}/`,
  /** Every figure of an indicator for one year (the indicator page shows the latest ones). */
  indicatorYear: (id: string, year: string, page = 1) => `/chi-so/${id}/nam/${year}/${pageSuffix(page)}`,
  embedIndicator: (id: string) => `/nhung/chi-so/${id}/`,
  areas: () => '/linh-vuc/',
  area: (id: string) => `/linh-vuc/${id}/`,
  /** The area's report summaries for one year. */
  areaYear: (id: string, year: string, page = 1) => `/linh-vuc/${id}/nam/${year}/${pageSuffix(page)}`,
  organizations: () => '/don-vi/',
  organization: (id: string) => `/don-vi/${id}/`,
  /** The organization's reports for one year. */
  organizationYear: (id: string, year: string, page = 1) => `/don-vi/${id}/nam/${year}/${pageSuffix(page)}`,
  datasets: () => '/du-lieu/',
  dataset: (id: string) => `/du-lieu/${id}/`,
  /** Report datasets of one year (the catalogue lists the newest). */
  datasetsYear: (year: string, page = 1) => `/du-lieu/nam/${year}/${pageSuffix(page)}`,
  api: () => '/du-lieu/api/',
  changelog: () => '/du-lieu/phien-ban/',
  feed: () => '/feed.xml',
  search: () => '/tim-kiem/',
  about: () => '/gioi-thieu/',
  data: (file: string) => `/data/${file}`,
};

/** Optional public contact address for data users (shown on the about page and in DCAT contact points). */
export const CONTACT_EMAIL = process.env.CONTACT_EMAIL?.trim() || undefined;

export const absolute = (path: string) => `${SITE_URL}${path}`;
