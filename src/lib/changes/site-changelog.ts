/**
 * The changelog as the site build reads it: checked against the pages the site has. Astro pages
 * call this; a bad entry throws and fails the build with the file and entry in the message.
 */
import { getCollection } from 'astro:content';
import { readChangelog, type ChangeEntry } from './changelog.ts';
import { sitePages } from './site-pages.ts';

export async function siteChangelog(root: string = process.cwd()): Promise<ChangeEntry[]> {
  const articles = await getCollection('articles');
  return readChangelog(root, sitePages(root, articles.map((a) => a.id)));
}

/** Where the feed lives, under the base path. */
export const FEED_PATH = 'changes.xml';
export const FEED_TITLE = 'tanh-nx: updates and corrections';
