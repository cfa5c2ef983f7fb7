// The bulk download: one zip of all data with its metadata, licence and checksums,
// byte-identical across builds (fixed timestamps, sorted entries, fixed compression).
import { zipSync } from 'fflate';
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
    '  schema/<mã bộ dữ liệu>.json: lược đồ Table Schema của từng bảng (như trong datapackage.json);',
    '  bao-cao/<mã>/source.txt: toàn văn nguồn.',
    '- Gói chỉ chứa các bảng gốc (observations, chỉ tiêu kế hoạch, danh mục). Các bảng lát theo báo cáo, chỉ số',
    '  là các dòng của observations.csv lọc theo một cột (bảng theo chỉ số chỉ giữ các cột của chuỗi số liệu):',
    '  tải riêng trên cổng (datapackage.json và chi-so/datapackage.json ghi địa chỉ URL của chúng).',
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

/** One file of the bulk zip: read only when its entry is written, with its checksum known beforehand. */
export interface BulkSource {
  /** Path under dist/ ("data/observations.csv"). */
  path: string;
  read: () => Uint8Array;
  sha256: string;
}

const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const putU32 = (b: Uint8Array, at: number, v: number) => {
  b[at] = v & 255;
  b[at + 1] = (v >>> 8) & 255;
  b[at + 2] = (v >>> 16) & 255;
  b[at + 3] = (v >>> 24) & 255;
};

/**
 * The bulk zip, in chunks one entry at a time: each file is read, compressed, handed on and let
 * go before the next, so memory holds one file, not the whole package. The bytes are those of fflate's
 * zipSync over all entries (tests/unit/stream-exports.test.ts): zipSync writes each local header and its
 * data independently of the others, so each entry is zipped alone and only what spans entries is redone:
 * the central directory's local-header offsets and the end record.
 */
/** One entry zipped alone (local header, data, central directory entry, end record); `sha256` is its content's checksum. */
export type ZipEntry = (name: string, sha256: string, read: () => Uint8Array) => Uint8Array;
export const zipEntry: ZipEntry = (name, _sha256, read) => zipSync({ [name]: [read(), { mtime: MTIME, level: 6 }] });

/**
 * `zip` lets the build reuse an entry zipped by an earlier build (same name and checksum, same bytes):
 * deflating every table again was most of the zip's cost after a one-figure edit.
 */
export function* bulkZipChunks(site: Site, sources: BulkSource[], zip: ZipEntry = zipEntry): Generator<Uint8Array> {
  const enc = new TextEncoder();
  const entries = new Map<string, { read: () => Uint8Array; sha256: string }>();
  for (const s of sources) if (inBulk(s.path)) entries.set(s.path.slice('data/'.length), { read: s.read, sha256: s.sha256 });
  for (const [p, text] of [['README.md', readme(site)], ['LICENSE.txt', LICENSE_TXT]] as const) entries.set(p, { read: () => enc.encode(text), sha256: sha256(text) });
  const sums = `${[...entries.keys()].sort().map((p) => `${entries.get(p)!.sha256}  ${p}`).join('\n')}\n`;
  entries.set('SHA256SUMS', { read: () => enc.encode(sums), sha256: sha256(sums) });
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of [...entries.keys()].sort()) {
    const one = zip(`${ROOT}/${p}`, entries.get(p)!.sha256, entries.get(p)!.read);
    // End record (22 bytes, no comment): central directory size at +12, offset at +16.
    const end = one.length - 22;
    const cdSize = u32(one, end + 12);
    const cdOffset = u32(one, end + 16);
    yield one.subarray(0, cdOffset);
    const entry = one.slice(cdOffset, cdOffset + cdSize);
    putU32(entry, 42, offset); // where this entry's local header starts in the whole zip
    central.push(entry);
    offset += cdOffset;
  }
  let cdSize = 0;
  for (const c of central) {
    yield c;
    cdSize += c.length;
  }
  const end = new Uint8Array(22);
  putU32(end, 0, 0x06054b50);
  end[8] = end[10] = central.length & 255;
  end[9] = end[11] = (central.length >>> 8) & 255;
  putU32(end, 12, cdSize);
  putU32(end, 16, offset);
  yield end;
}

export function bulkZip(site: Site, files: { path: string; content: string }[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const c of bulkZipChunks(site, files.map((f) => ({ path: f.path, read: () => enc.encode(f.content), sha256: sha256(f.content) })))) chunks.push(c);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
