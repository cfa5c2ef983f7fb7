// View-model of /chi-so/: every indicator, grouped by reform area.
import type { Site } from '../../pipeline/derive.ts';
import { indicatorsByArea, type AreaGroup } from '../indicator-page.ts';
import type { PageHead } from './head.ts';

export interface IndicatorsPage {
  head: PageHead;
  total: number;
  groups: AreaGroup[];
}

export function indicatorsPage(site: Site): IndicatorsPage {
  const total = site.content.indicators.length;
  return {
    head: {
      title: 'Chỉ số',
      description: `${total} chỉ số cải cách hành chính tỉnh Kon Tum, nhóm theo bảy lĩnh vực, kèm giá trị mới nhất và xu hướng.`,
      breadcrumbs: [{ label: 'Chỉ số' }],
    },
    total,
    groups: indicatorsByArea(site),
  };
}
