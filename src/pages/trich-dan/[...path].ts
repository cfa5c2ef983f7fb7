// BibTeX and RIS files (src/view/citation.ts citationFileRecords): one per report holding the report,
// all its figures (BibTeX only) and its dataset's entry (a figure's own single-entry file is made in the
// browser from the page, src/client/citation.ts; the .bib is its no-JS fallback), one per indicator and
// one per other dataset.
import type { APIRoute } from 'astro';
import { getSite } from '../../pipeline/site.ts';
import { citationFileRecords, toBibtexFile, toRis, type CitationRecord } from '../../view/citation.ts';
import { withPageKeys } from '../../view/page-keys.ts';

export function getStaticPaths() {
  // A citation file is its records written out: they are its key.
  return withPageKeys(citationFileRecords(getSite()).map(({ path, records, ext }) => ({ params: { path: path.replace(/^\/trich-dan\//, '') }, props: { records, ext } })), (p) => p.props);
}

export const GET: APIRoute = ({ props }) => {
  const { records, ext } = props as { records: CitationRecord[]; ext: 'bib' | 'ris' };
  // BibTeX entries apart by a blank line, shared document fields as @string macros; RIS records end with "ER  -" already.
  const body = ext === 'bib' ? toBibtexFile(records) : records.map(toRis).join('');
  return new Response(body, { headers: { 'Content-Type': ext === 'bib' ? 'application/x-bibtex; charset=utf-8' : 'application/x-research-info-systems; charset=utf-8' } });
};
