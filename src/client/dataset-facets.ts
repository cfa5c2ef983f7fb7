// Enhancement for /du-lieu/: filter the dataset list by facet checkboxes, update the
// counts (disjunctive, like CKAN) and keep the selection in the URL (?linh-vuc=…&nam=…).
// Without JavaScript the page lists every dataset.
import { facetCounts, FACETS, filterEntries, selectionFromParams, selectionToParams, type CatalogEntry, type FacetKey, type Selection } from '../view/dataset-catalog.ts';

function init(form: HTMLFormElement) {
  const items = [...document.querySelectorAll<HTMLElement>('[data-dataset][data-facets]')];
  const entries: CatalogEntry[] = items.map((el) => ({ id: el.dataset.dataset!, facets: JSON.parse(el.dataset.facets!) }));
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-facet]')];
  const countEls = new Map([...form.querySelectorAll<HTMLElement>('[data-count]')].map((el) => [el.dataset.count!, el]));
  const status = document.querySelector<HTMLElement>('[data-result-count]');
  const empty = document.querySelector<HTMLElement>('[data-no-results]');
  const total = entries.length;

  const known = {} as Record<FacetKey, string[]>;
  for (const { key } of FACETS) known[key] = boxes.filter((b) => b.dataset.facet === key).map((b) => b.value);

  function selection(): Selection {
    const out: Selection = {};
    for (const b of boxes) if (b.checked) (out[b.dataset.facet as FacetKey] ??= []).push(b.value);
    return out;
  }

  function apply(updateUrl: boolean) {
    const sel = selection();
    const visible = new Set(filterEntries(entries, sel).map((e) => e.id));
    for (const el of items) el.hidden = !visible.has(el.dataset.dataset!);
    const counts = facetCounts(entries, sel);
    for (const b of boxes) {
      const key = b.dataset.facet as FacetKey;
      const n = counts[key].get(b.value) ?? 0;
      const el = countEls.get(`${key}:${b.value}`);
      if (el) el.textContent = String(n);
      b.closest('li')?.classList.toggle('is-empty', n === 0 && !b.checked);
    }
    const active = Object.values(sel).some((v) => v && v.length > 0);
    if (status) status.textContent = active ? `${visible.size}/${total} bộ dữ liệu khớp bộ lọc` : `${total} bộ dữ liệu`;
    if (empty) empty.hidden = visible.size > 0;
    if (updateUrl) {
      const q = selectionToParams(sel).toString();
      history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }
  }

  // Restore a shared selection from the URL.
  const initial = selectionFromParams(new URLSearchParams(location.search), known);
  for (const b of boxes) b.checked = (initial[b.dataset.facet as FacetKey] ?? []).includes(b.value);

  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (e) => e.preventDefault());
  // "reset" fires before the checkboxes are cleared.
  form.addEventListener('reset', () => setTimeout(() => apply(true)));
  apply(false);

  // Narrow screens: fold the facets so the list comes first (open when a filter is active).
  const details = form.querySelector<HTMLDetailsElement>('details[data-facets-details]');
  const narrow = window.matchMedia('(max-width: 48rem)');
  const fold = () => {
    if (details) details.open = !narrow.matches || boxes.some((b) => b.checked);
  };
  fold();
  narrow.addEventListener('change', fold);
  form.dataset.ready = 'true';
}

const form = document.querySelector<HTMLFormElement>('form[data-facets]');
if (form) init(form);
