// Frictionless: both data packages validate against the official v1 and v2 profiles,
// and every resource reads with a Table Schema reader (types, constraints, keys),
// from the in-memory export of the real content (no site build needed).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { buildDatasets, datasetFiles, isSlice, LICENSE, periodKeyword, toCsv, toJson, type Table } from '../../src/publish/datasets.ts';
import { bulkEntries } from '../../src/publish/bulk.ts';
import { sha256 } from '../../src/publish/sha256.ts';
import { SITE_URL } from '../../src/core/urls.ts';
import { ckanTag } from '../../src/publish/discovery.ts';
import { foreignKeyErrors, parseCsvStrict, profileErrors, readTable, type ReadTable, type TableSchema } from '../support/frictionless.ts';

const { site } = runPipeline(process.cwd());
const files = new Map(exportFiles(site).map((f) => [f.path, f.content]));
const pkg = JSON.parse(files.get('data/datapackage.json')!);
const indicatorPkg = JSON.parse(files.get('data/chi-so/datapackage.json')!);

// Slices are named by absolute URL (they are not in the bulk zip); map them back to their exported path.
const localData = (prefix: string, path: string) => (path.startsWith(`${SITE_URL}/`) ? decodeURI(path.slice(SITE_URL.length + 1)) : prefix + path);

type Resource = { name: string; path: string; bytes: number; hash: string; encoding: string; mediatype: string; dialect?: object; schema?: TableSchema | string };

describe('datapackage.json against the official profiles', () => {
  it.each([
    ['main', pkg],
    ['per-indicator', indicatorPkg],
  ])('%s package is valid against Frictionless v1 and v2', (_n, p) => {
    expect(profileErrors('1.0', 'datapackage', p)).toEqual([]);
    expect(profileErrors('2.0', 'datapackage', p)).toEqual([]);
    for (const r of p.resources as Resource[]) {
      expect(profileErrors('1.0', 'dataresource', r), r.name).toEqual([]);
      expect(profileErrors('2.0', 'dataresource', r), r.name).toEqual([]);
      if (r.dialect) {
        expect(profileErrors('1.0', 'tabledialect', r.dialect)).toEqual([]);
        expect(profileErrors('2.0', 'tabledialect', r.dialect)).toEqual([]);
      }
      // A schema named by path (the per-indicator files share one) is checked as the file it names.
      const schema = typeof r.schema === 'string' ? JSON.parse(files.get(`${_n === 'main' ? 'data/' : 'data/chi-so/'}${r.schema}`) ?? 'null') : r.schema;
      if (r.schema) {
        expect(schema, `${r.name}: ${String(r.schema)}`).toBeTypeOf('object');
        expect(profileErrors('1.0', 'tableschema', schema), r.name).toEqual([]);
        expect(profileErrors('2.0', 'tableschema', schema), r.name).toEqual([]);
      }
    }
  });

  it('the validator rejects a v1-invalid dialect (the old one without doubleQuote)', () => {
    const bad = { ...pkg, resources: [{ ...pkg.resources[0], dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } }] };
    expect(profileErrors('1.0', 'datapackage', bad).length).toBeGreaterThan(0);
  });

  it('declares version, created (from content), contributors and the canonical CC BY 4.0 URL', () => {
    for (const p of [pkg, indicatorPkg]) {
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(p.contributors.length).toBeGreaterThan(0);
      expect(p.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' })]);
    }
    expect(LICENSE.url).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('describes every exported CSV and source text, with bytes and sha256 that match', () => {
    const described = new Set<string>();
    for (const [prefix, p] of [['data/', pkg], ['data/chi-so/', indicatorPkg]] as const) {
      for (const r of p.resources as Resource[]) {
        const path = localData(prefix, r.path);
        const content = files.get(path);
        expect(content, path).toBeDefined();
        const bytes = Buffer.from(content!, 'utf8');
        expect(r.bytes, path).toBe(bytes.length);
        expect(r.hash, path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
        expect(r.encoding).toBe('utf-8');
        described.add(path);
      }
    }
    const exported = [...files.keys()].filter((p) => /\.csv$|source\.txt$/.test(p));
    expect(exported.filter((p) => !described.has(p))).toEqual([]);
  });
});

describe('every resource reads with the Table Schema reader', () => {
  const tables = new Map<string, ReadTable>();
  const schemas = new Map<string, TableSchema>();
  for (const r of pkg.resources as Resource[]) {
    if (!r.schema) continue;
    schemas.set(r.name, r.schema as TableSchema);
    tables.set(r.name, readTable(files.get(localData('data/', r.path))!, r.schema as TableSchema, r.path));
  }

  it('main package: types, required, enums, primary keys and foreign keys hold', () => {
    expect(tables.size).toBeGreaterThan(5);
    for (const [name, t] of tables) expect(foreignKeyErrors(name, t, schemas.get(name)!, tables), name).toEqual([]);
    // The reference tables are targets of foreign keys from the observations.
    const targets = new Set((pkg.resources as Resource[]).flatMap((r) => ((r.schema as TableSchema)?.foreignKeys ?? []).map((fk) => fk.reference.resource)));
    expect([...targets].sort()).toEqual(['danh-muc-bao-cao', 'danh-muc-chi-so', 'danh-muc-don-vi', 'danh-muc-linh-vuc', 'danh-muc-phan-to', 'danh-muc-su-kien']);
  });

  it('per-indicator package: every file reads with the shared schema', () => {
    const schema: TableSchema = JSON.parse(files.get('data/chi-so/observations.schema.json')!);
    let rows = 0;
    for (const r of indicatorPkg.resources as Resource[]) {
      expect(r.schema).toBe('observations.schema.json');
      const t = readTable(files.get(`data/chi-so/${r.path}`)!, schema, r.path);
      expect(t.rows.every((row) => row.indicator_id === r.name), r.name).toBe(true);
      rows += t.rows.length;
    }
    expect(rows).toBe(site.figures.length);
  });

  it('higher_is_better is a boolean (or null) in JSON, as typed in the schema', () => {
    const records: Record<string, unknown>[] = JSON.parse(files.get('data/danh-muc-chi-so.json')!);
    expect(records.length).toBe(site.content.indicators.length);
    for (const r of records) expect([true, false, null]).toContain(r.higher_is_better);
  });
});

describe('the reader catches what it must', () => {
  const schema: TableSchema = {
    fields: [
      { name: 'id', type: 'string', constraints: { required: true } },
      { name: 'kind', type: 'string', constraints: { enum: ['a', 'b'] } },
      { name: 'n', type: 'number' },
    ],
    missingValues: [''],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['kind'], reference: { resource: 'kinds', fields: ['kind'] } }],
  };
  it('rejects an empty trailing record, a BOM, LF line ends, ragged rows', () => {
    expect(() => parseCsvStrict('id,kind,n\r\nx,a,1\r\n\r\n', 't')).toThrow(/empty record/);
    expect(() => parseCsvStrict('id,kind,n\r\n\r\n', 't')).toThrow(/empty record/);
    expect(() => parseCsvStrict('\uFEFFid,kind,n\r\n', 't')).toThrow(/BOM/);
    expect(() => parseCsvStrict('id,kind,n\nx,a,1\n', 't')).toThrow();
    expect(() => parseCsvStrict('id,kind,n\r\nx,a\r\n', 't')).toThrow(/2 fields/);
    expect(parseCsvStrict('id,kind,n\r\n"x\r\ny",a,1\r\n', 't')).toEqual([['id', 'kind', 'n'], ['x\r\ny', 'a', '1']]);
  });
  it('rejects bad types, missing required values, enum misses, duplicate keys and dangling foreign keys', () => {
    expect(() => readTable('id,kind,n\r\nx,a,1.5x\r\n', schema, 't')).toThrow(/not a number/);
    expect(() => readTable('id,kind,n\r\n,a,1\r\n', schema, 't')).toThrow(/required/);
    expect(() => readTable('id,kind,n\r\nx,c,1\r\n', schema, 't')).toThrow(/enum/);
    expect(() => readTable('id,kind,n\r\nx,a,1\r\nx,b,2\r\n', schema, 't')).toThrow(/duplicate primary key/);
    const t = readTable('id,kind,n\r\nx,a,1\r\ny,,2\r\n', schema, 't');
    const kinds = readTable('kind\r\nb\r\n', { fields: [{ name: 'kind', type: 'string' }] }, 'k');
    expect(foreignKeyErrors('t', t, schema, new Map([['kinds', kinds]]))).toEqual([expect.stringContaining('row 2: kind=["a"] not found')]);
  });
});

describe('canonical CSV and JSON writers', () => {
  const table: Table = { columns: [{ name: 'a', type: 'string', title: 'A', description: 'a' }, { name: 'b', type: 'boolean', title: 'B', description: 'b' }], rows: [] };
  it('a table without rows is the header and exactly one CRLF, no BOM', () => {
    expect(toCsv(table)).toBe('a,b\r\n');
    expect(toCsv({ ...table, rows: [['x', true], ['y', null]] })).toBe('a,b\r\nx,true\r\ny,\r\n');
    expect(JSON.parse(toJson({ ...table, rows: [['x', true]] }))).toEqual([{ a: 'x', b: true }]);
  });
  it('sha256 matches node:crypto', () => {
    for (const s of ['', 'abc', 'Tiếng Việt '.repeat(100), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64)]) {
      expect(sha256(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });
});

describe('no needless copies (dist must grow by about one copy of each figure per kind of slice)', () => {
  const datasets = buildDatasets(site);
  it('slices (per report, indicator) are CSV only; the all-figures table CSV and XLSX; other canonical tables also JSON, compact', () => {
    for (const d of datasets) {
      const f = datasetFiles(d);
      expect(files.has(`data/${f.csv}`), d.id).toBe(true);
      if (isSlice(d) || d.kind === 'observations') {
        expect(Boolean(f.xlsx), d.id).toBe(!isSlice(d));
        expect(f.json, d.id).toBeUndefined();
        expect(files.has(`data/${d.id}.json`), d.id).toBe(false);
      } else {
        const text = files.get(`data/${f.json}`)!;
        expect(text.split('\n').length, d.id).toBe(2); // one line + final newline
        expect(JSON.parse(text)).toHaveLength(d.table.rows.length);
      }
    }
    expect([...files.keys()].filter((p) => /^data\/chi-so\/.*\.json$/.test(p) && !/(datapackage|schema)\.json$/.test(p))).toEqual([]);
  });

  it('the bulk zip holds the canonical tables and every file datapackage.json names locally, and no slice', () => {
    const entries = bulkEntries(site, exportFiles(site));
    const local = (pkg.resources as Resource[]).filter((r) => !r.path.startsWith(`${SITE_URL}/`)).map((r) => r.path);
    for (const p of local) expect(entries.has(p), p).toBe(true);
    for (const d of datasets) expect(entries.has(datasetFiles(d).csv), d.id).toBe(!isSlice(d));
    expect([...entries.keys()].filter((p) => p.startsWith('chi-so/'))).toEqual([]);
    // Every slice is named by its URL, so the zip's descriptor points at nothing missing.
    for (const d of datasets.filter(isSlice)) expect((pkg.resources as Resource[]).find((r) => r.name === d.id)!.path).toBe(`${SITE_URL}/data/${datasetFiles(d).csv}`);
  });
});

describe('CKAN-shaped API: what a CKAN harvester (ckanext-harvest) can import', () => {
  // CKAN core's tag_name_validator and length limits (ckan/logic/validators.py): package_create refuses the
  // whole harvested package when one tag fails. Python's \w with re.UNICODE ≈ \p{L}\p{N}_ on NFC text.
  const ckanTagOk = (t: string) => /^[\p{L}\p{N}_ .-]*$/u.test(t) && t.length >= 2 && t.length <= 100;

  it('every package tag passes CKAN’s tag validator; the tags keep the dataset keywords as far as CKAN allows', () => {
    const search = JSON.parse(files.get('api/3/action/package_search')!).result.results as { name: string; tags: { name: string }[] }[];
    const datasets = new Map(buildDatasets(site).map((d) => [d.id, d]));
    expect(search.length).toBeGreaterThan(0);
    for (const p of search) {
      for (const t of p.tags) expect(ckanTagOk(t.name), `${p.name}: "${t.name}"`).toBe(true);
      expect(p.tags.map((t) => t.name), p.name).toEqual([...new Set(datasets.get(p.name)!.keywords.map(ckanTag).filter(Boolean))]);
    }
  });

  it('every dataset keyword is already a valid CKAN tag (ckanext-dcat takes dcat:keyword as tags, uncleaned by default)', () => {
    for (const d of buildDatasets(site)) for (const k of d.keywords) expect(ckanTagOk(k), `${d.id}: "${k}"`).toBe(true);
  });

  it('periodKeyword: the period label without "/" or "–", for every kind of period', () => {
    const cases: [string, string][] = [
      ['2024', 'năm 2024'],
      ['2023-H1', '6 tháng đầu năm 2023'],
      ['2024-Q3', 'quý III năm 2024'],
      ['2024-03', 'tháng 3 năm 2024'],
      ['2025-03-14', 'ngày 14-3-2025'],
      ['2021/2025', 'giai đoạn 2021-2025'],
      ['2023-09/2024-08', 'năm học 2023-2024'],
      ['2024-02/2025-03', 'từ tháng 2 năm 2024 đến tháng 3 năm 2025'],
      ['2025-01-01/2025-03-14', 'từ 1-1-2025 đến 14-3-2025'],
    ];
    for (const [period, keyword] of cases) {
      expect(periodKeyword(period), period).toBe(keyword);
      expect(ckanTagOk(periodKeyword(period)), period).toBe(true);
    }
  });

  it('ckanTag turns what CKAN refuses into "-", keeps Vietnamese letters, and drops what is too short', () => {
    expect(ckanTag('quý III/2024')).toBe('quý III-2024');
    expect(ckanTag('6 tháng đầu năm 2023')).toBe('6 tháng đầu năm 2023');
    expect(ckanTag('Nghị quyết "số 1", (2025)')).toBe('Nghị quyết -số 1- -2025');
    expect(ckanTag('Kon Tum'.normalize('NFD'))).toBe('Kon Tum');
    expect(ckanTag('cấp xã'.normalize('NFD'))).toBe('cấp xã'); // NFD marks are not \w in Python: recomposed first
    expect(ckanTag('/')).toBeNull();
    expect(ckanTag('(x)')).toBeNull();
    expect(ckanTag('x'.repeat(150))).toHaveLength(100);
    for (const k of ['a/b', 'c,d', 'e"f', 'g:h', 'i&j', 'k\u00a0l']) expect(ckanTagOk(ckanTag(k)!), k).toBe(true);
  });
});
