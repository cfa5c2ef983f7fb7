import { defineConfig } from 'vitest/config';
import { TEST_SITE_URL } from './tests/setup/site-url.ts';

// Two projects so that unit tests never wait for a site build: only the build-level
// and browser tests (which read dist/) run the one-off build of the real portal.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests share one Chromium per file; keep files parallel but bounded on 2 cores.
    maxWorkers: 2,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts'] } },
      {
        extends: true,
        // Same SITE_URL in the build and in the test workers, so tests can rebuild exports byte for byte.
        test: { name: 'site', include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'], globalSetup: ['tests/setup/build-once.ts'], env: { SITE_URL: TEST_SITE_URL } },
      },
    ],
  },
});
