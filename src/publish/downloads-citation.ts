// How to cite a dataset: one wording for spreadsheets, JSON-LD and pages.
import { LICENSE, PUBLISHER } from './datasets.ts';

export function citation(title: string, version: string, url: string): string {
  return `${PUBLISHER.name}, “${title}”, phiên bản dữ liệu ${version}, ${url}, giấy phép ${LICENSE.id} (${LICENSE.url}).`;
}
