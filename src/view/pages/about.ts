// View-model of /gioi-thieu/: sources, curation, checks, data-quality notes, the 1/7/2025
// merger, licence, citation, contributing and endpoints.
import type { Site } from '../../pipeline/derive.ts';
import type { Figure } from '../../core/model.ts';
import { periodLabel } from '../../core/period.ts';
import { citation, figureLabel } from '../../core/labels.ts';
import { formatWithComparator } from '../../core/format.ts';
import { absolute, urls } from '../../core/urls.ts';
import { LICENSE, PUBLISHER } from '../../publish/datasets.ts';
import { headlineCards, qualityNoteItems, reportSummaries, type QualityNoteItem, type ReportSummary } from '../dashboard.ts';
import { capList } from '../archive.ts';

/** Data-quality notes listed on the about page (newest reports first). */
export const ABOUT_NOTES_MAX = 20;
/** Source documents listed on the about page (newest first); the reports list and its year pages hold them all. */
export const ABOUT_REPORTS_MAX = 20;
import type { PageHead } from './head.ts';

export interface AboutPage {
  head: PageHead;
  toc: [string, string][];
  /** The newest source documents (the about page does not grow with the archive). */
  reports: ReportSummary[];
  reportCount: number;
  moreReports: number;
  /** "A, B và C": who issued the source documents. */
  issuers: string;
  /** The newest data-quality notes (every report page lists its own, so this page does not grow with the archive). */
  notes: QualityNoteItem[];
  /** All notes, and how many were left off. */
  noteCount: number;
  moreNotes: number;
  events: NonNullable<Site['content']['events']>;
  orgName: (id: string) => string;
  license: typeof LICENSE;
  attribution: string;
  /** The figure the citation section shows as an example. */
  example: { figure: Figure; label: string; value: string; period: string; citation: string; href: string; url: string };
  endpoints: { file: string; text: string }[];
}

export function aboutPage(site: Site): AboutPage {
  const reports = reportSummaries(site);
  const issuers = [...new Set(reports.map((s) => site.organizationsById.get(s.report.issuer)?.name ?? s.report.issuer))];
  const figure = headlineCards(site)[0]?.cards[0]?.figure ?? site.figures[0];
  const allNotes = qualityNoteItems(site);
  return {
    head: {
      title: 'Giới thiệu và phương pháp',
      description: 'Nguồn dữ liệu, cách biên tập và kiểm tra số liệu, ghi chú chất lượng, giấy phép và cách trích dẫn của cổng dữ liệu CCHC Kon Tum.',
      breadcrumbs: [{ label: 'Giới thiệu' }],
    },
    toc: [
      ['nguon-du-lieu', 'Nguồn dữ liệu'],
      ['bien-tap', 'Cách biên tập số liệu'],
      ['kiem-tra', 'Kiểm tra tự động'],
      ['ghi-chu-chat-luong', 'Ghi chú chất lượng dữ liệu'],
      ['don-vi-hanh-chinh', 'Thay đổi đơn vị hành chính (1/7/2025)'],
      ['giay-phep', 'Giấy phép và ghi công'],
      ['trich-dan', 'Cách trích dẫn'],
      ['dong-gop', 'Đóng góp, sửa lỗi'],
      ['du-lieu-may-doc', 'Dữ liệu cho máy đọc'],
      ['lien-he', 'Liên hệ'],
    ],
    reports: capList(reports, ABOUT_REPORTS_MAX).shown,
    reportCount: reports.length,
    moreReports: capList(reports, ABOUT_REPORTS_MAX).more,
    issuers: issuers.length > 1 ? `${issuers.slice(0, -1).join(', ')} và ${issuers.at(-1)}` : issuers[0],
    notes: capList(allNotes, ABOUT_NOTES_MAX).shown,
    noteCount: allNotes.length,
    moreNotes: capList(allNotes, ABOUT_NOTES_MAX).more,
    events: site.content.events ?? [],
    orgName: (id) => site.organizationsById.get(id)?.name ?? id,
    license: LICENSE,
    attribution: `Dữ liệu: ${PUBLISHER.name}, tổng hợp từ văn bản của ${PUBLISHER.sourceOrganization} và các đơn vị; giấy phép ${LICENSE.id}.`,
    example: {
      figure,
      label: figureLabel(site, figure),
      value: formatWithComparator(figure.value, figure.unit, figure.comparator ?? '', figure.denominator, figure.hedge),
      period: periodLabel(figure.period),
      citation: citation(site, figure),
      href: urls.figure(figure.reportId, figure.id),
      url: absolute(urls.figure(figure.reportId, figure.id)),
    },
    endpoints: [
      { file: 'datapackage.json', text: 'Gói dữ liệu theo chuẩn Frictionless Data Package: danh sách bảng, lược đồ cột, giấy phép.' },
      { file: 'catalog.jsonld', text: 'Danh mục dữ liệu theo chuẩn DCAT (JSON-LD), để các cổng dữ liệu khác thu thập.' },
      { file: 'observations.csv', text: 'Toàn bộ số liệu, mỗi dòng một số liệu kèm kỳ, cơ quan, đơn vị, chỉ số, đơn vị tính, mục và câu trích nguyên văn.' },
    ],
  };
}
