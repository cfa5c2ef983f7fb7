// Home is bounded regardless of the number of reports (issue 14): checked at 50 synthetic reports.
import { describe, expect, it } from 'vitest';
import { HOME_LIMITS, homeAnswers, homeHeadlines, homeTargets, recentCard } from '../../src/view/home.ts';
import { headlineCards, plainAnswers, targetGroups } from '../../src/view/dashboard.ts';
import { syntheticSite } from '../support/synthetic-site.ts';

const site = syntheticSite(50);

describe('home at 50 synthetic reports', () => {
  it('plain answers: the latest periods only, newest first', () => {
    const all = plainAnswers(site);
    const shown = homeAnswers(site);
    expect(all.length).toBeGreaterThan(HOME_LIMITS.answerPeriods);
    expect(shown).toEqual(all.slice(0, HOME_LIMITS.answerPeriods));
  });

  it('headline figures: the province first, at most the scope limit, sparklines of at most the point limit', () => {
    const { groups, hidden } = homeHeadlines(site);
    const all = headlineCards(site);
    expect(groups.length).toBeLessThanOrEqual(HOME_LIMITS.scopes);
    expect(groups.length + hidden).toBe(all.length);
    expect(groups[0].scope).toBe(all[0].scope);
    const cards = groups.flatMap((g) => g.cards);
    expect(cards.some((c, i) => c.points.length < all.flatMap((g) => g.cards).find((x) => x.key === c.key)!.points.length || i < 0)).toBe(true);
    for (const c of cards) expect(c.points.length).toBeLessThanOrEqual(HOME_LIMITS.sparkPoints);
  });

  it('targets: the newest plan and a few other documents; the rest counted', () => {
    const t = homeTargets(site);
    expect(t.plans.length).toBeLessThanOrEqual(HOME_LIMITS.plans);
    expect(t.others.length).toBeLessThanOrEqual(HOME_LIMITS.otherTargetDocs);
    expect(t.total).toBe(targetGroups(site).length);
    expect(t.hidden).toBeGreaterThan(0);
    expect(t.plans[0]).toEqual(targetGroups(site).find((g) => g.isPlan));
  });
});

describe('recentCard', () => {
  it('keeps the latest points and only the gaps after the first kept point', () => {
    const card = headlineCards(site).flatMap((g) => g.cards).find((c) => c.points.length > 3 && c.gaps.length > 0);
    expect(card).toBeDefined();
    const r = recentCard(card!, 2);
    expect(r.points).toEqual(card!.points.slice(-2));
    const first = r.points[0].figure.period;
    expect(r.gaps.every((g) => card!.gaps.includes(g) && g > first.slice(0, 4))).toBe(true);
    expect(recentCard(card!, 1000)).toBe(card);
  });
});
