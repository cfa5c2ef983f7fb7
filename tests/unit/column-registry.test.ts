// The column registry (src/publish/columns.ts) is the one declaration of every published
// column. This test fails when an output drifts from it: every registry column must be in
// the CSV header, the JSON records, the Table Schema of datapackage.json, the dictionary
// view-model of the dataset page and the Excel header, in registry order — and every
// optional column a Figure carries from figures.csv must be published.
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { figureCarriedColumns, FIGURE_COLUMNS } from '../../src/core/schema.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { columnsOf, EVENT_FIELDS, INDICATOR_FIELDS, OBSERVATION_FIELDS, OBSERVATIONS_DATASET, ORGANIZATION_FIELDS, REF, REPORT_FIELDS, SERIES_FIELDS, SERIES_OMITTED, TARGET_FIELDS, type Column } from '../../src/publish/columns.ts';
import { buildDatasets, datasetFiles, referenceTables, referenceFiles, type Dataset } from '../../src/publish/datasets.ts';
import { exportsByPath, exportText } from '../support/exports.ts';
import { exportFiles, INDICATOR_SCHEMA_FILE } from '../../src/publish/export.ts';
import { toXlsx } from '../../src/publish/xlsx.ts';
import { fixtureReader } from '../fixtures/content.ts';

const { content, issues } = validateContent(loadContent(fixtureReader()));
const site = deriveSite(content, issues);
const files = exportsByPath(site);
const text = (path: string) => exportText(files, path);
const names = (columns: Column[]) => columns.map((c) => c.name);

/** The registry a dataset's table must follow. */
function registryOf(d: Dataset): Column[] {
  if (d.kind === 'targets') return columnsOf(TARGET_FIELDS);
  if (d.kind === 'catalogue') {
    // The code lists with a registry; areas and breakdowns declare their few columns inline (referenceTables).
    const registries: Record<string, Column[]> = {
      [REF.indicators.resource]: columnsOf(INDICATOR_FIELDS),
      [REF.reports.resource]: columnsOf(REPORT_FIELDS),
      [REF.organizations.resource]: columnsOf(ORGANIZATION_FIELDS),
      [REF.events.resource]: columnsOf(EVENT_FIELDS),
    };
    return registries[d.id] ?? referenceTables(site).find((r) => r.id === d.id)!.table.columns;
  }
  return columnsOf(OBSERVATION_FIELDS);
}

/** Every place a table's columns are published, as lists of names. */
/** `jsonPath` undefined: a slice, published as CSV only. */
function published(csvPath: string, jsonPath: string | undefined, resource: string) {
  const header = Papa.parse<string[]>(text(csvPath).split('\r\n')[0]).data[0];
  const records = jsonPath ? (JSON.parse(text(jsonPath)) as Record<string, unknown>[]) : [];
  const pkg = JSON.parse(text('data/datapackage.json')) as { resources: { name: string; schema?: { fields: { name: string }[] } }[] };
  const schema = pkg.resources.find((r) => r.name === resource)?.schema;
  return { header, jsonKeys: records.map((r) => Object.keys(r)), schemaFields: schema?.fields.map((f) => f.name) };
}

describe('column registry ↔ published outputs', () => {
  const datasets = buildDatasets(site);
  it('the fixture publishes the observation, report and catalogue datasets, with rows', () => {
    for (const kind of ['observations', 'report', 'catalogue']) expect(datasets.map((d) => d.kind)).toContain(kind);
    expect(datasets.find((d) => d.kind === 'observations')?.table.rows.length).toBeGreaterThan(0);
  });

  it.each(datasets.map((d) => [d.id, d] as const))('dataset %s: CSV header, JSON keys, Table Schema and dictionary follow the registry', (_id, d) => {
    const expected = names(registryOf(d));
    const f = datasetFiles(d);
    const out = published(`data/${f.csv}`, f.json && `data/${f.json}`, d.id);
    expect(out.header).toEqual(expected);
    for (const keys of out.jsonKeys) expect(keys).toEqual(expected);
    expect(out.schemaFields).toEqual(expected);
    // The dataset page's column dictionary renders d.table.columns as they are.
    expect(d.table.columns).toEqual(registryOf(d));
  });

  it('reference tables: CSV, JSON and Table Schema agree with their declared columns', () => {
    for (const r of referenceTables(site)) {
      const f = referenceFiles(r);
      const out = published(`data/${f.csv}`, `data/${f.json}`, r.id);
      expect(out.header).toEqual(names(r.table.columns));
      expect(out.schemaFields).toEqual(names(r.table.columns));
    }
  });

  it('per-indicator files and their shared schema use the series columns: the observation registry less SERIES_OMITTED, in its order', () => {
    const expected = names(columnsOf(SERIES_FIELDS));
    expect(expected).toEqual(names(columnsOf(OBSERVATION_FIELDS)).filter((n) => !(n in SERIES_OMITTED)));
    // Every omitted name is a real observation column, and the keys it is found by stay in the file.
    for (const [name, where] of Object.entries(SERIES_OMITTED)) {
      expect(names(columnsOf(OBSERVATION_FIELDS))).toContain(name);
      for (const k of Object.keys(where.by)) expect(expected).toContain(k);
    }
    const schema = JSON.parse(text(`data/${INDICATOR_SCHEMA_FILE}`)) as { fields: { name: string }[] };
    expect(schema.fields.map((f) => f.name)).toEqual(expected);
    for (const ind of content.indicators) expect(Papa.parse<string[]>(text(`data/chi-so/${ind.id}.csv`).split('\r\n')[0]).data[0]).toEqual(expected);
  });

  it('every value a per-indicator file leaves out is found by its key in the table SERIES_OMITTED names', () => {
    const csv = (path: string) => Papa.parse<Record<string, string>>(text(path).trimEnd(), { header: true }).data;
    const pkg = JSON.parse(text('data/datapackage.json')) as { resources: { name: string; path: string }[] };
    const fileOf = (resource: string) => {
      const r = pkg.resources.find((x) => x.name === resource);
      if (!r) throw new Error(`no resource ${resource}`);
      return `data/${r.path}`;
    };
    const observations = new Map(csv(fileOf(OBSERVATIONS_DATASET)).map((r) => [`${r.report_id}|${r.figure_id}`, r]));
    // Each omitted column: the referenced table's rows by their key.
    const lookups = Object.entries(SERIES_OMITTED).map(([name, where]) => {
      const byKey = new Map(csv(fileOf(where.resource)).map((r) => [Object.values(where.by).map((k) => r[k]).join('|'), r]));
      return { name, where, byKey };
    });
    let checked = 0;
    for (const ind of content.indicators) {
      for (const row of csv(`data/chi-so/${ind.id}.csv`)) {
        const full = observations.get(`${row.report_id}|${row.figure_id}`);
        expect(full, `${ind.id}: ${row.report_id}/${row.figure_id}`).toBeDefined();
        for (const n of Object.keys(row)) expect(row[n], `${ind.id} ${n}`).toBe(full![n]);
        for (const l of lookups) {
          const ref = l.byKey.get(Object.keys(l.where.by).map((k) => row[k]).join('|'));
          expect(ref?.[l.where.column], `${ind.id} ${row.figure_id}: ${l.name} via ${l.where.resource}`).toBe(full![l.name]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the Excel sheet has one header cell per registry column, with its title', async () => {
    const d = datasets.find((x) => x.kind === 'observations');
    if (!d) throw new Error('no observations dataset');
    const bytes = await toXlsx(d.table, { title: 't', description: 'd', url: 'u', license: 'l', citation: 'c', version: 'v', modified: '2025-01-01' });
    const zip = unzipSync(bytes);
    const shared = strFromU8(zip['xl/sharedStrings.xml'] ?? new Uint8Array());
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
    const row1 = sheet.match(/<row r="1"[^>]*>(.*?)<\/row>/s)?.[1] ?? '';
    expect(row1.match(/<c /g)?.length).toBe(d.table.columns.length);
    for (const c of d.table.columns) expect(shared.includes(`>${c.title}<`) || row1.includes(`>${c.title}<`)).toBe(true);
  });

  it('every optional column a Figure carries from figures.csv is published under its name, with its value', () => {
    const published = names(columnsOf(OBSERVATION_FIELDS));
    const f = site.figures[0];
    for (const column of Object.keys(figureCarriedColumns)) {
      expect(FIGURE_COLUMNS.all).toContain(column);
      expect(FIGURE_COLUMNS.optional).toContain(column);
      expect(published).toContain(column);
      const def = OBSERVATION_FIELDS.find((c) => c.name === column);
      expect(def?.value({ site, figure: { ...f, [column]: 'giá trị thử' } })).toBe('giá trị thử');
    }
  });
});
