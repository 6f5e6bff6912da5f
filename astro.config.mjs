// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypePlugins, remarkPlugins } from './src/lib/articles/markdown-plugins.ts';

// Where the site is deployed: set SITE_URL (origin) and BASE_PATH (sub-path, e.g. /tanh-nx/)
// at build time. Canonical URLs, citations and the sitemap use them.
const site = process.env.SITE_URL ?? 'https://tanh-nx.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // No dev toolbar, no prefetch script: pages without islands ship zero JavaScript.
  devToolbar: { enabled: false },
  markdown: { remarkPlugins, rehypePlugins },
  integrations: [mdx(), preact(), sitemap()],
});
