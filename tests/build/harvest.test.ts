// What a harvester and a standards validator see, read from dist/ as built (not recomputed):
// the DCAT-AP catalogue (Turtle and JSON-LD) passes the official SHACL shapes and is one graph;
// every address it gives on this site is a file of dist/ with the declared size and checksum;
// both data packages pass the official Frictionless profiles and their keys resolve over the
// published tables; and the catalogue, the CKAN-shaped API, data.json and the /du-lieu/ pages
// name the same datasets.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { SITE_URL, urls } from '../../src/core/urls.ts';
import { parseJsonLd, parseTurtle, tripleSet, validateDcat } from '../support/shacl.ts';
import { foreignKeyErrors, profileErrors, readTable, type ReadTable, type TableSchema } from '../support/frictionless.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SPDX = 'http://spdx.org/rdf/terms#';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const dist = (p: string) => join('dist', p);
const read = (p: string) => readFileSync(dist(p), 'utf8');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The file of dist/ an address of this site is served from (a page: its index.html), or null when the address is
 * not on this site. Fragments and queries are not part of the file.
 */
function fileOf(url: string): string | null {
  if (!url.startsWith(`${SITE_URL}/`)) return null;
  const path = decodeURI(url.slice(SITE_URL.length + 1).replace(/[?#].*$/, ''));
  return path === '' || path.endsWith('/') ? dist(join(path, 'index.html')) : dist(path);
}

/** Addresses of this site that dist/ does not serve (a page needs its index.html, a file itself). */
function missingInDist(addresses: Iterable<string>): string[] {
  return [...new Set(addresses)].filter((u) => {
    const f = fileOf(u);
    return f !== null && !(existsSync(f) && statSync(f).isFile());
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const ttl = parseTurtle(read('data/catalog.ttl'));
const catalogIri = `${SITE_URL}${urls.datasets()}#catalog`;
const objects = (g: Store, s: string, p: string) => g.getObjects(s, p, null).map((o) => o.value);
const datasetIris = objects(ttl, catalogIri, `${DCAT}dataset`);
/** Dataset id from its IRI (…/du-lieu/<id>/#dataset). */
const idOf = (iri: string) => decodeURI(iri.slice(`${SITE_URL}${urls.datasets()}`.length)).replace(/\/#dataset$/, '');

describe('DCAT-AP 3.0.1 catalogue as built', () => {
  it('lists datasets, each typed dcat:Dataset', () => {
    expect(datasetIris.length).toBeGreaterThan(1);
    for (const ds of datasetIris) expect(objects(ttl, ds, RDF_TYPE), ds).toContain(`${DCAT}Dataset`);
  });

  it('catalog.ttl passes the official shapes (with the ranges file) with 0 violations and 0 warnings', async () => {
    const { violations, warnings } = await validateDcat(ttl);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('catalog.jsonld passes them too and holds exactly the triples of catalog.ttl', async () => {
    const jl = await parseJsonLd(read('data/catalog.jsonld'));
    expect(tripleSet(jl)).toEqual(tripleSet(ttl));
    const { violations, warnings } = await validateDcat(jl);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('every per-dataset pair under data/dcat/ passes the shapes, is one graph in both syntaxes and a part of the catalogue', async () => {
    const ttls = readdirSync(dist('data/dcat')).filter((f) => f.endsWith('.ttl'));
    expect(ttls.length).toBeGreaterThan(0);
    const whole = new Set(tripleSet(ttl));
    for (const f of ttls) {
      const g = parseTurtle(read(`data/dcat/${f}`));
      const jl = await parseJsonLd(read(`data/dcat/${f.replace(/\.ttl$/, '.jsonld')}`));
      expect(tripleSet(jl), f).toEqual(tripleSet(g));
      expect(tripleSet(g).filter((t) => !whole.has(t)), f).toEqual([]);
      const { violations, warnings } = await validateDcat(g);
      expect(violations, f).toEqual([]);
      expect(warnings, f).toEqual([]);
    }
  });

  it('every address on this site that the catalogue gives (IRIs included) is served by dist/', () => {
    const onSite = ttl.getQuads(null, null, null, null).flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    expect(onSite.filter((u) => fileOf(u) !== null).length).toBeGreaterThan(datasetIris.length * 5);
    expect(missingInDist(onSite)).toEqual([]);
    // Addresses given as links to follow point at an element of their page, when they name one.
    for (const u of objects(ttl, `${SITE_URL}${urls.about()}#contact`, `${VCARD}hasURL`)) {
      const id = u.split('#')[1];
      if (id) expect(parseHTML(readFileSync(fileOf(u)!, 'utf8')).document.getElementById(id), u).not.toBeNull();
    }
  });

  it('the address check reports what dist/ does not serve, and ignores other sites', () => {
    expect(missingInDist([`${SITE_URL}/du-lieu/khong-co/`, `${SITE_URL}/data/khong-co.csv`, `${SITE_URL}/du-lieu/`, 'https://creativecommons.org/licenses/by/4.0/'])).toEqual([
      `${SITE_URL}/du-lieu/khong-co/`,
      `${SITE_URL}/data/khong-co.csv`,
    ]);
  });

  it.each(datasetIris.map((ds) => [idOf(ds), ds]))('%s: landing page, distributions with the size and checksum of the file served, schema files', (_id, ds) => {
    const [landing] = objects(ttl, ds, `${DCAT}landingPage`);
    expect(landing).toBe(`${SITE_URL}${urls.dataset(idOf(ds))}`);
    expect(existsSync(fileOf(landing)!)).toBe(true);
    const dists = objects(ttl, ds, `${DCAT}distribution`);
    expect(dists.length).toBeGreaterThan(0);
    for (const x of dists) {
      expect(objects(ttl, x, `${DCAT}accessURL`)).toEqual([landing]);
      const [url] = objects(ttl, x, `${DCAT}downloadURL`);
      const bytes = readFileSync(fileOf(url)!);
      const size = objects(ttl, x, `${DCAT}byteSize`);
      // Every distribution, the workbooks included (the build writes the catalogues after them), states both.
      expect(size, url).toHaveLength(1);
      expect(Number(size[0]), url).toBe(bytes.length);
      expect(objects(ttl, x, `${SPDX}checksum`), url).toHaveLength(1);
      for (const sum of objects(ttl, x, `${SPDX}checksum`)) {
        expect(objects(ttl, sum, `${SPDX}algorithm`)).toEqual([`${SPDX}checksumAlgorithm_sha256`]);
        expect(objects(ttl, sum, `${SPDX}checksumValue`), url).toEqual([sha(bytes)]);
      }
      // A CSV or JSON distribution conforms to a published Table Schema whose fields are its columns.
      for (const schemaUrl of objects(ttl, x, `${DCT}conformsTo`)) {
        const schema = JSON.parse(readFileSync(fileOf(schemaUrl)!, 'utf8')) as TableSchema;
        expect(profileErrors('2.0', 'tableschema', schema), schemaUrl).toEqual([]);
        const fields = schema.fields.map((f) => f.name);
        const text = bytes.toString('utf8');
        if (url.endsWith('.csv')) expect(text.slice(0, text.indexOf('\r\n')).split(','), url).toEqual(fields);
        else for (const record of (JSON.parse(text) as object[]).slice(0, 50)) expect(Object.keys(record), url).toEqual(fields);
      }
      if (/\.(csv|json)$/.test(url)) expect(objects(ttl, x, `${DCT}conformsTo`), url).toHaveLength(1);
    }
  });
});

type Resource = { name: string; type?: string; path: string; bytes: number; hash: string; schema?: TableSchema | string };
type Package = { resources: Resource[] };

/** A resource's file under dist/: relative to its package's folder, or by its absolute URL (slices). */
const resourceFile = (dir: string, r: Resource) => (r.path.startsWith(`${SITE_URL}/`) ? fileOf(r.path)! : dist(join(dir, r.path)));

describe('Frictionless data packages as built', () => {
  const main = JSON.parse(read('data/datapackage.json')) as Package;
  const perIndicator = JSON.parse(read('data/chi-so/datapackage.json')) as Package;

  it.each([
    ['data', main],
    ['data/chi-so', perIndicator],
  ] as const)('%s/datapackage.json: valid under the v1 and v2 profiles, every resource and schema path served with its bytes and hash', (dir, pkg) => {
    for (const v of ['1.0', '2.0'] as const) expect(profileErrors(v, 'datapackage', pkg), v).toEqual([]);
    for (const r of pkg.resources) {
      for (const v of ['1.0', '2.0'] as const) expect(profileErrors(v, 'dataresource', r), `${r.name} ${v}`).toEqual([]);
      const bytes = readFileSync(resourceFile(dir, r));
      expect(r.bytes, r.name).toBe(bytes.length);
      expect(r.hash, r.name).toBe(`sha256:${sha(bytes)}`);
      if (typeof r.schema === 'string') {
        const schema = JSON.parse(read(join(dir, r.schema)));
        for (const v of ['1.0', '2.0'] as const) expect(profileErrors(v, 'tableschema', schema), `${r.schema} ${v}`).toEqual([]);
      }
    }
  });

  // Every table of the main package read from dist/ with its schema (types, required, enums, primary keys).
  const tables = new Map<string, ReadTable>();
  const schemas = new Map<string, TableSchema>();
  for (const r of main.resources.filter((x) => x.type === 'table')) {
    schemas.set(r.name, r.schema as TableSchema);
    tables.set(r.name, readTable(readFileSync(resourceFile('data', r), 'utf8'), r.schema as TableSchema, r.path));
  }

  it('every foreign key resolves over the published tables', () => {
    expect(tables.size).toBeGreaterThan(5);
    for (const [name, t] of tables) expect(foreignKeyErrors(name, t, schemas.get(name)!, tables), name).toEqual([]);
  });

  it('the keys a reader relies on are declared: figures → reports, organizations, indicators, areas; organizations → events', () => {
    const fks = new Set([...schemas].flatMap(([name, s]) => (s.foreignKeys ?? []).map((fk) => `${name}.${[fk.fields].flat().join('+')} → ${fk.reference.resource}`)));
    for (const k of [
      'so-lieu-cchc.report_id → danh-muc-bao-cao',
      'so-lieu-cchc.scope_id → danh-muc-don-vi',
      'so-lieu-cchc.indicator_id → danh-muc-chi-so',
      'so-lieu-cchc.area_id → danh-muc-linh-vuc',
      'danh-muc-don-vi.event_id → danh-muc-su-kien',
      'danh-muc-bao-cao.issuer_id → danh-muc-don-vi',
      'chi-tieu-ke-hoach.report_id → danh-muc-bao-cao',
    ]) expect(fks, k).toContain(k);
  });

  it('the foreign-key check finds an organization whose event is not in the events table', () => {
    const orgs = tables.get('danh-muc-don-vi')!;
    const broken = { ...orgs, rows: [...orgs.rows, { ...orgs.rows[0], organization_id: 'khong-co', event_id: 'su-kien-khong-co' }] };
    expect(foreignKeyErrors('danh-muc-don-vi', broken, schemas.get('danh-muc-don-vi')!, tables).join('\n')).toContain('su-kien-khong-co');
  });

  it('every per-indicator row is a figure of the main package, of that indicator', () => {
    const figures = new Set(tables.get('so-lieu-cchc')!.rows.map((r) => `${r.report_id}/${r.figure_id}/${r.indicator_id}`));
    let rows = 0;
    for (const r of perIndicator.resources) {
      const schema = JSON.parse(read(join('data/chi-so', r.schema as string))) as TableSchema;
      const t = readTable(readFileSync(resourceFile('data/chi-so', r), 'utf8'), schema, r.path);
      for (const row of t.rows) expect(figures.has(`${row.report_id}/${row.figure_id}/${r.name}`), `${r.path}: ${row.report_id}/${row.figure_id}`).toBe(true);
      rows += t.rows.length;
    }
    expect(rows).toBe(figures.size);
  });

  it('each Table Schema file under data/schema/ is the schema its package resource declares', () => {
    const byName = new Map(main.resources.map((r) => [r.name, r]));
    const files = readdirSync(dist('data/schema'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(JSON.parse(read(`data/schema/${f}`)), f).toEqual(byName.get(f.replace(/\.json$/, ''))?.schema);
  });
});

describe('every address the machine-readable files give on this site is served', () => {
  /** Every string of a JSON document that is an address on this site. */
  const siteUrls = (v: unknown): string[] =>
    typeof v === 'string' ? (v.startsWith(`${SITE_URL}/`) ? [v] : []) : Array.isArray(v) ? v.flatMap(siteUrls) : v && typeof v === 'object' ? Object.values(v).flatMap(siteUrls) : [];

  it.each(['data/datapackage.json', 'data/chi-so/datapackage.json', 'data/data.json', 'api/3/action/package_search', 'data/catalog.jsonld'])('%s', (file) => {
    const found = siteUrls(JSON.parse(read(file)));
    expect(found.length, file).toBeGreaterThan(0);
    expect(missingInDist(found), file).toEqual([]);
  });
});

describe('harvesters and readers see the same datasets', () => {
  const ids = datasetIris.map(idOf).sort();

  it('the CKAN-shaped API and data.json list exactly the DCAT datasets', () => {
    expect([...JSON.parse(read('api/3/action/package_list')).result].sort()).toEqual(ids);
    expect(JSON.parse(read('api/3/action/package_search')).result.results.map((p: { name: string }) => p.name).sort()).toEqual(ids);
    expect(JSON.parse(read('data/data.json')).dataset.map((d: { identifier: string }) => idOf(d.identifier)).sort()).toEqual(ids);
  });

  it('/du-lieu/ and its year pages list exactly the DCAT datasets, each linking its page', () => {
    const pages = [dist('du-lieu/index.html'), ...(existsSync(dist('du-lieu/nam')) ? walk(dist('du-lieu/nam')).filter((p) => p.endsWith('index.html')) : [])];
    const listed = new Set<string>();
    for (const p of pages) {
      const doc = parseHTML(readFileSync(p, 'utf8')).document;
      for (const el of doc.querySelectorAll('[data-dataset]')) {
        const id = el.getAttribute('data-dataset')!;
        expect(el.querySelector(`a[href="${urls.dataset(id)}"]`), `${p}: ${id}`).not.toBeNull();
        listed.add(id);
      }
    }
    expect([...listed].sort()).toEqual(ids);
  });

  it('the code lists are among them, with a page of their own', () => {
    for (const id of ['danh-muc-bao-cao', 'danh-muc-don-vi', 'danh-muc-su-kien', 'danh-muc-linh-vuc', 'danh-muc-phan-to', 'danh-muc-chi-so']) {
      expect(ids, id).toContain(id);
      expect(parseHTML(read(`du-lieu/${id}/index.html`)).document.querySelector(`a[href="${urls.data(`${id}.csv`)}"][download]`), id).not.toBeNull();
    }
  });
});
