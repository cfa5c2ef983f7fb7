// A Frictionless-compatible reader for tests: validate descriptors against the
// official v1 and v2 JSON Schema profiles (ajv), then read every tabular resource
// the way the Table Schema spec says — strict RFC 4180 parse, header = fields,
// missingValues, type casts, required/enum constraints, primary and foreign keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';

const SPECS = join(import.meta.dirname, '../specs/frictionless');

export type Version = '1.0' | '2.0';
const validators = new Map<string, ReturnType<Ajv['compile']>>();

/** Validate a descriptor against an official profile; returns ajv's error list ([] when valid). */
export function profileErrors(version: Version, profile: 'datapackage' | 'tableschema' | 'tabledialect' | 'dataresource', descriptor: unknown): string[] {
  const key = `${version}/${profile}`;
  let validate = validators.get(key);
  if (!validate) {
    // strict: false — the official profiles carry annotation keywords (propertyOrder, context, options) ajv does not know.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('textarea', true); // a UI hint in the profiles, not a constraint
    validate = ajv.compile(JSON.parse(readFileSync(join(SPECS, version, `${profile}.json`), 'utf8')));
    validators.set(key, validate);
  }
  return validate(descriptor) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Strict CSV: RFC 4180, one record per line, every record as wide as the header, one final CRLF, no empty record. */
export function parseCsvStrict(text: string, where: string): string[][] {
  const problems: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push(`${where}: starts with a BOM`);
  if (!text.endsWith('\r\n')) problems.push(`${where}: does not end with CRLF`);
  if (text.endsWith('\r\n\r\n') || text === '\r\n') problems.push(`${where}: ends with an empty record`);
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text;
  const result = Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  for (const e of result.errors) problems.push(`${where}: row ${e.row}: ${e.message}`);
  const width = result.data[0]?.length ?? 0;
  result.data.forEach((r, i) => {
    if (r.length !== width) problems.push(`${where}: record ${i + 1} has ${r.length} fields, header has ${width}`);
  });
  if (/(^|[^\r])\n/.test(body.replace(/"(?:[^"]|"")*"/g, '""'))) problems.push(`${where}: bare LF line break outside quotes`);
  if (problems.length) throw new Error(problems.join('\n'));
  return result.data;
}

interface Field { name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }
export interface TableSchema { fields: Field[]; missingValues?: string[]; primaryKey?: string[] | string; foreignKeys?: { fields: string[] | string; reference: { resource?: string; fields: string[] | string } }[] }
type Value = string | number | boolean | null;

const arr = (x: string[] | string) => (Array.isArray(x) ? x : [x]);

/** Cast one cell as Table Schema's default formats do; throws with the reason. */
export function castCell(type: string, cell: string): Value {
  switch (type) {
    case 'string':
      return cell;
    case 'number':
      if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(NaN|INF|-INF)$/.test(cell)) throw new Error(`"${cell}" is not a number`);
      return Number(cell);
    case 'integer':
      if (!/^[-+]?\d+$/.test(cell)) throw new Error(`"${cell}" is not an integer`);
      return Number(cell);
    case 'boolean':
      if (['true', 'True', 'TRUE', '1'].includes(cell)) return true;
      if (['false', 'False', 'FALSE', '0'].includes(cell)) return false;
      throw new Error(`"${cell}" is not a boolean`);
    case 'date': {
      const d = new Date(`${cell}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cell) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== cell) throw new Error(`"${cell}" is not an ISO date`);
      return cell;
    }
    default:
      throw new Error(`type ${type} not supported by this reader`);
  }
}

export interface ReadTable { fields: string[]; rows: Record<string, Value>[] }

/** Read a CSV resource per its schema: returns typed rows, throws listing every violation (row numbers as in the file). */
export function readTable(text: string, schema: TableSchema, where: string): ReadTable {
  const records = parseCsvStrict(text, where);
  const header = records[0] ?? [];
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) throw new Error(`${where}: header ${JSON.stringify(header)} ≠ schema fields ${JSON.stringify(names)}`);
  const missing = schema.missingValues ?? [''];
  const problems: string[] = [];
  const rows = records.slice(1).map((rec, i) => {
    const row: Record<string, Value> = {};
    schema.fields.forEach((f, j) => {
      const cell = rec[j];
      const at = `${where}: row ${i + 2}, column ${f.name}`;
      if (missing.includes(cell)) {
        row[f.name] = null;
        if (f.constraints?.required) problems.push(`${at}: required value missing`);
        return;
      }
      try {
        row[f.name] = castCell(f.type, cell);
      } catch (e) {
        problems.push(`${at}: ${(e as Error).message}`);
        row[f.name] = null;
      }
      if (f.constraints?.enum && !f.constraints.enum.includes(cell)) problems.push(`${at}: "${cell}" not in enum ${JSON.stringify(f.constraints.enum)}`);
    });
    return row;
  });
  if (schema.primaryKey) {
    const pk = arr(schema.primaryKey);
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const k = JSON.stringify(pk.map((n) => r[n]));
      if (pk.some((n) => r[n] === null)) problems.push(`${where}: row ${i + 2}: primary key ${pk.join('+')} has an empty part`);
      if (seen.has(k)) problems.push(`${where}: row ${i + 2}: duplicate primary key ${k}`);
      seen.add(k);
    });
  }
  if (problems.length) throw new Error(problems.slice(0, 20).join('\n'));
  return { fields: header, rows };
}

/** Foreign-key violations of a read table against the tables it references (resource name → table). */
export function foreignKeyErrors(name: string, table: ReadTable, schema: TableSchema, tables: Map<string, ReadTable>): string[] {
  const problems: string[] = [];
  for (const fk of schema.foreignKeys ?? []) {
    const from = arr(fk.fields);
    const to = arr(fk.reference.fields);
    const target = fk.reference.resource ? tables.get(fk.reference.resource) : table;
    if (!target) {
      problems.push(`${name}: foreign key to unknown resource "${fk.reference.resource}"`);
      continue;
    }
    const keys = new Set(target.rows.map((r) => JSON.stringify(to.map((n) => r[n]))));
    table.rows.forEach((r, i) => {
      if (from.every((n) => r[n] === null)) return; // null values are not checked (Table Schema)
      const k = JSON.stringify(from.map((n) => r[n]));
      if (!keys.has(k)) problems.push(`${name}: row ${i + 2}: ${from.join('+')}=${k} not found in ${fk.reference.resource}.${to.join('+')}`);
    });
  }
  return problems;
}
