// DCAT-AP 3.0.1 catalogue of the portal's datasets, as RDF triples (serialised to
// JSON-LD and Turtle by rdf.ts). Controlled vocabularies: EU file types, frequencies,
// data themes and languages, IANA media types; own IRIs for datasets, organizations
// and places (hash IRIs on their pages, distinct from the pages themselves).
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { buildDatasets, datasetDownloads, LICENSE, officialUrls, PUBLISHER, reportDate, siteModified, tableSchemaFile, type Dataset, type FileFacts } from './datasets.ts';
import { en, iri, NS, RDF_TYPE, typed, vi, type Term, type Triple } from './rdf.ts';
import { siteVersion } from './releases.ts';
import { byId } from '../core/model.ts';

const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'https://www.iana.org/assignments/media-types/';
const { dcat, dct, foaf, vcard, skos, spdx, rdfs, locn } = NS;

export const FORMATS = {
  CSV: { mediaType: 'text/csv', fileType: 'CSV' },
  JSON: { mediaType: 'application/json', fileType: 'JSON' },
  XLSX: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileType: 'XLSX' },
} as const;

/** EU frequency authority table entries for the portal's frequency labels. */
const FREQUENCIES: Record<string, string> = {
  'Hàng quý': 'QUARTERLY',
  'Hàng năm': 'ANNUAL',
  // A single report's figures change only when an error is corrected.
  'Một lần': 'IRREG',
  'Khi có thay đổi': 'IRREG',
};

export const catalogIri = () => `${absolute(urls.datasets())}#catalog`;
export const datasetIri = (id: string) => `${absolute(urls.dataset(id))}#dataset`;
export const agentIri = (id: string) => `${absolute(urls.organization(id))}#org`;
const placeIri = (id: string) => `${absolute(urls.organization(id))}#place`;
const contactIri = () => `${absolute(urls.about())}#contact`;

/** The organization a dataset is published by: the issuer when all its reports share one, else the province. */
export function datasetPublisher(site: Site, d: Dataset): string {
  const issuers = [...new Set(d.reports.map((r) => byId(site.reportsById, r, 'báo cáo').meta.issuer))];
  return issuers.length === 1 ? issuers[0] : PROVINCE;
}
const PROVINCE = 'tinh-kon-tum';

/** Territories a dataset speaks about: districts and communes as themselves, province bodies as the province. */
function places(site: Site, d: Dataset): string[] {
  const ids = d.organizations.length ? d.organizations : [PROVINCE];
  return [...new Set(ids.map((id) => {
    const o = site.organizationsById.get(id);
    return o && (o.kind === 'district' || o.kind === 'commune') ? o.id : PROVINCE;
  }))].sort();
}

export interface DcatOptions {
  /** Size and checksum of the files written (path under dist/ → facts), for byteSize and checksums. */
  files: ReadonlyMap<string, FileFacts>;
  /** Optional contact e-mail (CONTACT_EMAIL at build time). */
  contactEmail?: string;
}

export function catalogTriples(site: Site, opts: DcatOptions): Triple[] {
  const t: Triple[] = [];
  const add = (s: string, p: string, o: Term) => t.push([s, p, o]);
  const type = (s: string, c: string) => add(s, RDF_TYPE, iri(c));
  const datasets = buildDatasets(site);
  const { version } = siteVersion(site);
  const cat = catalogIri();
  const usedAgents = new Set<string>();
  const usedPlaces = new Set<string>();
  const concepts = new Map<string, { label: Term[]; scheme?: string }>();

  type(cat, `${dcat}Catalog`);
  add(cat, `${dct}title`, vi(PUBLISHER.name));
  add(cat, `${dct}title`, en('Kon Tum administrative reform open data portal'));
  add(cat, `${dct}description`, vi('Danh mục các bộ dữ liệu mở về cải cách hành chính tỉnh Kon Tum: số liệu trích từ báo cáo, kế hoạch và văn bản chỉ đạo, mỗi số liệu kèm trích dẫn nguyên văn làm bằng chứng.'));
  add(cat, `${dct}description`, en('Open datasets on public-administration reform in Kon Tum province, Viet Nam: figures extracted from reports, plans and directives, each with the verbatim quote it comes from.'));
  add(cat, `${dct}publisher`, iri(agentIri(PROVINCE)));
  usedAgents.add(PROVINCE);
  add(cat, `${foaf}homepage`, iri(absolute(urls.home())));
  type(absolute(urls.home()), `${foaf}Document`);
  add(cat, `${dct}language`, iri(`${EU}language/VIE`));
  add(cat, `${dct}license`, iri(LICENSE.url));
  add(cat, `${dct}spatial`, iri(placeIri(PROVINCE)));
  usedPlaces.add(PROVINCE);
  add(cat, `${dct}spatial`, iri(`${EU}country/VNM`));
  const firstIssued = site.content.reports.map((r) => reportDate(site, r.meta.id)).sort()[0] ?? siteModified(site);
  add(cat, `${dct}issued`, typed(firstIssued, 'date'));
  add(cat, `${dct}modified`, typed(siteModified(site), 'date'));
  add(cat, `${dcat}themeTaxonomy`, iri(`${EU}data-theme`));

  for (const d of datasets) {
    const ds = datasetIri(d.id);
    const page = absolute(urls.dataset(d.id));
    add(cat, `${dcat}dataset`, iri(ds));
    type(ds, `${dcat}Dataset`);
    add(ds, `${dct}identifier`, { value: ds });
    add(ds, `${dct}title`, vi(d.title));
    add(ds, `${dct}description`, vi(d.description));
    if (d.en) {
      add(ds, `${dct}title`, en(d.en.title));
      add(ds, `${dct}description`, en(d.en.description));
    }
    for (const k of d.keywords) add(ds, `${dcat}keyword`, vi(k));
    const publisher = datasetPublisher(site, d);
    add(ds, `${dct}publisher`, iri(agentIri(publisher)));
    usedAgents.add(publisher);
    for (const r of d.reports) {
      const issuer = byId(site.reportsById, r, 'báo cáo').meta.issuer;
      add(ds, `${dct}creator`, iri(agentIri(issuer)));
      usedAgents.add(issuer);
      // The source document's page (dct:source is reserved for datasets in DCAT-AP).
      add(ds, `${dct}relation`, iri(absolute(urls.report(r))));
    }
    // The issuer's own copy of a source document: foaf:page ("a page or document about this Dataset",
    // range foaf:Document). Not dct:source, whose range in DCAT-AP 3.0.1 is dcat:Dataset.
    for (const u of officialUrls(site, d)) {
      add(ds, `${foaf}page`, iri(u));
      type(u, `${foaf}Document`);
    }
    add(ds, `${dcat}contactPoint`, iri(contactIri()));
    add(ds, `${dcat}theme`, iri(`${EU}data-theme/GOVE`));
    concepts.set(`${EU}data-theme/GOVE`, { label: [vi('Chính phủ và khu vực công'), en('Government and public sector')], scheme: `${EU}data-theme` });
    for (const p of places(site, d)) {
      add(ds, `${dct}spatial`, iri(placeIri(p)));
      usedPlaces.add(p);
    }
    if (d.temporal) {
      const period = `${page}#temporal`;
      add(ds, `${dct}temporal`, iri(period));
      type(period, `${dct}PeriodOfTime`);
      add(period, `${dcat}startDate`, typed(d.temporal.start, 'date'));
      add(period, `${dcat}endDate`, typed(d.temporal.end, 'date'));
    }
    const freq = FREQUENCIES[d.frequency];
    if (!freq) throw new Error(`dcat: tần suất "${d.frequency}" của bộ dữ liệu ${d.id} chưa có mã EU — thêm vào FREQUENCIES trong src/publish/dcat.ts`);
    add(ds, `${dct}accrualPeriodicity`, iri(`${EU}frequency/${freq}`));
    type(`${EU}frequency/${freq}`, `${dct}Frequency`);
    const dates = d.reports.map((r) => reportDate(site, r)).sort();
    add(ds, `${dct}issued`, typed(dates[0] ?? d.modified, 'date'));
    add(ds, `${dct}modified`, typed(d.modified, 'date'));
    add(ds, `${dcat}version`, { value: version });
    add(ds, `${dct}language`, iri(`${EU}language/VIE`));
    add(ds, `${dcat}landingPage`, iri(page));
    type(page, `${foaf}Document`);
    add(ds, `${dct}conformsTo`, iri(absolute(urls.data('datapackage.json'))));
    type(absolute(urls.data('datapackage.json')), `${dct}Standard`);

    for (const { format, file } of datasetDownloads(d)) {
      const dist = `${page}#distribution-${format.toLowerCase()}`;
      const spec = FORMATS[format];
      add(ds, `${dcat}distribution`, iri(dist));
      type(dist, `${dcat}Distribution`);
      add(dist, `${dct}title`, vi(`${d.title} (${format})`));
      add(dist, `${dcat}accessURL`, iri(page));
      add(dist, `${dcat}downloadURL`, iri(absolute(urls.data(file))));
      add(dist, `${dcat}mediaType`, iri(`${IANA}${spec.mediaType}`));
      type(`${IANA}${spec.mediaType}`, `${dct}MediaType`);
      add(dist, `${dct}format`, iri(`${EU}file-type/${spec.fileType}`));
      type(`${EU}file-type/${spec.fileType}`, `${dct}MediaTypeOrExtent`);
      add(dist, `${dct}license`, iri(LICENSE.url));
      add(dist, `${dct}modified`, typed(d.modified, 'date'));
      // CSV and JSON carry the columns under their Table Schema names; the workbook has Vietnamese headers instead.
      if (format !== 'XLSX') {
        const schema = absolute(urls.data(tableSchemaFile(d)));
        add(dist, `${dct}conformsTo`, iri(schema));
        type(schema, `${dct}Standard`);
      }
      const facts = opts.files.get(`data/${file}`);
      if (facts !== undefined) {
        add(dist, `${dcat}byteSize`, typed(facts.bytes, 'nonNegativeInteger'));
        const sum = `${dist}-checksum`;
        add(dist, `${spdx}checksum`, iri(sum));
        type(sum, `${spdx}Checksum`);
        add(sum, `${spdx}algorithm`, iri(`${spdx}checksumAlgorithm_sha256`));
        type(`${spdx}checksumAlgorithm_sha256`, `${spdx}ChecksumAlgorithm`);
        add(sum, `${spdx}checksumValue`, typed(facts.sha256, 'hexBinary'));
      }
    }
  }

  type(LICENSE.url, `${dct}LicenseDocument`);
  add(LICENSE.url, `${rdfs}label`, { value: LICENSE.id });
  type(`${EU}language/VIE`, `${dct}LinguisticSystem`);
  type(`${EU}data-theme`, `${skos}ConceptScheme`);
  add(`${EU}data-theme`, `${dct}title`, en('Data theme'));
  for (const [c, { label, scheme }] of concepts) {
    type(c, `${skos}Concept`);
    for (const l of label) add(c, `${skos}prefLabel`, l);
    if (scheme) add(c, `${skos}inScheme`, iri(scheme));
  }
  for (const id of [...usedAgents].sort()) {
    const o = site.organizationsById.get(id);
    const a = agentIri(id);
    type(a, `${foaf}Agent`);
    type(a, `${foaf}Organization`);
    add(a, `${foaf}name`, vi(o?.name ?? id));
    if (o) add(a, `${foaf}name`, en(o.nameEn));
  }
  for (const id of [...usedPlaces].sort()) {
    const o = site.organizationsById.get(id);
    const p = placeIri(id);
    type(p, `${dct}Location`);
    add(p, `${skos}prefLabel`, vi(o?.shortName ?? id));
    add(p, `${locn}geographicName`, vi(o?.shortName ?? id));
  }
  type(`${EU}country/VNM`, `${dct}Location`);
  const contact = contactIri();
  type(contact, `${vcard}Kind`);
  type(contact, `${vcard}Organization`);
  add(contact, `${vcard}fn`, vi(PUBLISHER.name));
  add(contact, `${vcard}hasURL`, iri(`${absolute(urls.about())}#lien-he`));
  if (opts.contactEmail) add(contact, `${vcard}hasEmail`, iri(`mailto:${opts.contactEmail}`));
  return t;
}
