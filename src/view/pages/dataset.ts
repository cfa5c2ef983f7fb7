// View-model of /du-lieu/<id>/: one dataset's resources with sizes, metadata, column
// dictionary, a server-rendered preview (first 20 rows) and its citation.
import type { Site } from '../../pipeline/derive.ts';
import { comparePeriods, periodLabel } from '../../core/period.ts';
import { organizationName } from '../../core/labels.ts';
import { formatNumber } from '../../core/format.ts';
import { absolute, urls } from '../../core/urls.ts';
import { buildDatasets, datasetFiles, dcatFiles, isSlice, LICENSE, PUBLISHER, type Dataset } from '../../publish/datasets.ts';
import { byteSize, exportFiles, seriesOmittedText } from '../../publish/export.ts';
import { SERIES_COLUMNS } from '../../publish/columns.ts';
import { datasetJsonLd } from '../../publish/jsonld.ts';
import { citationFiles, datasetCitation, ownCitationFile } from '../citation.ts';

const withoutText = ({ text: _text, ...record }: ReturnType<typeof datasetCitation>) => record;
import { columnFits, exportSizes, KIND_LABELS, previewTable, type ColumnFit } from '../dataset-catalog.ts';
import type { PageHead } from './head.ts';

/** One line of the metadata table: plain text, or a list of links/texts. */
export interface MetadataRow {
  label: string;
  value: string | { text: string; href?: string; rel?: string; lang?: string }[];
  stacked?: boolean;
}

export interface DatasetPage {
  head: PageHead;
  d: Dataset;
  kindLabel: string;
  files: ReturnType<typeof datasetFiles>;
  bytes: { csv: number; json?: number };
  rdf: { ttl: string; jsonld: string };
  preview: ReturnType<typeof previewTable>;
  /**
   * A slice (per report) has the columns of the all-figures dataset: its page names them and
   * links that dataset's dictionary instead of repeating it (one page per report: ~13 KB each).
   */
  dictionaryOf: { title: string; href: string } | null;
  /**
   * On the all-figures dataset: the per-indicator files (/data/chi-so/) and their columns, a subset of
   * this table's, with where each left-out column is found by key (SERIES_OMITTED).
   */
  series: { columns: string[]; omitted: string; packageHref: string } | null;
  fits: ColumnFit[];
  rows: MetadataRow[];
  /** The ready-to-copy citation line (without the link, laid out after it). */
  citation: string;
  url: string;
  bibHref: string;
  risHref: string;
  /** data-cite of the BibTeX/RIS links when their file holds other entries too (src/client/citation.ts). */
  citeRecord: string | null;
}

/** Rows of a slice's server-rendered preview: every report adds a slice page, so it stays short. */
export const SLICE_PREVIEW_ROWS = 5;

function dictionaryOf(site: Site, d: Dataset): DatasetPage['dictionaryOf'] {
  const all = buildDatasets(site).find((x) => x.kind === 'observations');
  return isSlice(d) && all ? { title: all.title, href: `${urls.dataset(all.id)}#tu-dien` } : null;
}

export const datasetPaths = (site: Site) => buildDatasets(site).map((dataset) => ({ params: { id: dataset.id }, props: { dataset } }));

export function datasetPage(site: Site, d: Dataset): DatasetPage {
  const files = datasetFiles(d);
  // Sizes of the files the export stage writes, computed once per build.
  const sizes = exportSizes(site, exportFiles, byteSize);
  const bytes = { csv: sizes.get(`data/${files.csv}`)!, ...(files.json ? { json: sizes.get(`data/${files.json}`)! } : {}) };
  const rdf = dcatFiles(d);
  const area = (id: string) => site.areasById.get(id);
  const periods = [...d.periods].sort(comparePeriods);
  const cite = datasetCitation(d);
  return {
    head: {
      title: d.title,
      description: d.description,
      breadcrumbs: [{ label: 'Dữ liệu', href: urls.datasets() }, { label: d.title }],
      jsonLd: datasetJsonLd(site, d, bytes),
      alternates: [
        { href: urls.data(rdf.ttl), type: 'text/turtle', title: 'DCAT-AP (Turtle)' },
        { href: urls.data(rdf.jsonld), type: 'application/ld+json', title: 'DCAT-AP (JSON-LD)' },
      ],
    },
    d,
    kindLabel: KIND_LABELS[d.kind],
    files,
    bytes,
    rdf,
    // Slices show fewer rows without JavaScript (the browser loads the whole CSV into the preview anyway).
    preview: previewTable(d.table, isSlice(d) ? SLICE_PREVIEW_ROWS : 20),
    dictionaryOf: dictionaryOf(site, d),
    series: d.kind === 'observations' ? { columns: SERIES_COLUMNS.map((c) => c.name), omitted: seriesOmittedText(), packageHref: urls.data('chi-so/datapackage.json') } : null,
    fits: columnFits(d.table),
    rows: [
      { label: 'Mã bộ dữ liệu', value: d.id },
      { label: 'Loại', value: KIND_LABELS[d.kind] },
      { label: 'Đơn vị công bố', value: PUBLISHER.name },
      { label: 'Cơ quan nguồn', value: PUBLISHER.sourceOrganization },
      { label: 'Giấy phép', value: [{ text: LICENSE.title, href: LICENSE.url, rel: 'license' }] },
      { label: 'Tần suất cập nhật', value: d.frequency },
      { label: 'Phạm vi thời gian', value: d.temporal ? `Từ ${periodLabel(d.temporal.start)} đến ${periodLabel(d.temporal.end)}` : 'Không áp dụng (danh mục)' },
      { label: 'Kỳ số liệu', value: periods.map((p) => ({ text: periodLabel(p) })) },
      { label: 'Cập nhật lần cuối', value: periodLabel(d.modified) },
      { label: 'Phạm vi địa lý', value: 'Tỉnh Kon Tum, Việt Nam' },
      { label: 'Từ khoá', value: d.keywords.map((k) => ({ text: k })) },
      { label: 'Dựa trên văn bản', value: d.reports.map((id) => ({ text: site.reportsById.get(id)?.meta.title ?? id, href: urls.report(id) })), stacked: true },
      { label: 'Lĩnh vực', value: d.areas.map((id) => ({ text: area(id)?.label ?? id, href: urls.area(id) })) },
      { label: 'Đơn vị', value: d.organizations.map((id) => ({ text: organizationName(site, id), href: urls.organization(id) })) },
      { label: 'Kích thước', value: `${formatNumber(d.table.rows.length)} dòng × ${d.table.columns.length} cột` },
    ],
    citation: `${PUBLISHER.name}, “${d.title}”, cập nhật ${periodLabel(d.modified)}, giấy phép ${LICENSE.id}.`,
    url: absolute(urls.dataset(d.id)),
    bibHref: citationFiles.dataset(d, 'bib'),
    risHref: citationFiles.dataset(d, 'ris'),
    // The entry alone, saved by the browser when the file holds more (a report's file: citationFiles.dataset).
    citeRecord: ownCitationFile(d) ? null : JSON.stringify(withoutText(cite)),
  };
}
