// BibTeX and RIS files for every figure, report, indicator and dataset citation (src/view/citation.ts).
import type { APIRoute } from 'astro';
import { getSite } from '../../pipeline/site.ts';
import { buildDatasets } from '../../publish/datasets.ts';
import { citationFiles, datasetCitation, figureCitation, indicatorCitationRecord, reportCitation, toBibtex, toRis, type CitationRecord } from '../../view/citation.ts';

export function getStaticPaths() {
  const site = getSite();
  const records: CitationRecord[] = [
    ...site.figures.map((f) => figureCitation(site, f)),
    ...site.content.reports.map((r) => reportCitation(site, r.meta)),
    ...site.content.indicators.map((i) => indicatorCitationRecord(site, i)),
    ...buildDatasets(site).map((d) => datasetCitation(d)),
  ];
  return records.flatMap((record) =>
    (['bib', 'ris'] as const).map((ext) => ({ params: { path: citationFiles.path(record.key, ext).replace(/^\/trich-dan\//, '') }, props: { record, ext } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { record, ext } = props as { record: CitationRecord; ext: 'bib' | 'ris' };
  const body = ext === 'bib' ? toBibtex(record) : toRis(record);
  return new Response(body, { headers: { 'Content-Type': ext === 'bib' ? 'application/x-bibtex; charset=utf-8' : 'application/x-research-info-systems; charset=utf-8' } });
};
