import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/paths';

/** Every page may be crawled; the sitemap (written by @astrojs/sitemap) lists them. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase('sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
