// Citations for every figure, indicator, report and dataset: a copyable text line,
// BibTeX and RIS. Built from the report metadata only (document number and date
// when the source prints them), the permalink, and no build-time date, so builds
// stay byte-identical; the reader's access date is added in the browser (src/client/citation.ts).
import type { Site } from '../pipeline/derive.ts';
import { byId, type Figure } from '../core/model.ts';
import type { Indicator, Report } from '../core/schema.ts';
import { periodLabel, periodRange } from '../core/period.ts';
import { formatFigure } from '../core/format.ts';
import { figureLabel, figureWhen, reportKindLabel } from '../core/labels.ts';
import { absolute, urls } from '../core/urls.ts';
import { buildDatasets, LICENSE, PUBLISHER, type Dataset } from '../publish/datasets.ts';
import { citationFilePath, figureCitationFile, figureTail, sectionPhrase, type CitationDoc, type CitationPage, type CitationRecord } from './citation-format.ts';
import { ERROR_REPORT_TEMPLATE } from '../core/feedback.ts';

export { bibEscape, citationFileName, figureCitationFile, figureCiteAttr, figureLineFromPage, figureRecordFromPage, figureShortLine, toBibtex, toBibtexFile, toRis, type CitationDoc, type CitationPage, type CitationRecord } from './citation-format.ts';

export const citationFiles = {
  /** Path of the BibTeX / RIS file of a citation key, under /trich-dan/. */
  path: citationFilePath,
  /**
   * A figure has no file of its own (two per figure made most of dist/'s files): its report's file
   * holds the report and every figure, and the browser cuts the one entry (src/client/citation.ts).
   */
  figure: figureCitationFile,
  /**
   * A report's dataset (one per report) has no file of its own either: its entry is the last of the
   * report's file (two files per report less), and the dataset page's click saves it alone.
   */
  dataset: (d: Pick<Dataset, 'id' | 'kind' | 'reports'>, ext: 'bib' | 'ris') =>
    citationFiles.path(d.kind === 'report' && d.reports.length === 1 ? `bao-cao:${d.reports[0]}` : `du-lieu:${d.id}`, ext),
};

/** Whether a dataset's citation has a file of its own (citationFiles.dataset). */
export const ownCitationFile = (d: Pick<Dataset, 'id' | 'kind' | 'reports'>) => !citationFiles.dataset(d, 'bib').startsWith('/trich-dan/bao-cao/');

/** Every citation file under /trich-dan/ with its entries: one per report (the report, its figures, its
 *  dataset; the RIS without the figures), one per indicator, one per other dataset; each as BibTeX and RIS. */
export function citationFileRecords(site: Site): { path: string; records: CitationRecord[]; ext: 'bib' | 'ris' }[] {
  const files: CitationRecord[][] = [
    ...reportCitationRecords(site).values(),
    ...site.content.indicators.map((i) => [indicatorCitationRecord(site, i)]),
    ...buildDatasets(site).filter(ownCitationFile).map((d) => [datasetCitation(d)]),
  ];
  return files.flatMap((records) => [
    { path: citationFiles.path(records[0].key, 'bib'), records, ext: 'bib' as const },
    // A report's RIS file holds the report and its dataset, not each figure: a figure's RIS entry is
    // written in the browser (src/client/citation.ts), and its BibTeX entry is in the .bib without JS.
    // Half of /trich-dan/'s growth (~60 KB per added report) for a second copy of every figure.
    { path: citationFiles.path(records[0].key, 'ris'), records: records.filter((r) => !r.key.startsWith('so-lieu:')), ext: 'ris' as const },
  ]);
}

/** The entries of every report's citation file: the report first, then its figures in report order,
 *  then its dataset's entry (citationFiles.dataset). */
export function reportCitationRecords(site: Site): Map<string, CitationRecord[]> {
  const out = new Map(site.content.reports.map((r) => [r.meta.id, [reportCitation(site, r.meta)]]));
  for (const f of site.figures) out.get(f.reportId)?.push(figureCitation(site, f));
  for (const d of buildDatasets(site)) if (!ownCitationFile(d)) out.get(d.reports[0])?.push(datasetCitation(d));
  return out;
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function issuerName(site: Site, id: string): string {
  return site.organizationsById.get(id)?.name ?? id;
}

function documentYear(r: Report): string {
  return (r.date ?? periodRange(r.period).end).slice(0, 4);
}

/** "Báo cáo … quý I năm 2025, số 517/BCĐ-NC, ngày 02/03/2023". */
export function documentTitle(r: Report): string {
  return `${r.title}${r.documentNumber ? `, số ${r.documentNumber}` : ''}${r.date ? `, ngày ${vnDate(r.date)}` : ''}`;
}

/** Citation of one printed figure: the document (with number and date), section, value, permalink. */
export function figureCitation(site: Site, f: Figure): CitationRecord {
  const r = byId(site.reportsById, f.reportId, 'báo cáo').meta;
  const { lead, ...doc } = citationDoc(site, r);
  const url = absolute(urls.figure(f.reportId, f.id));
  const what = figureWhat(site, f);
  return {
    key: `so-lieu:${f.reportId}:${f.id}`,
    ...doc,
    note: `${sectionPhrase(f.section, true)}. ${what}`,
    url,
    // figureRecordFromPage (citation-format.ts) reads the record back from this line in the browser.
    text: `${lead}${sectionPhrase(f.section)}. ${what}${figureTail(doc.publisher, url)}`,
  };
}

/** What a figure citation says: label, value, and period, basis and status in words ("lũy kế 9 tháng
 *  đầu năm 2024" is not a quarter's amount). */
export function figureWhat(site: Site, f: Figure): string {
  return `${figureLabel(site, f)}: ${formatFigure(f)} (${figureWhen(f)})`;
}

/** What a report's figure citations share (the page carries it once: citationPage). */
export function citationDoc(site: Site, r: Report): CitationDoc {
  const doc = documentFields(site, r);
  return { ...doc, lead: `${doc.author} (${doc.year}). ${documentTitle(r)}, ` };
}

/** The page record behind the figure citations of the given reports (FigureTable prints it once). */
export function citationPage(site: Site, reportIds: Iterable<string>): CitationPage {
  const docs: Record<string, CitationDoc> = {};
  for (const id of [...new Set(reportIds)].sort()) docs[id] = citationDoc(site, byId(site.reportsById, id, 'báo cáo').meta);
  return { figureUrl: absolute(urls.figure('{r}', '{f}')), errorReport: ERROR_REPORT_TEMPLATE, docs };
}

/** The fields every citation of a source document shares. */
function documentFields(site: Site, r: Report): Pick<CitationRecord, 'type' | 'author' | 'title' | 'year' | 'date' | 'documentNumber' | 'publisher'> {
  return { type: 'GOVDOC', author: issuerName(site, r.issuer), title: r.title, year: documentYear(r), date: r.date, documentNumber: r.documentNumber, publisher: PUBLISHER.name };
}

/** Citation of a whole report page. */
export function reportCitation(site: Site, r: Report): CitationRecord {
  const doc = documentFields(site, r);
  const url = absolute(urls.report(r.id));
  return {
    key: `bao-cao:${r.id}`,
    ...doc,
    note: `${reportKindLabel[r.kind] ?? r.kind}, ${periodLabel(r.period)}`,
    url,
    text: `${doc.author} (${doc.year}). ${documentTitle(r)}. ${reportKindLabel[r.kind] ?? r.kind}, ${periodLabel(r.period)}. Trích qua ${PUBLISHER.name}: ${url}.`,
  };
}

/** Citation of an indicator page (the portal's compilation of every report's figures). */
export function indicatorCitationRecord(site: Site, indicator: Indicator): CitationRecord {
  const url = absolute(urls.indicator(indicator.id));
  const figures = site.figuresByIndicator.get(indicator.id) ?? [];
  const years = figures.map((f) => documentYear(byId(site.reportsById, f.reportId, 'báo cáo').meta)).sort();
  const year = years.at(-1) ?? '';
  return {
    key: `chi-so:${indicator.id}`,
    type: 'DATA',
    author: PUBLISHER.name,
    title: `${indicator.label} (${indicator.unit})`,
    year,
    date: null,
    documentNumber: null,
    publisher: PUBLISHER.name,
    note: `Tổng hợp ${figures.length} số liệu trích nguyên văn từ văn bản của ${PUBLISHER.sourceOrganization} và các đơn vị; giấy phép ${LICENSE.id}`,
    url,
    text: `${PUBLISHER.name}${year ? ` (${year})` : ''}. ${indicator.label} (${indicator.unit}) [dữ liệu], giấy phép ${LICENSE.id}. ${url}.`,
  };
}

/** Citation of a dataset page. */
export function datasetCitation(d: { id: string; title: string; periods: string[] }): CitationRecord {
  const url = absolute(urls.dataset(d.id));
  const year = d.periods.map((p) => periodRange(p).end.slice(0, 4)).sort().at(-1) ?? '';
  return {
    key: `du-lieu:${d.id}`,
    type: 'DATA',
    author: PUBLISHER.name,
    title: d.title,
    year,
    date: null,
    documentNumber: null,
    publisher: PUBLISHER.name,
    note: `Bộ dữ liệu, giấy phép ${LICENSE.id}`,
    url,
    text: `${PUBLISHER.name}${year ? ` (${year})` : ''}. ${d.title} [bộ dữ liệu], giấy phép ${LICENSE.id}. ${url}.`,
  };
}
