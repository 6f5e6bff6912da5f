import { z } from 'zod';

/** A person as a bibliography names them: family name and given names (or initials). */
export const personSchema = z.object({
  family: z.string().min(1),
  given: z.string().min(1),
});
export type Person = z.infer<typeof personSchema>;

/** Kinds of work the site cites, with the BibTeX entry type each becomes. */
export const REFERENCE_TYPES = ['article', 'inproceedings', 'incollection', 'book', 'thesis'] as const;

/**
 * One work in the bibliography. Keys are what articles write: `<Cite k="poole2016" />`.
 * Which venue fields are required depends on `type` (checked below, naming the key and field).
 */
export const referenceSchema = z
  .object({
    /** Citation key: family name of the first author + year (+ a letter if needed), lower case. */
    key: z.string().regex(/^[a-z][a-z0-9]*$/, 'a key is lower-case letters then digits, e.g. poole2016'),
    type: z.enum(REFERENCE_TYPES),
    authors: z.array(personSchema).min(1),
    /** Title as published, in its own capitalisation. */
    title: z.string().min(1),
    /** Language of the title when not English (ISO 639-1, e.g. "de"): its capitals are kept as written. */
    language: z.string().regex(/^[a-z]{2}$/).optional(),
    year: z.number().int().min(1900).max(2100),
    /** Journal (article) or proceedings / book title (inproceedings, incollection). */
    venue: z.string().min(1).optional(),
    /** Short form of the venue for inline display, e.g. "NeurIPS 2016". */
    venueShort: z.string().min(1).optional(),
    volume: z.string().min(1).optional(),
    number: z.string().min(1).optional(),
    /** Page range with an en dash or a hyphen, e.g. "157–166". */
    pages: z.string().regex(/^\d+(?:[–-]\d+)?$/).optional(),
    editors: z.array(personSchema).optional(),
    series: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    /** Degree-granting school of a thesis. */
    school: z.string().min(1).optional(),
    /** Kind of thesis, e.g. "Diploma thesis". */
    thesisType: z.string().min(1).optional(),
    doi: z.string().regex(/^10\.\d{4,}\/\S+$/).optional(),
    /** arXiv identifier, e.g. "1606.05340". */
    arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/).optional(),
    /** Where the work can be read (the publisher's or proceedings' page). */
    url: z.string().url().optional(),
  })
  .strict()
  .superRefine((ref, ctx) => {
    const need = (field: keyof typeof ref, why: string) => {
      if (ref[field] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `required for ${why}` });
    };
    if (ref.type === 'article') need('venue', 'a journal article (the journal)');
    if (ref.type === 'inproceedings' || ref.type === 'incollection') need('venue', `${ref.type} (the proceedings or book title)`);
    if (ref.type === 'incollection' || ref.type === 'book') need('publisher', ref.type);
    if (ref.type === 'thesis') {
      need('school', 'a thesis');
      need('thesisType', 'a thesis');
    }
  });
export type Reference = z.infer<typeof referenceSchema>;

/**
 * Validates a list of references: every entry against the schema, and keys unique.
 * Throws one message naming the source, each failing key and field.
 */
export function parseBibliography(entries: unknown[], source: string): Reference[] {
  const problems: string[] = [];
  const parsed: Reference[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const key = typeof entry === 'object' && entry !== null && 'key' in entry ? String((entry as { key: unknown }).key) : `#${index}`;
    const result = referenceSchema.safeParse(entry);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${key}: field ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      return;
    }
    if (seen.has(result.data.key)) problems.push(`${key}: duplicate key`);
    seen.add(result.data.key);
    parsed.push(result.data);
  });
  if (problems.length > 0) throw new Error(`${source}: invalid bibliography\n  ${problems.join('\n  ')}`);
  return parsed;
}
