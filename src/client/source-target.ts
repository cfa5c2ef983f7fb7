// Full-text page: highlight the quote a link jumped to, including shared anchors.
function mark() {
  document.querySelectorAll('.is-target').forEach((el) => el.classList.remove('is-target'));
  const el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const target = el?.closest('mark');
  if (target) target.classList.add('is-target');
}
window.addEventListener('hashchange', mark);
mark();
