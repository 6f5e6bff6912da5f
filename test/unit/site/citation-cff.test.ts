// CITATION.cff at the repository root must be valid Citation File Format 1.2.0. The schema
// below follows the official JSON schema for 1.2.0 for the keys this project uses: its required
// keys (cff-version, message, title, authors), no keys outside the format, the person/entity
// shapes and the date format; and the works it lists must agree with the site's bibliography.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bibliography } from '../../../src/lib/references/bibliography.ts';

const nonEmpty = z.string().min(1);
const person = z
  .object({
    'family-names': nonEmpty.optional(),
    'given-names': nonEmpty.optional(),
    'name-particle': nonEmpty.optional(),
    'name-suffix': nonEmpty.optional(),
    affiliation: nonEmpty.optional(),
    orcid: z.string().regex(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[0-9X]$/).optional(),
    email: nonEmpty.optional(),
    website: z.string().url().optional(),
    alias: nonEmpty.optional(),
  })
  .strict()
  .refine((p) => p['family-names'] || p['given-names'] || p.alias, 'a person needs family-names, given-names or alias');
const entity = z
  .object({ name: nonEmpty, website: z.string().url().optional(), email: nonEmpty.optional(), orcid: nonEmpty.optional(), alias: nonEmpty.optional() })
  .strict();
const author = z.union([entity, person]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const REFERENCE_TYPES = ['article', 'book', 'conference-paper', 'generic', 'software', 'thesis', 'website', 'report', 'proceedings'] as const;
const reference = z
  .object({
    type: z.enum(REFERENCE_TYPES),
    title: nonEmpty,
    authors: z.array(author).min(1),
    year: z.number().int().optional(),
    'collection-title': nonEmpty.optional(),
    journal: nonEmpty.optional(),
    doi: nonEmpty.optional(),
    url: z.string().url().optional(),
  })
  .strict();
const cff = z
  .object({
    'cff-version': z.literal('1.2.0'),
    message: nonEmpty,
    title: nonEmpty,
    authors: z.array(author).min(1),
    type: z.enum(['software', 'dataset']).optional(),
    abstract: nonEmpty.optional(),
    version: z.union([nonEmpty, z.number()]).optional(),
    'date-released': date.optional(),
    keywords: z.array(nonEmpty).optional(),
    license: nonEmpty.optional(),
    url: z.string().url().optional(),
    'repository-code': z.string().url().optional(),
    doi: nonEmpty.optional(),
    commit: nonEmpty.optional(),
    references: z.array(reference).optional(),
    'preferred-citation': reference.optional(),
  })
  .strict();

const file = new URL('../../../CITATION.cff', import.meta.url);

describe('CITATION.cff', () => {
  const doc = parse(readFileSync(file, 'utf8'), { strict: true, uniqueKeys: true }) as unknown;

  it('is valid CFF 1.2.0', () => {
    const result = cff.safeParse(doc);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('the checker rejects what the format rejects', () => {
    const valid = cff.parse(doc);
    expect(cff.safeParse({ ...valid, 'cff-version': '1.1.0' }).success).toBe(false);
    expect(cff.safeParse({ ...valid, authors: [] }).success).toBe(false);
    expect(cff.safeParse({ ...valid, 'date-released': '27/11/2026' }).success).toBe(false);
    expect(cff.safeParse({ ...valid, author: valid.authors }).success).toBe(false);
    const { message: _dropped, ...withoutMessage } = valid;
    expect(cff.safeParse(withoutMessage).success).toBe(false);
  });

  it('names the authors as the site does', () => {
    expect(cff.parse(doc).authors).toEqual([{ name: 'tanh-nx contributors' }]);
  });

  it('lists works exactly as the bibliography has them (title, year, authors)', () => {
    for (const ref of cff.parse(doc).references ?? []) {
      const match = bibliography.find((b) => b.title === ref.title);
      expect(match, ref.title).toBeDefined();
      expect(ref.year).toBe(match!.year);
      expect(ref.authors.map((a) => ('family-names' in a ? a['family-names'] : undefined))).toEqual(match!.authors.map((a) => a.family));
    }
  });
});
