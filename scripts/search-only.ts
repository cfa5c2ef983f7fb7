// `npx tsx scripts/search-only.ts`: only the search index stage, over an existing dist/ (for tuning the index).
// With the build cache as `npm run build` uses it (unchanged bundles unpacked; CCHC_CACHE=0 indexes every bundle).
import { runPipeline } from '../src/pipeline/site.ts';
import { exitOnContentErrors } from './stages.ts';
import { cachedByPieces, codeHash } from './cache.ts';
import { buildSearchIndex } from './search-index.ts';

const root = process.cwd();
const t0 = performance.now();
const { site, issues } = runPipeline(root);
exitOnContentErrors(issues);
const t1 = performance.now();
const stats = { hits: 0, misses: 0 };
const byPieces = cachedByPieces('search', codeHash(['scripts/search-index.ts', 'node_modules/pagefind/package.json'], root), stats);
await buildSearchIndex(site, process.env.OUT_DIR ?? `${root}/dist`, (m) => console.log(`[search] ${m}`), (input, compute) => byPieces(function* () {
  yield input.dir;
  yield JSON.stringify(input.settings);
  yield* input.docs();
}, compute));
console.log(`[search] ${((performance.now() - t1) / 1000).toFixed(1)} s (pipeline ${((t1 - t0) / 1000).toFixed(1)} s); gói: ${stats.hits} từ bộ đệm, ${stats.misses} lập mới`);
