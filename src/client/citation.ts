// Enhancement for figure citations (FigureSource.astro): the reader's access date is added
// to the text (the build stays date-free and byte-identical), and a "Sao chép" button copies it.

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

enhanceCitations();
document.addEventListener('toggle', (e) => {
  if (e.target instanceof HTMLDetailsElement && e.target.open) enhanceCitations(e.target);
}, true);
