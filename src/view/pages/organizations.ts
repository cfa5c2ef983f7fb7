// View-model of /don-vi/: every organization by kind; those with reports or figures link to a page.
import type { Site } from '../../pipeline/derive.ts';
import { organizationKinds, type Organization } from '../../core/schema.ts';
import { organizationKindLabel, organizationsWithPages } from '../indicator-page.ts';
import type { PageHead } from './head.ts';

export interface OrganizationsPage {
  head: PageHead;
  withPages: Set<string>;
  groups: { kind: string; label: string; orgs: Organization[] }[];
  /** Figures about an organization (scope), and reports it issued or is the scope of. */
  count: (id: string) => number;
  reports: (id: string) => number;
}

export function organizationsPage(site: Site): OrganizationsPage {
  // Counted once: a filter per organization would be quadratic at scale.
  const figures = new Map<string, number>();
  for (const f of site.figures) figures.set(f.scope, (figures.get(f.scope) ?? 0) + 1);
  const reports = new Map<string, number>();
  for (const { meta } of site.content.reports) {
    for (const id of new Set([meta.issuer, meta.scope])) reports.set(id, (reports.get(id) ?? 0) + 1);
  }
  return {
    head: {
      title: 'Đơn vị, địa bàn',
      description: 'Cơ quan ban hành và địa bàn, đơn vị mà các báo cáo cải cách hành chính nói đến.',
      breadcrumbs: [{ label: 'Đơn vị' }],
    },
    withPages: organizationsWithPages(site),
    groups: organizationKinds
      .map((kind) => ({ kind, label: organizationKindLabel[kind], orgs: site.content.organizations.filter((o) => o.kind === kind) }))
      .filter((g) => g.orgs.length > 0),
    count: (id) => figures.get(id) ?? 0,
    reports: (id) => reports.get(id) ?? 0,
  };
}
