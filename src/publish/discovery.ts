// Harvest and discovery files: Project Open Data data.json, a static CKAN-shaped
// Action API (answers as files), robots.txt, sitemap.xml and an Atom feed.
import type { Site } from '../pipeline/derive.ts';
import { absolute, CONTACT_EMAIL, urls } from '../core/urls.ts';
import { buildDatasets, datasetDownloads, LICENSE, officialUrls, PUBLISHER, reportDate, siteModified, type Dataset, type FileFacts } from './datasets.ts';
import { datasetIri, datasetPublisher, FORMATS } from './dcat.ts';
import { siteVersion } from './releases.ts';
import { byId } from '../core/model.ts';

export const CKAN_ACTIONS = ['package_list', 'package_search', 'organization_list', 'group_list', 'status_show'] as const;

/**
 * package_search past its one page (under /api/3/action/): CKAN answers ?start beyond the last result with
 * no results, and clients page (?start=0, 100, …) until such a page. A static file answers every page with
 * every dataset, so a client that stops only at an empty page never stops (ckanext-harvest stops because it
 * drops ids it has seen); deploy/ answers start > 0 with this file.
 */
export const PACKAGE_SEARCH_PAST_END = 'package_search_past_end.json';

/** Size and checksum of the files written before the API (path under dist/ → facts). */
type WrittenFiles = ReadonlyMap<string, FileFacts>;

function resourcesOf(d: Dataset, files: WrittenFiles) {
  return datasetDownloads(d).map(({ format, file }) => {
    const facts = files.get(`data/${file}`);
    return { format, file, url: absolute(urls.data(file)), mediaType: FORMATS[format].mediaType, bytes: facts ? facts.bytes : null, hash: facts ? `sha256:${facts.sha256}` : null };
  });
}

/** ISO 8601 repeating durations of Project Open Data for the portal's frequency labels. */
const POD_PERIODICITY: Record<string, string> = { 'Hàng quý': 'R/P3M', 'Hàng năm': 'R/P1Y', 'Một lần': 'irregular', 'Khi có thay đổi': 'irregular' };

export function podDataJson(site: Site, files: WrittenFiles) {
  const { version } = siteVersion(site);
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': absolute(urls.data('data.json')),
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: buildDatasets(site).map((d) => {
      const org = site.organizationsById.get(datasetPublisher(site, d));
      return {
        '@type': 'dcat:Dataset',
        identifier: datasetIri(d.id),
        title: d.title,
        description: d.description,
        keyword: d.keywords,
        issued: d.reports.map((r) => reportDate(site, r)).sort()[0] ?? d.modified,
        modified: d.modified,
        publisher: { '@type': 'org:Organization', name: org?.name ?? PUBLISHER.sourceOrganization },
        // hasEmail only when the operator configured one (CONTACT_EMAIL): never an invented address.
        contactPoint: { '@type': 'vcard:Contact', fn: PUBLISHER.name, ...(CONTACT_EMAIL ? { hasEmail: `mailto:${CONTACT_EMAIL}` } : {}) },
        accessLevel: 'public',
        license: LICENSE.url,
        rights: `${LICENSE.title}. Ghi nguồn: ${PUBLISHER.name}.`,
        spatial: 'Tỉnh Kon Tum, Việt Nam',
        ...(d.temporal ? { temporal: `${d.temporal.start}/${d.temporal.end}` } : {}),
        accrualPeriodicity: POD_PERIODICITY[d.frequency] ?? 'irregular',
        language: ['vi'],
        theme: ['Cải cách hành chính'],
        landingPage: absolute(urls.dataset(d.id)),
        describedBy: absolute(urls.data('datapackage.json')),
        describedByType: 'application/json',
        // POD "references": related documents, here the issuers' originals of the source documents.
        ...(officialUrls(site, d).length ? { references: officialUrls(site, d) } : {}),
        version,
        distribution: resourcesOf(d, files).map((r) => ({ '@type': 'dcat:Distribution', title: `${d.title} (${r.format})`, downloadURL: r.url, mediaType: r.mediaType, format: r.format })),
      };
    }),
  };
}

// ——— CKAN-shaped Action API (read-only, as static files) ———

const envelope = (action: string, result: unknown) => ({ help: `${absolute(urls.api())}#${action}`, success: true, result });

function ckanOrganization(site: Site, id: string) {
  const o = site.organizationsById.get(id);
  return { id, name: id, title: o?.name ?? id, type: 'organization', is_organization: true, state: 'active', approval_status: 'approved', description: o?.nameEn ?? '', image_url: '' };
}

function ckanGroup(site: Site, areaId: string) {
  const a = byId(site.areasById, areaId, 'lĩnh vực');
  return { id: a.id, name: a.id, title: a.label, display_name: a.label, description: a.description, type: 'group', is_organization: false, state: 'active', image_url: '' };
}

/**
 * A keyword as a CKAN tag: CKAN's tag_name_validator takes only letters, digits, "_", "-", "." and spaces
 * (2–100 characters), so package_create refuses a harvested package tagged "quý III/2024"; each run of other
 * characters becomes "-" (none at either end). DCAT and data.json keep the keyword as written.
 */
export function ckanTag(keyword: string): string | null {
  const tag = keyword.normalize('NFC').replace(/[^\p{L}\p{N}_ .-]+/gu, '-').replace(/^[\s-]+|[\s-]+$/g, '').slice(0, 100);
  return [...tag].length >= 2 ? tag : null;
}

export function ckanPackage(site: Site, d: Dataset, files: WrittenFiles) {
  const { version } = siteVersion(site);
  const publisher = datasetPublisher(site, d);
  const created = d.reports.map((r) => reportDate(site, r)).sort()[0] ?? d.modified;
  const tags = [...new Set(d.keywords.map(ckanTag).filter((t) => t !== null))];
  const resources = resourcesOf(d, files).map((r, i) => ({
    id: `${d.id}-${r.format.toLowerCase()}`,
    package_id: d.id,
    name: `${d.title} (${r.format})`,
    description: '',
    url: r.url,
    format: r.format,
    mimetype: r.mediaType,
    size: r.bytes,
    hash: r.hash ?? '',
    position: i,
    state: 'active',
    created: `${created}T00:00:00`,
    last_modified: `${d.modified}T00:00:00`,
    url_type: null,
  }));
  return {
    id: d.id,
    name: d.id,
    title: d.title,
    notes: d.description,
    type: 'dataset',
    state: 'active',
    private: false,
    url: absolute(urls.dataset(d.id)),
    version,
    license_id: LICENSE.id,
    license_title: LICENSE.title,
    license_url: LICENSE.url,
    isopen: true,
    author: PUBLISHER.sourceOrganization,
    author_email: null,
    maintainer: PUBLISHER.name,
    maintainer_email: CONTACT_EMAIL ?? null,
    metadata_created: `${created}T00:00:00`,
    metadata_modified: `${d.modified}T00:00:00`,
    owner_org: publisher,
    organization: ckanOrganization(site, publisher),
    groups: d.areas.map((a) => ckanGroup(site, a)),
    tags: tags.map((k) => ({ name: k, display_name: k, state: 'active' })),
    num_tags: tags.length,
    resources,
    num_resources: resources.length,
    extras: [
      { key: 'identifier', value: datasetIri(d.id) },
      { key: 'frequency', value: d.frequency },
      { key: 'spatial_text', value: 'Tỉnh Kon Tum, Việt Nam' },
      ...(d.temporal ? [{ key: 'temporal_start', value: d.temporal.start }, { key: 'temporal_end', value: d.temporal.end }] : []),
      { key: 'language', value: 'vi' },
      // ckanext-dcat's key for foaf:page: the issuers' originals of the source documents, as a JSON list.
      ...(officialUrls(site, d).length ? [{ key: 'documentation', value: JSON.stringify(officialUrls(site, d)) }] : []),
    ],
  };
}

// Compact: API answers grow with every report (package_search lists every dataset).
const json = (v: unknown) => `${JSON.stringify(v)}\n`;

/**
 * The API as files: /api/3/action/<action> (no extension, what CKAN clients request; the
 * server config sends it as JSON) plus the same with .json for plain static hosts, and
 * /api/3/action/package_show/<id>.json (…/package_show?id=<id> needs the rewrite in deploy/).
 */
export function ckanFiles(site: Site, files: WrittenFiles): Map<string, string> {
  const out = new Map<string, string>();
  const datasets = buildDatasets(site);
  const put = (action: string, result: unknown) => {
    out.set(`api/3/action/${action}`, json(envelope(action, result)));
    out.set(`api/3/action/${action}.json`, json(envelope(action, result)));
  };
  const packages = datasets.map((d) => ckanPackage(site, d, files));
  put('package_list', datasets.map((d) => d.id));
  const search = { count: packages.length, sort: 'name asc', facets: {}, search_facets: {} };
  put('package_search', { ...search, results: packages });
  out.set(`api/3/action/${PACKAGE_SEARCH_PAST_END}`, json(envelope('package_search', { ...search, results: [] })));
  const orgs = [...new Set(datasets.map((d) => datasetPublisher(site, d)))].sort();
  put('organization_list', orgs);
  put('group_list', site.content.areas.filter((a) => datasets.some((d) => d.areas.includes(a.id))).map((a) => a.id));
  put('status_show', { site_title: PUBLISHER.name, site_url: absolute(urls.home()), site_description: 'Cổng dữ liệu mở tĩnh; API chỉ đọc, dạng tệp tĩnh theo khuôn CKAN Action API v3.', ckan_version: '2.10.0', error_emails_to: null, locale_default: 'vi', extensions: [] });
  packages.forEach((p) => out.set(`api/3/action/package_show/${p.name}.json`, json(envelope('package_show', p))));
  for (const id of orgs) out.set(`api/3/action/organization_show/${id}.json`, json(envelope('organization_show', { ...ckanOrganization(site, id), package_count: packages.filter((p) => p.owner_org === id).length })));
  for (const a of site.content.areas) if (datasets.some((d) => d.areas.includes(a.id))) out.set(`api/3/action/group_show/${a.id}.json`, json(envelope('group_show', { ...ckanGroup(site, a.id), package_count: datasets.filter((d) => d.areas.includes(a.id)).length })));
  return out;
}

// ——— Crawlers and feeds ———

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function robotsTxt(): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml')}\n`;
}

/** sitemap.xml of the given page paths (root-relative, with trailing slash), sorted. */
export function sitemapXml(paths: string[], lastmod: string): string {
  const items = [...new Set(paths)].sort().map((p) => `  <url><loc>${xmlEscape(absolute(encodeURI(p)))}</loc><lastmod>${lastmod}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`;
}

export interface FeedEntry { id: string; title: string; updated: string; link: string; summary: string; category: string }

export function feedEntries(site: Site): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const r of site.content.reports) {
    entries.push({ id: absolute(urls.report(r.meta.id)), title: r.meta.title, updated: reportDate(site, r.meta.id), link: absolute(urls.report(r.meta.id)), summary: r.meta.summary, category: 'Báo cáo' });
  }
  for (const d of buildDatasets(site)) {
    entries.push({ id: datasetIri(d.id), title: `Bộ dữ liệu: ${d.title}`, updated: d.modified, link: absolute(urls.dataset(d.id)), summary: d.description, category: 'Bộ dữ liệu' });
  }
  for (const c of siteVersion(site).changelog) {
    const what = [`${c.added.length} số liệu mới`, `${c.changed.length} số liệu thay đổi`, `${c.removed.length} số liệu bị bỏ`].join(', ');
    entries.push({ id: `${absolute(urls.changelog())}#v${c.version}`, title: `Dữ liệu phiên bản ${c.version}${c.released ? '' : ' (chưa phát hành chính thức)'}`, updated: c.date, link: `${absolute(urls.changelog())}#v${c.version}`, summary: `${what}.`, category: 'Phiên bản dữ liệu' });
  }
  return entries.sort((a, b) => (a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated < b.updated ? 1 : -1));
}

export function atomFeed(site: Site): string {
  const entries = feedEntries(site);
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? siteModified(site);
  const body = entries
    .map((e) => `  <entry>\n    <id>${xmlEscape(e.id)}</id>\n    <title>${xmlEscape(e.title)}</title>\n    <updated>${e.updated}T00:00:00Z</updated>\n    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>\n    <category term="${xmlEscape(e.category)}"/>\n    <summary>${xmlEscape(e.summary)}</summary>\n  </entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n  <id>${xmlEscape(absolute('/feed.xml'))}</id>\n  <title>${xmlEscape(PUBLISHER.name)}: báo cáo, bộ dữ liệu và phiên bản mới</title>\n  <updated>${updated}T00:00:00Z</updated>\n  <author><name>${xmlEscape(PUBLISHER.name)}</name></author>\n  <link rel="self" type="application/atom+xml" href="${xmlEscape(absolute('/feed.xml'))}"/>\n  <link rel="alternate" type="text/html" href="${xmlEscape(absolute(urls.home()))}"/>\n  <rights>${xmlEscape(LICENSE.title)}</rights>\n${body}\n</feed>\n`;
}
