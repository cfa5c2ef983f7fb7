// Every URL the site links to, in one place, so pages, exports and tests agree.
export const SITE_URL = (process.env.SITE_URL?.trim() || 'http://localhost:4321').replace(/\/$/, '');

export const urls = {
  home: () => '/',
  reports: () => '/bao-cao/',
  report: (id: string) => `/bao-cao/${id}/`,
  figure: (reportId: string, figureId: string) => `/bao-cao/${reportId}/#so-lieu-${figureId}`,
  source: (reportId: string) => `/bao-cao/${reportId}/van-ban/`,
  quote: (reportId: string, figureId: string) => `/bao-cao/${reportId}/van-ban/#trich-dan-${figureId}`,
  sourceTxt: (reportId: string) => `/data/bao-cao/${reportId}/source.txt`,
  indicators: () => '/chi-so/',
  indicator: (id: string) => `/chi-so/${id}/`,
  areas: () => '/linh-vuc/',
  area: (id: string) => `/linh-vuc/${id}/`,
  organizations: () => '/don-vi/',
  organization: (id: string) => `/don-vi/${id}/`,
  datasets: () => '/du-lieu/',
  dataset: (id: string) => `/du-lieu/${id}/`,
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
