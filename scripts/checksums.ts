// `npx tsx scripts/checksums.ts <dir>`: SHA-256 of every file under <dir>, sorted by path (a checksum list).
// `npx tsx scripts/checksums.ts <dirA> <dirB> [sub …]`: compare two builds (e.g. dist/ before and after a change
// that must not change a byte), only under the given sub-folders/files if any (e.g. data api robots.txt feed.xml);
// prints the files that differ or exist on one side only, and exits 1 if any.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function sums(dir: string, subs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
  };
  for (const s of subs.length ? subs : ['.']) walk(join(dir, s));
  return out;
}

const [a, b, ...subs] = process.argv.slice(2);
if (!a) {
  console.error('Dùng: npx tsx scripts/checksums.ts <thư mục> | <thư mục A> <thư mục B> [thư mục con …]');
  process.exit(2);
}
if (!b) {
  process.stdout.write([...sums(a, [])].sort(([x], [y]) => (x < y ? -1 : 1)).map(([p, h]) => `${h}  ${p}\n`).join(''));
} else {
  const [x, y] = [sums(a, subs), sums(b, subs)];
  const paths = [...new Set([...x.keys(), ...y.keys()])].sort();
  const differ = paths.filter((p) => x.get(p) !== y.get(p));
  for (const p of differ) console.log(`${!x.has(p) ? 'chỉ có ở B' : !y.has(p) ? 'chỉ có ở A' : 'khác'}: ${p}`);
  console.log(`${paths.length} tệp, ${differ.length} khác nhau`);
  process.exit(differ.length ? 1 : 0);
}
