/**
 * Which page is which: an article's slug from its URL, the citable description of any page,
 * and the reading order. Pure functions of the article list (from astro:content), so they are
 * unit-tested without Astro.
 */
import { SITE_NAME, type CitablePage } from './citation.ts';
import type { SiteVersion } from '../cite/version.ts';

/** What the site needs to know about an article to place and cite it. */
export interface ArticleSummary {
  id: string;
  data: { title: string; order: number; published: Date; updated?: Date | undefined };
}

/** The question the site answers: the home page's citation title. */
export const SITE_QUESTION = 'Why can’t we just use tanh(n·x) with n > 1 to avoid vanishing gradients?';

/** '/tanh-nx/slope-budget/' under base '/tanh-nx/' → 'slope-budget'; the home page → ''. */
export function slugOf(pathname: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const inside = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\/+/, '');
  return inside.replace(/(?:index\.html|\.html)$/, '').replace(/^\/+|\/+$/g, '');
}

/** Articles in reading order (frontmatter `order`, then id so that ties are stable). */
export function readingOrder<A extends ArticleSummary>(articles: readonly A[]): A[] {
  return [...articles].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The articles before and after `id` in reading order. */
export function neighbours<A extends ArticleSummary>(articles: readonly A[], id: string): { previous?: A; next?: A } {
  const ordered = readingOrder(articles);
  const at = ordered.findIndex((a) => a.id === id);
  if (at < 0) return {};
  return { previous: ordered[at - 1], next: ordered[at + 1] };
}

/** The earliest publication date of any article: the site's own publication date. */
export function sitePublished(articles: readonly ArticleSummary[]): Date {
  if (articles.length === 0) throw new Error('no articles: the site has no publication date');
  return new Date(Math.min(...articles.map((a) => a.data.published.getTime())));
}

/**
 * How the page at `pathname` is cited. An article is cited with its own title and dates; any
 * other page with its title and the site's publication date; the home page as the site itself.
 */
export function citablePage(options: {
  pathname: string;
  title: string;
  site: URL | string;
  base: string;
  articles: readonly ArticleSummary[];
  /** The build the citation pins (see src/lib/cite/version.ts). */
  version?: SiteVersion | undefined;
  /** The DOI setting, if given. */
  doi?: string | undefined;
}): CitablePage {
  const slug = slugOf(options.pathname, options.base);
  const url = new URL(options.pathname, options.site).href;
  const article = options.articles.find((a) => a.id === slug);
  const pins = { version: options.version, doi: options.doi };
  if (article) {
    return { title: article.data.title, url, published: article.data.published, updated: article.data.updated, slug, ...pins };
  }
  const title = options.title === SITE_NAME ? SITE_QUESTION : options.title;
  return { title, url, published: sitePublished(options.articles), slug, ...pins };
}
