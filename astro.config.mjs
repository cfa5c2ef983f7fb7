// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentWatcher } from './scripts/dev-content.ts';

// A public body's site sends nothing anywhere: Astro's anonymous usage telemetry is off for dev, build and preview
// (read when a command records its session, after this config has loaded).
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  site: process.env.SITE_URL?.trim() || 'http://localhost:4321',
  trailingSlash: 'always',
  // contentWatcher: `npm run dev` regenerates pages when content/ or data/ changes.
  integrations: [mdx(), contentWatcher()],
  // CSP-ready output: every stylesheet and script is a hashed file under /_astro/, never inlined
  // into the page (a strict Content-Security-Policy allows no inline <style>/<script>).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
