// The printout names the day it was printed (the build itself stays date-free), and the address the reader
// printed: a search's query, a filtered list's ?loc=… and a missing page's path are not in the canonical URL
// the build writes (filters change the address as they act, so it is read again just before printing).
const date = document.querySelector('[data-print-date]');
if (date) {
  const d = new Date();
  date.textContent = `, ngày ${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}
const url = document.querySelector<HTMLElement>('[data-print-url]');
if (url) {
  // The site's own origin (the canonical one), the path and query the reader is on.
  const canonical = url.dataset.printUrl!;
  const update = () => {
    const href = new URL(location.pathname + location.search, canonical).href;
    // Readable on paper ("?q=hồ+sơ", not "?q=h%E1%BB%93+s%C6%A1"); still what a browser takes when typed in.
    try {
      url.textContent = decodeURI(href);
    } catch {
      url.textContent = href;
    }
  };
  update();
  addEventListener('beforeprint', update);
  matchMedia('print').addEventListener('change', update);
}
