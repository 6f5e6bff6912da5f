import { describe, expect, it } from 'vitest';
import { citablePage, neighbours, readingOrder, SITE_QUESTION, sitePublished, slugOf, type ArticleSummary } from '../../../src/lib/site/pages.ts';

const article = (id: string, order: number, published = '2026-11-27'): ArticleSummary => ({
  id,
  data: { title: `Title of ${id}`, order, published: new Date(published) },
});
const articles = [article('c', 3, '2026-12-01'), article('a', 1), article('b', 2, '2026-11-30')];

describe('pages', () => {
  it('slugs from URLs under a base path', () => {
    expect(slugOf('/tanh-nx/slope-budget/', '/tanh-nx/')).toBe('slope-budget');
    expect(slugOf('/tanh-nx/', '/tanh-nx/')).toBe('');
    expect(slugOf('/slope-budget/', '/')).toBe('slope-budget');
    expect(slugOf('/tanh-nx/404.html', '/tanh-nx')).toBe('404');
  });

  it('reading order follows frontmatter order; previous and next', () => {
    expect(readingOrder(articles).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(neighbours(articles, 'a')).toEqual({ previous: undefined, next: articles[2] });
    expect(neighbours(articles, 'b').previous?.id).toBe('a');
    expect(neighbours(articles, 'b').next?.id).toBe('c');
    expect(neighbours(articles, 'c').next).toBeUndefined();
    expect(neighbours(articles, 'zzz')).toEqual({});
  });

  it('an article is cited with its own title and date', () => {
    const page = citablePage({ pathname: '/x/b/', title: 'ignored', site: 'https://example.org', base: '/x/', articles });
    expect(page).toEqual({ title: 'Title of b', url: 'https://example.org/x/b/', published: new Date('2026-11-30'), updated: undefined, slug: 'b' });
  });

  it('the home page is cited as the site, other pages with their title and the site date', () => {
    const home = citablePage({ pathname: '/', title: 'tanh-nx', site: 'https://example.org', base: '/', articles });
    expect(home.title).toBe(SITE_QUESTION);
    expect(home.published).toEqual(new Date('2026-11-27'));
    const other = citablePage({ pathname: '/reproduce/', title: 'Reproduce the results', site: 'https://example.org', base: '/', articles });
    expect(other).toMatchObject({ title: 'Reproduce the results', slug: 'reproduce', url: 'https://example.org/reproduce/' });
    expect(sitePublished(articles)).toEqual(new Date('2026-11-27'));
    expect(() => sitePublished([])).toThrow('no articles');
  });
});
