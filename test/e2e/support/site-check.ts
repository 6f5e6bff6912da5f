// Link and anchor checks for a built site, by HTTP against the static server (no browser): every
// `href`/`src` in a page's HTML that points into the site must answer 200, stay under the base
// path, and, when it has a #fragment, land on an element with that id.

import { readSitemap } from './sitemap';
import type { StaticServer } from './static-server';

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Every `href` and `src` value in an HTML document (entities decoded). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(ATTRIBUTE)].map((m) => decodeEntities(m[2]!));
}

/** Every `id` in an HTML document. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1]!)));
}

export interface SiteCheck {
  pages: string[];
  checkedLinks: number;
  problems: string[];
}

/**
 * Checks every sitemap page of the site the server serves. `siteOrigins` are origins that mean
 * "this site" in absolute URLs (the configured SITE_URL), checked like relative links.
 */
export async function checkSiteLinks(server: StaticServer, distDir: string): Promise<SiteCheck> {
  const sitemap = readSitemap(distDir, server.base);
  const pages = [...sitemap.paths, `${server.base}404.html`];
  const cache = new Map<string, Promise<{ status: number; type: string; body: string }>>();
  const get = (url: string) => {
    let hit = cache.get(url);
    if (!hit) {
      hit = fetch(url).then(async (res) => ({ status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }));
      cache.set(url, hit);
    }
    return hit;
  };
  const problems: string[] = [];
  let checkedLinks = 0;
  for (const pagePath of pages) {
    const pageUrl = new URL(pagePath, server.origin);
    const page = await get(pageUrl.href);
    if (page.status !== 200 && !pagePath.endsWith('404.html')) {
      problems.push(`${pagePath}: HTTP ${page.status}`);
      continue;
    }
    for (const raw of new Set(linksIn(page.body))) {
      if (raw === '' || /^(mailto|tel|javascript|data):/i.test(raw)) continue;
      let target = new URL(raw, pageUrl);
      if (sitemap.origins.includes(target.origin)) target = new URL(target.pathname + target.search + target.hash, server.origin);
      if (target.origin !== server.origin) continue; // another site: not fetched (no network here)
      checkedLinks += 1;
      const where = `${pagePath}: "${raw}"`;
      if (!target.pathname.startsWith(server.base)) {
        problems.push(`${where} leaves the base path ${server.base}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      target.hash = '';
      const res = await get(target.href);
      if (res.status !== 200) {
        problems.push(`${where} → HTTP ${res.status}`);
        continue;
      }
      if (fragment && fragment !== 'top') {
        if (!res.type.startsWith('text/html')) problems.push(`${where}: #${fragment} on ${res.type}`);
        else if (!idsIn(res.body).has(fragment)) problems.push(`${where}: no id "${fragment}" on ${target.pathname}`);
      }
    }
  }
  return { pages, checkedLinks, problems };
}
