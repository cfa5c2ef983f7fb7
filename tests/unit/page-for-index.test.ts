// pageForIndex: the text of a built page that Pagefind indexes, cut from <main> in one
// pass over the tags (no DOM). Fixture pages with the shapes Astro emits.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { pageForIndex } from '../../scripts/search-index.ts';
import type { PageInfo } from '../../src/publish/search-records.ts';

const info = (dropTables = false): PageInfo => ({ type: 'page', filters: { loai: ['Trang'] }, sort: { ky: '2024-09-30' }, dropTables });
const page = (main: string) =>
  `<!doctype html><html lang="vi"><head><title>Tiêu đề &amp; trang</title><style>main{}</style></head><body><nav>Menu đầu</nav><main id="noi-dung">${main}</main><footer>Chân trang</footer><script>if (a < b) {}</script></body></html>`;
function indexed(html: string, dropTables = false) {
  const out = pageForIndex(html, info(dropTables))!;
  const { document } = parseHTML(out.html);
  const ignored = [...document.querySelectorAll('[data-pagefind-ignore]')].map((e) => e.innerHTML).join('');
  for (const el of document.querySelectorAll('[data-pagefind-ignore]')) el.remove();
  return { title: out.title, text: (document.body.textContent ?? '').replace(/\s+/g, ' ').trim(), ignored };
}

describe('pageForIndex', () => {
  it('keeps only <main>, with a space after each block so cells do not run together', () => {
    const r = indexed(page('<h1>Chỉ <em>số</em></h1><table><tr><th>Loại</th><td>Huyện</td></tr></table><ul><li>a</li><li>b</li></ul>'));
    expect(r.title).toBe('Chỉ số');
    expect(r.text).toBe('Chỉ số Loại Huyện a b'.replace(/đ/g, 'd\u0335'));
    expect(r.text).not.toContain('Menu');
    expect(r.text).not.toContain('Chân trang');
  });

  it('drops scripts (even with "<" inside), svg, nav, forms, buttons, hidden and ignored blocks, breadcrumbs', () => {
    const r = indexed(
      page(
        '<p>Giữ</p><script type="module">for (let i = 0; i < 3; i++) document.write("<p>Bỏ</p>")</script><svg viewBox="0 0 1 1"><path d="M0 0"/><text>Bỏ svg</text></svg>' +
          '<nav class="breadcrumbs"><a href="/">Bỏ nav</a></nav><ol class="breadcrumbs x"><li>Bỏ crumbs</li></ol><form><input name="q"><button>Bỏ nút</button></form>' +
          '<div hidden><p>Bỏ ẩn</p></div><section data-pagefind-ignore="all"><p>Bỏ bỏ qua</p></section><p class="visually-hidden">Giữ lớp</p><p title="x hidden y">Giữ thuộc tính</p>',
      ),
    );
    expect(r.text).toBe('Giữ Giữ lớp Giữ thuộc tính');
  });

  it('drops data tables and chart data only when asked (their figures have records of their own)', () => {
    const main = '<h1>Báo cáo</h1><table><tr><td>67.628</td></tr></table><details class="chart-data"><summary>Dữ liệu</summary><p>12</p></details><details><summary>Ghi chú</summary></details>';
    expect(indexed(page(main), true).text).toBe('Báo cáo Ghi chú');
    expect(indexed(page(main), false).text).toBe('Báo cáo 67.628 Dữ liệu 12 Ghi chú');
  });

  it('drops key-figure cards and chart captions with the tables (figure documents hold them), not other lists or figures', () => {
    const main =
      '<h1>Báo cáo</h1><ul class="cards"><li class="card">67.628 hồ sơ so với quý I/2019</li></ul><figure class="chart wide"><span class="chart-title">Hồ sơ</span></figure>' +
      '<ul class="cardsx"><li>Giữ danh sách</li></ul><figure class="charter"><p>Giữ hình</p></figure><p>Tóm tắt</p>';
    expect(indexed(page(main), true).text).toBe('Báo cáo Giữ danh sách Giữ hình Tóm tắt');
    expect(indexed(page(main), false).text).toContain('67.628 hồ sơ');
  });

  it('writes đ/Đ as d̵/D̵ in the text (also from entities), escapes text, keeps filters and sort in an ignored block', () => {
    const r = indexed(page('<h1>Đơn vị</h1><p>&#273;ạt &lt;b&gt; &amp; đủ</p>'));
    expect(r.title).toBe('Đơn vị');
    expect(r.text).toBe('D\u0335ơn vị d\u0335ạt <b> & d\u0335ủ');
    expect(r.ignored).toContain('data-pagefind-filter="loai">Trang<');
    expect(r.ignored).toContain('data-pagefind-sort="ky">2024-09-30<');
    expect(r.ignored).toContain('data-pagefind-meta="title">Đơn vị<');
  });

  it('falls back to <title> without an <h1>, and returns null without <main>', () => {
    expect(indexed(page('<p>x</p>')).title).toBe('Tiêu đề & trang');
    expect(pageForIndex('<html><body><p>x</p></body></html>', info())).toBeNull();
  });

  it('an unclosed element inside a dropped block does not leak what follows', () => {
    const r = indexed(page('<div hidden><p>Bỏ <b>đậm</div><p>Giữ</p>'));
    expect(r.text).toBe('Giữ');
  });
});
