import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { changesTo, parseChangelog, readChangelog } from '../../../src/lib/changes/changelog';
import { sitePages } from '../../../src/lib/changes/site-pages';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const articleIds = readdirSync(`${root}content/articles`).map((f) => f.replace(/\.mdx$/, ''));
const known = sitePages(root, articleIds);

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'a-change',
  date: '2026-12-01',
  title: 'A change',
  pages: ['/slope-budget/'],
  what: 'Something on the page changed.',
  why: 'Because it was wrong before.',
  ...over,
});

describe('the site’s pages', () => {
  it('are the home page, every article and every top-level page, without the not-found page', () => {
    expect(known).toContain('/');
    expect(known).toContain('/lab/');
    expect(known).toContain('/reproduce/');
    expect(known).toContain('/changes/');
    for (const id of articleIds) expect(known).toContain(`/${id}/`);
    expect(known).not.toContain('/404/');
    expect(known.some((p) => p.includes('['))).toBe(false);
  });
});

describe('content/changelog.json', () => {
  it('is valid and names only pages the site has', () => {
    const entries = readChangelog(root, known);
    expect(entries.length).toBeGreaterThan(0);
  });
});

describe('parseChangelog', () => {
  it('fails on an unknown page, naming the file, the entry and the page', () => {
    const bad = { entries: [entry(), entry({ id: 'second', pages: ['/no-such-page/'] })] };
    expect(() => parseChangelog(bad, known, 'content/changelog.json')).toThrow(
      /^content\/changelog\.json: entry 2 \("second"\): unknown page "\/no-such-page\/"/,
    );
  });

  it('fails on a malformed entry, naming the entry and the field', () => {
    expect(() => parseChangelog({ entries: [entry(), entry({ id: 'x', date: '7 Dec 2026' })] }, known)).toThrow(
      /entry 2 \("x"\): field entries\[1\]\.date: a date YYYY-MM-DD/,
    );
    expect(() => parseChangelog({ entries: [entry({ verdict: 'x' })] }, known)).toThrow(/entry 1/);
  });

  it('fails on a repeated id (an id is a feed entry’s identity)', () => {
    expect(() => parseChangelog({ entries: [entry(), entry()] }, known)).toThrow(/entry 2 \("a-change"\): the id is used/);
  });

  it('orders entries newest first, keeping file order within a day', () => {
    const entries = parseChangelog(
      { entries: [entry({ id: 'old', date: '2026-11-30' }), entry({ id: 'b', date: '2026-12-02' }), entry({ id: 'c', date: '2026-12-02' })] },
      known,
    );
    expect(entries.map((e) => e.id)).toEqual(['b', 'c', 'old']);
  });

  it('gives a page its own entries and the site-wide ones', () => {
    const entries = parseChangelog({ entries: [entry({ id: 'one' }), entry({ id: 'all', pages: 'all' }), entry({ id: 'lab', pages: ['/lab/'] })] }, known);
    expect(changesTo(entries, '/slope-budget/').map((e) => e.id)).toEqual(['one', 'all']);
    expect(changesTo(entries, '/lab/').map((e) => e.id)).toEqual(['all', 'lab']);
  });
});
