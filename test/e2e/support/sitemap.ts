// Read the sitemap(s) that @astrojs/sitemap wrote into a built site → list of site paths.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SitemapInfo {
  /** Site paths (origin stripped, base path kept), e.g. `/`, `/slope-budget/`, `/tanh-nx/`. */
  paths: string[];
  /** Origins the absolute `<loc>` URLs used (normally one: the configured `site`). */
  origins: string[];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Every `<loc>` inside the given element (`url` or `sitemap`). */
export function locs(xml: string, element: 'url' | 'sitemap'): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`, 'g');
  for (const m of xml.matchAll(re)) {
    const loc = /<loc>\s*([\s\S]*?)\s*<\/loc>/.exec(m[1] ?? '');
    if (loc?.[1]) out.push(decodeXml(loc[1]));
  }
  return out;
}

function toPath(loc: string): { origin: string; path: string } {
  const u = new URL(loc, 'http://sitemap.invalid');
  return { origin: u.origin, path: decodeURI(u.pathname) };
}

/**
 * Read `sitemap-index.xml` (or a lone `sitemap.xml`) from `distDir` and every sitemap it points at.
 * `base` is the path the site is built under (`/` or e.g. `/tanh-nx/`): a child sitemap's file is
 * found by stripping the origin and that base from its `<loc>`.
 */
export function readSitemap(distDir: string, base = '/'): SitemapInfo {
  const indexFile = path.join(distDir, 'sitemap-index.xml');
  const plainFile = path.join(distDir, 'sitemap.xml');
  let childXml: string[] = [];
  const origins = new Set<string>();
  if (existsSync(indexFile)) {
    const index = readFileSync(indexFile, 'utf8');
    const children = locs(index, 'sitemap');
    if (children.length === 0) throw new Error(`${indexFile} lists no <sitemap><loc>`);
    childXml = children.map((loc) => {
      const { origin, path: p } = toPath(loc);
      origins.add(origin);
      const rel = p.startsWith(base) ? p.slice(base.length) : p.replace(/^\/+/, '');
      const file = path.join(distDir, rel);
      if (!existsSync(file)) throw new Error(`sitemap index points at ${loc}, but ${file} does not exist`);
      return readFileSync(file, 'utf8');
    });
  } else if (existsSync(plainFile)) {
    childXml = [readFileSync(plainFile, 'utf8')];
  } else {
    throw new Error(`no sitemap-index.xml or sitemap.xml in ${distDir}`);
  }
  const paths = new Set<string>();
  for (const xml of childXml) {
    for (const loc of locs(xml, 'url')) {
      const { origin, path: p } = toPath(loc);
      origins.add(origin);
      paths.add(p);
    }
  }
  return { paths: [...paths].sort(), origins: [...origins] };
}

/** The pages the site-wide checks cover: every page of the sitemap, plus the not-found page (which a sitemap leaves out). */
export function pagesToCheck(distDir: string, base = '/'): string[] {
  return [...new Set([...readSitemap(distDir, base).paths, `${base}404.html`])];
}
