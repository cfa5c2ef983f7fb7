// `npx tsx scripts/search-probe.ts <dist>`: only the bench's first-search probe (Chromium) over a built dist/,
// e.g. a scale build kept with KEEP_SCALE=1 after re-indexing it with scripts/search-only.ts.
import { searchProbe } from './bench-scale.ts';

const dist = process.argv[2] ?? 'dist';
for (const s of await searchProbe(dist)) {
  console.log(
    `“${s.q}”: first results ${(s.gzFirst / 1024).toFixed(1)} KB, ${s.ms.toFixed(0)} ms (index loaded)` +
      (s.older ? `; with the older year merged ${(s.gz / 1024).toFixed(1)} KB, ${s.msAll.toFixed(0)} ms` : '') +
      `; ${s.results} results · fresh query on the loaded page ${s.msFresh.toFixed(0)} ms · same query again ${s.msAgain.toFixed(0)} ms`,
  );
}
