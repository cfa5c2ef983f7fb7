// DCAT-AP 3.0.1 validation with the official SHACL shapes (vendored in tests/specs/)
// and rdf-validate-shacl; RDF parsed with n3 (Turtle) and jsonld (JSON-LD).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Store, type Quad } from 'n3';
import jsonld from 'jsonld';
import SHACLValidator from 'rdf-validate-shacl';

const SHAPES_DIR = join(import.meta.dirname, '../specs/dcat-ap-3.0.1');

export function parseTurtle(text: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(text));
}

/** JSON-LD → quads (no remote contexts: the loader refuses any fetch). */
export async function parseJsonLd(text: string): Promise<Store> {
  const nquads = (await jsonld.toRDF(JSON.parse(text), {
    format: 'application/n-quads',
    documentLoader: async (url: string) => {
      throw new Error(`JSON-LD tried to load a remote context: ${url}`);
    },
  })) as unknown as string;
  return new Store(new Parser({ format: 'application/n-quads' }).parse(nquads));
}

let shapes: Store | null = null;
function shapesStore(): Store {
  if (!shapes) {
    shapes = new Store();
    for (const f of ['shacl_dcat-ap-SHACL.ttl', 'shacl_ranges.ttl']) shapes.addQuads(parseTurtle(readFileSync(join(SHAPES_DIR, f), 'utf8')).getQuads(null, null, null, null));
  }
  return shapes;
}

export interface ShaclResult { severity: string; focus: string; path: string; message: string }

export async function validateDcat(data: Store): Promise<{ violations: ShaclResult[]; warnings: ShaclResult[]; all: ShaclResult[] }> {
  const validator = new SHACLValidator(shapesStore());
  const report = await validator.validate(data);
  const all = report.results.map((r) => ({
    severity: r.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '?',
    focus: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' '),
  }));
  return { all, violations: all.filter((r) => r.severity === 'Violation'), warnings: all.filter((r) => r.severity === 'Warning') };
}

/** Canonical sorted N-Triples-ish strings, to compare two graphs without blank nodes. */
export const tripleSet = (store: Store) =>
  store.getQuads(null, null, null, null).map((q: Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, q.object.language, q.object.datatype.value]) : q.object.value}`).sort();
