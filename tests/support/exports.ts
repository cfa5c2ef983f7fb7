// A site's export files by path, and their text (a test fails by name when an expected export is missing).
import type { Site } from '../../src/pipeline/derive.ts';
import { exportFiles } from '../../src/publish/export.ts';

export type ExportMap = Map<string, string>;

export const exportsByPath = (site: Site): ExportMap => new Map(exportFiles(site).map((f) => [f.path, f.content]));

export function exportText(files: ExportMap, path: string): string {
  const t = files.get(path);
  if (typeof t !== 'string') throw new Error(`no export ${path}`);
  return t;
}
