// View-model of /don-vi/<id>/: one organization or territory, its reports and its latest
// figures by reform area, and its history (units merged or dissolved on 1/7/2025).
import { organizationFigureTables } from '../figure-table.ts';
import type { Site } from '../../pipeline/derive.ts';
import type { Organization } from '../../core/schema.ts';
import { historicalNote } from '../../core/admin-units.ts';
import { urls } from '../../core/urls.ts';
import {
  organizationFigures,
  organizationKindLabel,
  organizationParent,
  organizationsWithPages,
  type OrgAreaGroup,
} from '../indicator-page.ts';
import { idPaths, must, type PageHead } from './head.ts';
import { organizationRecent, type OrganizationRecent } from '../entity-archive.ts';

export interface OrganizationPage {
  head: PageHead;
  org: Organization;
  kindLabel: string;
  parent: Organization | null;
  withPages: Set<string>;
  /** The newest reports (bounded); every year's are on /don-vi/<id>/nam/<year>/. */
  reports: OrganizationRecent;
  groups: OrgAreaGroup[];
  /** The groups as FigureTable models (src/view/figure-table.ts). */
  tables: ReturnType<typeof organizationFigureTables>;
  children: Organization[];
  figureCount: number;
  history: ReturnType<typeof historicalNote>;
  predecessors: Organization[];
}

export function organizationPaths(site: Site) {
  const ids = organizationsWithPages(site);
  return idPaths(site.content.organizations.filter((o) => ids.has(o.id)).map((o) => o.id));
}

export function organizationPage(site: Site, id: string): OrganizationPage {
  const orgs = site.content.organizations;
  const org = must(orgs.find((o) => o.id === id), `đơn vị "${id}"`);
  const withPages = organizationsWithPages(site);
  const groups = organizationFigures(site, org.id);
  return {
    head: {
      title: org.name,
      description: `${org.name}: văn bản và số liệu cải cách hành chính.`,
      breadcrumbs: [{ label: 'Đơn vị', href: urls.organizations() }, { label: org.shortName }],
    },
    org,
    kindLabel: organizationKindLabel[org.kind],
    parent: organizationParent(site, org),
    withPages,
    reports: organizationRecent(site, org.id),
    groups,
    tables: organizationFigureTables(site, org.id),
    children: orgs.filter((o) => o.parent === org.id && withPages.has(o.id)),
    figureCount: groups.reduce((n, g) => n + g.figures.reduce((m, f) => m + f.count, 0), 0),
    // Units merged or dissolved on 1/7/2025 (data/events.json) keep their pages and names, and say so.
    history: historicalNote(org, orgs, site.content.events ?? []),
    predecessors: (org.predecessors ?? []).map((p) => orgs.find((o) => o.id === p)).filter((o): o is Organization => Boolean(o)),
  };
}
