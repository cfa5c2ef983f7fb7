// DCAT-AP 3.0.1: the catalogue of the real content passes the official SHACL shapes
// with 0 violations, in Turtle and JSON-LD (the same triples), per dataset too.
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
