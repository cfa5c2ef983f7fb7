// CI: the Node runtime that runs the build is the one the lockfile pins (the `node`
// devDependency, see README "Node runtime") and satisfies package.json's engines.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const pinned: string | undefined = lock.packages?.['node_modules/node']?.version;
const actual = process.versions.node;
const [min] = String(pkg.engines?.node ?? '').match(/\d+(?:\.\d+)*/) ?? [];
const atLeast = (v: string, m: string) => {
  const a = v.split('.').map(Number);
  const b = m.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};
console.log(`[ci] Node ${actual} (${process.execPath}); lockfile pins node@${pinned ?? '—'}; engines ${pkg.engines?.node ?? '—'}`);
if (min && !atLeast(actual, min)) {
  console.error(`[ci] Node ${actual} is older than engines ${pkg.engines.node}.`);
  process.exit(1);
}
if (pinned && actual !== pinned) {
  console.error(`[ci] Node ${actual} is not the pinned ${pinned}: run the build through npm (npm run …, npx …), which puts node_modules/.bin/node first.`);
  process.exit(1);
}
