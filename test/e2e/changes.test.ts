// Updates and corrections in the built site: /changes.xml parses back as Atom (sax, strict) with
// one entry per changelog entry; every page links the feed; every article lists the entries that
// name it, under "Updates and corrections"; /changes/ lists them all with their anchors.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesTo, readChangelog } from '../../src/lib/changes/changelog';
import { sitePages } from '../../src/lib/changes/site-pages';
import { child, children, parseXml } from '../unit/support/xml-tree';
import { basePath, distDir, repoRoot } from './support/config';
import { pagesToCheck } from './support/sitemap';

const fileFor = (sitePath: string): string => {
  const rel = sitePath.slice(basePath.length);
  return path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
};
const html = (sitePath: string) => readFileSync(fileFor(sitePath), 'utf8');
/** A site path ('/lab/') under the base path the site was built for. */
const under = (p: string) => `${basePath}${p.slice(1)}`;
const articleIds = readdirSync(path.join(repoRoot, 'content/articles')).map((f) => f.replace(/\.mdx$/, ''));
const known = sitePages(repoRoot, articleIds);
const entries = readChangelog(repoRoot, known);

describe('/changes.xml', () => {
  const feed = parseXml(readFileSync(path.join(distDir, 'changes.xml'), 'utf8'));

  it('is Atom with one entry per changelog entry, newest first, each linking to its anchor on /changes/', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const read = children(feed, 'entry');
    expect(read.map((e) => child(e, 'title')?.text)).toEqual(entries.map((e) => e.title));
    const changesPage = html(`${basePath}changes/`);
    for (const e of read) {
      const href = child(e, 'link')!.attributes.href!;
      const anchor = new URL(href).hash.slice(1);
      expect(new URL(href).pathname).toBe(`${basePath}changes/`);
      expect(changesPage).toContain(`id="${anchor}"`);
    }
    expect(child(feed, 'updated')?.text).toBe(`${entries[0]!.date}T00:00:00Z`);
  });
});

describe.each(pagesToCheck(distDir, basePath))('page %s', (sitePath) => {
  it('links the Atom feed', () => {
    expect(html(sitePath)).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${basePath}changes\\.xml">`));
  });
});

describe('articles', () => {
  const articles = articleIds.map((id) => `/${id}/`);

  it.each(articles)('%s lists its changes, dated, newest first', (page) => {
    const own = changesTo(entries, page);
    const section = /<section class="updates"[\s\S]*?<\/section>/.exec(html(under(page)))?.[0];
    if (own.length === 0) {
      expect(section).toBeUndefined();
      return;
    }
    const dates = [...(section ?? '').matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]);
    expect(dates).toEqual(own.map((e) => e.date));
  });
});
