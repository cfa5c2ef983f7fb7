// View-model of the home page (/): counts for the introduction and the latest reports.
// The headline, plain-answer and target sections are components fed by src/view/dashboard.ts.
import type { Site } from '../../pipeline/derive.ts';
import { documentShortLabel, reportSummaries, type ReportSummary } from '../dashboard.ts';
import type { PageHead } from './head.ts';
import { HOME_LIMITS } from '../home.ts';

export interface HomePage {
  head: PageHead;
  figureCount: number;
  reportCount: number;
  /** The four newest reports as cards. */
  latest: ReportSummary[];
  /** "Báo cáo quý I/2025": the newest document, named where the introduction says the figures are historical. */
  newestLabel: string | null;
}

export function homePage(site: Site): HomePage {
  const reports = reportSummaries(site);
  return {
    head: { title: 'Tổng quan' },
    figureCount: site.figures.length,
    reportCount: reports.length,
    latest: reports.slice(0, HOME_LIMITS.latestReports),
    newestLabel: reports[0] ? documentShortLabel(reports[0].report) : null,
  };
}
