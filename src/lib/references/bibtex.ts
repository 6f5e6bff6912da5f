/**
 * BibTeX output: the bibliography (/references.bib) and the site's own pages (Cite this page).
 * Values are UTF-8 (biber, Zotero, JabRef read it); TeX's special characters are escaped.
 */
import type { Person, Reference } from './schema.ts';

/** Escapes characters that TeX treats specially; braces are escaped so they stay literal. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

/**
 * A title for BibTeX: words whose capitals must survive a style's sentence-casing (acronyms,
 * CamelCase such as "BackProp") go in braces. A title in another language (German capitalises
 * nouns) is braced whole. Proper names written as ordinary capitalised words are not detected.
 */
export function protectTitle(title: string, language?: string): string {
  if (language && language !== 'en') return `{${escapeBibtex(title)}}`;
  return escapeBibtex(title)
    .split(' ')
    .map((word) => (/^[^\s]*[A-Z][^\s]*$/.test(word.slice(1)) && /[A-Za-z]/.test(word) ? `{${word}}` : word))
    .join(' ');
}

/** "Family, Given and Family, Given". */
export function bibtexNames(people: readonly Person[]): string {
  return people.map((p) => `${escapeBibtex(p.family)}, ${escapeBibtex(p.given)}`).join(' and ');
}

/** A field's value: text (written in braces, already escaped) or a BibTeX macro such as a month (`nov`). */
export type BibtexValue = string | { macro: string };
export type BibtexField = readonly [name: string, value: BibtexValue | undefined];

/** One entry, fields aligned; text values are written in braces as given (already escaped). */
export function formatBibtexEntry(type: string, key: string, fields: readonly BibtexField[]): string {
  if (!/^[A-Za-z0-9_:.-]+$/.test(key)) throw new Error(`BibTeX key "${key}" has characters a reference manager may reject`);
  const present = fields.filter((f): f is readonly [string, BibtexValue] => f[1] !== undefined && f[1] !== '');
  const width = Math.max(...present.map(([name]) => name.length));
  const body = present
    .map(([name, value]) => `  ${name.padEnd(width)} = ${typeof value === 'string' ? `{${value}}` : value.macro}`)
    .join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}

const BIBTEX_TYPE: Record<Reference['type'], string> = {
  article: 'article',
  inproceedings: 'inproceedings',
  incollection: 'incollection',
  book: 'book',
  // BibTeX has no diploma thesis: a master's-level thesis with its `type` stated.
  thesis: 'mastersthesis',
};

// biblatex's language names for the languages the bibliography uses.
const LANGID: Record<string, string> = { de: 'german', fr: 'french' };

/** A bibliography entry in BibTeX. */
export function referenceToBibtex(ref: Reference): string {
  const venueField = ref.type === 'article' ? 'journal' : 'booktitle';
  return formatBibtexEntry(BIBTEX_TYPE[ref.type], ref.key, [
    ['author', bibtexNames(ref.authors)],
    ['title', protectTitle(ref.title, ref.language)],
    [venueField, ref.venue === undefined ? undefined : protectTitle(ref.venue)],
    ['editor', ref.editors ? bibtexNames(ref.editors) : undefined],
    ['series', ref.series && escapeBibtex(ref.series)],
    ['volume', ref.volume],
    ['number', ref.number],
    ['pages', ref.pages?.replace(/[–-]/, '--')],
    ['publisher', ref.publisher && escapeBibtex(ref.publisher)],
    ['school', ref.school && escapeBibtex(ref.school)],
    ['type', ref.thesisType && escapeBibtex(ref.thesisType)],
    ['year', String(ref.year)],
    ['doi', ref.doi],
    ['eprint', ref.arxiv],
    ['archiveprefix', ref.arxiv ? 'arXiv' : undefined],
    ['url', ref.url],
    ['langid', ref.language ? LANGID[ref.language] ?? ref.language : undefined],
  ]);
}

/** Several entries, one blank line apart, ending with a newline. */
export function bibtexFile(entries: readonly string[], header?: string): string {
  return `${header ? `${header}\n\n` : ''}${entries.join('\n\n')}\n`;
}
