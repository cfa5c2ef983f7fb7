// One view-model per route (src/view/pages/*), checked on the in-memory fixture: the page
// templates only lay out what these return, so what a page says is decided here.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { absolute, urls } from '../../src/core/urls.ts';
import { indicatorPage, indicatorPaths } from '../../src/view/pages/indicator.ts';
import { homePage } from '../../src/view/pages/home.ts';
import { reportsPage } from '../../src/view/pages/reports.ts';
import { reportPage, scopeHistory } from '../../src/view/pages/report.ts';
import { getSite } from '../../src/pipeline/site.ts';
import { sourceTextPage, sourceTextPaths } from '../../src/view/pages/source-text.ts';
import { organizationsPage } from '../../src/view/pages/organizations.ts';
import { organizationPage, organizationPaths } from '../../src/view/pages/organization.ts';
import { datasetPage, datasetPaths } from '../../src/view/pages/dataset.ts';
import { datasetFiles, referenceTables } from '../../src/publish/datasets.ts';
import { columnsOf, REF, REPORT_FIELDS } from '../../src/publish/columns.ts';
import { catalogPage } from '../../src/view/pages/catalog.ts';
import { apiPage } from '../../src/view/pages/api.ts';
import { versionsPage } from '../../src/view/pages/versions.ts';
import { aboutPage } from '../../src/view/pages/about.ts';
import { areaPage, areaPaths, areasPage } from '../../src/view/pages/areas.ts';
import { indicatorsPage } from '../../src/view/pages/indicators.ts';
import { embedPage } from '../../src/view/pages/embed.ts';
import { searchPage } from '../../src/view/pages/search.ts';
import { csv, fixtureReader } from '../fixtures/content.ts';

// A second quarter, so "ho-so-tiep-nhan" has a two-point series (a line chart).
const Q4 = { scope: 'tinh', period: '2024-Q4', unit: 'hồ sơ', section: 'II' };
const secondReport = {
  'content/reports/bc-q4/report.json': JSON.stringify({
    id: 'bc-q4', kind: 'quarterly-report', title: 'Báo cáo "thử" quý IV/2024', issuer: 'tinh', scope: 'tinh', period: '2024-Q4',
    documentNumber: null, date: null, sourceFile: 'source.txt', summary: 'Quý IV.',
  }),
  'content/reports/bc-q4/source.txt': 'II. KẾT QUẢ\nToàn tỉnh tiếp nhận 70.001 hồ sơ.\n',
  'content/reports/bc-q4/figures.csv': csv([{ ...Q4, id: 'tiep-nhan', indicator: 'ho-so-tiep-nhan', value: '70001', quote: 'tiếp nhận 70.001 hồ sơ' }]),
};
function site(overrides: Record<string, string> = {}) {
  const { content, issues } = validateContent(loadContent(fixtureReader(overrides)));
  expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  return deriveSite(content, issues);
}
const one = site();
const two = site(secondReport);

describe('indicatorPage', () => {
  it('lists one path per indicator', () => {
    expect(indicatorPaths(one).map((p) => p.params.id)).toEqual(one.content.indicators.map((i) => i.id));
  });

  it('fills the head: title, breadcrumbs through the area, share image and JSON-LD', () => {
    const m = indicatorPage(one, 'ho-so-tiep-nhan');
    expect(m.head.title).toBe('Hồ sơ tiếp nhận');
    expect(m.head.breadcrumbs).toEqual([
      { label: 'Chỉ số', href: urls.indicators() },
      { label: 'Cải cách TTHC', href: urls.area('thu-tuc-hanh-chinh') },
      { label: 'Hồ sơ tiếp nhận' },
    ]);
    expect(m.head.image).toContain('ho-so-tiep-nhan');
    expect(m.head.jsonLd).toMatchObject({ '@type': expect.anything() });
  });

  it('one period only: bars, no line chart, and the latest value with its period and scope', () => {
    const m = indicatorPage(one, 'ho-so-tiep-nhan');
    expect(m.mode).toBe('bar');
    expect(m.lineChart).toBeNull();
    expect(m.barChart?.id).toBe('bieu-do-ho-so-tiep-nhan');
    expect(m.barChart?.open).toBe(true);
    expect(m.barChart?.render(340)).toContain('<svg');
    expect(m.latest).toEqual({ value: 67628, text: '67.628 hồ sơ', meta: expect.stringMatching(/^mới nhất, .*quý III\/2024.* · Tỉnh$/) });
  });

  it('two periods: a line chart with a row per period and the CSV link of the downloads', () => {
    const m = indicatorPage(two, 'ho-so-tiep-nhan');
    expect(m.mode).toBe('line');
    expect(m.barChart).toBeNull();
    const chart = m.lineChart!;
    expect(chart.rows.map((r) => r[0])).toEqual(['quý III/2024', 'quý IV/2024']);
    expect(chart.source).toContain('Báo cáo thử quý III/2024');
    expect(chart.csvHref).toBe(m.downloads.find((d) => d.label.startsWith('CSV'))?.href);
    expect(chart.render(640)).toContain('<svg');
    expect(m.rows.map((r) => r.figure.period)).toEqual(['2024-Q4', '2024-Q3']);
  });

  it('derived indicators name their inputs; direct ones have no formula', () => {
    expect(indicatorPage(one, 'ty-le-ho-so-dung-han').formula?.refs.map((r) => r.id)).toEqual(['ho-so-dung-han', 'ho-so-da-giai-quyet']);
    expect(indicatorPage(one, 'ho-so-truc-tuyen').formula).toBeNull();
  });

  it('an indicator without figures has no chart and no latest value', () => {
    const m = indicatorPage(one, 'don-vi-kiem-tra');
    expect(m.mode).toBe('none');
    expect([m.latest, m.lineChart, m.barChart]).toEqual([null, null, null]);
    expect(m.rows).toEqual([]);
  });

  it('escapes quotes of the label in the embed code', () => {
    const quoted = site({
      'data/indicators.json': JSON.stringify([
        { id: 'ho-so-tiep-nhan', area: 'thu-tuc-hanh-chinh', label: 'Hồ sơ "tiếp nhận"', labelEn: 'R', unit: 'hồ sơ', definition: 'd', higherIsBetter: null },
        ...one.content.indicators.slice(1),
      ]),
    });
    const code = indicatorPage(quoted, 'ho-so-tiep-nhan').embedCode;
    expect(code).toContain('title="Hồ sơ &quot;tiếp nhận&quot; — Dữ liệu CCHC Kon Tum"');
    expect(code).toContain(`src="${absolute(urls.embedIndicator('ho-so-tiep-nhan'))}"`);
  });

  it('an unknown id is a named error, not a crash on undefined', () => {
    expect(() => indicatorPage(one, 'khong-co')).toThrow(/khong-co/);
  });
});

describe('homePage', () => {
  it('counts figures and reports, and shows at most four reports, newest first', () => {
    const m = homePage(two);
    expect(m.figureCount).toBe(two.figures.length);
    expect(m.reportCount).toBe(2);
    expect(m.latest.map((s) => s.report.id)).toEqual(['bc-q4', 'bc-thu']);
    expect(m.head.title).toBe('Tổng quan');
    // The introduction names the newest document, so a reader knows how far the (historical) figures go.
    expect(m.newestLabel).toBe('Báo cáo quý IV/2024');
  });
});

describe('reportsPage', () => {
  it('every facet value links exactly the reports it counts', () => {
    const m = reportsPage(two);
    expect(m.summaries.map((s) => s.report.id)).toEqual(['bc-q4', 'bc-thu']);
    for (const f of m.facets) {
      for (const v of f.values) {
        expect(v.links).toHaveLength(v.count);
        expect(v.links.map((l) => l.href)).toEqual(v.reports.map((id) => urls.report(id)));
      }
    }
    expect(m.facets.find((f) => f.id === 'year')!.values[0].links.map((l) => l.title)).toContain('Báo cáo "thử" quý IV/2024');
  });
});

describe('reportPage', () => {
  it('is an article titled as printed, with JSON-LD and an edit path', () => {
    const m = reportPage(two, 'bc-q4');
    expect(m.head).toMatchObject({ title: 'Báo cáo "thử" quý IV/2024', description: 'Quý IV.', ogType: 'article' });
    expect(m.head.breadcrumbs).toEqual([{ label: 'Báo cáo', href: urls.reports() }, { label: 'Báo cáo "thử" quý IV/2024' }]);
    expect(m.head.jsonLd).toBeTruthy();
    expect(m.report.id).toBe('bc-q4');
    expect(() => reportPage(two, 'khong-co')).toThrow(/khong-co/);
  });

  it('says beside its scope when that unit no longer exists, and only then', () => {
    const real = getSite();
    const orgs = real.content.organizations;
    for (const r of real.content.reports) {
      const scope = orgs.find((o) => o.id === r.meta.scope)!;
      const note = scopeHistory(real, r.meta);
      expect(note !== null, r.meta.id).toBe(Boolean(scope.validTo));
      if (note) expect(note).toMatch(/^(Đơn vị hành chính|Cơ quan, tổ chức) trước ngày \d{1,2}\/\d{1,2}\/\d{4}; nay (thuộc |không còn)/);
    }
    // A unit that still exists (no end date) gets no note.
    expect(scopeHistory({ ...real, content: { ...real.content, organizations: orgs.map((o) => ({ ...o, validTo: undefined })) } }, real.content.reports[0].meta)).toBeNull();
  });
});

describe('sourceTextPage', () => {
  it('names issuer, kind and period, counts the quoted sentences and marks them', () => {
    const m = sourceTextPage(one, 'bc-thu');
    expect(m.head.title).toBe('Toàn văn: Báo cáo thử quý III/2024');
    expect(m.head.breadcrumbs?.[1]).toEqual({ label: 'Báo cáo thử quý III/2024', href: urls.report('bc-thu') });
    expect(m.issuer).toBe('Tỉnh');
    expect(m.kind).toMatch(/, quý III\/2024$/);
    expect(m.figureCount).toBe(one.reportsById.get('bc-thu')!.figures.length);
    const marked = m.blocks.flatMap((b) => ('segments' in b ? b.segments : [])).flatMap((s) => s.ids);
    expect(marked).toContain('ho-so-tiep-nhan');
    expect(sourceTextPaths(two).map((p) => p.params.id).sort()).toEqual(['bc-q4', 'bc-thu']);
  });
});

describe('organizationsPage and organizationPage', () => {
  it('counts figures about and reports by or about each organization once', () => {
    const m = organizationsPage(two);
    expect(m.count('tinh')).toBe(two.figures.filter((f) => f.scope === 'tinh').length);
    expect(m.reports('tinh')).toBe(2);
    expect(m.count('khong-co')).toBe(0);
    expect(m.groups.map((g) => g.label)).not.toContain(undefined);
  });

  it('an organization page sums its latest-figure groups and lists its reports', () => {
    const m = organizationPage(two, 'tinh');
    expect(m.head.title).toBe('UBND tỉnh');
    expect(m.figureCount).toBe(two.figures.filter((f) => f.scope === 'tinh').length);
    expect(m.reports.issued.map((r) => r.id).sort()).toEqual(['bc-q4', 'bc-thu']);
    expect(organizationPaths(two).map((p) => p.params.id)).toEqual(['tinh']);
    expect(() => organizationPage(two, 'khong-co')).toThrow(/khong-co/);
  });
});

describe('dataset pages', () => {
  const catalog = catalogPage(two);
  it('the catalogue has one card per dataset and facets that count them', () => {
    expect(catalog.cards.map((c) => c.dataset.id)).toEqual(catalog.datasets.map((d) => d.id));
    expect(catalog.all?.kind).toBe('observations');
    const kinds = catalog.groups.find((g) => g.key === 'kind')!;
    expect(kinds.items.reduce((n, i) => n + i.count, 0)).toBe(catalog.datasets.length);
    expect(catalog.head.alternates?.map((a) => a.type)).toEqual(['text/turtle', 'application/ld+json']);
  });

  it('a dataset page has sizes of both files, a preview of at most 20 rows and a citation', () => {
    const withJson = datasetPaths(two).find((p) => datasetFiles(p.props.dataset).json)!;
    const m = datasetPage(two, withJson.props.dataset);
    expect(m.bytes.csv).toBeGreaterThan(0);
    expect(m.bytes.json).toBeGreaterThan(0);
    expect(m.preview.rows.length).toBeLessThanOrEqual(20);
    expect(m.fits).toHaveLength(m.d.table.columns.length);
    expect(m.citation).toContain(`“${m.d.title}”`);
    expect(m.rows.find((r) => r.label === 'Kích thước')?.value).toMatch(/dòng × \d+ cột$/);
  });

  it('the API page lists the CKAN actions and an example dataset', () => {
    const m = apiPage(two);
    expect(m.actions).toContain('package_list');
    expect(m.action('package_list')).toBe('/api/3/action/package_list');
    expect(m.example.id).toBe(catalog.datasets[0].id);
  });

  it('the API page carries the column dictionary of every reference table, as published', () => {
    const m = apiPage(two);
    expect(m.references.map((r) => r.id)).toEqual(referenceTables(two).map((r) => r.id));
    const reports = m.references.find((r) => r.id === REF.reports.resource);
    expect(reports?.columns).toEqual(columnsOf(REPORT_FIELDS));
    expect(reports?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['official_url', 'summary']));
    expect(reports?.files.map((f) => f.href)).toEqual(['csv', 'json', 'xlsx'].map((x) => urls.data(`${REF.reports.resource}.${x}`)));
  });

  it('the versions page links figures that exist and not those that do not', () => {
    const m = versionsPage(two);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.link('bc-thu/ho-so-tiep-nhan')).toBe(urls.figure('bc-thu', 'ho-so-tiep-nhan'));
    expect(m.link('bc-thu/khong-co')).toBeNull();
  });
});

describe('aboutPage', () => {
  it('joins issuers in words and cites an example figure', () => {
    const m = aboutPage(two);
    expect(m.issuers).toBe('UBND tỉnh');
    expect(m.example.href).toBe(urls.figure(m.example.figure.reportId, m.example.figure.id));
    expect(m.example.url).toBe(absolute(m.example.href));
    expect(m.toc.map(([id]) => id)).toContain('dong-gop');
  });
});

describe('areas, indicators, embed and search pages', () => {
  it('areas in their order; an area page renders each narrative once and links the others', () => {
    expect(areasPage(one).stats.map((s) => s.area.id)).toEqual(['chi-dao-dieu-hanh', 'thu-tuc-hanh-chinh']);
    const m = areaPage(one, 'thu-tuc-hanh-chinh');
    expect(m.withData.every((s) => s.figureCount > 0)).toBe(true);
    expect(m.narratives.map((n) => n.id)).toEqual(['bc-thu']);
    expect(m.narratives[0].html).toContain('<p>Tiếp nhận');
    expect(m.others.map((a) => a.id)).toEqual(['chi-dao-dieu-hanh']);
    expect(areaPaths(one).map((p) => p.params.id).sort()).toEqual(['chi-dao-dieu-hanh', 'thu-tuc-hanh-chinh']);
  });

  it('the indicator list counts every indicator once across areas', () => {
    const m = indicatorsPage(one);
    expect(m.groups.reduce((n, g) => n + g.indicators.length, 0)).toBe(m.total);
  });

  it('the embed draws a line with two periods, bars with one, nothing without figures', () => {
    expect(embedPage(two, 'ho-so-tiep-nhan').chart?.title).toMatch(/theo kỳ và phạm vi$/);
    expect(embedPage(one, 'ho-so-tiep-nhan').chart?.title).toMatch(/theo phạm vi, /);
    // The indicator page's chart (its comparability rules and window), not a second drawing of its own.
    for (const [s, id] of [[two, 'ho-so-tiep-nhan'], [one, 'ho-so-tiep-nhan']] as const) {
      const page = indicatorPage(s, id);
      const own = page.lineChart ?? page.barChart;
      expect(embedPage(s, id).chart?.rows).toEqual(own?.rows);
      expect(embedPage(s, id).chart?.render(340)).toBe(own?.render(340));
    }
    expect(embedPage(one, 'don-vi-kiem-tra').chart).toBeNull();
    expect(embedPage(one, 'ho-so-tiep-nhan').head.bare).toBe(true);
    // The whole series is one click away (the embed draws the latest periods only).
    expect(embedPage(two, 'ho-so-tiep-nhan').fullSeries).toEqual({ page: urls.indicator('ho-so-tiep-nhan'), csv: urls.data('chi-so/ho-so-tiep-nhan.csv') });
  });

  it('search options list report periods newest first and indicators A–Z', () => {
    const m = searchPage(two);
    expect(m.options.ky).toEqual(['quý IV/2024', 'quý III/2024']);
    expect(m.options.don_vi).toEqual(['Tỉnh']);
    const labels = m.indicatorsAz.map((i) => i.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'vi')));
  });
});
