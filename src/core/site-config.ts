// Where the portal's source lives on the forge (GitHub or GitLab), for "Sửa trang này" links:
// the one place to configure it. Build-time environment:
//   REPO_URL     e.g. https://github.com/<owner>/<repo> or https://gitlab.com/<group>/<repo>
//   REPO_BRANCH  default branch (default "main")
// The deploy workflow sets both from the repository it runs in. Without REPO_URL no forge
// address is invented: the links lead to the contributing section of the about page instead.

export interface ForgeConfig {
  repoUrl: string | null;
  branch: string;
}

export function forgeConfig(env: Record<string, string | undefined> = process.env): ForgeConfig {
  const repo = (env.REPO_URL ?? '').trim().replace(/\/+$/, '').replace(/\.git$/, '');
  if (repo && !/^https:\/\/[^\s/]+\/[^\s]+$/.test(repo)) throw new Error(`REPO_URL must be an https URL of the repository (got "${repo}")`);
  return { repoUrl: repo || null, branch: (env.REPO_BRANCH ?? '').trim() || 'main' };
}

export const FORGE = forgeConfig();

const isGitLab = (repo: string) => /gitlab/i.test(new URL(repo).hostname);
const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Folder view of a path on the default branch (every file in it can be edited from there). */
export function forgeTreeUrl(path: string, config: ForgeConfig = FORGE): string | null {
  if (!config.repoUrl) return null;
  return `${config.repoUrl}${isGitLab(config.repoUrl) ? '/-' : ''}/tree/${enc(config.branch)}/${enc(path)}`;
}

/** The forge's in-browser editor for one file (it offers a fork and a pull request to outsiders). */
export function forgeEditUrl(path: string, config: ForgeConfig = FORGE): string | null {
  if (!config.repoUrl) return null;
  return `${config.repoUrl}${isGitLab(config.repoUrl) ? '/-' : ''}/edit/${enc(config.branch)}/${enc(path)}`;
}

/** "Sửa trang này" for a report page: the report's folder content/reports/<id>/. */
export function reportEditLinks(reportId: string, config: ForgeConfig = FORGE): { folder: string | null; figures: string | null } {
  return {
    folder: forgeTreeUrl(`content/reports/${reportId}/`.replace(/\/$/, ''), config),
    figures: forgeEditUrl(`content/reports/${reportId}/figures.csv`, config),
  };
}
