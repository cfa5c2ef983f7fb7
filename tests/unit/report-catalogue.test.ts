// The report catalogue (danh-muc-bao-cao) publishes every field a curator gives in report.json,
// through the one column registry (REPORT_FIELDS): CSV, JSON, XLSX and the Table Schema of
// datapackage.json agree, and the official address of a document (officialUrl) also reaches
// DCAT (foaf:page, valid under the DCAT-AP 3.0.1 shapes), data.json and the text resource.
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { organizationSchema, reportSchema, type Report } from '../../src/core/schema.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { columnsOf, ORGANIZATION_FIELDS, REF, REPORT_FIELDS } from '../../src/publish/columns.ts';
import { buildDatasets, referenceTables } from '../../src/publish/datasets.ts';
import { datasetIri } from '../../src/publish/dcat.ts';
import { excelFiles } from '../../src/publish/downloads.ts';
import { exportsByPath, exportText } from '../support/exports.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { fixtureFiles, fixtureReader } from '../fixtures/content.ts';
import { parseTurtle, validateDcat } from '../support/shacl.ts';

const R = 'content/reports/bc-thu/report.json';
const OFFICIAL = 'https://kontum.gov.vn/van-ban/bao-cao-thu?id=1&x=2';
const meta = JSON.parse(fixtureFiles()[R]) as Report;
const { content, issues } = validateContent(loadContent(fixtureReader({ [R]: JSON.stringify({ ...meta, officialUrl: OFFICIAL, documentNumber: '12/BC-UBND', date: '2024-10-05' }, null, 2) })));
const site = deriveSite(content, issues);
const files = exportsByPath(site);
const text = (path: string) => exportText(files, path);
const csvPath = `data/${REF.reports.resource}.csv`;
const jsonPath = `data/${REF.reports.resource}.json`;

/** Where each report.json field is published in the catalogue (sourceFile is always source.txt: its address). */
const PUBLISHED_AS: Record<keyof Report, string> = {
  id: 'report_id',
  kind: 'kind',
  title: 'title',
  issuer: 'issuer_id',
  scope: 'scope_id',
  period: 'period',
  documentNumber: 'document_number',
  date: 'date',
  sourceFile: 'source_url',
  summary: 'summary',
  officialUrl: 'official_url',
};

describe('report catalogue (danh-muc-bao-cao)', () => {
  it('the fixture is valid with an officialUrl', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(content.reports[0].meta.officialUrl).toBe(OFFICIAL);
  });

  it('every report.json field has a column, and the CSV and JSON carry its value', () => {
    const names = columnsOf(REPORT_FIELDS).map((c) => c.name);
    // A new report.json field fails here until it is published (or mapped to an existing column).
    expect(Object.keys(reportSchema.shape).sort()).toEqual(Object.keys(PUBLISHED_AS).sort());
    for (const column of Object.values(PUBLISHED_AS)) expect(names).toContain(column);
    const [row] = Papa.parse<Record<string, string>>(text(csvPath).trimEnd(), { header: true }).data;
    const [record] = JSON.parse(text(jsonPath)) as Record<string, unknown>[];
    const r = content.reports[0].meta;
    for (const [field, column] of Object.entries(PUBLISHED_AS) as [keyof Report, string][]) {
      if (field === 'sourceFile') {
        expect(row[column]).toBe(absolute(urls.sourceTxt(r.id)));
        expect(row[column].endsWith(`/${r.sourceFile}`)).toBe(true);
        continue;
      }
      expect(row[column], column).toBe(String(r[field]));
      expect(record[column], column).toBe(r[field]);
    }
  });

  it('the reference table, the Table Schema and the Excel header follow REPORT_FIELDS', async () => {
    const ref = referenceTables(site).find((t) => t.id === REF.reports.resource);
    expect(ref?.table.columns).toEqual(columnsOf(REPORT_FIELDS));
    const pkg = JSON.parse(text('data/datapackage.json')) as { resources: { name: string; schema?: { fields: { name: string }[] } }[] };
    const schema = pkg.resources.find((r) => r.name === REF.reports.resource)?.schema;
    expect(schema?.fields.map((f) => f.name)).toEqual(REPORT_FIELDS.map((c) => c.name));
    const [xlsx] = await excelFiles(site, (id) => id === REF.reports.resource);
    const zip = unzipSync(xlsx.content);
    const shared = strFromU8(zip['xl/sharedStrings.xml']);
    for (const c of REPORT_FIELDS) expect(shared, c.name).toContain(`>${c.title}<`);
    expect(shared).toContain(OFFICIAL.replace(/&/g, '&amp;'));
  });

  it('DCAT: each dataset of the report names the official document as foaf:page, and the catalogue passes the SHACL shapes', async () => {
    const ttl = parseTurtle(text('data/catalog.ttl'));
    const FOAF = 'http://xmlns.com/foaf/0.1/';
    const withReport = buildDatasets(site).filter((d) => d.reports.includes('bc-thu'));
    expect(withReport.length).toBeGreaterThan(0);
    for (const d of withReport) expect(ttl.getObjects(datasetIri(d.id), `${FOAF}page`, null).map((o) => o.value)).toEqual([OFFICIAL]);
    expect(ttl.getObjects(OFFICIAL, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', null).map((o) => o.value)).toEqual([`${FOAF}Document`]);
    const { violations, warnings } = await validateDcat(ttl);
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('data.json references, the datapackage text resource and CKAN package_show name the official document', () => {
    const pod = JSON.parse(text('data/data.json')) as { dataset: { identifier: string; references?: string[] }[] };
    for (const d of buildDatasets(site).filter((x) => x.reports.includes('bc-thu')))
      expect(pod.dataset.find((x) => x.identifier === datasetIri(d.id))?.references).toEqual([OFFICIAL]);
    const pkg = JSON.parse(text('data/datapackage.json')) as { resources: { name: string; sources?: { path: string }[] }[] };
    expect(pkg.resources.find((r) => r.name === 'van-ban-bc-thu')?.sources?.map((s) => s.path)).toEqual([OFFICIAL]);
    for (const d of buildDatasets(site).filter((x) => x.reports.includes('bc-thu'))) {
      const show = JSON.parse(text(`api/3/action/package_show/${d.id}.json`)) as { result: { extras: { key: string; value: string }[] } };
      expect(JSON.parse(show.result.extras.find((e) => e.key === 'documentation')?.value ?? '[]')).toEqual([OFFICIAL]);
    }
  });
});

describe('organization catalogue (danh-muc-don-vi)', () => {
  const organizations = [
    { id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'Province', validTo: '2025-06-30', successor: 'tinh-moi', event: 'sap-nhap' },
    { id: 'tinh-moi', kind: 'province', name: 'UBND tỉnh mới', shortName: 'Tỉnh mới', nameEn: 'New province', validFrom: '2025-07-01', predecessors: ['tinh'], event: 'sap-nhap' },
  ];
  const events = [{ id: 'sap-nhap', kind: 'merger', effective: '2025-07-01', title: 'Sáp nhập', description: 'Sáp nhập.', legalBasis: [{ document: 'Nghị quyết 1', issuer: 'Quốc hội', date: '2025-06-12', title: 'Nghị quyết' }], predecessors: ['tinh'], successors: ['tinh-moi'] }];
  const v = validateContent(loadContent(fixtureReader({ 'data/organizations.json': JSON.stringify(organizations, null, 2), 'data/events.json': JSON.stringify(events, null, 2) })));
  const orgSite = deriveSite(v.content, v.issues);
  /** Where each organizations.json field is published (predecessors: the inverse of successor_id). */
  const PUBLISHED: Record<keyof (typeof organizationSchema)['shape'], string | null> = {
    id: 'organization_id', kind: 'kind', name: 'name', shortName: 'short_name', nameEn: 'name_en', parent: 'parent_id',
    validFrom: 'valid_from', validTo: 'valid_to', successor: 'successor_id', event: 'event_id', predecessors: null,
  };

  it('every organizations.json field is published (or derivable), with its value, in CSV and JSON', () => {
    expect(v.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(Object.keys(organizationSchema.shape).sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(referenceTables(orgSite).find((t) => t.id === REF.organizations.resource)?.table.columns).toEqual(columnsOf(ORGANIZATION_FIELDS));
    const out = new Map(exportFiles(orgSite).map((f) => [f.path, f.content]));
    const csvRows = Papa.parse<Record<string, string>>(String(out.get(`data/${REF.organizations.resource}.csv`)).trimEnd(), { header: true }).data;
    const records = JSON.parse(String(out.get(`data/${REF.organizations.resource}.json`))) as Record<string, unknown>[];
    for (const o of organizations) {
      const row = csvRows.find((r) => r.organization_id === o.id)!;
      const record = records.find((r) => r.organization_id === o.id)!;
      for (const [field, column] of Object.entries(PUBLISHED)) {
        if (!column) continue;
        const value = (o as Record<string, unknown>)[field] ?? null;
        expect(record[column], `${o.id} ${column}`).toBe(value);
        expect(row[column], `${o.id} ${column}`).toBe(value === null ? '' : String(value));
      }
    }
    // predecessors is recoverable from successor_id.
    expect(records.filter((r) => r.successor_id === 'tinh-moi').map((r) => r.organization_id)).toEqual(organizations[1].predecessors);
  });
});
