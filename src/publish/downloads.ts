// Binary downloads, written by the build after the text exports: an .xlsx beside
// every table (ExcelJS is async, so this stays out of the synchronous exportFiles
// that pages call for sizes).
import { buildDatasets, datasetFiles, LICENSE } from './datasets.ts';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { siteVersion } from './releases.ts';
import type { toXlsx } from './xlsx.ts';
import { citation } from './downloads-citation.ts';
import { BULK_ZIP, bulkZip } from './bulk.ts';
import { sha256 } from './sha256.ts';

export interface BinaryFile {
  path: string;
  content: Uint8Array;
}


/**
 * The .xlsx files (every dataset's but the slices', code lists included); `only` limits them to some dataset ids (tests rebuild one to compare bytes);
 * `xlsx` lets the build pass a cached `toXlsx` (scripts/cache.ts): same bytes either way.
 */
export async function excelFiles(
  site: Site,
  only?: (id: string) => boolean,
  // ExcelJS is loaded only when a workbook is written: a build whose workbooks all come from the cache skips it (~5 s).
  xlsx: (table: Parameters<typeof toXlsx>[0], meta: Parameters<typeof toXlsx>[1]) => Promise<Uint8Array> = async (table, meta) => (await import('./xlsx.ts')).toXlsx(table, meta),
): Promise<BinaryFile[]> {
  const { version } = siteVersion(site);
  const license = `${LICENSE.title} — ${LICENSE.url}`;
  const out: BinaryFile[] = [];
  for (const d of buildDatasets(site)) {
    const file = datasetFiles(d).xlsx;
    if (!file || (only && !only(d.id))) continue;
    const url = absolute(urls.dataset(d.id));
    const content = await xlsx(d.table, { title: d.title, description: d.description, url, license, citation: citation(d.title, version, url), version, modified: d.modified });
    out.push({ path: `data/${file}`, content });
  }
  return out;
}

/** The bulk zip and its checksum file (the zip is built from the text exports, so it is synchronous). */
export function bulkFiles(site: Site, files: { path: string; content: string }[]): { zip: BinaryFile; sum: { path: string; content: string } } {
  const zip = bulkZip(site, files);
  return { zip: { path: `data/${BULK_ZIP}`, content: zip }, sum: { path: `data/${BULK_ZIP}.sha256`, content: `${sha256(zip)}  ${BULK_ZIP}\n` } };
}
