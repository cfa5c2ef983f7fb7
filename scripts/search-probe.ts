// `npx tsx scripts/search-probe.ts <dist> [query…]`: only the bench's first-search probe (Chromium) over a built dist/
// (the bench's queries, or the ones given),
// e.g. a scale build kept with KEEP_SCALE=1 after re-indexing it with scripts/search-only.ts.
// Each query pasted and typed, each in a fresh browser context, timed from Enter with the index loaded (see searchProbe).
import { probeLine, searchProbe } from './bench-scale.ts';

const dist = process.argv[2] ?? 'dist';
const queries = process.argv.slice(3);
for (const s of await searchProbe(dist, queries.length ? queries : undefined)) console.log(probeLine(s));
