// Worker thread of `npm run build`: rasterises the share images (scripts/share-png.ts) and writes them
// under dist/ while the main thread runs the Astro build. Inside Astro they were rendered one page at a
// time on the main thread, ~70 % of the Astro stage at 200 reports; here they use the second core.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedSharePng } from './share-png.ts';

export interface ShareJob {
  root: string;
  outDir: string;
  cards: { path: string; svg: string }[];
}
export interface ShareResult {
  written: number;
  bytes: number;
  hits: number;
  misses: number;
}

const { root, outDir, cards } = workerData as ShareJob;
const stats = { hits: 0, misses: 0 };
const render = cachedSharePng(root, stats);
let bytes = 0;
// Two in flight: resvg rasterises the next card on this thread while sharp encodes the last one on libuv's pool.
const pending = new Set<Promise<void>>();
for (const card of cards) {
  const job: Promise<void> = render(card.svg).then((png) => {
    const file = join(outDir, card.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    bytes += png.length;
    pending.delete(job);
  });
  pending.add(job);
  if (pending.size >= 2) await Promise.race(pending);
}
await Promise.all(pending);
parentPort!.postMessage({ written: cards.length, bytes, ...stats } satisfies ShareResult);
