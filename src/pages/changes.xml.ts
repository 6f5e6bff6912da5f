import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/changes/atom';
import { FEED_PATH, FEED_TITLE, siteChangelog } from '../lib/changes/site-changelog';
import { SITE_AUTHORS } from '../lib/site/citation';
import { withBase } from '../lib/site/paths';

/** /changes.xml: the changelog as an Atom feed. */
export const GET: APIRoute = async ({ site }) => {
  const absolute = (p: string) => new URL(withBase(p), site).href;
  const xml = atomFeed(await siteChangelog(), {
    title: FEED_TITLE,
    feedUrl: absolute(FEED_PATH),
    pageUrl: absolute('changes/'),
    pageHref: absolute,
    authors: SITE_AUTHORS,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
