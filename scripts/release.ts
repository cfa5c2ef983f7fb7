// `npm run release`: record the current figures as a new data release in data/releases.json.
// The version follows from the change (figures removed → major, added or changed → minor);
// commit the file so every later build shows the same changelog.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { runPipeline } from '../src/pipeline/site.ts';
import { exitOnContentErrors } from './stages.ts';
import { dataVersion, parseReleases, snapshot } from '../src/publish/releases.ts';
import { siteModified } from '../src/publish/datasets.ts';

const FILE = 'data/releases.json';
const { site, issues } = runPipeline(process.cwd());
exitOnContentErrors(issues);
const releases = existsSync(FILE) ? parseReleases(JSON.parse(readFileSync(FILE, 'utf8'))) : [];
const arg = process.argv.find((a) => a.startsWith('--date='));
const date = arg ? arg.slice('--date='.length) : new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error(`--date=${date}: cần dạng YYYY-MM-DD`);
  process.exit(1);
}
const { version, changelog } = dataVersion(site.figures, releases, siteModified(site));
const pending = changelog.find((c) => !c.released);
if (!pending) {
  console.log(`Không có thay đổi số liệu so với phiên bản ${version}: không tạo phiên bản mới.`);
  process.exit(0);
}
releases.push({ version, date, figures: snapshot(site.figures) });
writeFileSync(FILE, `${JSON.stringify({ releases }, null, 1)}\n`);
console.log(`Phiên bản ${version} (${date}): ${pending.added.length} số liệu mới, ${pending.changed.length} thay đổi, ${pending.removed.length} bị bỏ. Đã ghi ${FILE} — hãy commit tệp này.`);
