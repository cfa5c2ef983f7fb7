// `npx tsx scripts/scale-workspace.ts 200`: a throw-away copy of the project with 200 synthetic reports
// (the bench's generator), printed as its path, for profiling one stage by hand, e.g.
//   cd "$(npx tsx scripts/scale-workspace.ts 200)" && CCHC_CACHE=0 npx tsx scripts/build.ts
// Delete the folder afterwards.
import { readTree, workspace } from './bench-scale.ts';
import { synthesize } from './scale/synthesize.ts';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  console.error('Cách dùng: npx tsx scripts/scale-workspace.ts <số báo cáo>');
  process.exit(1);
}
console.log(workspace(synthesize({ ...readTree('content/reports', 'content/reports'), ...readTree('data', 'data') }, n)));
