import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../references/bibtex-reader.ts';
import {
  figureCitationText,
  figureUrl,
  highwireTags,
  pageBibtex,
  pageBibtexKey,
  pageCitationText,
  type CitablePage,
} from '../../../src/lib/site/citation.ts';

const page: CitablePage = {
  title: 'The slope budget of tanh(n·x)',
  url: 'https://example.org/tanh-nx/slope-budget/',
  published: new Date('2026-11-27'),
  slug: 'slope-budget',
};

describe('Cite this page', () => {
  it('BibTeX parses (citation-js) into the page: organisation author, title, date, URL', () => {
    const [entry] = parseBibtex(pageBibtex(page));
    expect(entry!.id).toBe('tanhnx2026-slope-budget');
    // One organisation, not a person called "tanh-nx" with the family name "contributors".
    expect(entry!.author).toEqual([{ family: 'tanh-nx contributors' }]);
    expect(entry!.title).toBe(page.title);
    expect(entry!.issued?.['date-parts'][0]).toEqual([2026, 11]);
    expect(entry!.URL).toBe(page.url);
  });

  it('BibTeX escapes TeX specials in a title', () => {
    const bib = pageBibtex({ ...page, title: 'A & B: 50% of #1' });
    expect(bib).toContain('title        = {A \\& B: 50\\% of \\#1}');
    const [entry] = parseBibtex(bib);
    expect(entry!.title).toBe('A & B: 50% of #1');
  });

  it('keys: the home page is the site; other pages add their slug', () => {
    expect(pageBibtexKey({ slug: '', published: page.published })).toBe('tanhnx2026');
    expect(pageBibtexKey({ slug: 'order-and-chaos', published: page.published })).toBe('tanhnx2026-order-and-chaos');
  });

  it('plain text: authors, date, title, site, URL', () => {
    expect(pageCitationText(page)).toBe(
      'tanh-nx contributors (2026, November 27). The slope budget of tanh(n·x). tanh-nx. https://example.org/tanh-nx/slope-budget/',
    );
  });

  it('Highwire tags carry title, author, slash-separated dates and the URL', () => {
    const tags = Object.fromEntries(highwireTags({ ...page, updated: new Date('2026-12-03') }));
    expect(tags).toMatchObject({
      citation_title: page.title,
      citation_author: 'tanh-nx contributors',
      citation_publication_date: '2026/11/27',
      citation_online_date: '2026/12/03',
      citation_public_url: page.url,
      citation_fulltext_html_url: page.url,
    });
  });
});

describe('Cite this figure', () => {
  const figure = { number: 3, title: 'Where the slope stays above 1/n.', page, anchor: 'fig-slope-thresholds' };

  it('gives the figure number, title, page and the URL with the anchor', () => {
    expect(figureUrl(figure)).toBe('https://example.org/tanh-nx/slope-budget/#fig-slope-thresholds');
    expect(figureCitationText(figure)).toBe(
      'Figure 3, “Where the slope stays above 1/n”. In tanh-nx contributors (2026, November 27). The slope budget of tanh(n·x). tanh-nx. ' +
        'https://example.org/tanh-nx/slope-budget/#fig-slope-thresholds',
    );
  });
});
