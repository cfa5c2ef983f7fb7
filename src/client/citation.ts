// Enhancement for figure citations (FigureSource.astro): the reader's access date is added
// to the text (the build stays date-free and byte-identical), and a "Sao chép" button copies it.
// BibTeX/RIS of one figure: a figure row prints none (the table links its report's file once, the no-JS
// fallback); they are added here when the citation unfolds, pointing to the report's file, and a click
// writes this figure's entry alone, rebuilt from the table's citation record (script[data-cite-page],
// FigureTable.astro) and the row's data-cite and printed line.
// "Báo lỗi số liệu" is printed with the figure id only and completed here when its citation unfolds.
import { citationFileName, figureCitationFile, figureLineFromPage, figureRecordFromPage, toBibtex, toRis, type CitationPage, type CitationRecord } from '../view/citation-format.ts';
import { fillErrorReport } from '../core/feedback-link.ts';

const ACCESS_DATE = / Truy cập ngày \d{2}\/\d{2}\/\d{4}\.$/;

/** Every figure table's record on the page, merged (a report page has one table per reform area). */
let cached: CitationPage | null | undefined;
function pageRecord(): CitationPage | null {
  if (cached !== undefined) return cached;
  const pages: CitationPage[] = [];
  for (const s of document.querySelectorAll<HTMLScriptElement>('script[data-cite-page]')) {
    try {
      pages.push(JSON.parse(s.textContent ?? '') as CitationPage);
    } catch {
      // An unreadable record: the links keep their files.
    }
  }
  cached = pages.length ? { ...pages[0], docs: Object.assign({}, ...pages.map((p) => p.docs)) } : null;
  return cached;
}

/** The figure's record from a citation line (p[data-cite]), or null. */
function recordOf(el: HTMLElement): CitationRecord | null {
  const attr = el.dataset.cite;
  const page = attr ? pageRecord() : null;
  if (!attr || !page) return null;
  return figureRecordFromPage(page, attr, (el.textContent ?? '').replace(ACCESS_DATE, ''));
}

/** The full prefilled "Báo lỗi số liệu" link of a figure's citation line (its label, value and permalink). */
function completeErrorReport(el: HTMLElement) {
  const link = el.parentElement?.querySelector<HTMLAnchorElement>('a.fig-report');
  const record = link && recordOf(el);
  const page = record && pageRecord();
  const value = el.closest('tr')?.querySelector('data')?.textContent?.trim();
  const label = link?.getAttribute('aria-label')?.replace(/^Báo lỗi số liệu /, '');
  if (!link || !record || !page || !value || !label) return;
  try {
    // The figure key "<report>/<figure>" from the line's data-cite (figureCiteAttr).
    const id = (el.dataset.cite ?? '').split('|').slice(0, 2).join('/');
    link.href = fillErrorReport(page.errorReport, { id, label, value, url: record.url });
  } catch {
    // A template the build refused would not be here; keep the short link.
  }
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function enhanceCitations(root: ParentNode = document) {
  for (const el of root.querySelectorAll<HTMLElement>('[data-citation]')) {
    if (!el.dataset.dated) {
      el.dataset.dated = '1';
      // The printed short line becomes the full citation (document, section, figure, permalink).
      const page = el.dataset.cite && !el.dataset.cite.startsWith('{') ? pageRecord() : null;
      const full = page && figureLineFromPage(page, el.dataset.cite!, el.textContent ?? '');
      if (full) el.textContent = full;
      el.append(` Truy cập ngày ${today()}.`);
    }
    // The copy button comes when its citation is unfolded: a report page folds ~200 of them,
    // and two elements each would push it past its DOM budget.
    if (el.dataset.enhanced || el.closest('details:not([open])')) continue;
    el.dataset.enhanced = '1';
    completeErrorReport(el);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-copy';
    button.textContent = 'Sao chép trích dẫn';
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'cite-status';
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(el.textContent ?? '');
        status.textContent = 'Đã sao chép';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(el);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        status.textContent = 'Đã chọn — nhấn Ctrl+C';
      }
    });
    el.after(button, status, ...citeFileLinks(el));
  }
}

/**
 * The BibTeX and RIS links of a figure row's citation line (FigureCite.astro prints none): its report's
 * files, which a click narrows to this figure's entry (onCiteDownload). None when the links are already
 * there (older markup) or the line carries no "<report>|<figure>|<section>".
 */
function citeFileLinks(el: HTMLElement): HTMLAnchorElement[] {
  const attr = el.dataset.cite ?? '';
  const reportId = attr.startsWith('{') ? '' : attr.split('|')[0];
  if (!reportId || el.parentElement?.querySelector(':scope > a[data-cite-format]')) return [];
  return (['bib', 'ris'] as const).map((ext) => {
    const a = document.createElement('a');
    a.className = 'cite-link';
    a.href = figureCitationFile(reportId, ext);
    a.setAttribute('download', '');
    a.dataset.citeFormat = ext;
    a.textContent = ext === 'bib' ? 'BibTeX' : 'RIS';
    return a;
  });
}

/** The single-entry file of a figure's citation link, or null when the link carries no record. */
export function singleEntry(link: HTMLAnchorElement): { name: string; type: string; body: string } | null {
  const format = link.dataset.citeFormat;
  // The record sits on an ancestor, or on the citation paragraph the links follow (FigureCite.astro).
  let holder: Element | null = link.closest('[data-cite]');
  for (let el = link.previousElementSibling; !holder && el; el = el.previousElementSibling) if (el.hasAttribute('data-cite')) holder = el;
  const cite = (holder as HTMLElement | null)?.dataset.cite;
  if ((format !== 'bib' && format !== 'ris') || !cite) return null;
  let record: CitationRecord | null;
  if (cite.startsWith('{')) {
    // A whole record in the attribute (older markup, and any citation outside a figure table).
    try {
      record = { text: '', ...JSON.parse(cite) };
    } catch {
      return null;
    }
  } else record = recordOf(holder as HTMLElement);
  if (!record) return null;
  if (typeof record.key !== 'string') return null;
  return format === 'bib'
    ? { name: citationFileName(record.key, 'bib'), type: 'application/x-bibtex;charset=utf-8', body: toBibtex(record) }
    : { name: citationFileName(record.key, 'ris'), type: 'application/x-research-info-systems;charset=utf-8', body: toRis(record) };
}

function onCiteDownload(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-cite-format]');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const file = singleEntry(link);
  // Anything unexpected: let the link download the report's file.
  if (!file) return;
  event.preventDefault();
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

enhanceCitations();
if (!(window as { __citeDownloads?: boolean }).__citeDownloads) {
  (window as { __citeDownloads?: boolean }).__citeDownloads = true;
  document.addEventListener('click', onCiteDownload);
}
document.addEventListener('toggle', (e) => {
  if (e.target instanceof HTMLDetailsElement && e.target.open) enhanceCitations(e.target);
}, true);
