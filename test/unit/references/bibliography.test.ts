import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibliography, referenceByKey } from '../../../src/lib/references/bibliography.ts';
import { bibtexFile, escapeBibtex, protectTitle, referenceToBibtex } from '../../../src/lib/references/bibtex.ts';
import { authorList, citationLabel, initials, referenceText } from '../../../src/lib/references/format.ts';
import { parseBibliography } from '../../../src/lib/references/schema.ts';
import { parseBibtex } from './bibtex-reader.ts';


describe('the bibliography', () => {
  it('holds every work the site is asked to cite, under the agreed keys', () => {
    const keys = bibliography.map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining(['bengio1994', 'glorot2010', 'hochreiter1991', 'lecun1998', 'nielsen2015', 'pennington2017', 'pennington2018', 'poole2016', 'saxe2014', 'schoenholz2017', 'xiao2018']),
    );
  });

  it('lists only works that some article cites', () => {
    const dir = path.resolve('content/articles');
    const text = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const cited = new Set([...text.matchAll(/<Cite\s+k="([^"]+)"/g)].map((m) => m[1]));
    expect(bibliography.map((r) => r.key).filter((k) => !cited.has(k))).toEqual([]);
  });

  it('has each key match its first author and year', () => {
    for (const ref of bibliography) {
      const family = ref.authors[0]!.family.toLowerCase().replace(/[^a-z]/g, '');
      expect(ref.key, ref.title).toBe(`${family}${ref.year}`);
    }
  });

  it('rejects an entry that breaks the schema, naming the source, key and field', () => {
    expect(() =>
      parseBibliography([{ key: 'smith2020', type: 'article', authors: [{ family: 'Smith', given: 'A.' }], title: 'T', year: 2020 }], 'refs.ts'),
    ).toThrow(/refs\.ts: invalid bibliography\n\s+smith2020: field venue: required for a journal article/);
    expect(() => parseBibliography([{ key: 'Bad Key', type: 'book' }], 'refs.ts')).toThrow(/Bad Key: field key/);
  });

  it('rejects duplicate keys', () => {
    const ref = { key: 'nielsen2015', type: 'book', authors: [{ family: 'Nielsen', given: 'M.' }], title: 'T', year: 2015, publisher: 'P' };
    expect(() => parseBibliography([ref, ref], 'refs.ts')).toThrow('nielsen2015: duplicate key');
  });

  it('an unknown key throws listing the known ones', () => {
    expect(() => referenceByKey('poole2061')).toThrow(/unknown reference key "poole2061"; known: .*poole2016/);
  });
});

describe('inline labels and entries', () => {
  it('one, two and three or more authors', () => {
    expect(citationLabel(referenceByKey('hochreiter1991'))).toBe('Hochreiter 1991');
    expect(citationLabel(referenceByKey('glorot2010'))).toBe('Glorot & Bengio 2010');
    expect(citationLabel(referenceByKey('poole2016'))).toBe('Poole et al. 2016');
    expect(citationLabel(referenceByKey('schoenholz2017'), 'narrative')).toBe('Schoenholz et al. (2017)');
  });

  it('initials keep hyphenated given names hyphenated', () => {
    expect(initials('Klaus-Robert')).toBe('K.-R.');
    expect(initials('Samuel S.')).toBe('S. S.');
    expect(initials('Léon')).toBe('L.');
    expect(authorList(referenceByKey('glorot2010').authors)).toBe('Glorot, X., & Bengio, Y.');
  });

  it('a journal article reads with volume, issue, pages and DOI', () => {
    expect(referenceText(referenceByKey('bengio1994'))).toBe(
      'Bengio, Y., Simard, P., & Frasconi, P. (1994). Learning long-term dependencies with gradient descent is difficult. ' +
        'IEEE Transactions on Neural Networks, 5(2), 157–166. doi:10.1109/72.279181.',
    );
  });
});

describe('BibTeX output', () => {
  it('escapes TeX specials and protects acronyms and CamelCase', () => {
    expect(escapeBibtex('50% of A & B_1 {x} #2')).toBe('50\\% of A \\& B\\_1 \\{x\\} \\#2');
    expect(protectTitle('Efficient BackProp')).toBe('Efficient {BackProp}');
    expect(protectTitle('a theory of CNNs: how')).toBe('a theory of {CNNs:} how');
    expect(protectTitle('Untersuchungen zu Netzen', 'de')).toBe('{Untersuchungen zu Netzen}');
  });

  it('the whole bibliography parses back (citation-js) with the same keys, titles, years and authors', () => {
    const text = bibtexFile(bibliography.map(referenceToBibtex), '% header');
    const parsed = parseBibtex(text);
    expect(parsed.map((e) => e.id).sort()).toEqual(bibliography.map((r) => r.key).sort());
    for (const ref of bibliography) {
      const entry = parsed.find((e) => e.id === ref.key)!;
      expect(entry.title, ref.key).toBe(ref.title);
      expect(entry.issued?.['date-parts'][0]?.[0], ref.key).toBe(ref.year);
      expect(entry.author?.map((a) => a.family), ref.key).toEqual(ref.authors.map((a) => a.family));
    }
  });

  it('a chapter keeps its book, editors, pages and publisher; accents survive', () => {
    const [entry] = parseBibtex(referenceToBibtex(referenceByKey('lecun1998')));
    expect(entry!.type).toBe('chapter');
    expect(entry!['container-title']).toBe('Neural Networks: Tricks of the Trade');
    expect(entry!.page).toBe('9-50');
    expect(entry!.publisher).toBe('Springer');
    expect(entry!.DOI).toBe('10.1007/3-540-49430-8_2');
    expect(entry!.author?.[1]).toMatchObject({ family: 'Bottou', given: 'Léon' });
    expect(entry!.editor?.map((e) => e.family)).toEqual(['Orr', 'Müller']);
  });
});
