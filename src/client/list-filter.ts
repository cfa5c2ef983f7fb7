// "Find without search": a text filter over a plain list (indicator list, dataset catalogue) and an
// optional sort. Without JavaScript the list is complete and the (hidden) controls never appear.
// Markup: [data-list-filter] holds input[data-filter-input], optional select[data-sort] and
// [data-filter-status]; items [data-filter-item] (text in data-filter-text, else textContent),
// in groups [data-filter-group] hidden when empty. Items hidden by text carry data-text-hidden,
// so other filters (dataset facets use `hidden`) stay independent.
import { foldDiacritics } from '../core/text.ts';

const searchKey = (text: string) => foldDiacritics(text).toLowerCase();

export function matchesQuery(text: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  const key = searchKey(text);
  return words.every((w) => key.includes(w));
}

function setup(box: HTMLElement) {
  const input = box.querySelector<HTMLInputElement>('[data-filter-input]');
  const sort = box.querySelector<HTMLSelectElement>('[data-sort]');
  const status = box.querySelector<HTMLElement>('[data-filter-status]');
  const scope = document.getElementById(box.dataset.listFilter!) ?? document;
  const items = [...scope.querySelectorAll<HTMLElement>('[data-filter-item]')];
  const texts = new Map(items.map((el) => [el, el.dataset.filterText ?? el.textContent ?? '']));
  const params = new URLSearchParams(location.search);
  if (input && params.get('loc')) input.value = params.get('loc')!;
  const apply = () => {
    const q = input?.value ?? '';
    let shown = 0;
    for (const el of items) {
      const ok = matchesQuery(texts.get(el)!, q);
      el.toggleAttribute('data-text-hidden', !ok);
      if (ok) shown++;
    }
    for (const g of scope.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      g.toggleAttribute('data-text-hidden', !g.querySelector('[data-filter-item]:not([data-text-hidden])'));
    }
    if (status) status.textContent = q.trim() ? `${shown} / ${items.length} mục khớp “${q.trim()}”` : '';
    const url = new URL(location.href);
    if (q.trim()) url.searchParams.set('loc', q.trim());
    else url.searchParams.delete('loc');
    history.replaceState(null, '', url);
  };
  const reorder = () => {
    if (!sort) return;
    const [key, dir] = sort.value.split(':');
    const lists = new Set(items.map((el) => el.parentElement!));
    for (const list of lists) {
      const children = items.filter((el) => el.parentElement === list);
      const value = (el: HTMLElement) => el.dataset[`sort${key[0].toUpperCase()}${key.slice(1)}`] ?? '';
      children.sort((a, b) => (dir === 'desc' ? -1 : 1) * value(a).localeCompare(value(b), 'vi', { numeric: true }) || Number(a.dataset.sortIndex) - Number(b.dataset.sortIndex));
      list.append(...children);
    }
  };
  items.forEach((el, i) => (el.dataset.sortIndex = String(i)));
  input?.addEventListener('input', apply);
  sort?.addEventListener('change', reorder);
  box.hidden = false;
  if (input?.value) apply();
}

for (const box of document.querySelectorAll<HTMLElement>('[data-list-filter]')) setup(box);
