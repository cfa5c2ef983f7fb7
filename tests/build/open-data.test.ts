// Open-data outputs of the real build in dist/: no localhost, strict CSVs, checksums,
// reproducible zip and xlsx, CKAN-shaped API files that match the dataset pages,
// data.json, sitemap, robots, feed, RDF alternates and schema.org on indicator pages.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML, DOMParser } from 'linkedom';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { buildDatasets, datasetFiles, dcatFiles } from '../../src/publish/datasets.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { bulkFiles, excelFiles } from '../../src/publish/downloads.ts';
import { BULK_ZIP } from '../../src/publish/bulk.ts';
import { SITE_URL, urls } from '../../src/core/urls.ts';
import { parseCsvStrict } from '../support/frictionless.ts';

const { site } = runPipeline(process.cwd());
const datasets = buildDatasets(site);
// Exports recomputed in this test process (not read from dist/): the zip rebuilt from them must match the build's.
const exported = exportFiles(site);
const dist = (p: string) => join('dist', p);
const read = (p: string) => readFileSync(dist(p), 'utf8');
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const page = (path: string) => parseHTML(read(join(path, 'index.html'))).document;
const localPath = (url: string) => decodeURI(url.replace(/^https?:\/\/[^/]+/, '')).replace(/^\//, '');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const allFiles = walk('dist');
const textFiles = allFiles.filter((p) => /\.(html|json|jsonld|csv|ttl|xml|txt|sha256)$/.test(p) || /api\/3\/action\/[a-z_]+$/.test(p));

describe('production build', () => {
  it('writes no localhost URL anywhere (identifiers, citations, feeds, sitemap)', () => {
    expect(textFiles.length).toBeGreaterThan(100);
    const bad = textFiles.filter((p) => /localhost|127\.0\.0\.1/.test(readFileSync(p, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('every CSV parses strictly: RFC 4180, no BOM, one final CRLF, no empty record', () => {
    const csvs = allFiles.filter((p) => p.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(datasets.length);
    for (const p of csvs) parseCsvStrict(readFileSync(p, 'utf8'), p);
  });
});

describe('checksums', () => {
  it('datapackage bytes and sha256 match the files in dist', () => {
    for (const [dir, file] of [['data', 'data/datapackage.json'], ['data/chi-so', 'data/chi-so/datapackage.json']]) {
      for (const r of JSON.parse(read(file)).resources as { path: string; bytes: number; hash: string }[]) {
        // Slices are named by URL (they are not in the zip): their file is under data/ all the same.
        const bytes = readFileSync(dist(r.path.startsWith(`${SITE_URL}/`) ? decodeURI(r.path.slice(SITE_URL.length + 1)) : join(dir, r.path)));
        expect(r.bytes, r.path).toBe(bytes.length);
        expect(r.hash, r.path).toBe(`sha256:${sha(bytes)}`);
      }
    }
  });

  it('the zip holds CSV, JSON, datapackage, README, licence and a SHA256SUMS that verifies', () => {
    const zip = readFileSync(dist(`data/${BULK_ZIP}`));
    expect(read(`data/${BULK_ZIP}.sha256`)).toBe(`${sha(zip)}  ${BULK_ZIP}\n`);
    const entries = unzipSync(new Uint8Array(zip));
    const names = Object.keys(entries);
    expect(names).toEqual([...names].sort());
    const root = names[0].split('/')[0];
    for (const must of ['datapackage.json', 'README.md', 'LICENSE.txt', 'SHA256SUMS', 'observations.csv', 'chi-tieu-ke-hoach.json']) expect(names, must).toContain(`${root}/${must}`);
    // The canonical tables only: slices repeat observations.csv.
    expect(names.filter((n) => /\/(chi-so|linh-vuc-|bao-cao-)/.test(n))).toEqual([]);
    const sums = new TextDecoder().decode(entries[`${root}/SHA256SUMS`]).trim().split('\n');
    expect(sums.length).toBe(names.length - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect(sha(entries[`${root}/${path}`]), path).toBe(hash);
      // The zip's copy is the published file, byte for byte.
      if (existsSync(dist(`data/${path}`))) expect(sha(readFileSync(dist(`data/${path}`))), path).toBe(hash);
    }
  });
});

describe('reproducible binaries', () => {
  it('the zip rebuilt in this process is byte-identical to the one the build wrote', () => {
    const again = bulkFiles(site, exported).zip.content;
    expect(sha(again)).toBe(sha(readFileSync(dist(`data/${BULK_ZIP}`))));
  });

  it('an .xlsx rebuilt in this process is byte-identical, with Vietnamese headers, typed numbers and an info sheet', async () => {
    const smallest = [...datasets].sort((a, b) => a.table.rows.length - b.table.rows.length).find((d) => d.table.rows.length > 0 && datasetFiles(d).xlsx)!;
    const [again] = await excelFiles(site, (id) => id === smallest.id);
    const written = readFileSync(dist(`data/${datasetFiles(smallest).xlsx!}`));
    expect(sha(again.content)).toBe(sha(written));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer);
    const data = wb.getWorksheet('Dữ liệu')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(smallest.table.columns.map((c) => c.title));
    expect(data.rowCount).toBe(smallest.table.rows.length + 1);
    const numeric = smallest.table.columns.findIndex((c) => c.type === 'number' || c.type === 'integer');
    if (numeric >= 0) {
      const first = smallest.table.rows.findIndex((r) => r[numeric] !== null);
      if (first >= 0) expect(data.getRow(first + 2).getCell(numeric + 1).value).toBe(smallest.table.rows[first][numeric]);
    }
    const info = wb.getWorksheet('Thông tin')!;
    const text = info.getSheetValues().flat().join(' ');
    expect(text).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(text).toContain(smallest.title);
  });
});

describe('CKAN-shaped API files', () => {
  const action = (a: string) => JSON.parse(read(`api/3/action/${a}`));
  it('list actions answer in the {help, success, result} envelope, with and without .json', () => {
    for (const a of ['package_list', 'package_search', 'organization_list', 'group_list', 'status_show']) {
      const body = action(a);
      expect(Object.keys(body)).toEqual(['help', 'success', 'result']);
      expect(body.success).toBe(true);
      expect(localPath(body.help).startsWith(localPath(urls.api()))).toBe(true);
      expect(read(`api/3/action/${a}.json`)).toBe(read(`api/3/action/${a}`));
    }
    expect(action('package_list').result).toEqual(datasets.map((d) => d.id));
    expect(action('package_search').result.count).toBe(datasets.length);
    for (const org of action('organization_list').result) expect(existsSync(dist(`api/3/action/organization_show/${org}.json`)), org).toBe(true);
    for (const g of action('group_list').result) expect(existsSync(dist(`api/3/action/group_show/${g}.json`)), g).toBe(true);
  });

  it.each(datasets.map((d) => [d.id]))('package_show/%s.json matches its dataset page', (id) => {
    const body = JSON.parse(read(`api/3/action/package_show/${id}.json`));
    expect(body.success).toBe(true);
    const p = body.result;
    const doc = page(urls.dataset(id));
    expect(p.name).toBe(id);
    expect(p.title).toBe(doc.querySelector('h1')!.textContent);
    expect(localPath(p.url)).toBe(localPath(urls.dataset(id)));
    expect(p.license_url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(p.num_resources).toBe(p.resources.length);
    for (const r of p.resources as { url: string; size: number | null; hash: string }[]) {
      const file = dist(localPath(r.url));
      expect(existsSync(file), file).toBe(true);
      if (r.size !== null) expect(r.size).toBe(statSync(file).size);
      // Every resource the API lists is offered for download on the page.
      expect(doc.querySelector(`a[href="/${localPath(r.url)}"][download]`), r.url).not.toBeNull();
    }
    expect(p.organization.name).toBe(p.owner_org);
    expect(existsSync(dist(`api/3/action/organization_show/${p.owner_org}.json`))).toBe(true);
  });
});

describe('discovery files', () => {
  it('data.json (Project Open Data) lists every dataset with existing downloads', () => {
    const pod = JSON.parse(read('data/data.json'));
    expect(pod.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    expect(pod.dataset).toHaveLength(datasets.length);
    for (const d of pod.dataset) {
      for (const k of ['title', 'description', 'keyword', 'modified', 'publisher', 'contactPoint', 'identifier', 'accessLevel', 'license']) expect(d[k], k).toBeTruthy();
      for (const x of d.distribution) expect(existsSync(dist(localPath(x.downloadURL))), x.downloadURL).toBe(true);
    }
  });

  it('sitemap.xml lists exactly the HTML pages, robots.txt points to it', () => {
    const xml = new DOMParser().parseFromString(read('sitemap.xml'), 'text/xml');
    const locs = [...xml.querySelectorAll('loc')].map((l) => localPath(l.textContent!));
    const pages = allFiles.filter((p) => p.endsWith('index.html') && !p.startsWith(join('dist', 'pagefind'))).map((p) => p.slice('dist/'.length, -'index.html'.length));
    expect([...locs].sort()).toEqual([...pages].sort());
    for (const d of datasets) expect(locs).toContain(localPath(urls.dataset(d.id)));
    expect(read('robots.txt')).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap\.xml$/m);
  });

  it('feed.xml is Atom with an entry per report and dataset and one per data version', () => {
    const xml = new DOMParser().parseFromString(read('feed.xml'), 'text/xml');
    const entries = [...xml.querySelectorAll('entry')];
    expect(entries.length).toBeGreaterThanOrEqual(site.content.reports.length + datasets.length + 1);
    for (const e of entries) {
      for (const tag of ['id', 'title', 'updated']) expect(e.querySelector(tag)?.textContent, tag).toBeTruthy();
      expect(e.querySelector('updated')!.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    const links = entries.map((e) => localPath(e.querySelector('link')!.getAttribute('href')!).replace(/#.*$/, ''));
    for (const l of links) expect(existsSync(dist(join(l, 'index.html'))), l).toBe(true);
    expect(entries.some((e) => /phiên bản/i.test(e.querySelector('title')!.textContent!))).toBe(true);
  });

  it('dataset pages link their DCAT RDF with rel="alternate"; the catalogue page carries a DataCatalog', () => {
    for (const d of datasets) {
      const doc = page(urls.dataset(d.id));
      for (const [f, type] of [[dcatFiles(d).ttl, 'text/turtle'], [dcatFiles(d).jsonld, 'application/ld+json']]) {
        expect(doc.querySelector(`link[rel="alternate"][type="${type}"][href="${urls.data(f)}"]`), `${d.id} ${type}`).not.toBeNull();
        expect(existsSync(dist(`data/${f}`))).toBe(true);
      }
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(ld['@id']).toMatch(/#dataset$/);
      expect(ld.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(ld.includedInDataCatalog['@type']).toBe('DataCatalog');
    }
    const cat = JSON.parse(page(urls.datasets()).querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(cat['@type']).toBe('DataCatalog');
    expect(cat.dataset).toHaveLength(datasets.length);
  });

  it('indicator pages carry a schema.org Dataset with @id, version, citation and includedInDataCatalog', () => {
    for (const ind of site.content.indicators.slice(0, 20)) {
      const ld = JSON.parse(page(urls.indicator(ind.id)).querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(ld['@type']).toBe('Dataset');
      expect(localPath(ld['@id'])).toBe(`${localPath(urls.indicator(ind.id))}#dataset`);
      expect(ld.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(ld.citation).toContain(ind.label);
      expect(ld.includedInDataCatalog['@type']).toBe('DataCatalog');
      for (const x of ld.distribution) expect(existsSync(dist(localPath(x.contentUrl)))).toBe(true);
    }
  });

  it('the versions page shows the current data version and the machine-users page documents every action', () => {
    const version = JSON.parse(read('data/datapackage.json')).version;
    expect(page(urls.changelog()).querySelector('[data-version]')!.textContent).toBe(version);
    const api = page(urls.api());
    for (const a of ['package_list', 'package_search', 'package_show', 'organization_list', 'group_list', 'status_show']) expect(api.getElementById(a), a).not.toBeNull();
    expect(api.getElementById('gioi-han')).not.toBeNull();
    // Every address the example commands fetch is a file of this build (run against a static server in the S11 audit).
    const examples = api.querySelector('section[aria-labelledby="vi-du"] pre')!.textContent!;
    const addresses = examples.match(/https?:\/\/[^\s'"]+/g) ?? [];
    expect(addresses.length).toBeGreaterThanOrEqual(3);
    for (const u of addresses) {
      expect(u.startsWith(SITE_URL), u).toBe(true);
      expect(existsSync(dist(localPath(u))) && statSync(dist(localPath(u))).isFile(), u).toBe(true);
    }
  });
});
