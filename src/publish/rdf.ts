// A tiny RDF model with deterministic Turtle and JSON-LD writers: the catalogue is
// built once as triples and serialised both ways, so the two can never disagree.
export type Term = { iri: string } | { value: string; lang?: string; datatype?: string };
export type Triple = [subject: string, predicate: string, object: Term];

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
  locn: 'http://www.w3.org/ns/locn#',
} as const;
export const RDF_TYPE = `${NS.rdf}type`;

export const iri = (v: string): Term => ({ iri: v });
export const vi = (v: string): Term => ({ value: v, lang: 'vi' });
export const en = (v: string): Term => ({ value: v, lang: 'en' });
export const typed = (v: string | number, dt: keyof typeof XSD): Term => ({ value: String(v), datatype: XSD[dt] });
const XSD = { date: `${NS.xsd}date`, dateTime: `${NS.xsd}dateTime`, nonNegativeInteger: `${NS.xsd}nonNegativeInteger`, hexBinary: `${NS.xsd}hexBinary`, string: `${NS.xsd}string` };

/** Group triples by subject, keeping first-seen order of subjects and predicates; drop exact duplicates. */
function bySubject(triples: Triple[]): Map<string, Map<string, Term[]>> {
  const out = new Map<string, Map<string, Term[]>>();
  const seen = new Set<string>();
  for (const [s, p, o] of triples) {
    const key = JSON.stringify([s, p, o]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!out.has(s)) out.set(s, new Map());
    const preds = out.get(s)!;
    if (!preds.has(p)) preds.set(p, []);
    preds.get(p)!.push(o);
  }
  return out;
}

function compact(full: string): string | null {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (full.startsWith(ns)) {
      const local = full.slice(ns.length);
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) return `${prefix}:${local}`;
    }
  }
  return null;
}

const escapeIri = (v: string) => v.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const escapeString = (v: string) => v.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
const ttlIri = (v: string) => compact(v) ?? `<${escapeIri(v)}>`;
function ttlTerm(t: Term): string {
  if ('iri' in t) return ttlIri(t.iri);
  const s = `"${escapeString(t.value)}"`;
  if (t.lang) return `${s}@${t.lang}`;
  if (t.datatype && t.datatype !== XSD.string) return `${s}^^${ttlIri(t.datatype)}`;
  return s;
}

export function toTurtle(triples: Triple[]): string {
  const lines = Object.entries(NS).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  for (const [s, preds] of bySubject(triples)) {
    const parts = [...preds].map(([p, os]) => `${p === RDF_TYPE ? 'a' : ttlIri(p)} ${os.map(ttlTerm).join(', ')}`);
    lines.push('', `${ttlIri(s)}\n  ${parts.join(' ;\n  ')} .`);
  }
  return `${lines.join('\n')}\n`;
}

/** Flattened JSON-LD (one node object per subject) with the prefixes as context; no remote context to fetch. */
export function toJsonLd(triples: Triple[]): object {
  const graph = [...bySubject(triples)].map(([s, preds]) => {
    const node: Record<string, unknown> = { '@id': s };
    for (const [p, os] of preds) {
      if (p === RDF_TYPE) {
        const types = os.map((o) => ('iri' in o ? (compact(o.iri) ?? o.iri) : o.value));
        node['@type'] = types.length === 1 ? types[0] : types;
        continue;
      }
      const values = os.map((o) => {
        if ('iri' in o) return { '@id': o.iri };
        if (o.lang) return { '@value': o.value, '@language': o.lang };
        if (o.datatype && o.datatype !== XSD.string) return { '@value': o.value, '@type': compact(o.datatype) ?? o.datatype };
        return o.value;
      });
      node[compact(p) ?? p] = values.length === 1 ? values[0] : values;
    }
    return node;
  });
  return { '@context': { ...NS }, '@graph': graph };
}

/** The triples describing `root` and everything it links to, stopping at subjects in `stop`. */
export function closure(triples: Triple[], root: string, stop: Set<string>): Triple[] {
  const subjects = bySubject(triples);
  const keep = new Set<string>([root]);
  const queue = [root];
  while (queue.length) {
    const s = queue.shift()!;
    for (const os of subjects.get(s)?.values() ?? []) {
      for (const o of os) {
        if ('iri' in o && subjects.has(o.iri) && !keep.has(o.iri) && !stop.has(o.iri)) {
          keep.add(o.iri);
          queue.push(o.iri);
        }
      }
    }
  }
  return triples.filter(([s]) => keep.has(s));
}
