// The site's link graph, built from the same view-models the pages render: which page
// links where, and which figure anchors each page holds. The scale tests crawl it from
// home at N synthetic reports without an Astro build, to prove that paginated lists keep
// every figure reachable by plain links (no JavaScript); a build-level test checks on
// today's content that every link and anchor listed here is really in dist/.
import type { Site } from '../pipeline/derive.ts';
import { urls } from '../core/urls.ts';
import { reportsIndex, reportsYearPages } from './report-list.ts';
import { indicatorRecent, indicatorYearPages } from './indicator-archive.ts';
import { pageNav } from './archive.ts';
import { homePage } from './pages/home.ts';
import { areaRecent, areaYearPages, organizationRecent, organizationYearPages } from './entity-archive.ts';
import { organizationsWithPages } from './indicator-page.ts';
import { catalogDatasets, datasetYearPages } from './dataset-archive.ts';
import { buildDatasets } from '../publish/datasets.ts';

export interface PageLinks {
  /** Hrefs the page links to (site paths, fragments kept). */
  links: string[];
  /** Element ids on the page that figures are quoted at (so-lieu-…). */
  anchors: string[];
}

export type LinkGraph = Map<string, PageLinks>;

/** The header navigation every page carries (src/layouts/Base.astro). */
export const NAV_LINKS = [urls.home(), urls.reports(), urls.indicators(), urls.areas(), urls.organizations(), urls.datasets(), urls.about()];


export function siteLinkGraph(site: Site): LinkGraph {
  const graph: LinkGraph = new Map();
  const add = (path: string, links: string[], anchors: string[] = []) => graph.set(path, { links: [...NAV_LINKS, ...links], anchors });

  add(urls.home(), homePage(site).latest.map((s) => urls.report(s.report.id)));

  const index = reportsIndex(site);
  add(urls.reports(), [...index.years.map((y) => y.href), ...index.summaries.map((s) => urls.report(s.report.id))]);
  for (const y of reportsYearPages(site)) {
    const href = (g: string, n: number) => urls.reportsYear(g, n);
    add(href(y.page.group, y.page.page), [...y.summaries.map((s) => urls.report(s.report.id)), ...pageNav(y.page, href).all, ...y.years.map((l) => l.href)]);
  }
  for (const r of site.content.reports) {
    // The report page holds a row per figure (src/components/report/AreaFigures.astro).
    add(urls.report(r.meta.id), [urls.source(r.meta.id)], r.figures.map((f) => `so-lieu-${f.id}`));
    add(urls.source(r.meta.id), [urls.report(r.meta.id)]);
  }

  add(urls.indicators(), site.content.indicators.map((i) => urls.indicator(i.id)));
  for (const i of site.content.indicators) {
    const recent = indicatorRecent(site, i.id);
    add(urls.indicator(i.id), [...recent.rows.flatMap((r) => [r.figureHref, r.quoteHref]), ...recent.years.map((y) => y.href)]);
  }
  for (const y of indicatorYearPages(site)) {
    const href = (g: string, n: number) => urls.indicatorYear(y.indicator.id, g, n);
    add(href(y.page.group, y.page.page), [urls.indicator(y.indicator.id), ...y.page.items.map((r) => r.figureHref), ...pageNav(y.page, href).all, ...y.years.map((l) => l.href)]);
  }

  add(urls.areas(), site.content.areas.map((a) => urls.area(a.id)));
  for (const a of site.content.areas) {
    const recent = areaRecent(site, a.id);
    add(urls.area(a.id), [...recent.narratives.map((n) => n.href), ...recent.years.map((y) => y.href)]);
  }
  for (const y of areaYearPages(site)) {
    const href = (g: string, n: number) => urls.areaYear(y.area.id, g, n);
    add(href(y.page.group, y.page.page), [urls.area(y.area.id), ...y.page.items.map((n) => n.href), ...pageNav(y.page, href).all, ...y.years.map((l) => l.href)]);
  }
  const withPages = organizationsWithPages(site);
  add(urls.organizations(), site.content.organizations.filter((o) => withPages.has(o.id)).map((o) => urls.organization(o.id)));
  for (const o of site.content.organizations.filter((x) => withPages.has(x.id))) {
    const recent = organizationRecent(site, o.id);
    add(urls.organization(o.id), [...[...recent.issued, ...recent.about].map((r) => urls.report(r.id)), ...recent.years.map((y) => y.href)]);
  }
  for (const y of organizationYearPages(site)) {
    const href = (g: string, n: number) => urls.organizationYear(y.organization.id, g, n);
    add(href(y.page.group, y.page.page), [urls.organization(y.organization.id), ...y.page.items.map((r) => urls.report(r.report.id)), ...pageNav(y.page, href).all, ...y.years.map((l) => l.href)]);
  }

  const datasets = buildDatasets(site);
  const catalog = catalogDatasets(site, datasets);
  add(urls.datasets(), [...catalog.shown.map((d) => urls.dataset(d.id)), ...catalog.years.map((y) => y.href)]);
  for (const y of datasetYearPages(site, datasets)) {
    const href = (g: string, n: number) => urls.datasetsYear(g, n);
    add(href(y.page.group, y.page.page), [urls.datasets(), ...y.page.items.map((d) => urls.dataset(d.id)), ...pageNav(y.page, href).all, ...y.years.map((l) => l.href)]);
  }
  return graph;
}

/** Pages reached from `start` by following links (fragments dropped for the walk, kept in `hrefs`). */
export function crawl(graph: LinkGraph, start = urls.home()): { pages: Set<string>; hrefs: Set<string> } {
  const pages = new Set<string>([start]);
  const hrefs = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const page = graph.get(queue.shift()!);
    for (const href of page?.links ?? []) {
      hrefs.add(href);
      const path = href.split('#')[0];
      if (!pages.has(path) && graph.has(path)) {
        pages.add(path);
        queue.push(path);
      }
    }
  }
  return { pages, hrefs };
}

/** Figure keys whose quote anchor (the report page row) is on no page reached from home. */
export function unreachableFigures(site: Site, graph: LinkGraph): string[] {
  const { pages } = crawl(graph);
  const anchors = new Map([...pages].map((p) => [p, new Set(graph.get(p)!.anchors)]));
  return site.figures
    .filter((f) => !anchors.get(urls.report(f.reportId))?.has(`so-lieu-${f.id}`))
    .map((f) => f.key);
}
