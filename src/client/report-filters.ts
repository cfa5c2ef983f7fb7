// Enhancement for /bao-cao/: checkbox filters over the report list. Without
// JavaScript the form stays hidden and the grouped lists below it do the job.

/** An item is shown when, for every facet with a selection, its value is selected. */
export function isVisible(item: Record<string, string | undefined>, selected: Record<string, string[]>): boolean {
  return Object.entries(selected).every(([facet, values]) => values.length === 0 || values.includes(item[facet] ?? ''));
}

export function initReportFilters(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-report-filters]');
  const items = [...root.querySelectorAll<HTMLElement>('[data-report-item]')];
  if (!form || items.length === 0) return;
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]');
  const facets = [...new Set([...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((i) => i.name))];

  const apply = () => {
    const selected: Record<string, string[]> = {};
    for (const f of facets) selected[f] = [...form.querySelectorAll<HTMLInputElement>(`input[name="${f}"]:checked`)].map((i) => i.value);
    let shown = 0;
    for (const el of items) {
      const visible = isVisible({ ...el.dataset }, selected);
      el.hidden = !visible;
      if (visible) shown++;
    }
    if (status) status.textContent = `Đang hiển thị ${shown}/${items.length} văn bản.`;
    if (empty) empty.hidden = shown > 0;
  };

  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

if (typeof document !== 'undefined') initReportFilters(document);
