// Enhancement for figure citations (FigureSource.astro): the reader's access date is added
// to the text (the build stays date-free and byte-identical), and a "Sao chép" button copies it.
// BibTeX/RIS of one figure: the links point to the report's file (every figure of the report, the
// no-JS fallback); a click writes this figure's entry alone from the record in data-cite.
import { citationFileName, toBibtex, toRis, type CitationRecord } from '../view/citation-format.ts';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function enhanceCitations(root: ParentNode = document) {
  for (const el of root.querySelectorAll<HTMLElement>('[data-citation]')) {
    if (!el.dataset.dated) {
      el.dataset.dated = '1';
      el.append(` Truy cập ngày ${today()}.`);
    }
    // The copy button comes when its citation is unfolded: a report page folds ~200 of them,
    // and two elements each would push it past its DOM budget.
    if (el.dataset.enhanced || el.closest('details:not([open])')) continue;
    el.dataset.enhanced = '1';
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
    el.after(button, status);
  }
}

/** The single-entry file of a figure's citation link, or null when the link carries no record. */
export function singleEntry(link: HTMLAnchorElement): { name: string; type: string; body: string } | null {
  const format = link.dataset.citeFormat;
  // The record sits on an ancestor, or on the citation paragraph the links follow (FigureCite.astro).
  let holder: Element | null = link.closest('[data-cite]');
  for (let el = link.previousElementSibling; !holder && el; el = el.previousElementSibling) if (el.hasAttribute('data-cite')) holder = el;
  const json = (holder as HTMLElement | null)?.dataset.cite;
  if ((format !== 'bib' && format !== 'ris') || !json) return null;
  let record: CitationRecord;
  try {
    record = { text: '', ...JSON.parse(json) };
  } catch {
    return null;
  }
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
