// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentWatcher } from './scripts/dev-content.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // contentWatcher: `npm run dev` regenerates pages when content/ or data/ changes.
  integrations: [mdx(), contentWatcher()],
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
