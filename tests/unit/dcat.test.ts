// DCAT-AP 3.0.1: the catalogue of the real content passes the official SHACL shapes
// with 0 violations, in Turtle and JSON-LD (the same triples), per dataset too.
import { createHash } from 'node:crypto';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { exportFiles, rdfFiles } from '../../src/publish/export.ts';
import { buildDatasets, datasetDownloads, dcatFiles, hasOwnDcat } from '../../src/publish/datasets.ts';
import { agentIri, datasetIri } from '../../src/publish/dcat.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { isTarget } from '../../src/pipeline/derive.ts';
import { periodRange } from '../../src/core/period.ts';
import { parseJsonLd, parseTurtle, tripleSet, validateDcat } from '../support/shacl.ts';

const { site } = runPipeline(process.cwd());
const files = new Map(exportFiles(site).map((f) => [f.path, f.content]));
const datasets = buildDatasets(site);
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const ttl = parseTurtle(files.get('data/catalog.ttl')!);
const objects = (s: string, p: string) => ttl.getObjects(s, p, null).map((o) => o.value);

describe('DCAT-AP 3.0.1 catalogue', () => {
  it('Turtle passes the official SHACL shapes with 0 violations and 0 warnings', async () => {
    const { violations, warnings } = await validateDcat(ttl);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('JSON-LD holds exactly the same triples, with no remote context', async () => {
    const jl = await parseJsonLd(files.get('data/catalog.jsonld')!);
    expect(tripleSet(jl)).toEqual(tripleSet(ttl));
  });

  it('the shapes catch a distribution without accessURL (the validator is live)', async () => {
    const broken = parseTurtle(files.get('data/catalog.ttl')!);
    const [q] = broken.getQuads(null, `${DCAT}accessURL`, null, null);
    broken.removeQuad(q);
    const { violations } = await validateDcat(broken);
    expect(violations.map((v) => v.path)).toEqual([`${DCAT}accessURL`]);
  });

  it('every dataset: own identifier, distributions with accessURL, downloadURL, IANA and EU file types', () => {
    const listed = objects(`${absolute(urls.datasets())}#catalog`, `${DCAT}dataset`);
    expect(listed).toEqual(datasets.map((d) => datasetIri(d.id)));
    for (const d of datasets) {
      const ds = datasetIri(d.id);
      const [landing] = objects(ds, `${DCAT}landingPage`);
      expect(ds).not.toBe(landing);
      expect(objects(ds, `${DCT}identifier`)).toEqual([ds]);
      expect(objects(ds, `${DCAT}version`)).toHaveLength(1);
      const dists = objects(ds, `${DCAT}distribution`);
      // One distribution per published file: slices have a CSV only, canonical tables CSV, JSON and XLSX.
      expect(dists.length).toBe(datasetDownloads(d).length);
      expect(dists.length).toBeGreaterThanOrEqual(1);
      for (const x of dists) {
        expect(objects(x, `${DCAT}accessURL`)).toEqual([landing]);
        expect(objects(x, `${DCAT}downloadURL`)).toHaveLength(1);
        expect(objects(x, `${DCAT}mediaType`)[0]).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\//);
        expect(objects(x, `${DCT}format`)[0]).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\//);
      }
      expect(objects(ds, `${DCT}accrualPeriodicity`)[0]).toMatch(/authority\/frequency\//);
      expect(objects(ds, `${DCAT}theme`)[0]).toMatch(/authority\/data-theme\//);
      expect(objects(ds, `${DCT}spatial`).length).toBeGreaterThan(0);
      expect(objects(ds, `${DCAT}contactPoint`)).toHaveLength(1);
    }
  });

  it('credits each source document to its real issuer', () => {
    for (const r of site.content.reports) {
      const d = datasets.find((x) => x.kind === 'report' && x.reports.length === 1 && x.reports[0] === r.meta.id);
      if (!d) continue;
      expect(objects(datasetIri(d.id), `${DCT}publisher`), d.id).toEqual([agentIri(r.meta.issuer)]);
    }
  });

  it('every text literal is language-tagged, and the licence is the canonical CC BY 4.0 URL', () => {
    const untagged = ttl
      .getQuads(null, null, null, null)
      .filter((q) => q.object.termType === 'Literal' && [`${DCT}title`, `${DCT}description`, `${DCAT}keyword`, 'http://xmlns.com/foaf/0.1/name'].includes(q.predicate.value))
      .filter((q) => !(q.object as { language: string }).language);
    expect(untagged).toEqual([]);
    expect(new Set(ttl.getObjects(null, `${DCT}license`, null).map((o) => o.value))).toEqual(new Set(['https://creativecommons.org/licenses/by/4.0/']));
  });

  it('temporal coverage ends with the measured figures, not plan-target years', () => {
    const all = datasets.find((d) => d.kind === 'observations')!;
    const measured = site.figures.filter((f) => !isTarget(f, site.reportsById.get(f.reportId)!.meta));
    expect(all.temporal!.end).toBe(measured.map((f) => periodRange(f.period).end).sort().at(-1));
    const [period] = objects(datasetIri(all.id), `${DCT}temporal`);
    expect(objects(period, `${DCAT}endDate`)).toEqual([all.temporal!.end]);
  });

  // Every per-dataset file, not a sample: each is published and may be harvested on its own.
  it.each(datasets.filter(hasOwnDcat).map((d) => [d.id] as const))('per-dataset RDF %s: parses, same triples in JSON-LD, passes the shapes', async (id) => {
    const g = parseTurtle(files.get(`data/${rdfFiles(id).ttl}`)!);
    expect(g.getQuads(datasetIri(id), null, null, null).length).toBeGreaterThan(5);
    expect(tripleSet(await parseJsonLd(files.get(`data/${rdfFiles(id).jsonld}`)!))).toEqual(tripleSet(g));
    const { violations, warnings } = await validateDcat(g);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("a report's dataset has no DCAT pair of its own: its description is the catalogue's, and every dcatFiles target exists", () => {
    const catalog = parseTurtle(files.get('data/catalog.ttl')!);
    for (const d of datasets) {
      const f = dcatFiles(d);
      expect(files.has(`data/${f.ttl}`) && files.has(`data/${f.jsonld}`), d.id).toBe(true);
      expect(files.has(`data/${rdfFiles(d.id).ttl}`), d.id).toBe(hasOwnDcat(d));
      expect(hasOwnDcat(d), d.id).toBe(d.kind !== 'report');
      expect(catalog.getQuads(datasetIri(d.id), null, null, null).length, d.id).toBeGreaterThan(5);
    }
    // Nothing under /data/dcat/ that no dataset names.
    const named = new Set(datasets.flatMap((d) => Object.values(dcatFiles(d)).map((x) => `data/${x}`)));
    expect([...files.keys()].filter((p) => p.startsWith('data/dcat/') && !named.has(p))).toEqual([]);
  });
});

// Every downloadable table is harvestable: the code lists (reports, organizations, events, areas, breakdowns,
// indicators) are datasets of their own, with the same DCAT-AP description as the figures tables.
describe('DCAT: every downloadable table is a dataset', () => {
  const SPDX = 'http://spdx.org/rdf/terms#';
  const FOAF = 'http://xmlns.com/foaf/0.1/';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const pkg = JSON.parse(files.get('data/datapackage.json')!) as { resources: { name: string; type?: string; path: string; schema?: object }[] };
  const literals = (s: string, p: string) => ttl.getObjects(s, p, null).map((o) => ({ value: o.value, lang: (o as { language?: string }).language ?? '' }));
  const downloadUrls = ttl.getObjects(null, `${DCAT}downloadURL`, null).map((o) => o.value);

  it('every table file at the top of /data/ (CSV, JSON) is the downloadURL of a distribution, and nothing else is', () => {
    // Per-indicator files (/data/chi-so/) are slices of observations.csv described by chi-so/datapackage.json and
    // their indicator page (ARCHITECTURE.md, "Dữ liệu mở cho máy thu thập"); metadata files are not tables.
    const metadata = new Set(['data/datapackage.json', 'data/data.json', 'data/catalog.jsonld']);
    const tables = [...files.keys()].filter((p) => /^data\/[^/]+\.(csv|json)$/.test(p) && !metadata.has(p)).map((p) => absolute(urls.data(p.slice('data/'.length))));
    expect(tables.length).toBeGreaterThan(datasets.length);
    expect([...new Set(downloadUrls.filter((u) => /\.(csv|json)$/.test(u)))].sort()).toEqual(tables.sort());
  });

  it.each(pkg.resources.filter((r) => r.type === 'table').map((r) => [r.name, r] as const))('datapackage table %s is a dataset with that CSV as a distribution', (name, r) => {
    const ds = datasetIri(name);
    const csv = r.path.startsWith('http') ? r.path : absolute(urls.data(r.path));
    const dists = objects(ds, `${DCAT}distribution`);
    expect(dists.flatMap((x) => objects(x, `${DCAT}downloadURL`))).toContain(csv);
  });

  const codeLists = datasets.filter((d) => d.kind === 'catalogue');
  it('the code lists are datasets: indicators, reports, organizations, events, areas, breakdowns', () => {
    expect(codeLists.map((d) => d.id).sort()).toEqual(['danh-muc-bao-cao', 'danh-muc-chi-so', 'danh-muc-don-vi', 'danh-muc-linh-vuc', 'danh-muc-phan-to', 'danh-muc-su-kien']);
  });

  it.each(codeLists.map((d) => [d.id, d] as const))('%s: vi+en title and description, publisher, sized and checksummed distributions conforming to its Table Schema', (id, d) => {
    const ds = datasetIri(id);
    for (const p of [`${DCT}title`, `${DCT}description`]) expect(literals(ds, p).map((l) => l.lang).sort(), p).toEqual(['en', 'vi']);
    expect(literals(ds, `${DCT}title`).find((l) => l.lang === 'vi')!.value).toBe(d.title);
    expect(objects(ds, `${DCT}publisher`)).toEqual([agentIri('tinh-kon-tum')]);
    expect(objects(ds, `${DCT}modified`)).toEqual([d.modified]);
    const dists = objects(ds, `${DCAT}distribution`);
    expect(dists.flatMap((x) => objects(x, `${DCT}format`)).map((f) => f.split('/').at(-1)).sort()).toEqual(['CSV', 'JSON', 'XLSX']);
    for (const x of dists) {
      expect(objects(x, `${DCT}license`), x).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
      const [url] = objects(x, `${DCAT}downloadURL`);
      if (url.endsWith('.xlsx')) continue; // written after the catalogue (ARCHITECTURE.md): no size or checksum
      const file = `data/${url.slice(absolute(urls.data('')).length)}`;
      const content = files.get(file)!;
      expect(objects(x, `${DCAT}byteSize`), x).toEqual([String(Buffer.byteLength(content))]);
      const [sum] = objects(x, `${SPDX}checksum`);
      expect(objects(sum, `${SPDX}checksumValue`)).toEqual([createHash('sha256').update(content).digest('hex')]);
      // The Table Schema it conforms to is published, typed as a standard, and is the datapackage's schema of the table.
      const [schema] = objects(x, `${DCT}conformsTo`);
      expect(objects(schema, RDF_TYPE)).toEqual([`${DCT}Standard`]);
      const schemaFile = `data/${schema.slice(absolute(urls.data('')).length)}`;
      expect(JSON.parse(files.get(schemaFile)!)).toEqual(pkg.resources.find((r) => r.name === id)!.schema);
    }
  });

  it('temporal coverage where it means something: report periods, event dates; none for the timeless lists', () => {
    const reports = datasets.find((d) => d.id === 'danh-muc-bao-cao')!;
    const ranges = site.content.reports.map((r) => periodRange(r.meta.period));
    expect(reports.temporal).toEqual({ start: ranges.map((r) => r.start).sort()[0], end: ranges.map((r) => r.end).sort().at(-1) });
    const events = datasets.find((d) => d.id === 'danh-muc-su-kien')!;
    const dates = (site.content.events ?? []).map((e) => e.effective).sort();
    expect(events.temporal).toEqual(dates.length ? { start: dates[0], end: dates.at(-1) } : null);
    for (const id of ['danh-muc-linh-vuc', 'danh-muc-phan-to', 'danh-muc-don-vi', 'danh-muc-chi-so']) {
      expect(datasets.find((d) => d.id === id)!.temporal, id).toBeNull();
      expect(objects(datasetIri(id), `${DCT}temporal`), id).toEqual([]);
    }
  });

  it('a slice conforms to the all-figures schema; the workbook, with Vietnamese headers, to none', () => {
    const all = datasets.find((d) => d.kind === 'observations')!;
    for (const d of datasets) {
      for (const x of objects(datasetIri(d.id), `${DCAT}distribution`)) {
        const [url] = objects(x, `${DCAT}downloadURL`);
        const expected = url.endsWith('.xlsx') ? [] : [absolute(urls.data(`schema/${d.kind === 'report' ? all.id : d.id}.json`))];
        expect(objects(x, `${DCT}conformsTo`), url).toEqual(expected);
      }
    }
    // One schema file per table with its own columns, none per report.
    expect([...files.keys()].filter((p) => p.startsWith('data/schema/')).length).toBe(datasets.filter((d) => d.kind !== 'report').length);
  });

  it('the catalogue names every agent it credits and every document it points to', () => {
    for (const a of ttl.getObjects(null, `${DCT}publisher`, null)) expect(ttl.getObjects(a, `${FOAF}name`, null).length, a.value).toBeGreaterThan(0);
  });
});

describe('DCAT: the checks can fail', () => {
  const mutated = (edit: (g: ReturnType<typeof parseTurtle>) => void) => {
    const g = parseTurtle(files.get('data/catalog.ttl')!);
    edit(g);
    return g;
  };
  const codeList = datasetIri('danh-muc-su-kien');

  it('a code list without a title is a violation of the Dataset shape', async () => {
    const g = mutated((x) => x.removeQuads(x.getQuads(codeList, `${DCT}title`, null, null)));
    const { violations } = await validateDcat(g);
    expect(violations.map((v) => [v.focus, v.path])).toEqual([[codeList, `${DCT}title`]]);
  });

  it('a byte size that is not an xsd:nonNegativeInteger is a violation', async () => {
    const g = mutated((x) => {
      const [q] = x.getQuads(null, `${DCAT}byteSize`, null, null);
      x.removeQuad(q);
      x.addQuad(DataFactory.quad(q.subject, q.predicate, DataFactory.literal(q.object.value)));
    });
    const { violations } = await validateDcat(g);
    expect(violations.map((v) => v.path)).toEqual([`${DCAT}byteSize`]);
  });

  it('a distribution whose licence is a literal is a violation', async () => {
    const g = mutated((x) => {
      const [q] = x.getQuads(null, `${DCT}license`, null, null).filter((y) => y.subject.value.includes('#distribution-'));
      x.removeQuad(q);
      x.addQuad(DataFactory.quad(q.subject, q.predicate, DataFactory.literal('CC BY 4.0')));
    });
    const { violations } = await validateDcat(g);
    expect(violations.map((v) => v.path)).toContain(`${DCT}license`);
  });

  it('the JSON-LD comparison sees one changed language tag', async () => {
    const doc = JSON.parse(files.get('data/catalog.jsonld')!) as { '@graph': Record<string, unknown>[] };
    const node = doc['@graph'].find((n) => n['@id'] === codeList)!;
    const titles = node['dct:title'] as { '@value': string; '@language': string }[];
    titles.find((t) => t['@language'] === 'en')!['@language'] = 'vi';
    const jl = await parseJsonLd(JSON.stringify(doc));
    const [a, b] = [tripleSet(jl), tripleSet(ttl)];
    expect(a).not.toEqual(b);
    expect(a.filter((x) => !b.includes(x))).toHaveLength(1);
  });

  it('the JSON-LD as built passes the shapes too (not only the Turtle)', async () => {
    const { violations, warnings } = await validateDcat(await parseJsonLd(files.get('data/catalog.jsonld')!));
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
