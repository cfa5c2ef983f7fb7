import { describe, expect, it } from 'vitest';
import { getSite } from '../../src/pipeline/site.ts';
import {
  accentQuery,
  buildVocabulary,
  classifyPage,
  CONTENT_TYPES,
  customRecords,
  encodeTextDirective,
  figureRecord,
  filterValues,
  leadPhrase,
  numberForms,
  parseExcerpt,
  sourceChunks,
  sourceRecords,
  spotPhrase,
  textFragmentUrl,
} from '../../src/publish/search-records.ts';
import { unstrokeD } from '../../src/core/text.ts';
import { urls } from '../../src/core/urls.ts';
import { periodLabel as formatPeriod } from '../../src/core/period.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { fixtureReader } from '../fixtures/content.ts';

// Record shapes are checked on the small fixture (stable values); real content only in invariants.
const site = getSite();
const fixture = deriveSite(validateContent(loadContent(fixtureReader())).content, []);
const fig = (key: string) => fixture.figuresByKey.get(key)!;

describe('numberForms', () => {
  it.each([
    [67628, ['67.628', '67628']],
    [98.7, ['98,7', '98.7', '987'].slice(0, 2)],
    [1279096, ['1.279.096', '1279096']],
    [5, ['5']],
  ])('%s → %j', (value, expected) => {
    for (const f of expected) expect(numberForms(value as number)).toContain(f);
  });
  it('has no duplicates', () => {
    expect(numberForms(5)).toEqual(['5']);
  });
});

describe('figureRecord', () => {
  const r = figureRecord(fixture, fig('bc-thu/ho-so-tiep-nhan'));
  it('links to the figure anchor', () => {
    expect(r.url).toBe(urls.figure('bc-thu', 'ho-so-tiep-nhan'));
  });
  it('carries the value as printed and as plain digits, the period and scope', () => {
    expect(r.content).toContain('67.628 hồ sơ');
    expect(r.content).toContain('67628');
    expect(r.content).toContain('quý III/2024');
    expect(r.meta).toMatchObject({ type: 'figure', value: '67.628 hồ sơ', period: 'quý III/2024', scope: 'Tỉnh' });
    expect(r.meta.quoteUrl).toBe(urls.quote('bc-thu', 'ho-so-tiep-nhan'));
  });
  it('has the five filters and a period sort key', () => {
    expect(r.filters.loai).toEqual([CONTENT_TYPES.figure]);
    expect(r.filters.linh_vuc).toEqual(['Cải cách TTHC']);
    expect(r.filters.ky).toEqual(['quý III/2024']);
    expect(r.filters.loai_bao_cao).toEqual(['Báo cáo quý']);
    expect(r.filters.don_vi).toEqual(['Tỉnh']);
    expect(r.sort.ky).toBe('2024-09-30');
  });
  it('indexes đ as d̵ (content), keeps meta verbatim', () => {
    const t = figureRecord(fixture, fig('bc-thu/ty-le-dung-han'));
    expect(t.content).not.toMatch(/[đĐ]/);
    expect(unstrokeD(t.content)).toContain('đúng hạn');
    expect(t.meta.title).toContain('đúng hạn');
    expect(t.content).toContain('98,7%');
    expect(t.content).toContain('98.7');
  });
});

describe('customRecords', () => {
  const records = customRecords(site);
  it('one record per figure, each with a unique figure anchor', () => {
    const figs = records.filter((r) => r.meta.type === 'figure');
    expect(figs).toHaveLength(site.figures.length);
    expect(new Set(figs.map((r) => r.url)).size).toBe(site.figures.length);
    for (const r of figs) expect(r.url).toMatch(/^\/bao-cao\/[a-z0-9-]+\/#so-lieu-[a-z0-9-]+$/);
  });
  it('source passages cover every report, with unique text-fragment links', () => {
    const src = records.filter((r) => r.meta.type === 'source');
    expect(new Set(src.map((r) => r.meta.reportUrl)).size).toBe(site.content.reports.length);
    expect(new Set(src.map((r) => r.url)).size).toBe(src.length);
    for (const r of src) expect(r.url).toMatch(/^\/bao-cao\/[a-z0-9-]+\/van-ban\/#:~:text=/);
  });
  it('no indexed text contains a raw đ/Đ', () => {
    for (const r of records) expect(r.content).not.toMatch(/[đĐ]/);
  });
  it('filter values are the ones the search page offers', () => {
    const v = filterValues(records);
    expect(v.loai).toEqual(expect.arrayContaining([CONTENT_TYPES.figure, CONTENT_TYPES.source]));
    expect(v.ky).toEqual(expect.arrayContaining(['quý III/2024', 'quý I/2025', 'năm 2024']));
  });
});

describe('sourceChunks', () => {
  const text = 'BÁO CÁO\n\nMở đầu.\n\nI. CHỈ ĐẠO\n\n1. Về kế hoạch\n\nĐoạn một.\n\nĐoạn hai.\n\nII. THỂ CHẾ\n\nĐoạn ba.';
  it('keeps every paragraph, in order, and offsets point at it', () => {
    const chunks = sourceChunks(text, 5);
    expect(chunks.map((c) => c.text).join('\n\n')).toBe(text);
    for (const c of chunks) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
  });
  it('tracks the heading path', () => {
    const chunks = sourceChunks(text, 5);
    expect(chunks.find((c) => c.text === 'Đoạn hai.')?.section).toBe('I. CHỈ ĐẠO › 1. Về kế hoạch');
    expect(chunks.find((c) => c.text === 'Đoạn ba.')?.section).toBe('II. THỂ CHẾ');
  });
  it('merges short paragraphs up to the target size', () => {
    expect(sourceChunks(text, 10_000)).toHaveLength(1);
  });
  it('covers the whole of every real source text', () => {
    for (const r of site.content.reports) {
      const chunks = sourceChunks(r.sourceText);
      const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
      expect(chunks.reduce((n, c) => n + words(c.text), 0)).toBe(words(r.sourceText));
    }
  });
  it('every figure quote lands in a passage record of its report', () => {
    for (const r of site.content.reports) {
      const text = sourceRecords(site, r).map((x) => unstrokeD(x.content).replace(/\s+/g, ' ')).join(' ');
      for (const f of r.figures.slice(0, 5)) expect(text, f.key).toContain(f.quote.replace(/\s+/g, ' ').replace(/[*¹²³⁴⁵⁶⁷⁸⁹⁰]/g, '').slice(0, 20));
    }
  });
});

describe('text fragments', () => {
  it('encodes the directive syntax characters', () => {
    expect(encodeTextDirective('a-b, c&d')).toBe('a%2Db%2C%20c%26d');
    expect(textFragmentUrl('/bao-cao/x/van-ban/#old', 'hồ sơ')).toBe(`/bao-cao/x/van-ban/#:~:text=${encodeURIComponent('hồ sơ')}`);
  });
  it('leadPhrase stops at the first line break', () => {
    expect(leadPhrase('Một hai ba\nbốn năm', 8)).toBe('Một hai ba');
    expect(leadPhrase('a b c d e f g h i j', 3)).toBe('a b c');
  });
});

describe('parseExcerpt / spotPhrase', () => {
  it.each([
    ['“tiếp nhận 67.628 hồ sơ” (số: <mark>67.628</mark> 67628)', '“tiếp nhận 67.628 hồ sơ”'],
    ['“tiếp nhận 67.628 hồ sơ” (số: 67.628 676', '“tiếp nhận 67.628 hồ sơ”'],
    ['Hồ sơ: 67.628 hồ sơ quý III/2024', 'Hồ sơ: 67.628 hồ sơ quý III/2024'],
  ])('hides the indexed number forms: %j', (html, text) => {
    expect(parseExcerpt(html).map((p) => p.text).join('')).toBe(text);
  });

  it('splits marks, restores đ, decodes entities and drops other tags', () => {
    const parts = parseExcerpt('vốn <mark>d\u0335ầu</mark> <mark>tư</mark> &amp; <b>x</b>&lt;y');
    expect(parts).toEqual([
      { text: 'vốn ', mark: false },
      { text: 'đầu', mark: true },
      { text: ' ', mark: false },
      { text: 'tư', mark: true },
      { text: ' & x<y', mark: false },
    ]);
  });
  it('picks words around the first highlight, without edge punctuation', () => {
    const parts = parseExcerpt('một hai ba <mark>bốn</mark> năm sáu bảy tám chín mười;');
    expect(spotPhrase(parts, 4, 2)).toBe('hai ba bốn năm');
    expect(spotPhrase(parseExcerpt('không có dấu'))).toBe('');
    expect(spotPhrase(parseExcerpt('(<mark>98,7%);</mark>'), 3, 0)).toBe('98,7%');
  });
});

describe('classifyPage', () => {
  it.each([
    ['/', null],
    ['/tim-kiem/', null],
    ['/bao-cao/', null],
    [urls.source(site.content.reports[0].meta.id), null],
  ])('%s is not indexed as a page', (url, expected) => {
    expect(classifyPage(site, url)).toBe(expected);
  });
  it('report pages get the report filters and period', () => {
    for (const r of site.content.reports) {
      const p = classifyPage(site, urls.report(r.meta.id))!;
      expect(p.type).toBe('report');
      expect(p.filters.loai).toEqual([CONTENT_TYPES.report]);
      expect(p.filters.ky).toEqual([formatPeriod(r.meta.period)]);
      expect(p.filters.linh_vuc.length).toBeGreaterThan(0);
      expect(p.sort.ky).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('indicator, dataset and other pages', () => {
    const ind = site.content.indicators[0];
    expect(classifyPage(site, urls.indicator(ind.id))).toMatchObject({ type: 'indicator', filters: { loai: [CONTENT_TYPES.indicator] } });
    expect(classifyPage(site, '/du-lieu/so-lieu/')).toMatchObject({ type: 'dataset' });
    expect(classifyPage(site, '/gioi-thieu/')).toMatchObject({ type: 'page' });
    expect(classifyPage(site, '/don-vi/huyen-dak-ha/')?.filters.don_vi).toEqual(['Huyện Đăk Hà']);
  });
});

describe('vocabulary and accentQuery', () => {
  const vocab = buildVocabulary(['Hồ sơ hồ sơ hộ', 'trực tuyến', 'Đăk Hà', 'ho so khong dau']);
  it('maps the diacritic-free word to its most frequent written form', () => {
    expect(vocab).toMatchObject({ ho: 'hồ', so: 'sơ', truc: 'trực', tuyen: 'tuyến', dak: 'đăk', ha: 'hà' });
    expect(vocab.khong).toBeUndefined();
  });
  it('puts marks back, keeping case and words it does not know', () => {
    expect(accentQuery('ho so truc tuyen', vocab)).toBe('hồ sơ trực tuyến');
    expect(accentQuery('Dak Ha xyz', vocab)).toBe('Đăk Hà xyz');
    expect(accentQuery('hồ so', vocab)).toBe('hồ sơ');
  });
  it('the real vocabulary restores the brief’s examples', () => {
    const real = buildVocabulary(site.content.reports.map((r) => r.sourceText));
    expect(accentQuery('cai cach the che', real)).toBe('cải cách thể chế');
    expect(accentQuery('dau tu', real)).toBe('đầu tư');
  });
});
