// "Sửa trang này" links come from one config (REPO_URL, REPO_BRANCH): GitHub and GitLab forms,
// nothing invented when unset, bad values refused.
import { describe, expect, it } from 'vitest';
import { forgeConfig, forgeEditUrl, reportEditLinks } from '../../src/core/site-config.ts';

describe('site-config', () => {
  it('builds GitHub and GitLab edit links for a report folder', () => {
    const gh = forgeConfig({ REPO_URL: 'https://github.com/so-noi-vu/cchc/', REPO_BRANCH: '' });
    expect(reportEditLinks('kon-tum-2025-q2', gh)).toEqual({
      folder: 'https://github.com/so-noi-vu/cchc/tree/main/content/reports/kon-tum-2025-q2',
      figures: 'https://github.com/so-noi-vu/cchc/edit/main/content/reports/kon-tum-2025-q2/figures.csv',
    });
    const gl = forgeConfig({ REPO_URL: 'https://gitlab.com/tinh/cchc.git', REPO_BRANCH: 'chinh' });
    expect(forgeEditUrl('content/reports/a/figures.csv', gl)).toBe('https://gitlab.com/tinh/cchc/-/edit/chinh/content/reports/a/figures.csv');
  });

  it('invents no address when unset and refuses a non-https one', () => {
    expect(reportEditLinks('a', forgeConfig({}))).toEqual({ folder: null, figures: null });
    expect(() => forgeConfig({ REPO_URL: 'javascript:alert(1)' })).toThrow(/REPO_URL/);
  });
});
