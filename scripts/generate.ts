// `npm run dev` helper and build stage: validate, then write the generated MDX pages.
import { runPipeline } from '../src/pipeline/site.ts';
import { exitOnContentErrors, writeGenerated } from './stages.ts';

const { site, issues } = runPipeline(process.cwd());
exitOnContentErrors(issues);
const written = writeGenerated(site, process.cwd());
console.log(`Đã tạo ${written.length} trang MDX trong src/generated/reports/.`);
