// Home stays the same size however many reports are published (issue 14: ≤ 30 KB gzip at
// 1,000 reports): the latest reports, the latest periods of the plain answers, headline
// figures for a few scopes with short sparklines, the newest plans' targets; everything
// else is one link away (reports list, indicator, organization and report pages).
import type { Site } from '../pipeline/derive.ts';
import { comparePeriods } from '../core/period.ts';
import { headlineCards, plainAnswers, targetGroups, type AnswerPeriod, type HeadlineCard, type ScopeHeadlines, type TargetGroup } from './dashboard.ts';

export const HOME_LIMITS = {
  /** Report cards under "Báo cáo mới nhất". */
  latestReports: 4,
  /** Periods in the plain-answers switcher. */
  answerPeriods: 4,
  /** Scope groups of headline figures (the province first, then the most recently reported). */
  scopes: 6,
  /** Points of a headline sparkline (the latest). */
  sparkPoints: 8,
  /** Annual plans whose targets are tabled on home (newest first). */
  plans: 1,
  /** Other documents quoting targets (newest first). */
  otherTargetDocs: 3,
} as const;

/** The latest `n` points of a card's series, with the gaps that fall after the first of them. */
export function recentCard(card: HeadlineCard, n: number = HOME_LIMITS.sparkPoints): HeadlineCard {
  if (card.points.length <= n) return card;
  const points = card.points.slice(-n);
  const first = points[0].figure.period;
  return { ...card, points, gaps: card.gaps.filter((g) => comparePeriods(g, first) > 0) };
}

export interface HomeHeadlines {
  groups: ScopeHeadlines[];
  /** Scope groups not shown (their figures are on the organization pages). */
  hidden: number;
}

/** Headline groups: the first scope (the province), then the others with the latest data, each card's sparkline shortened. */
export function homeHeadlines(site: Site, limits = HOME_LIMITS): HomeHeadlines {
  const all = headlineCards(site);
  const [first, ...rest] = all;
  const others = [...rest].sort((a, b) => comparePeriods(b.latestPeriod, a.latestPeriod)).slice(0, Math.max(0, limits.scopes - 1));
  const keep = new Set([first, ...others].filter(Boolean));
  // Keep the catalogue order (headlineCards) among the shown groups.
  const groups = all.filter((g) => keep.has(g)).map((g) => ({ ...g, cards: g.cards.map((c) => recentCard(c, limits.sparkPoints)) }));
  return { groups, hidden: all.length - groups.length };
}

export function homeAnswers(site: Site, limits = HOME_LIMITS): AnswerPeriod[] {
  return plainAnswers(site).slice(0, limits.answerPeriods);
}

export interface HomeTargets {
  plans: TargetGroup[];
  others: TargetGroup[];
  /** Documents with targets left off home (their targets are on their report pages). */
  hidden: number;
  total: number;
}

export function homeTargets(site: Site, limits = HOME_LIMITS): HomeTargets {
  const groups = targetGroups(site);
  const plans = groups.filter((g) => g.isPlan).slice(0, limits.plans);
  const others = groups.filter((g) => !g.isPlan).slice(0, limits.otherTargetDocs);
  return { plans, others, hidden: groups.length - plans.length - others.length, total: groups.length };
}
