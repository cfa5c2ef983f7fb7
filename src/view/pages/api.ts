// View-model of /du-lieu/api/: every machine-readable file, the static CKAN-shaped API and its limits.
import type { Site } from '../../pipeline/derive.ts';
import { urls } from '../../core/urls.ts';
import { buildDatasets, referenceFiles, referenceTables, type Column, type Dataset } from '../../publish/datasets.ts';
import { CKAN_ACTIONS } from '../../publish/discovery.ts';
import { OBSERVATIONS_DATASET } from '../../publish/columns.ts';
import { BULK_ZIP } from '../../publish/bulk.ts';
import { siteVersion } from '../../publish/releases.ts';
import type { PageHead } from './head.ts';

export interface ApiPage {
  head: PageHead;
  /** The dataset the examples use. */
  example: Dataset;
  version: string;
  actions: readonly string[];
  action: (name: string) => string;
  catalogs: { href: string; type: string; text: string }[];
  /**
   * The code lists foreign keys point to (reports, organizations, events, areas, breakdowns), with their files,
   * dataset page and column dictionary: a reader of the API must find what each column means here.
   */
  references: { id: string; title: string; description: string; page: string; files: { href: string; label: string }[]; columns: Column[] }[];
}

export function apiPage(site: Site): ApiPage {
  return {
    head: {
      title: 'Dữ liệu cho máy đọc và API',
      description: 'API chỉ đọc theo khuôn CKAN, danh mục DCAT-AP, data.json, Frictionless Data Package, tải toàn bộ và giới hạn.',
      breadcrumbs: [{ label: 'Dữ liệu', href: urls.datasets() }, { label: 'API' }],
    },
    example: buildDatasets(site)[0],
    version: siteVersion(site).version,
    actions: CKAN_ACTIONS,
    action: (a) => `/api/3/action/${a}`,
    catalogs: [
      { href: urls.data('catalog.ttl'), type: 'text/turtle', text: 'Danh mục DCAT-AP 3.0.1 (Turtle): mọi bộ dữ liệu, phân phối, giấy phép, đơn vị công bố, phạm vi thời gian và địa lý.' },
      { href: urls.data('catalog.jsonld'), type: 'application/ld+json', text: 'Cùng danh mục dạng JSON-LD (không cần tải ngữ cảnh từ xa). Mỗi bộ dữ liệu (trừ bộ số liệu của từng báo cáo, có trong danh mục này) còn có tệp riêng /data/dcat/<mã>.ttl và .jsonld; trang bộ dữ liệu trỏ tới mô tả của nó bằng rel="alternate".' },
      { href: urls.data('data.json'), type: 'application/json', text: 'Danh mục theo Project Open Data v1.1 (data.json).' },
      { href: urls.data('datapackage.json'), type: 'application/json', text: 'Frictionless Data Package (hợp lệ theo v1 và v2): lược đồ cột, khóa chính, khóa ngoại, kích thước và sha256 từng tệp.' },
      { href: urls.data(`schema/${OBSERVATIONS_DATASET}.json`), type: 'application/json', text: 'Lược đồ Table Schema của từng bảng gốc, một tệp mỗi bộ dữ liệu: /data/schema/<mã bộ dữ liệu>.json (giống lược đồ trong datapackage.json; phân phối CSV và JSON trong DCAT trỏ tới nó bằng dct:conformsTo; bảng theo báo cáo dùng lược đồ của bộ toàn bộ số liệu).' },
      { href: urls.data('chi-so/datapackage.json'), type: 'application/json', text: 'Gói thứ hai: một bảng CSV cho mỗi chỉ số (các dòng của observations.csv với các cột của chuỗi số liệu; cột còn lại tra theo report_id + figure_id; không có trong tệp zip).' },
      { href: urls.data(BULK_ZIP), type: 'application/zip', text: 'Toàn bộ dữ liệu trong một tệp zip: các bảng gốc CSV (số liệu, chỉ tiêu kế hoạch, danh mục) và JSON (chỉ tiêu kế hoạch, danh mục), toàn văn nguồn, datapackage, README, giấy phép, SHA256SUMS; cùng dữ liệu cho cùng từng byte. Các bảng lát (theo báo cáo, chỉ số) không lặp lại trong zip: datapackage.json ghi chúng bằng địa chỉ URL.' },
      { href: urls.feed(), type: 'application/atom+xml', text: 'Nguồn tin Atom: báo cáo, bộ dữ liệu và phiên bản dữ liệu mới.' },
      { href: '/sitemap.xml', type: 'application/xml', text: 'Sơ đồ trang cho máy tìm kiếm.' },
    ],
    references: referenceTables(site).map((r) => {
      const f = referenceFiles(r);
      return { id: r.id, title: r.title, description: r.description, page: urls.dataset(r.id), files: [f.csv, f.json, f.xlsx].map((file) => ({ href: urls.data(file), label: file })), columns: r.table.columns };
    }),
  };
}
