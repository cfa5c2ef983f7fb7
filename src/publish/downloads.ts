// Binary downloads, written by the build after the text exports: an .xlsx beside
// every table (ExcelJS is async, so this stays out of the synchronous exportFiles
// that pages call for sizes).
import { buildDatasets, datasetFiles, LICENSE, PUBLISHER, referenceFiles, referenceTables, siteModified } from './datasets.ts';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { siteVersion } from './releases.ts';
import { toXlsx } from './xlsx.ts';

export interface BinaryFile {
  path: string;
  content: Uint8Array;
}

export function citation(title: string, version: string, url: string): string {
  return `${PUBLISHER.name}, “${title}”, phiên bản dữ liệu ${version}, ${url}, giấy phép ${LICENSE.id} (${LICENSE.url}).`;
}

export async function excelFiles(site: Site): Promise<BinaryFile[]> {
  const { version } = siteVersion(site);
  const license = `${LICENSE.title} — ${LICENSE.url}`;
  const out: BinaryFile[] = [];
  for (const d of buildDatasets(site)) {
    const url = absolute(urls.dataset(d.id));
    const content = await toXlsx(d.table, { title: d.title, description: d.description, url, license, citation: citation(d.title, version, url), version, modified: d.modified });
    out.push({ path: `data/${datasetFiles(d).xlsx}`, content });
  }
  for (const r of referenceTables(site)) {
    const url = absolute(urls.data(referenceFiles(r).csv));
    const content = await toXlsx(r.table, { title: r.title, description: r.description, url, license, citation: citation(r.title, version, url), version, modified: siteModified(site) });
    out.push({ path: `data/${referenceFiles(r).xlsx}`, content });
  }
  return out;
}
