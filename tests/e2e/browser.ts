// Browser harness: Debian's Chromium driven by playwright-core against a
// static server of dist/ on a port the OS chooses (files run in parallel, so no
// fixed ports). Never downloads a browser.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDist } from '../../scripts/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI the browser must be there; locally the e2e suite is skipped with a message when it is not. */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run must apt-get install chromium`);
if (!hasBrowser) console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

export interface Harness {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Start the static server (on a port the OS chooses) and the browser. */
export async function startHarness(): Promise<Harness> {
  const server = await serveDist('dist');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    baseUrl: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The harness of the enclosing `describe`: started before its tests, closed after them (one browser and one
 * server per test file). Read `browser` and `baseUrl` inside tests, not at collection time.
 */
export function useHarness(): Pick<Harness, 'browser' | 'baseUrl'> {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  const started = (): Harness => {
    if (!h) throw new Error('browser harness not started: use it inside a test');
    return h;
  };
  return {
    get browser() {
      return started().browser;
    },
    get baseUrl() {
      return started().baseUrl;
    },
  };
}

/** Save a screenshot as a test artifact under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results/screenshots', { recursive: true });
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Run axe-core in the page; returns violations (empty when the page passes). */
export async function axe(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  const { source } = await import('axe-core');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    // @ts-expect-error injected global
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
