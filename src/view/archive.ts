// Lists that grow with every report (reports, an indicator's figures, an area's summaries,
// an organization's reports) are shown in two parts so no page grows without bound:
// the newest items on the page itself, and static archive pages, one per year (split
// into numbered pages when a year alone is too long). Pure: items in, pages out.
import { groupBy } from '../core/group.ts';
import { periodRange } from '../core/period.ts';

/** Most items on one archive page: keeps a page under the 5,000-element budget even with rich rows. */
export const ARCHIVE_PAGE_SIZE = 100;

/** The year an item is filed under: the first year its period covers (the reports list's "Năm" facet). */
export function periodYear(period: string): string {
  return periodRange(period).start.slice(0, 4);
}

export interface ArchivePage<T> {
  /** The page's key: the first (oldest) year it covers; its URL stays the same as newer years arrive. */
  group: string;
  /** "2024", or "2019–2023" when quiet years share a page. */
  label: string;
  /** 1-based page number inside the group (a year with more than a page of items is split). */
  page: number;
  /** How many pages the group has. */
  pages: number;
  /** Items of the whole group (all pages). */
  total: number;
  items: T[];
}

/** Items by group, newest group first (years as strings sort like numbers: four digits), input order within. */
function byGroup<T>(items: T[], groupOf: (item: T) => string): [string, T[]][] {
  return [...groupBy(items, groupOf).entries()].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
}

/**
 * Items (already in display order, newest first) cut into static pages of at most `perPage`
 * items, newest page first. Consecutive quiet years share a page, packed from the oldest
 * year on, so a page's key (its first year) and its items never change when newer reports
 * arrive, and a decade of thin years is one page, not ten (dist file budget). A year with
 * more than `perPage` items gets numbered pages of its own. Input order is kept within a page.
 */
export function archivePages<T>(items: T[], groupOf: (item: T) => string, perPage = ARCHIVE_PAGE_SIZE): ArchivePage<T>[] {
  if (!(perPage >= 1)) throw new Error(`archivePages: perPage must be at least 1, got ${perPage}`);
  // Blocks oldest first: one per packed page, or one per split year (its numbered pages in order).
  const blocks: ArchivePage<T>[][] = [];
  let open: { first: string; last: string; items: T[] } | null = null;
  const flush = () => {
    if (open) blocks.push([{ group: open.first, label: open.first === open.last ? open.first : `${open.first}–${open.last}`, page: 1, pages: 1, total: open.items.length, items: open.items }]);
    open = null;
  };
  for (const [group, list] of byGroup(items, groupOf).reverse()) {
    if (list.length > perPage) {
      flush();
      const pages = Math.ceil(list.length / perPage);
      blocks.push(Array.from({ length: pages }, (_, i) => ({ group, label: group, page: i + 1, pages, total: list.length, items: list.slice(i * perPage, (i + 1) * perPage) })));
    } else if (open && open.items.length + list.length <= perPage) {
      // Newer year first inside the page, as everywhere else.
      open = { first: open.first, last: group, items: [...list, ...open.items] };
    } else {
      flush();
      open = { first: group, last: group, items: [...list] };
    }
  }
  flush();
  // Newest first; a split year's pages stay in their own order.
  return blocks.reverse().flat();
}

export interface ArchiveLink {
  group: string;
  label: string;
  count: number;
  /** The group's first page. */
  href: string;
}

/** One link per group (its first page) with the group's item count, newest first. */
export function archiveLinks<T>(pages: ArchivePage<T>[], hrefOf: (group: string, page: number) => string): ArchiveLink[] {
  return pages.filter((p) => p.page === 1).map((p) => ({ group: p.group, label: p.label, count: p.total, href: hrefOf(p.group, 1) }));
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
  const groupsNewestFirst = byGroup(items, groupOf);
  const out: T[] = [];
  const groups: string[] = [];
  for (const [group, list] of groupsNewestFirst) {
    if (out.length + list.length > max) break;
    out.push(...list);
    groups.push(group);
  }
  // Even the newest year is too long: its first `max` items, in the input's order.
  if (groups.length === 0 && groupsNewestFirst.length > 0) out.push(...groupsNewestFirst[0][1].slice(0, max));
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
