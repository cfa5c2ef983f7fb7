// Issue 14: dist/ must fit common static hosts at 1,000 reports (≤ 20,000 files and ≤ 1 GB, of which
// everything but the search index gets ≤ 13,000 files and ≤ 900 MB: ≤ 12 files per added report).
// Counted without an Astro build, on today's content and on 5 synthetic copies added to it: the
// files each added report costs (pages, data exports, API, citation files, share images) and the bytes
// of its data exports. The whole-site measurement is `npm run bench -- --scale` / scripts/dist-growth.ts.
import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/pipeline/derive.ts';
import { runPipeline } from '../../src/pipeline/site.ts';
import { syntheticSite } from '../support/synthetic-site.ts';
import { siteLinkGraph } from '../../src/view/link-graph.ts';
import { exportFiles } from '../../src/publish/export.ts';
import { buildDatasets } from '../../src/publish/datasets.ts';
import { citationFileRecords } from '../../src/view/citation.ts';
import { shareImages } from '../../src/view/share-image.ts';
import { urls } from '../../src/core/urls.ts';

/** Files per added report, everything but the search index (9 here; dist/ measured 9.55 at 50→250 synthetic reports). */
const FILES_PER_REPORT = 10;
/**
 * Bytes of data exports (/data/, /api/) per added report: 241.8 KiB here (277.6 before the per-indicator CSVs
 * kept only the series columns); dist/ data/ + api/ measured 270 KiB at 10→40 synthetic reports, xlsx and zip included.
 */
const EXPORT_BYTES_PER_REPORT = 265 * 1024;

function published(site: Site): { paths: Set<string>; exportBytes: number } {
  const exports = exportFiles(site);
  const paths = new Set<string>([
    ...siteLinkGraph(site).keys(),
    ...buildDatasets(site).map((d) => urls.dataset(d.id)),
    ...site.content.indicators.flatMap((i) => [urls.embedIndicator(i.id), shareImages.indicator(i.id)]),
    ...site.content.reports.map((r) => shareImages.report(r.meta.id)),
    ...citationFileRecords(site).map((f) => f.path),
    ...exports.map((f) => `/${f.path}`),
  ]);
  return { paths, exportBytes: exports.reduce((n, f) => n + Buffer.byteLength(f.content), 0) };
}

const real = runPipeline(process.cwd()).site;
const grown = syntheticSite(real.content.reports.length * 2);
const a = published(real);
const b = published(grown);
const added = grown.content.reports.length - real.content.reports.length;

describe('dist budget per added report', () => {
  it(`costs at most ${FILES_PER_REPORT} files (pages, data, API, citations, share image)`, () => {
    expect(added).toBeGreaterThan(0);
    const perReport = (b.paths.size - a.paths.size) / added;
    expect(perReport).toBeGreaterThan(0);
    expect(perReport).toBeLessThanOrEqual(FILES_PER_REPORT);
  });

  it('no file per figure: only report-level paths name an added report', () => {
    const ids = grown.content.reports.map((r) => r.meta.id).filter((id) => !real.reportsById.has(id));
    for (const id of ids) {
      const named = [...b.paths].filter((p) => p.split(/[/.]/).some((seg) => seg === id || seg === `bao-cao-${id}`));
      // Report page, source text page, report CSV, source.txt, citation BibTeX + RIS, dataset page, CKAN package, share image.
      expect(named.length, `${id}: ${named.join(' ')}`).toBeLessThanOrEqual(9);
    }
  });

  it(`data exports grow by at most ${EXPORT_BYTES_PER_REPORT / 1024} KB per added report`, () => {
    expect((b.exportBytes - a.exportBytes) / added).toBeLessThanOrEqual(EXPORT_BYTES_PER_REPORT);
  });
});
