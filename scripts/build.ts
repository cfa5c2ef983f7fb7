// `npm run build`: the whole portal from content/ + data/, in stage order:
// load → validate → derive (runPipeline) → render MDX → astro build → export datasets → search index.
import { build as astroBuild } from 'astro';
import { runPipeline } from '../src/pipeline/site.ts';
import { exportFiles } from '../src/publish/export.ts';
import { bulkFiles, excelFiles } from '../src/publish/downloads.ts';
import { sitemapXml } from '../src/publish/discovery.ts';
import { siteModified } from '../src/publish/datasets.ts';
import { exitOnContentErrors, pagePaths, resolveSiteUrl, writeFiles, writeGenerated } from './stages.ts';
import { buildSearchIndex } from './search-index.ts';

const root = process.cwd();
// OUT_DIR lets the determinism test build a second copy and compare bytes.
const outDir = process.env.OUT_DIR ?? `${root}/dist`;
const log = (msg: string) => console.log(`[build] ${msg}`);

// Checked before anything else runs: every identifier below is built from SITE_URL.
const siteUrl = resolveSiteUrl(process.env, process.argv.slice(2));
if (siteUrl.error) {
  console.error(`[build] ${siteUrl.error}`);
  process.exit(1);
}
log(siteUrl.note);

const { site, issues } = runPipeline(root);
exitOnContentErrors(issues);
log(`${site.content.reports.length} báo cáo, ${site.figures.length} số liệu, ${site.warnings.length} ghi chú chất lượng dữ liệu`);
log(`MDX: ${writeGenerated(site, root).length} trang`);
await astroBuild({ root, outDir, logLevel: 'error' });
const files = exportFiles(site);
writeFiles(files, outDir);
const bulk = bulkFiles(site, files);
const binaries = [...(await excelFiles(site)), bulk.zip];
writeFiles([...binaries, bulk.sum], outDir);
log(`dữ liệu: ${files.length + binaries.length + 1} tệp (dữ liệu, API, danh mục, nguồn tin)`);
writeFiles([{ path: 'sitemap.xml', content: sitemapXml(pagePaths(outDir), siteModified(site)) }], outDir);
await buildSearchIndex(site, outDir, log);
log(`xong: ${outDir}`);
