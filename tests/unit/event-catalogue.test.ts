// The event catalogue (danh-muc-su-kien) publishes data/events.json like the other catalogues:
// one registry entry (EVENT_FIELDS) drives CSV, JSON, XLSX, the Table Schema of datapackage.json
// (valid under the Frictionless v1 and v2 profiles, read back with its keys), the bulk zip and the
// /du-lieu/api/ dictionary; the organizations' event_id is a foreign key into it.
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { adminEventSchema, type AdminEvent } from '../../src/core/schema.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { columnsOf, EVENT_FIELDS, REF } from '../../src/publish/columns.ts';
import { referenceTables } from '../../src/publish/datasets.ts';
import { excelFiles } from '../../src/publish/downloads.ts';
import { exportsByPath, exportText, type ExportMap } from '../support/exports.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { inBulk } from '../../src/publish/bulk.ts';
import { apiPage } from '../../src/view/pages/api.ts';
import { fixtureReader } from '../fixtures/content.ts';
import { foreignKeyErrors, profileErrors, readTable, type TableSchema } from '../support/frictionless.ts';

const organizations = [
  { id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'Province', validTo: '2025-06-30', successor: 'tinh-moi', event: 'sap-nhap' },
  { id: 'tinh-khac', kind: 'province', name: 'UBND tỉnh khác', shortName: 'Tỉnh khác', nameEn: 'Other province', validTo: '2025-06-30', successor: 'tinh-moi', event: 'sap-nhap' },
  { id: 'tinh-moi', kind: 'province', name: 'UBND tỉnh mới', shortName: 'Tỉnh mới', nameEn: 'New province', validFrom: '2025-07-01', predecessors: ['tinh', 'tinh-khac'], event: 'sap-nhap' },
];
const events: AdminEvent[] = [
  {
    id: 'sap-nhap',
    kind: 'merger',
    effective: '2025-07-01',
    title: 'Hợp nhất tỉnh, không tổ chức cấp huyện',
    description: 'Theo Nghị quyết "202", hai tỉnh hợp nhất; cấp huyện kết thúc hoạt động.',
    legalBasis: [
      { document: 'Nghị quyết số 202/2025/QH15', issuer: 'Quốc hội', date: '2025-06-12', title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh', url: 'https://quochoi.vn/nq-202?a=1&b=2' },
      { document: 'Kết luận số 137-KL/TW', issuer: 'Bộ Chính trị', date: '2025-03-28', title: 'Kết luận về Đề án sắp xếp' },
    ],
    predecessors: ['tinh', 'tinh-khac'],
    successors: ['tinh-moi'],
  },
];
const build = (files: Record<string, string | null>) => {
  const v = validateContent(loadContent(fixtureReader(files)));
  return { issues: v.issues, site: deriveSite(v.content, v.issues) };
};
const { site, issues } = build({ 'data/organizations.json': JSON.stringify(organizations, null, 2), 'data/events.json': JSON.stringify(events, null, 2) });
const files = exportsByPath(site);
const text = (path: string, from: ExportMap = files) => exportText(from, path);
const csvPath = `data/${REF.events.resource}.csv`;
const jsonPath = `data/${REF.events.resource}.json`;
type Resource = { name: string; path: string; schema?: TableSchema };
const pkg = JSON.parse(text('data/datapackage.json')) as { resources: Resource[] };

/** Where each events.json field is published. */
const PUBLISHED: Record<keyof (typeof adminEventSchema)['shape'], string[]> = {
  id: ['event_id'],
  kind: ['kind'],
  effective: ['effective'],
  title: ['title'],
  description: ['description'],
  legalBasis: ['legal_basis', 'legal_basis_urls'],
  predecessors: ['predecessor_ids'],
  successors: ['successor_ids'],
};

describe('event catalogue (danh-muc-su-kien)', () => {
  it('the fixture is valid', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('every events.json field has a column, and the CSV and JSON carry its value', () => {
    // A new events.json field fails here until it is published.
    expect(Object.keys(adminEventSchema.shape).sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(Object.values(PUBLISHED).flat().sort()).toEqual(EVENT_FIELDS.map((c) => c.name).sort());
    const [row] = Papa.parse<Record<string, string>>(text(csvPath).trimEnd(), { header: true }).data;
    const [record] = JSON.parse(text(jsonPath)) as Record<string, unknown>[];
    const e = events[0];
    const want: Record<string, string> = {
      event_id: e.id,
      kind: e.kind,
      effective: e.effective,
      title: e.title,
      description: e.description,
      predecessor_ids: 'tinh;tinh-khac',
      successor_ids: 'tinh-moi',
      legal_basis:
        'Nghị quyết số 202/2025/QH15 (Quốc hội, 2025-06-12): Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh | Kết luận số 137-KL/TW (Bộ Chính trị, 2025-03-28): Kết luận về Đề án sắp xếp',
      legal_basis_urls: 'https://quochoi.vn/nq-202?a=1&b=2',
    };
    for (const [column, value] of Object.entries(want)) {
      expect(row[column], column).toBe(value);
      expect(record[column], column).toBe(value);
    }
    // Lists split back into the ids and documents as written.
    expect(row.predecessor_ids.split(';')).toEqual(e.predecessors);
    expect(row.legal_basis.split(' | ')).toHaveLength(e.legalBasis.length);
  });

  it('the reference table, the Table Schema (valid v1 and v2) and the Excel header follow EVENT_FIELDS', async () => {
    expect(referenceTables(site).find((t) => t.id === REF.events.resource)?.table.columns).toEqual(columnsOf(EVENT_FIELDS));
    const resource = pkg.resources.find((r) => r.name === REF.events.resource);
    expect(resource?.path).toBe(`${REF.events.resource}.csv`);
    expect(resource?.schema?.fields.map((f) => f.name)).toEqual(EVENT_FIELDS.map((c) => c.name));
    expect(resource?.schema?.primaryKey).toEqual(['event_id']);
    for (const version of ['1.0', '2.0'] as const) {
      expect(profileErrors(version, 'dataresource', resource)).toEqual([]);
      expect(profileErrors(version, 'tableschema', resource?.schema)).toEqual([]);
    }
    const [xlsx] = await excelFiles(site, (id) => id === REF.events.resource);
    const shared = strFromU8(unzipSync(xlsx.content)['xl/sharedStrings.xml']);
    for (const c of EVENT_FIELDS) expect(shared, c.name).toContain(`>${c.title}<`);
    expect(shared).toContain('Nghị quyết số 202/2025/QH15');
  });

  it('reads back with its types and keys, and the organizations’ event_id is a foreign key into it', () => {
    const schemaOf = (name: string) => pkg.resources.find((r) => r.name === name)!.schema!;
    const table = (name: string, csv = text(`data/${name}.csv`)) => readTable(csv, schemaOf(name), name);
    const tables = new Map([REF.events.resource, REF.organizations.resource].map((n) => [n, table(n)]));
    expect(tables.get(REF.events.resource)!.rows[0]).toMatchObject({ event_id: 'sap-nhap', effective: '2025-07-01' });
    const orgSchema = schemaOf(REF.organizations.resource);
    expect(orgSchema.foreignKeys).toContainEqual({ fields: ['event_id'], reference: { resource: REF.events.resource, fields: ['event_id'] } });
    expect(foreignKeyErrors(REF.organizations.resource, tables.get(REF.organizations.resource)!, orgSchema, tables)).toEqual([]);
    // The key is checked: an organization naming an event the catalogue lacks is a violation.
    const broken = text(`data/${REF.organizations.resource}.csv`).replace(/,sap-nhap\r\n/, ',khong-co\r\n');
    expect(foreignKeyErrors(REF.organizations.resource, table(REF.organizations.resource, broken), orgSchema, tables)).toHaveLength(1);
  });

  it('is in the bulk zip and in the /du-lieu/api/ dictionary', () => {
    expect(inBulk(csvPath)).toBe(true);
    expect(inBulk(jsonPath)).toBe(true);
    const ref = apiPage(site).references.find((r) => r.id === REF.events.resource);
    expect(ref?.columns.map((c) => c.name)).toEqual(EVENT_FIELDS.map((c) => c.name));
    expect(ref?.files.map((f) => f.label)).toEqual([`${REF.events.resource}.csv`, `${REF.events.resource}.json`, `${REF.events.resource}.xlsx`]);
  });

  it('without data/events.json the catalogue is published empty (header only) and still valid', () => {
    const none = build({});
    expect(none.issues.filter((i) => i.level === 'error')).toEqual([]);
    const out = new Map(exportFiles(none.site).map((f) => [f.path, f.content]));
    const emptyPkg = JSON.parse(text('data/datapackage.json', out)) as { resources: Resource[] };
    const schema = emptyPkg.resources.find((r) => r.name === REF.events.resource)!.schema!;
    expect(readTable(text(csvPath, out), schema, csvPath).rows).toEqual([]);
    expect(JSON.parse(text(jsonPath, out))).toEqual([]);
  });
});
