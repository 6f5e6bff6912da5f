/**
 * Updates and corrections: the one source of truth is content/changelog.json. Each entry is one
 * substantive change a reader should know about (what changed and why), dated and tied to the
 * pages it changed. The articles' "Updates and corrections" lists, /changes/ and the Atom feed
 * /changes.xml are all drawn from it; an entry naming a page the site does not have fails the
 * build, naming the file and the entry.
 */
import { z } from 'zod';
import { readJsonFile } from '../io/json-file.ts';
import { describeZodError } from '../io/errors.ts';

export const CHANGELOG_FILE = 'content/changelog.json';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a real date');

export const changeEntrySchema = z
  .object({
    /** Stable id: the entry's anchor on /changes/ and its Atom id. Never reuse one. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    /** The day the change was published (YYYY-MM-DD). */
    date: isoDay,
    /** A headline (the feed entry's title). */
    title: z.string().min(3).max(120),
    /** Site paths of the pages it changed ('/' is the home page, '/lab/' …), or "all". */
    pages: z.union([z.literal('all'), z.array(z.string().regex(/^\/(?:[a-z0-9-]+\/)?$/, 'a site path such as /slope-budget/ or /')).min(1)]),
    /** What changed, in one or two sentences a reader understands. */
    what: z.string().min(10),
    /** Why it changed: the error corrected, or what the reader gains. */
    why: z.string().min(10),
    /** The commit that made the change (short or full hash). */
    commit: z.string().regex(/^[0-9a-f]{7,40}$/).optional(),
  })
  .strict();

export const changelogSchema = z.object({ entries: z.array(changeEntrySchema) }).strict();

export type ChangeEntry = z.infer<typeof changeEntrySchema>;

/** `entry 2 ("training-lab")`, for messages. */
const entryName = (index: number, entry: { id?: unknown }): string =>
  `entry ${index + 1}${typeof entry.id === 'string' ? ` ("${entry.id}")` : ''}`;

/**
 * The changelog, checked: schema, unique ids, known pages; newest first (ties keep file order).
 * `knownPages` are site paths ('/', '/slope-budget/', …).
 */
export function parseChangelog(value: unknown, knownPages: readonly string[], file = CHANGELOG_FILE): ChangeEntry[] {
  const parsed = changelogSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const index = first?.path[0] === 'entries' && typeof first.path[1] === 'number' ? first.path[1] : undefined;
    const raw = (value as { entries?: { id?: unknown }[] } | null)?.entries?.[index ?? -1];
    const where = index === undefined ? '' : `${entryName(index, raw ?? {})}: `;
    throw new Error(`${file}: ${where}${describeZodError(parsed.error)}`);
  }
  const known = new Set(knownPages);
  const seen = new Set<string>();
  parsed.data.entries.forEach((entry, i) => {
    if (seen.has(entry.id)) throw new Error(`${file}: ${entryName(i, entry)}: the id is used by an earlier entry`);
    seen.add(entry.id);
    if (entry.pages === 'all') return;
    for (const page of entry.pages) {
      if (!known.has(page)) throw new Error(`${file}: ${entryName(i, entry)}: unknown page "${page}" (the site has ${[...known].sort().join(', ')})`);
    }
  });
  return parsed.data.entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || a.i - b.i)
    .map(({ entry }) => entry);
}

/** Reads and checks content/changelog.json under `root`. */
export function readChangelog(root: string, knownPages: readonly string[]): ChangeEntry[] {
  return parseChangelog(readJsonFile(root, CHANGELOG_FILE), knownPages);
}

/** The entries that changed the page at site path `page`, newest first. */
export function changesTo(entries: readonly ChangeEntry[], page: string): ChangeEntry[] {
  return entries.filter((e) => e.pages === 'all' || e.pages.includes(page));
}
