// `npx tsx scripts/search-only.ts`: only the search index stage, over an existing dist/ (for tuning the index).
import { runPipeline } from '../src/pipeline/site.ts';
import { exitOnContentErrors } from './stages.ts';
import { buildSearchIndex } from './search-index.ts';

const root = process.cwd();
const { site, issues } = runPipeline(root);
exitOnContentErrors(issues);
await buildSearchIndex(site, process.env.OUT_DIR ?? `${root}/dist`, (m) => console.log(`[search] ${m}`));
