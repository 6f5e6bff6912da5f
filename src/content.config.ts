import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** Articles: one MDX file each in content/articles; the file name is the URL slug. */
const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles' }),
  schema: z.object({
    /** Page title, also the citation title. */
    title: z.string().min(1),
    /** One or two sentences: meta description, article list, search result summary. */
    description: z.string().min(1),
    /** Position in the reading order (1 = first). */
    order: z.number().int().positive(),
    /** First publication date (YYYY-MM-DD); cited as the publication date. */
    published: z.coerce.date(),
    /** Date of the last substantive revision. */
    updated: z.coerce.date().optional(),
  }),
});

export const collections = { articles };
