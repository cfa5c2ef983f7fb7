// View-model of /du-lieu/phien-ban/: the semantic version of the figures and what changed between releases.
import type { Site } from '../../pipeline/derive.ts';
import { urls } from '../../core/urls.ts';
import { siteVersion } from '../../publish/releases.ts';
import type { PageHead } from './head.ts';
import { capList } from '../archive.ts';

/** Keys listed per change group: a first release lists every figure, so the page would grow with the archive. */
export const VERSION_KEYS_MAX = 100;

type Release = ReturnType<typeof siteVersion>['changelog'][number];

export interface VersionsPage {
  head: PageHead;
  version: string;
  changelog: Release[];
  /** A release's added, changed and removed figure keys, with labels: at most VERSION_KEYS_MAX keys, `total` counts all. */
  groups: (c: Release) => { label: string; keys: string[]; total: number; more: number }[];
  /** Link to a figure still published; null for a removed one. */
  link: (key: string) => string | null;
}

export function versionsPage(site: Site): VersionsPage {
  const { version, changelog } = siteVersion(site);
  return {
    head: {
      title: 'Phiên bản dữ liệu',
      description: `Phiên bản dữ liệu ${version} và nhật ký số liệu thêm, sửa, bỏ giữa các lần phát hành.`,
      breadcrumbs: [{ label: 'Dữ liệu', href: urls.datasets() }, { label: 'Phiên bản' }],
    },
    version,
    changelog,
    groups: (c) =>
      [
        { label: 'Số liệu mới', keys: c.added },
        { label: 'Số liệu thay đổi (giá trị, đơn vị tính, kỳ hoặc phạm vi)', keys: c.changed },
        { label: 'Số liệu bị bỏ', keys: c.removed },
      ].map((g) => {
        const cut = capList(g.keys, VERSION_KEYS_MAX);
        return { label: g.label, keys: cut.shown, total: g.keys.length, more: cut.more };
      }),
    link: (key) => {
      const f = site.figuresByKey.get(key);
      return f ? urls.figure(f.reportId, f.id) : null;
    },
  };
}
