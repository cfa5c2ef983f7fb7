import { readFileSync } from 'node:fs';
import { parseTurtle, parseJsonLd, validateDcat, tripleSet } from './tests/support/shacl.ts';
const ttl = parseTurtle(readFileSync('/tmp/catalog.ttl', 'utf8'));
const jl = await parseJsonLd(readFileSync('/tmp/catalog.jsonld', 'utf8'));
const a = tripleSet(ttl), b = tripleSet(jl);
console.log('triples', a.length, b.length, JSON.stringify(a) === JSON.stringify(b));
const t = Date.now();
const r = await validateDcat(ttl);
console.log(Date.now() - t, 'ms', r.violations.length, r.warnings.length, r.all.length);
const agg = new Map<string, number>();
for (const x of r.all) { const k = `${x.severity} ${x.path} ${x.message}`; agg.set(k, (agg.get(k) ?? 0) + 1); }
for (const [k, n] of agg) console.log(n, k, );
for (const x of r.all.slice(0,3)) console.log(x.focus);
