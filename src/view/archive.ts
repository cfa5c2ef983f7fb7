// Lists that grow with every report (reports, an indicator's figures, an area's summaries,
// an organization's reports) are shown in two parts so no page grows without bound:
// the newest items on the page itself, and static archive pages, one per year (split
// into numbered pages when a year alone is too long). Pure: items in, pages out.
import { periodRange } from '../core/period.ts';

/** Most items on one archive page: keeps a page under the 5,000-element budget even with rich rows. */
export const ARCHIVE_PAGE_SIZE = 100;

/** The year an item is filed under: the first year its period covers (the reports list's "Năm" facet). */
export function periodYear(period: string): string {
  return periodRange(period).start.slice(0, 4);
}

export interface ArchivePage<T> {
  /** The group (a year). */
  group: string;
  /** 1-based page number inside the group. */
  page: number;
  /** How many pages the group has. */
  pages: number;
  /** Items of the whole group (all pages). */
  total: number;
  items: T[];
}

/**
 * Items (already in display order, newest first) cut into pages: one group per
 * `groupOf` value, newest group first (years as strings sort like numbers: four digits),
 * each group split into pages of at most `perPage` items in the input order.
 */
export function archivePages<T>(items: T[], groupOf: (item: T) => string, perPage = ARCHIVE_PAGE_SIZE): ArchivePage<T>[] {
  if (!(perPage >= 1)) throw new Error(`archivePages: perPage must be at least 1, got ${perPage}`);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const g = groupOf(item);
    const list = groups.get(g);
    if (list) list.push(item);
    else groups.set(g, [item]);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .flatMap(([group, list]) => {
      const pages = Math.ceil(list.length / perPage);
      return Array.from({ length: pages }, (_, i) => ({ group, page: i + 1, pages, total: list.length, items: list.slice(i * perPage, (i + 1) * perPage) }));
    });
}

export interface ArchiveLink {
  group: string;
  count: number;
  /** The group's first page. */
  href: string;
}

/** One link per group (its first page) with the group's item count, newest first. */
export function archiveLinks<T>(pages: ArchivePage<T>[], hrefOf: (group: string, page: number) => string): ArchiveLink[] {
  return pages.filter((p) => p.page === 1).map((p) => ({ group: p.group, count: p.total, href: hrefOf(p.group, 1) }));
}

export interface Recent<T> {
  items: T[];
  /** Groups shown in full on the page. */
  groups: string[];
  /** True when items were left out (the archive pages hold them). */
  more: boolean;
}

/**
 * The newest items for a page that must stay small: whole groups (years), newest first,
 * while the running total stays within `max`; when even the newest group is larger,
 * its first `max` items. Input newest first.
 */
export function recentItems<T>(items: T[], groupOf: (item: T) => string, max: number): Recent<T> {
  const pages = archivePages(items, groupOf, Number.MAX_SAFE_INTEGER);
  const out: T[] = [];
  const groups: string[] = [];
  for (const p of pages) {
    if (out.length + p.items.length > max) break;
    out.push(...p.items);
    groups.push(p.group);
  }
  if (groups.length === 0 && pages.length > 0) {
    // Keep the input's own order for the truncated newest group.
    const newest = pages[0].group;
    out.push(...items.filter((i) => groupOf(i) === newest).slice(0, max));
  }
  return { items: out, groups, more: out.length < items.length };
}

/** "Trang 2/3" navigation of one archive group: previous/next page hrefs, null at the ends. */
export function pageNav<T>(p: ArchivePage<T>, hrefOf: (group: string, page: number) => string): { prev: string | null; next: string | null; all: string[] } {
  return {
    prev: p.page > 1 ? hrefOf(p.group, p.page - 1) : null,
    next: p.page < p.pages ? hrefOf(p.group, p.page + 1) : null,
    all: Array.from({ length: p.pages }, (_, i) => hrefOf(p.group, i + 1)),
  };
}

/** The first `max` items of a list that has a complete copy elsewhere (a download), and how many were left off. */
export function capList<T>(items: T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/**
 * A long list of values (a dataset's periods or source reports) shortened to its first
 * and last items with the count left out between: the oldest and the newest stay visible,
 * the complete list is in the downloadable data.
 */
export function elide<T>(items: T[], head = 12, tail = 12): { head: T[]; omitted: number; tail: T[] } {
  if (items.length <= head + tail + 1) return { head: items, omitted: 0, tail: [] };
  return { head: items.slice(0, head), omitted: items.length - head - tail, tail: items.slice(items.length - tail) };
}
