// Readers first (issue 12): error-report links, citations (BibTeX/RIS), source reflow, part-of-whole
// charts and report charts by indicator, on fixtures; invariants over the real content.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { errorReportHref, errorReportShortHref } from '../../src/core/feedback.ts';
import { bibEscape, toBibtex, toRis, type CitationRecord, figureCitation } from '../../src/view/citation.ts';
import { reflowSource } from '../../src/view/source-reflow.ts';
import { partsChart } from '../../src/view/charts/index.ts';
import { reportIndicatorCharts } from '../../src/view/chart-data.ts';
import { plainAnswers } from '../../src/view/dashboard.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

const input = { id: 'bc/ho-so', label: 'Hồ sơ tiếp nhận', value: '67.628 hồ sơ', url: 'https://example.vn/bao-cao/bc/#so-lieu-ho-so' };

describe('errorReportHref', () => {
  it('fills an issue-URL template with the encoded figure id, value and permalink', () => {
    const href = errorReportHref(input, 'https://git.example/o/r/issues/new?title={title}&body={body}');
    const url = new URL(href);
    expect(url.searchParams.get('title')).toBe('Báo lỗi số liệu bc/ho-so');
    expect(url.searchParams.get('body')).toContain('67.628 hồ sơ');
    expect(url.searchParams.get('body')).toContain(input.url);
  });
  it('fills a mailto template; & and # in values cannot break out of their parameter', () => {
    const href = errorReportHref({ ...input, label: 'A & B #1' }, 'mailto:x@example.vn?subject={title}&body={body}');
    expect(href.startsWith('mailto:x@example.vn?subject=')).toBe(true);
    expect(href.split('&').length).toBe(2);
    expect(decodeURIComponent(href.split('body=')[1])).toContain('A & B #1');
  });
  it('refuses a template that is neither https nor mailto, naming the setting', () => {
    expect(() => errorReportHref(input, 'javascript:alert(1)')).toThrow(/ERROR_REPORT_URL/);
    expect(() => errorReportShortHref(input.id, input.url, 'javascript:alert(1)')).toThrow(/ERROR_REPORT_URL/);
  });
  it('the printed (no-JS) link names the figure id in a few bytes; the browser completes it', () => {
    const href = errorReportShortHref(input.id, input.url, 'https://git.example/o/r/issues/new?title={title}&body={body}');
    const url = new URL(href);
    expect(url.searchParams.get('title')).toBe('Báo lỗi số liệu bc/ho-so');
    // The id rides in the title only; the body is left for the reader (or the browser) to fill.
    expect(url.searchParams.get('body')).toBe('');
    expect(href.length).toBeLessThan(errorReportHref(input, 'https://git.example/o/r/issues/new?title={title}&body={body}').length / 3);
  });
});

const record: CitationRecord = {
  key: 'so-lieu:bc:ho-so', type: 'GOVDOC', author: 'UBND tỉnh {Kon Tum}', title: 'Báo cáo 50% & hơn_', year: '2024', date: '2024-09-10',
  documentNumber: '517/BCĐ-NC', publisher: 'Cổng', note: 'Mục II.2.\nDòng hai', url: 'https://example.vn/x/', text: '',
};

describe('BibTeX and RIS', () => {
  it('escapes BibTeX specials and braces', () => {
    expect(bibEscape('50% & {x}_#$\\')).toBe('50\\% \\& \\{x\\}\\_\\#\\$\\textbackslash{}');
    const bib = toBibtex(record);
    expect(bib).toMatch(/^@misc\{so-lieu:bc:ho-so,\n/);
    expect(bib).toContain('author = {{UBND tỉnh \\{Kon Tum\\}}}');
    expect(bib).toContain('number = {517/BCĐ-NC}');
    expect(bib).toContain('date = {2024-09-10}');
    expect(bib.trim().endsWith('}')).toBe(true);
  });
  it('writes one RIS tag per line, values on one line, ending with ER', () => {
    const lines = toRis(record).split('\r\n');
    expect(lines[0]).toBe('TY  - GOVDOC');
    expect(lines).toContain('N1  - Mục II.2. Dòng hai');
    expect(lines).toContain('DA  - 2024/09/10');
    expect(lines.at(-2)).toBe('ER  - ');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });
});

const HARD_WRAPPED = [
  'I. KẾT QUẢ', '', '1. Về tiếp nhận hồ sơ', '', 'Trong quý, toàn tỉnh tiếp nhận 67.628 hồ', '', 'sơ, trong đó 23.848 hồ sơ trực tuyến;', '',
  'đã giải quyết đúng hạn.', '', '1 Văn bản số 12/UBND ngày 2/1/2025.', '', 'Tiếp theo là đoạn mới.', '',
].join('\n');

describe('reflowSource', () => {
  const start = HARD_WRAPPED.indexOf('67.628 hồ');
  const end = HARD_WRAPPED.indexOf('sơ, trong') + 'sơ'.length;
  const fn = HARD_WRAPPED.indexOf('12/UBND');
  const figures = [
    { id: 'ho-so', location: { start, end } },
    { id: 'van-ban', location: { start: fn, end: fn + '12/UBND'.length } },
  ] as never[];
  const r = reflowSource(HARD_WRAPPED, figures);
  const text = (b: { segments: { text: string }[] }) => b.segments.map((s) => s.text).join('');
  it('joins printed lines into paragraphs and keeps a quote that crosses a line in one mark', () => {
    const p = r.blocks.find((b) => b.kind === 'p')!;
    expect(text(p)).toBe('Trong quý, toàn tỉnh tiếp nhận 67.628 hồ sơ, trong đó 23.848 hồ sơ trực tuyến;');
    expect(p.segments.find((s) => s.ids.includes('ho-so'))!.text).toBe('67.628 hồ sơ');
  });
  it('makes numbered headings an outline', () => {
    expect(r.outline.map((o) => [o.level, o.label])).toEqual([[2, 'I. KẾT QUẢ'], [3, '1. Về tiếp nhận hồ sơ']]);
  });
  it('gathers footnotes, keeping their quote anchors, and leaves a back-link target where they stood', () => {
    expect(r.footnotes.map((f) => [f.n, text(f)])).toEqual([[1, '1 Văn bản số 12/UBND ngày 2/1/2025.']]);
    expect(r.footnotes[0].segments.some((s) => s.ids.includes('van-ban'))).toBe(true);
    expect(r.blocks.some((b) => b.id === 'vi-tri-chu-thich-1')).toBe(true);
  });
  it('loses no quote of any real report', () => {
    const { site } = runPipeline(process.cwd());
    for (const report of site.content.reports) {
      const out = reflowSource(report.sourceText, report.figures);
      const ids = new Set([...out.blocks, ...out.footnotes].flatMap((b) => b.segments.flatMap((s) => s.ids)));
      expect(report.figures.filter((f) => !ids.has(f.id)).map((f) => f.id), report.meta.id).toEqual([]);
    }
  });
});

describe('partsChart', () => {
  const rows = [
    { label: 'Cấp <tỉnh>', value: 29, text: '29 văn bản', color: '' },
    { label: 'Cấp huyện', value: 9, text: '9 văn bản', color: '' },
  ];
  it('stacks the parts inside the printed total and lists every part with its printed value, escaped', () => {
    const svg = partsChart(rows, { ariaLabel: 'a', width: 340, total: { value: 40, text: '40 văn bản' } });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const texts = [...document.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Cấp <tỉnh>', '29 văn bản', '9 văn bản', '40 văn bản']));
    expect(svg).not.toContain('<tỉnh>');
    const bars = [...document.querySelectorAll('rect')].filter((r) => r.getAttribute('height') === '22').map((r) => Number(r.getAttribute('width')));
    expect(bars[0] + bars[1]).toBeCloseTo((38 / 40) * 340, 1);
  });
  it('tells the parts apart without colour (black-and-white print): each its own texture, the same on its legend swatch', () => {
    const four = ['Tỉnh', 'Huyện', 'Xã', 'Chung'].map((label, i) => ({ label, value: 10 + i, text: `${10 + i} thủ tục`, color: '' }));
    const svg = partsChart(four, { ariaLabel: 'a', width: 340 });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const fills = [...document.querySelectorAll('rect')].filter((r) => r.getAttribute('height') === '22').map((r) => r.getAttribute('fill')!);
    const swatches = [...document.querySelectorAll('rect')].filter((r) => r.getAttribute('height') === '12').map((r) => r.getAttribute('fill'));
    expect(swatches).toEqual(fills);
    // What each part looks like with the colour taken out: its pattern's drawing over the colour tile.
    const look = (fill: string) => (fill.startsWith('url(#') ? document.getElementById(fill.slice(5, -1))!.innerHTML.replace(/fill="#[0-9a-f]{6}"/, '') : 'plain');
    expect(new Set(fills.map(look)).size).toBe(4);
    // Pattern ids differ between charts (several on one page) and stay the same for the same chart.
    expect(partsChart(four, { ariaLabel: 'a', width: 340 })).toBe(svg);
    const other = partsChart(four.slice(1), { ariaLabel: 'b', width: 340 });
    const ids = (markup: string) => new Set([...markup.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]));
    expect([...ids(svg)].filter((id) => ids(other).has(id))).toEqual([]);
  });
});

describe('report charts by indicator, on the real content', () => {
  const { site } = runPipeline(process.cwd());
  it('never puts two indicators, units or periods on one axis, nor a total beside its own parts', () => {
    for (const r of site.content.reports) for (const a of site.content.areas) for (const c of reportIndicatorCharts(site, r.meta.id, a.id)) {
      const figs = c.kind === 'parts' ? c.parts : c.figures;
      expect(new Set(figs.map((f) => `${f.indicator}|${f.unit}|${f.period}`)).size).toBe(1);
      expect(figs.length).toBe(c.rows.length);
      if (c.total) expect(figs).not.toContain(c.total);
      if (c.kind === 'parts') expect(c.unit).not.toBe('%');
    }
  });
  it('every figure cites its report with the permalink; the document number and date when printed', () => {
    for (const f of site.figures) {
      const c = figureCitation(site, f);
      const meta = site.reportsById.get(f.reportId)!.meta;
      expect(c.text).toContain(`#so-lieu-${f.id}`);
      if (meta.documentNumber) expect(c.text).toContain(meta.documentNumber);
      if (meta.date) expect(c.text).toContain(meta.date.split('-').reverse().join('/'));
    }
  });
  it('plain answers: newest period first, only measured province figures of their own period', () => {
    const periods = plainAnswers(site);
    for (const p of periods) for (const a of p.answers) if (a.figure) {
      expect(a.figure.period).toBe(p.period);
      expect(a.figure.comparator).toBeNull();
      expect(a.figure.breakdown).toBeNull();
    }
  });
});
