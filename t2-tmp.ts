import { runPipeline } from './src/pipeline/site.ts';
import { exportFiles } from './src/publish/export.ts';
import { writeFileSync } from 'node:fs';
const { site } = runPipeline(process.cwd());
const files = new Map(exportFiles(site).map(f => [f.path, f.content]));
writeFileSync('/tmp/catalog.ttl', files.get('data/catalog.ttl')!);
writeFileSync('/tmp/catalog.jsonld', files.get('data/catalog.jsonld')!);
