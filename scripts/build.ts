// `npm run build`: the whole portal from content/ + data/, in stage order:
// load → validate → derive (runPipeline) → render MDX → astro build → export datasets → search index.
import { build as astroBuild } from 'astro';
import { runPipeline } from '../src/pipeline/site.ts';
import { exportFiles } from '../src/publish/export.ts';
import { excelFiles } from '../src/publish/downloads.ts';
import { exitOnContentErrors, writeFiles, writeGenerated } from './stages.ts';
import { buildSearchIndex } from './search-index.ts';

const root = process.cwd();
// OUT_DIR lets the determinism test build a second copy and compare bytes.
const outDir = process.env.OUT_DIR ?? `${root}/dist`;
const log = (msg: string) => console.log(`[build] ${msg}`);

const { site, issues } = runPipeline(root);
exitOnContentErrors(issues);
log(`${site.content.reports.length} báo cáo, ${site.figures.length} số liệu, ${site.warnings.length} ghi chú chất lượng dữ liệu`);
log(`MDX: ${writeGenerated(site, root).length} trang`);
await astroBuild({ root, outDir, logLevel: 'error' });
const files = exportFiles(site);
writeFiles(files, outDir);
const binaries = await excelFiles(site);
writeFiles(binaries, outDir);
log(`dữ liệu: ${files.length + binaries.length} tệp trong dist/data/`);
await buildSearchIndex(site, outDir, log);
log(`xong: ${outDir}`);
