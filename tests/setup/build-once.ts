// Build the real portal once before the build-level and browser tests.
// Set SKIP_BUILD=1 to reuse an existing dist/ while iterating locally.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TEST_SITE_URL } from './site-url.ts';

export default function setup() {
  if (process.env.SKIP_BUILD === '1' && existsSync('dist/index.html')) return;
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts'], { stdio: 'inherit', env: { ...process.env, SITE_URL: TEST_SITE_URL } });
}
