/**
 * The HTML pages the site has, as site paths: the home page, one per article, and one per
 * `src/pages/<name>.astro` (the not-found page and the article route excepted). Read from the
 * files, so a new page can be named in the changelog without being listed anywhere else.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function sitePages(root: string, articleIds: readonly string[]): string[] {
  const routes = readdirSync(path.join(root, 'src/pages'))
    .filter((f) => /^[a-z0-9-]+\.astro$/.test(f) && f !== '404.astro')
    .map((f) => (f === 'index.astro' ? '/' : `/${f.replace(/\.astro$/, '')}/`));
  return [...new Set([...routes, ...articleIds.map((id) => `/${id}/`)])].sort();
}
