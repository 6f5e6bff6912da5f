/**
 * The site's notation: one data file, content/notation.json, lists every symbol with its
 * definition and units, and the TeX patterns by which an article's math is found to use it.
 * Which pages use a symbol is not typed anywhere: remark-notation finds it in each article's
 * math as the article is compiled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../io/errors.ts';
import { parseJsonText } from '../io/json-file.ts';

export const NOTATION_FILE = 'content/notation.json';

const symbolSchema = z
  .object({
    /** Anchor on /notation/ (`#sym-<id>`). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i),
    /** How the symbol is typeset (TeX). */
    tex: z.string().min(1),
    /** A short name. */
    name: z.string().min(3),
    /** What the symbol means, as the site uses it. */
    definition: z.string().min(10),
    /** Its units or scale (is it a variance or a standard deviation?). */
    units: z.string().min(3),
    /** Regular expressions over an article's TeX that count as a use of the symbol. */
    tex_patterns: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type NotationSymbol = z.infer<typeof symbolSchema> & { patterns: RegExp[] };

export function parseNotation(value: unknown, file = NOTATION_FILE): NotationSymbol[] {
  const parsed = z.object({ symbols: z.array(symbolSchema).min(1) }).strict().safeParse(value);
  if (!parsed.success) throw new Error(`${file}: ${describeZodError(parsed.error)}`);
  const ids = new Set<string>();
  return parsed.data.symbols.map((s, i) => {
    if (ids.has(s.id)) throw new Error(`${file}: symbol ${i + 1} ("${s.id}"): the id is used by an earlier symbol`);
    ids.add(s.id);
    const patterns = s.tex_patterns.map((p) => {
      try {
        return new RegExp(p, 'u');
      } catch (error) {
        throw new Error(`${file}: symbol "${s.id}": tex pattern ${JSON.stringify(p)} is not a regular expression (${(error as Error).message})`);
      }
    });
    if (!patterns.some((re) => re.test(s.tex))) throw new Error(`${file}: symbol "${s.id}": no tex pattern matches its own tex "${s.tex}"`);
    return { ...s, patterns };
  });
}

let cached: NotationSymbol[] | undefined;

/** content/notation.json under `root`, checked. */
export function readNotation(root: string = process.cwd()): NotationSymbol[] {
  if (cached && root === process.cwd()) return cached;
  const file = path.join(root, NOTATION_FILE);
  const symbols = parseNotation(parseJsonText(NOTATION_FILE, readFileSync(file, 'utf8')));
  if (root === process.cwd()) cached = symbols;
  return symbols;
}

/** Ids of the symbols a piece of TeX uses, in the notation file's order. */
export function symbolsInTex(tex: string, symbols: readonly NotationSymbol[]): string[] {
  return symbols.filter((s) => s.patterns.some((re) => re.test(tex))).map((s) => s.id);
}

/** Ids of the symbols a piece of TeX uses, in the order they first occur in it. */
export function symbolsInTexByPosition(tex: string, symbols: readonly NotationSymbol[]): string[] {
  const at = (s: NotationSymbol) => Math.min(...s.patterns.map((re) => tex.search(re)).filter((i) => i >= 0));
  return symbols
    .map((s) => ({ id: s.id, index: at(s) }))
    .filter((s) => Number.isFinite(s.index))
    .sort((a, b) => a.index - b.index)
    .map((s) => s.id);
}

/** The anchor of a symbol's entry on /notation/. */
export function notationAnchor(id: string): string {
  return `sym-${id}`;
}
