/**
 * The changelog as an Atom 1.0 feed (RFC 4287), so a feed reader learns of corrections. Each
 * entry's id is a tag URI (RFC 4151) built from the site's host and the entry's stable id, so it
 * survives a move of the site to another path.
 */
import type { ChangeEntry } from './changelog.ts';

export interface FeedOptions {
  title: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of the /changes/ page (the feed's alternate and each entry's link base). */
  pageUrl: string;
  /** Absolute URL of a changed page from its site path ('/lab/' → https://…/lab/). */
  pageHref: (sitePath: string) => string;
  authors: readonly string[];
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `tag:example.org,2026-12-07:changes/training-lab` */
export function entryTagUri(pageUrl: string, entry: Pick<ChangeEntry, 'id' | 'date'>): string {
  return `tag:${new URL(pageUrl).hostname},${entry.date}:changes/${entry.id}`;
}

const atomTime = (day: string): string => `${day}T00:00:00Z`;

/** The feed's XML; `entries` newest first (as parseChangelog returns them). */
export function atomFeed(entries: readonly ChangeEntry[], options: FeedOptions): string {
  const updated = entries.reduce((newest, e) => (e.date > newest ? e.date : newest), entries[0]?.date ?? '1970-01-01');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.title)}</title>`,
    `  <id>${escapeXml(options.pageUrl)}</id>`,
    `  <updated>${atomTime(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    ...options.authors.map((name) => `  <author><name>${escapeXml(name)}</name></author>`),
  ];
  for (const entry of entries) {
    const pages = entry.pages === 'all' ? 'every page' : entry.pages.map(options.pageHref).join(', ');
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entryTagUri(options.pageUrl, entry))}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${atomTime(entry.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${options.pageUrl}#${entry.id}`)}"/>`,
      `    <summary type="text">${escapeXml(`${entry.what} Why: ${entry.why} Pages: ${pages}.`)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
