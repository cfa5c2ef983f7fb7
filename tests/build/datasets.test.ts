// The exported data files in dist/data/ and the dataset pages in dist/du-lieu/,
// checked against the curated figures (runPipeline) after a real build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { buildDatasets, datasetDownloads, datasetFiles, isSlice } from '../../src/publish/datasets.ts';
import { SITE_URL, urls } from '../../src/core/urls.ts';
import { shownHedge } from '../../src/core/hedge.ts';
import { SLICE_PREVIEW_ROWS } from '../../src/view/pages/dataset.ts';

const { site } = runPipeline(process.cwd());
const datasets = buildDatasets(site);
const dist = (p: string) => join('dist', p);
const read = (p: string) => readFileSync(dist(p), 'utf8');
const page = (path: string) => parseHTML(read(join(path, 'index.html'))).document;
/** A URL the build wrote (absolute with any SITE_URL, or root-relative) → path under dist/. */
const localPath = (url: string) => decodeURI(url.replace(/^https?:\/\/[^/]+/, '')).replace(/^\//, '');

/** papaparse's escapeFormulae prefix, undone (kept independent of src/ on purpose). */
const unescape = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function parseCsv(path: string) {
  const raw = readFileSync(dist(path));
  const text = raw.toString('utf8');
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { raw, text, rows: result.data, fields: result.meta.fields ?? [], errors: result.errors, linebreak: result.meta.linebreak };
}

/** A JSON value as it reads in the CSV: null → "", numbers/booleans → their string form. */
const asCsvCell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('observations.csv: the all-figures table', () => {
  const csv = parseCsv('data/observations.csv');

  it('is plain UTF-8 (no BOM) with CRLF line ends, and parses without errors', () => {
    expect([...csv.raw.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.slice(0, 9)).toBe('report_id');
    expect(csv.linebreak).toBe('\r\n');
    expect(csv.text.endsWith('\r\n')).toBe(true);
    expect(csv.errors).toEqual([]);
  });

  it('has exactly one row per curated figure, in order, with the same keys, values and quotes', () => {
    expect(csv.rows).toHaveLength(site.figures.length);
    const keys = csv.rows.map((r) => `${r.report_id}/${r.figure_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(site.figures.map((f) => f.key));
    site.figures.forEach((f, i) => {
      const r = csv.rows[i];
      const where = `${f.key} (row ${i + 2})`;
      expect(Number(r.value), where).toBe(f.value);
      expect(r.value, where).toBe(String(f.value));
      expect(r.denominator, where).toBe(f.denominator === null ? '' : String(f.denominator));
      expect(unescape(r.quote), where).toBe(f.quote);
      expect(r.unit, where).toBe(f.unit);
      expect(r.period, where).toBe(f.period);
      expect(r.scope_id, where).toBe(f.scope);
      expect(r.indicator_id, where).toBe(f.indicator);
      expect(r.breakdown, where).toBe(f.breakdown ?? '');
      expect(unescape(r.comparator), where).toBe(f.comparator ?? '');
      expect(r.hedge, where).toBe(shownHedge(f));
      expect(r.section, where).toBe(f.section);
      expect(r.note, where).toBe(f.note ?? '');
      expect(localPath(r.url), where).toBe(localPath(urls.figure(f.reportId, f.id)));
    });
  });

  it('keeps Vietnamese text intact (NFC, no mojibake)', () => {
    expect(csv.text).toContain('hồ sơ');
    expect(csv.text).not.toMatch(/Ã|Æ°|á»/);
    expect(csv.text.normalize('NFC')).toBe(csv.text);
  });
});

const packageJson = JSON.parse(read('data/datapackage.json'));

describe('every canonical dataset: CSV and JSON agree', () => {
  it.each(datasets.filter((d) => datasetFiles(d).json).map((d) => [d.id, d] as const))('%s', (_id, d) => {
    const files = datasetFiles(d);
    const csv = parseCsv(`data/${files.csv}`);
    const json: Record<string, unknown>[] = JSON.parse(read(`data/${files.json}`));
    expect(csv.errors).toEqual([]);
    expect(csv.fields).toEqual(d.table.columns.map((c) => c.name));
    expect(csv.rows).toHaveLength(d.table.rows.length);
    expect(json).toHaveLength(csv.rows.length);
    json.forEach((record, i) => {
      expect(Object.keys(record)).toEqual(csv.fields);
      for (const name of csv.fields) expect(unescape(csv.rows[i][name]), `${d.id} row ${i} ${name}`).toBe(asCsvCell(record[name]));
    });
  });
});

describe('datapackage.json (Frictionless Data Package)', () => {
  it('has the descriptor shape: name, licence, resources', () => {
    expect(packageJson.profile).toBe('data-package');
    expect(packageJson.name).toMatch(/^[a-z0-9._-]+$/);
    expect(packageJson.licenses?.[0]?.name).toBeTruthy();
    expect(packageJson.licenses[0].path).toMatch(/^https:\/\//);
    expect(Array.isArray(packageJson.resources)).toBe(true);
    expect(packageJson.resources.map((r: { name: string }) => r.name).slice(0, datasets.length)).toEqual(datasets.map((d) => d.id));
    const names = packageJson.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  type Resource = { name: string; path: string; bytes: number; format: string; mediatype: string; encoding: string; schema: { fields: { name: string; type: string }[] } };
  const resources = packageJson.resources as Resource[];
  it.each(resources.filter((r) => r.format === 'csv').map((r) => [r.name, r] as const))('resource %s: file exists, bytes match, schema matches the CSV header', (_name, res) => {
    expect(res.name).toMatch(/^[a-z0-9._-]+$/);
    expect(res.path).not.toMatch(/^\/|\.\./);
    expect(res.path.startsWith(`${SITE_URL}/`)).toBe(datasets.some((d) => d.id === res.name && isSlice(d)));
    // Slices are named by URL (they are left out of the zip); the file is under data/ all the same.
    const rel = res.path.startsWith(`${SITE_URL}/`) ? decodeURI(res.path.slice(SITE_URL.length + 1)).replace(/^data\//, '') : res.path;
    const file = dist(join('data', rel));
    expect(existsSync(file), file).toBe(true);
    expect(res.bytes).toBe(statSync(file).size);
    expect(res.format).toBe('csv');
    expect(res.mediatype).toBe('text/csv');
    expect(res.encoding).toBe('utf-8');
    const csv = parseCsv(join('data', rel));
    expect(res.schema.fields.map((f) => f.name)).toEqual(csv.fields);
    for (const f of res.schema.fields) expect(['string', 'number', 'integer', 'date', 'boolean']).toContain(f.type);
    // Typed columns really hold values of their type.
    for (const f of res.schema.fields) {
      const values = csv.rows.map((row) => row[f.name]).filter((v) => v !== '');
      if (f.type === 'number') for (const v of values) expect(Number.isFinite(Number(v)), `${res.name}.${f.name}=${v}`).toBe(true);
      if (f.type === 'integer') for (const v of values) expect(v, `${res.name}.${f.name}`).toMatch(/^-?\d+$/);
      if (f.type === 'date') for (const v of values) expect(v, `${res.name}.${f.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (f.type === 'boolean') for (const v of values) expect(['true', 'false']).toContain(v);
    }
  });
});

describe('catalog.jsonld (DCAT-AP, flattened JSON-LD)', () => {
  const catalog = JSON.parse(read('data/catalog.jsonld'));
  type Node = { '@id': string; '@type': string | string[]; [k: string]: unknown };
  const nodes = new Map<string, Node>((catalog['@graph'] as Node[]).map((n) => [n['@id'], n]));
  const ids = (v: unknown) => (Array.isArray(v) ? v : [v]).map((x: { '@id': string }) => x['@id']);

  it('is a dcat:Catalog listing every dataset once', () => {
    expect(catalog['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    const cat = [...nodes.values()].find((n) => n['@type'] === 'dcat:Catalog')!;
    expect(ids(cat['dcat:dataset']).map((id) => localPath(id))).toEqual(datasets.map((d) => `${localPath(urls.dataset(d.id))}#dataset`));
  });

  it.each(datasets.map((d) => [d.id]))('%s: landing page and every distribution file exist, sizes match', (id) => {
    const entry = [...nodes.values()].find((n) => n['@type'] === 'dcat:Dataset' && localPath(n['@id']) === `${localPath(urls.dataset(id))}#dataset`)!;
    const [landing] = ids(entry['dcat:landingPage']);
    expect(existsSync(dist(join(localPath(landing), 'index.html')))).toBe(true);
    const dists = ids(entry['dcat:distribution']).map((x) => nodes.get(x)!);
    // Slices (per report) are CSV only; the all-figures table CSV and XLSX; the other canonical tables also JSON.
    const d = datasets.find((x) => x.id === id)!;
    const formats = dists.map((x) => ids(x['dct:format'])[0].split('/').at(-1)).sort();
    expect(formats).toEqual(isSlice(d) ? ['CSV'] : d.kind === 'observations' ? ['CSV', 'XLSX'] : ['CSV', 'JSON', 'XLSX']);
    expect(formats).toEqual(datasetDownloads(d).map((x) => x.format).sort());
    for (const x of dists) {
      const file = dist(localPath(ids(x['dcat:downloadURL'])[0]));
      expect(existsSync(file), file).toBe(true);
      const size = x['dcat:byteSize'] as { '@value': string } | undefined;
      if (size) expect(Number(size['@value'])).toBe(statSync(file).size);
    }
  });
});

describe('per-indicator files', () => {
  it.each(site.content.indicators.map((i) => [i.id]))('%s.csv exists with one row per figure (no JSON copy)', (id) => {
    const n = site.figures.filter((f) => f.indicator === id).length;
    const csv = parseCsv(`data/chi-so/${id}.csv`);
    expect(csv.text.startsWith('report_id,')).toBe(true);
    expect(csv.rows).toHaveLength(n);
    expect(csv.rows.every((r) => r.indicator_id === id)).toBe(true);
    expect(existsSync(dist(`data/chi-so/${id}.json`))).toBe(false);
  });
});

describe('dataset pages', () => {
  it('the catalogue lists every dataset with facets, counts and machine-readable links', () => {
    const doc = page(urls.datasets());
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const items = [...doc.querySelectorAll('[data-dataset]')];
    expect(items.map((el) => el.getAttribute('data-dataset'))).toEqual(datasets.map((d) => d.id));
    for (const d of datasets) expect(doc.querySelector(`[data-dataset="${d.id}"] a[href="${urls.dataset(d.id)}"]`), d.id).not.toBeNull();
    expect(doc.querySelector(`a[href="${urls.data('catalog.jsonld')}"]`)).not.toBeNull();
    expect(doc.querySelector(`a[href="${urls.data('datapackage.json')}"]`)).not.toBeNull();
    // Facet groups with a checkbox and a count for every value.
    const groups = [...doc.querySelectorAll('[data-facet-group]')].map((g) => g.getAttribute('data-facet-group'));
    expect(groups).toEqual(expect.arrayContaining(['organization', 'area', 'format', 'period', 'kind']));
    expect(doc.querySelector('[data-count="format:CSV"]')!.textContent).toBe(String(datasets.length));
    expect(doc.querySelector('[data-count="kind:report"]')!.textContent).toBe(String(datasets.filter((d) => d.kind === 'report').length));
    for (const box of doc.querySelectorAll('input[type=checkbox][data-facet]')) {
      expect(doc.querySelector(`label[for="${box.getAttribute('id')}"]`), box.getAttribute('id')!).not.toBeNull();
    }
  });

  it.each(datasets.map((d) => [d.id, d] as const))('%s: metadata, JSON-LD with real sizes, downloads, dictionary, 20-row preview (5 for slices)', (_id, d) => {
    const doc = page(urls.dataset(d.id));
    const files = datasetFiles(d);
    expect(doc.querySelector('h1')!.textContent).toBe(d.title);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('Dataset');
    expect(ld.name).toBe(d.title);
    const sizes = Object.fromEntries(ld.distribution.map((x: { contentUrl: string; contentSize: string }) => [localPath(x.contentUrl), x.contentSize]));
    expect(sizes[`data/${files.csv}`]).toBe(`${statSync(dist(`data/${files.csv}`)).size} B`);
    if (files.json) expect(sizes[`data/${files.json}`]).toBe(`${statSync(dist(`data/${files.json}`)).size} B`);
    expect(doc.querySelector('[data-slice-note]') !== null, d.id).toBe(isSlice(d));
    expect(ld.distribution).toHaveLength(files.json ? 2 : 1);
    for (const f of [files.csv, files.json, files.xlsx].filter((x): x is string => !!x)) {
      const a = doc.querySelector(`a.button[href="${urls.data(f)}"][download]`);
      expect(a, f).not.toBeNull();
    }
    // A CSV opened by double-click in Excel (or LibreOffice's default) reads UTF-8 as Windows-1252: the page says how
    // to import it, and points to the workbook when there is one.
    const csvDesc = doc.querySelector(`a.button[href="${urls.data(files.csv)}"]`)!.closest('.resource')!.querySelector('.resource-desc')!.textContent!;
    expect(csvDesc).toMatch(/Excel[\s\S]*Từ văn bản\/CSV[\s\S]*UTF-8 \(65001\)/);
    expect(csvDesc.includes('bản XLSX'), d.id).toBe(!!files.xlsx);
    const meta = doc.querySelector('table.metadata')!;
    expect(meta.querySelector('a[rel="license"]')).not.toBeNull();
    for (const r of d.reports) expect(meta.querySelector(`a[href="${urls.report(r)}"]`), r).not.toBeNull();
    // A slice names its columns and links the all-figures dictionary (same columns) instead of repeating it.
    const all = datasets.find((x) => x.kind === 'observations')!;
    const dict = [...doc.querySelectorAll(isSlice(d) ? '[data-columns-of] code' : 'table.columns tbody th code')].map((c) => c.textContent);
    expect(dict).toEqual(d.table.columns.map((c) => c.name));
    if (isSlice(d)) expect(doc.querySelector(`[data-columns-of] a[href="${urls.dataset(all.id)}#tu-dien"]`), d.id).not.toBeNull();
    const preview = doc.querySelector('[data-preview-static] table')!;
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(Math.min(isSlice(d) ? SLICE_PREVIEW_ROWS : 20, d.table.rows.length));
    expect(preview.querySelectorAll('thead th')).toHaveLength(d.table.columns.length);
    expect(doc.querySelector(`[data-dataset-preview][data-csv="${urls.data(files.csv)}"]`)).not.toBeNull();
  });
});
