// The Atom feed, read back with sax in strict mode (an XML parser, independent of the writer).
import { describe, expect, it } from 'vitest';
import { atomFeed, entryTagUri } from '../../../src/lib/changes/atom';
import type { ChangeEntry } from '../../../src/lib/changes/changelog';
import { child, children, parseXml } from '../support/xml-tree';


const entries: ChangeEntry[] = [
  { id: 'new', date: '2026-12-07', title: 'Verdict <3> & “quotes”', pages: ['/claims/', '/lab/'], what: 'A verdict changed: 1 < 2 & "x".', why: 'Data regenerated.' },
  { id: 'old', date: '2026-12-03', title: 'Older', pages: 'all', what: 'Something site-wide.', why: 'A reason here.', commit: 'abcdef1' },
];
const xml = atomFeed(entries, {
  title: 'tanh-nx: updates & corrections',
  feedUrl: 'https://example.org/tanh-nx/changes.xml',
  pageUrl: 'https://example.org/tanh-nx/changes/',
  pageHref: (p) => `https://example.org/tanh-nx${p}`,
  authors: ['tanh-nx contributors'],
});

describe('atomFeed', () => {
  const feed = parseXml(xml);

  it('is a well-formed Atom feed with the required feed elements (RFC 4287 §4.1.1)', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'title')?.text).toBe('tanh-nx: updates & corrections');
    expect(child(feed, 'id')?.text).toBe('https://example.org/tanh-nx/changes/');
    expect(child(feed, 'updated')?.text).toBe('2026-12-07T00:00:00Z');
    expect(children(feed, 'link').map((l) => [l.attributes.rel, l.attributes.href])).toEqual([
      ['self', 'https://example.org/tanh-nx/changes.xml'],
      ['alternate', 'https://example.org/tanh-nx/changes/'],
    ]);
    expect(child(child(feed, 'author')!, 'name')?.text).toBe('tanh-nx contributors');
  });

  it('has one entry per change with id, title, updated, link and summary, text escaped and read back intact', () => {
    const read = children(feed, 'entry');
    expect(read).toHaveLength(2);
    expect(read.map((e) => child(e, 'id')?.text)).toEqual(['tag:example.org,2026-12-07:changes/new', 'tag:example.org,2026-12-03:changes/old']);
    expect(child(read[0]!, 'title')?.text).toBe('Verdict <3> & “quotes”');
    expect(child(read[0]!, 'updated')?.text).toBe('2026-12-07T00:00:00Z');
    expect(child(read[0]!, 'link')?.attributes.href).toBe('https://example.org/tanh-nx/changes/#new');
    expect(child(read[0]!, 'summary')?.text).toBe(
      'A verdict changed: 1 < 2 & "x". Why: Data regenerated. Pages: https://example.org/tanh-nx/claims/, https://example.org/tanh-nx/lab/.',
    );
    expect(child(read[1]!, 'summary')?.text).toMatch(/Pages: every page\.$/);
    for (const e of read) expect(Date.parse(child(e, 'updated')!.text)).not.toBeNaN();
  });

  it('builds ids as tag URIs from the host, so they survive a change of base path', () => {
    expect(entryTagUri('https://a.example/x/changes/', { id: 'k', date: '2026-01-02' })).toBe('tag:a.example,2026-01-02:changes/k');
  });
});
