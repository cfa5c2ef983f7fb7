// The printout names the day it was printed (the build itself stays date-free).
const el = document.querySelector('[data-print-date]');
if (el) {
  const d = new Date();
  el.textContent = `, ngày ${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}
