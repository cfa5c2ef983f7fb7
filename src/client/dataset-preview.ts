// Enhancement for /du-lieu/<id>/: fetch the dataset's CSV and replace the 20-row
// server preview with a sortable, filterable, paginated table of every row.
// Text goes into the DOM with textContent only. papaparse runs on the main thread
// (its worker mode hangs in the bundle).
import Papa from 'papaparse';
import { filterRows, paginate, sortRows, unescapeFormula } from '../view/dataset-catalog.ts';

interface ColumnMeta {
  name: string;
  title: string;
  numeric: boolean;
  fit: 'nowrap' | 'normal' | 'wide';
}

const PAGE_SIZE = 25;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

const nf = new Intl.NumberFormat('vi-VN');

async function enhance(root: HTMLElement) {
  const csvHref = root.dataset.csv!;
  const columns: ColumnMeta[] = JSON.parse(root.dataset.columns!);
  const title = root.dataset.title ?? '';
  const staticWrap = root.querySelector<HTMLElement>('[data-preview-static]');
  const note = root.querySelector<HTMLElement>('[data-preview-note]');

  const response = await fetch(csvHref);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = (await response.text()).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
  const [header, ...body] = parsed.data;
  if (!header || header.join() !== columns.map((c) => c.name).join()) throw new Error('unexpected CSV header');
  const all = body.map((r) => r.map(unescapeFormula));

  const state = { query: '', sort: -1, direction: 1 as 1 | -1, page: 1 };

  // Toolbar: text filter + pager.
  const tools = el('div', { className: 'preview-tools' });
  const filterLabel = el('label', { className: 'preview-filter' }, 'Lọc các dòng');
  const input = el('input', { type: 'search', placeholder: 'vd. hồ sơ, 2024-Q3, tinh-kon-tum', autocomplete: 'off' });
  input.setAttribute('aria-describedby', `${root.id || 'preview'}-status`);
  filterLabel.append(input);
  const pager = el('nav', { className: 'preview-pager' });
  pager.setAttribute('aria-label', 'Trang của bảng xem trước');
  // Visible text shortens on narrow screens; the accessible name stays whole.
  const pageButton = (name: string, short: string, arrow: 'before' | 'after') => {
    const b = el('button', { type: 'button' });
    b.setAttribute('aria-label', name);
    const text = [el('span', { className: 'long' }, name), el('span', { className: 'short' }, short)];
    if (arrow === 'before') b.append('‹ ', ...text);
    else b.append(...text, ' ›');
    return b;
  };
  const prev = pageButton('Trang trước', 'Trước', 'before');
  const pageLabel = el('span', { className: 'page-label' });
  const next = pageButton('Trang sau', 'Sau', 'after');
  pager.append(prev, pageLabel, next);
  tools.append(filterLabel, pager);

  const status = el('p', { className: 'preview-status', id: `${root.id || 'preview'}-status` });
  status.setAttribute('role', 'status');

  // Table with sortable headers (a button inside each th; aria-sort on the th).
  const wrap = el('div', { className: 'table-wrap preview-wrap', tabIndex: 0 });
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `Bảng xem trước ${title}`);
  wrap.dataset.previewInteractive = '';
  const table = el('table', { className: 'preview-table' });
  const caption = el('caption', {}, `${title}: toàn bộ dòng, bấm tiêu đề cột để sắp xếp`);
  const thead = el('thead');
  const headRow = el('tr');
  const ths = columns.map((c, i) => {
    const th = el('th', { scope: 'col' });
    if (c.numeric) th.className = 'num';
    const button = el('button', { type: 'button' });
    const label = el('span');
    label.append(el('span', { className: 'col-title' }, c.title), el('code', { className: 'col-name' }, c.name));
    const icon = el('span', { className: 'sort-icon' }, '↕');
    icon.setAttribute('aria-hidden', 'true');
    button.append(label, icon);
    button.addEventListener('click', () => {
      state.direction = state.sort === i ? (state.direction === 1 ? -1 : 1) : 1;
      state.sort = i;
      state.page = 1;
      render();
    });
    th.append(button);
    headRow.append(th);
    return th;
  });
  thead.append(headRow);
  const tbody = el('tbody');
  table.append(caption, thead, tbody);
  wrap.append(table);

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.query = input.value;
      state.page = 1;
      render();
    }, 150);
  });
  prev.addEventListener('click', () => {
    state.page -= 1;
    render();
  });
  next.addEventListener('click', () => {
    state.page += 1;
    render();
  });

  function render() {
    let rows = filterRows(all, state.query);
    if (state.sort >= 0) rows = sortRows(rows, state.sort, state.direction, columns[state.sort].numeric);
    const view = paginate(rows, state.page, PAGE_SIZE);
    state.page = view.page;

    const frag = document.createDocumentFragment();
    for (const r of view.rows) {
      const tr = el('tr');
      columns.forEach((c, i) => tr.append(el('td', { className: `${c.numeric ? 'num ' : ''}fit-${c.fit}` }, r[i] ?? '')));
      frag.append(tr);
    }
    if (view.rows.length === 0) {
      const td = el('td', { colSpan: columns.length }, 'Không có dòng nào khớp bộ lọc.');
      const tr = el('tr');
      tr.append(td);
      frag.append(tr);
    }
    tbody.replaceChildren(frag);

    ths.forEach((th, i) => {
      const icon = th.querySelector('.sort-icon')!;
      if (i === state.sort) {
        th.setAttribute('aria-sort', state.direction === 1 ? 'ascending' : 'descending');
        icon.textContent = state.direction === 1 ? '▲' : '▼';
      } else {
        th.removeAttribute('aria-sort');
        icon.textContent = '↕';
      }
    });

    pageLabel.textContent = `Trang ${nf.format(view.page)}/${nf.format(view.pages)}`;
    prev.disabled = view.page <= 1;
    next.disabled = view.page >= view.pages;
    const from = rows.length === 0 ? 0 : (view.page - 1) * PAGE_SIZE + 1;
    const to = (view.page - 1) * PAGE_SIZE + view.rows.length;
    const filtered = state.query.trim() ? ` (lọc từ ${nf.format(all.length)} dòng)` : '';
    const sorted = state.sort >= 0 ? `, sắp xếp theo “${columns[state.sort].title}” ${state.direction === 1 ? 'tăng dần' : 'giảm dần'}` : '';
    status.textContent = `Dòng ${nf.format(from)}–${nf.format(to)} trong ${nf.format(rows.length)} dòng${filtered}${sorted}.`;
  }

  render();
  if (note) note.textContent = `Bảng dưới đây đọc trực tiếp tệp CSV (${nf.format(all.length)} dòng, ${PAGE_SIZE} dòng mỗi trang). Giá trị in đúng như trong tệp (số dùng dấu chấm thập phân).`;
  if (staticWrap) staticWrap.replaceWith(tools, status, wrap);
  root.dataset.enhanced = 'true';
}

for (const root of document.querySelectorAll<HTMLElement>('[data-dataset-preview]')) {
  enhance(root).catch((err) => {
    // Keep the server-rendered preview; it already shows the first rows.
    root.dataset.enhanced = 'failed';
    console.warn('[dataset-preview]', err);
  });
}
