// The bulk download: one zip of all data with its metadata, licence and checksums,
// byte-identical across builds (fixed timestamps, sorted entries, fixed compression).
import { zipSync, type Zippable } from 'fflate';
import type { Site } from '../pipeline/derive.ts';
import { absolute, urls } from '../core/urls.ts';
import { LICENSE, PUBLISHER } from './datasets.ts';
import { sha256 } from './sha256.ts';
import { siteVersion } from './releases.ts';
import { citation } from './downloads-citation.ts';

export const BULK_ZIP = 'cchc-kon-tum-du-lieu.zip';
const ROOT = 'cchc-kon-tum';
/** The zip format cannot store dates before 1980; any fixed date makes the bytes reproducible. */
const MTIME = new Date('1980-01-01T00:00:00Z');

/**
 * Which exported files go into the zip: the canonical tables (observations, targets, catalogues) with
 * datapackage.json and the source texts. Not the slices (per report and indicator: rows of
 * observations.csv again, named by URL in datapackage.json), nor DCAT and harvest files.
 */
export const inBulk = (path: string) =>
  path.startsWith('data/') && /\.(csv|json|txt)$/.test(path) && !path.startsWith('data/dcat/') && !path.startsWith('data/chi-so/') && !/^data\/(linh-vuc|bao-cao)-[^/]+\.csv$/.test(path) && path !== 'data/data.json';

function readme(site: Site): string {
  const { version, changelog } = siteVersion(site);
  const lines = [
    `# ${PUBLISHER.name} — toàn bộ dữ liệu, phiên bản ${version}`,
    '',
    'Số liệu cải cách hành chính tỉnh Kon Tum trích từ báo cáo, kế hoạch và văn bản chỉ đạo; mỗi số liệu kèm câu trích nguyên văn.',
    '',
    `- Trang dữ liệu: ${absolute(urls.datasets())}`,
    `- API và mô tả cho máy đọc: ${absolute(urls.api())}`,
    '- datapackage.json: Frictionless Data Package (v1 và v2) mô tả mọi bảng, lược đồ, khóa, kích thước và sha256;',
    '  bao-cao/<mã>/source.txt: toàn văn nguồn.',
    '- Gói chỉ chứa các bảng gốc (observations, chỉ tiêu kế hoạch, danh mục). Các bảng lát theo báo cáo, chỉ số',
    '  là các dòng của observations.csv lọc theo một cột: tải riêng trên cổng (datapackage.json ghi địa chỉ URL của chúng).',
    '- CSV: UTF-8 không BOM, RFC 4180 (dấu phẩy, CRLF); ô trống = không có giá trị. JSON: mảng bản ghi cùng tên cột, viết gọn một dòng.',
    '- SHA256SUMS: kiểm tra bằng `sha256sum -c SHA256SUMS` trong thư mục này.',
    '',
    `Giấy phép: ${LICENSE.title} — ${LICENSE.url} (xem LICENSE.txt).`,
    `Trích dẫn: ${citation('Toàn bộ dữ liệu', version, absolute(urls.datasets()))}`,
    '',
    '## Nhật ký phiên bản',
    '',
    ...changelog.map((c) => `- ${c.version} (${c.date}${c.released ? '' : ', chưa phát hành chính thức'}): ${c.added.length} số liệu mới, ${c.changed.length} thay đổi, ${c.removed.length} bị bỏ.`),
    '',
  ];
  return lines.join('\n');
}

const LICENSE_TXT = `Dữ liệu trong gói này được phát hành theo giấy phép
${LICENSE.title}
${LICENSE.url}
Toàn văn pháp lý: ${LICENSE.url}legalcode (tiếng Việt: ${LICENSE.deed})

Bạn được sao chép, phân phối, chỉnh sửa và sử dụng cho mọi mục đích, kể cả thương mại,
với điều kiện ghi công: "${PUBLISHER.name}, theo văn bản của ${PUBLISHER.sourceOrganization} và các đơn vị".
Văn bản nguồn (bao-cao/*/source.txt) là văn bản hành chính công khai của cơ quan nhà nước ban hành.
`;

/** The zip entries (path inside the zip → text), including SHA256SUMS of every other entry. */
export function bulkEntries(site: Site, files: { path: string; content: string }[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const f of files) if (inBulk(f.path)) entries.set(f.path.slice('data/'.length), f.content);
  entries.set('README.md', readme(site));
  entries.set('LICENSE.txt', LICENSE_TXT);
  const sums = [...entries.keys()].sort().map((p) => `${sha256(entries.get(p)!)}  ${p}`);
  entries.set('SHA256SUMS', `${sums.join('\n')}\n`);
  return entries;
}

export function bulkZip(site: Site, files: { path: string; content: string }[]): Uint8Array {
  const entries = bulkEntries(site, files);
  const enc = new TextEncoder();
  const z: Zippable = {};
  for (const p of [...entries.keys()].sort()) z[`${ROOT}/${p}`] = [enc.encode(entries.get(p)!), { mtime: MTIME, level: 6 }];
  return zipSync(z);
}
