/** How references read on a page: inline labels ("Poole et al. 2016") and full entries. */
import type { Person, Reference } from './schema.ts';

/** "Poole", "Glorot & Bengio", "Poole et al.": the author part of an author–year label. */
export function authorsShort(ref: Reference): string {
  const [first, second] = ref.authors;
  if (ref.authors.length === 1) return first!.family;
  if (ref.authors.length === 2) return `${first!.family} & ${second!.family}`;
  return `${first!.family} et al.`;
}

/** The inline label: "Poole et al. 2016"; narrative form "Poole et al. (2016)". */
export function citationLabel(ref: Reference, form: 'parenthetical' | 'narrative' = 'parenthetical'): string {
  return form === 'narrative' ? `${authorsShort(ref)} (${ref.year})` : `${authorsShort(ref)} ${ref.year}`;
}

/** "Samuel S." → "S. S."; "Klaus-Robert" → "K.-R."; "Léon" → "L.". */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .map((name) =>
      name
        .split('-')
        .map((part) => `${part.replace(/\.$/, '').charAt(0)}.`)
        .join('-'),
    )
    .join(' ');
}

const personShort = (p: Person) => `${p.family}, ${initials(p.given)}`;

/** "Poole, B., Lahiri, S., & Ganguli, S."; one author: "Nielsen, M. A.". */
export function authorList(authors: readonly Person[]): string {
  const names = authors.map(personShort);
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/** Where the work appeared, after its title: journal, proceedings, publisher, school. */
export function venueText(ref: Reference): string {
  const pages = ref.pages ? ref.pages.replace('-', '–') : undefined;
  switch (ref.type) {
    case 'article':
      return `${ref.venue}${ref.volume ? `, ${ref.volume}` : ''}${ref.number ? `(${ref.number})` : ''}${pages ? `, ${pages}` : ''}`;
    case 'inproceedings': {
      const series = ref.series && ref.volume ? ` (${ref.series} ${ref.volume})` : '';
      return `In ${ref.venue}${series}${pages ? `, ${pages}` : ''}`;
    }
    case 'incollection': {
      const eds = ref.editors?.length ? `${ref.editors.map((e) => `${initials(e.given)} ${e.family}`).join(' & ')} (Eds.), ` : '';
      const series = ref.series ? `${ref.series}${ref.volume ? ` ${ref.volume}` : ''}, ` : '';
      return `In ${eds}${ref.venue} (${series}${pages ? `pp. ${pages}` : ''}). ${ref.publisher}`;
    }
    case 'book':
      return ref.publisher!;
    case 'thesis':
      return `${ref.thesisType}, ${ref.school}`;
  }
}

/** A link for the work: DOI, arXiv, or its page. */
export interface ReferenceLink {
  label: string;
  href: string;
}

export function referenceLinks(ref: Reference): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  if (ref.doi) links.push({ label: `doi:${ref.doi}`, href: `https://doi.org/${ref.doi}` });
  if (ref.arxiv) links.push({ label: `arXiv:${ref.arxiv}`, href: `https://arxiv.org/abs/${ref.arxiv}` });
  if (ref.url) links.push({ label: ref.url.replace(/^https?:\/\//, '').replace(/\/$/, ''), href: ref.url });
  return links;
}

/** The full entry as one line of text (APA-like), e.g. for a tooltip. */
export function referenceText(ref: Reference): string {
  const links = referenceLinks(ref)
    .filter((l) => !l.label.startsWith('http') && !l.href.startsWith(ref.url ?? '\0'))
    .map((l) => l.label);
  const title = /[.?!]$/.test(ref.title) ? ref.title : `${ref.title}.`;
  return `${authorList(ref.authors)} (${ref.year}). ${title} ${venueText(ref)}.${links.length ? ` ${links.join(', ')}.` : ''}`;
}
