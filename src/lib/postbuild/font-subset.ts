/**
 * Post-build: each KaTeX font face the site uses is cut down to the characters its math shows in
 * that face (HarfBuzz's subsetter, through subset-font), and given a new content-hashed name.
 *
 * Why: the faces are most of what a math page downloads before its text is drawn. KaTeX ships
 * every face with all of Latin, Greek and its symbols; /order-and-chaos/ needs six faces, 88 KB,
 * of which its formulas use a few dozen characters. On Lighthouse's mobile profile those bytes
 * sat on the largest paint (1.95 s simulated, once every face was preloaded). Subset, the six
 * faces the site uses weigh 27 KB instead of 86 KB, and that paint came at 1.5 s.
 *
 * Which characters a face needs is read from the built pages by `collectMathCharacters`
 * (math-fonts.ts, which the preloads use too); it over-approximates, never under. The pages test
 * checks in Chromium that every character of every formula is drawn by a KaTeX face, never by a
 * fallback font.
 *
 * Names: the woff2 files keep Vite's `<face>.<hash>.woff2` pattern with the hash of the new bytes,
 * and a stylesheet that names them is rewritten and renamed the same way (and so are the pages'
 * links to it). A file whose bytes change must change its name, or a reader's cache, told these
 * files never change, would keep an older subset that lacks a newly used character.
 *
 * Only woff2 is subset: every browser that can run this site uses it; the woff and ttf
 * fallbacks stay whole. A face the bundler embedded in the stylesheet (under 4 KB) is left as is.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import { collectMathCharacters, MATH_FONTS, woff2Url } from './math-fonts.ts';
import { allFiles, htmlFiles, localFile, normaliseBase } from './site-files.ts';

/** katex.css draws equation numbers with `content: "(" counter(…) ")"`, text that is in no page. */
const EQUATION_NUMBER_CHARACTERS = '()0123456789';

/** Vite-style content hash: 8 URL-safe base64 characters of SHA-256. */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
}

/** `name` with its `.<hash>` before the extension replaced by (or given) `.${hash}`. */
export function withHash(name: string, hash: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, -ext.length).replace(/\.[A-Za-z0-9_-]{8}$/, '');
  return `${stem}.${hash}${ext}`;
}

async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.subset.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export interface SubsetFace {
  stem: string;
  characters: number;
  before: number;
  after: number;
  file: string;
}

/**
 * Subsets the KaTeX faces that the pages under `outDir` (built for `base`) use, renames them and
 * the stylesheets that load them, and points every page at the new names. Returns what it did.
 */
export async function subsetMathFonts(outDir: string, base = '/'): Promise<SubsetFace[]> {
  const root = normaliseBase(base);
  const pages = await htmlFiles(outDir);
  const wanted = new Map<string, Set<string>>();
  for (const rel of pages) collectMathCharacters(await readFile(path.join(outDir, rel), 'utf8'), wanted);
  if (wanted.size === 0) return [];
  const main = wanted.get('KaTeX_Main-Regular');
  if (main) for (const ch of EQUATION_NUMBER_CHARACTERS) main.add(ch);

  const files = await allFiles(outDir);
  const stylesheets = files.filter((f) => f.endsWith('.css'));
  const css = new Map<string, string>();
  for (const rel of stylesheets) css.set(rel, await readFile(path.join(outDir, rel), 'utf8'));

  // Old file name → new file name, for fonts and then stylesheets.
  const renamed = new Map<string, string>();
  const faces: SubsetFace[] = [];
  for (const { stem } of MATH_FONTS) {
    const chars = wanted.get(stem);
    if (!chars) continue;
    const url = [...css.values()].map((c) => woff2Url(c, stem)).find((u) => u !== null);
    if (!url) continue; // embedded in the stylesheet, or not shipped: nothing to subset
    const file = localFile(outDir, root, 'index.html', url);
    if (!file) throw new Error(`font subsetting: the stylesheet loads ${stem} from ${url}, which is not a file of this site`);
    const original = await readFile(file).catch((cause: unknown) => {
      throw new Error(`font subsetting: ${path.relative(outDir, file)} (${stem}, named in a stylesheet) cannot be read`, { cause });
    });
    const text = [...chars].sort().join('');
    const subset = await subsetFont(original, text, { targetFormat: 'woff2' });
    const name = withHash(path.basename(file), contentHash(subset));
    await writeAtomically(path.join(path.dirname(file), name), subset);
    renamed.set(path.basename(file), name);
    faces.push({ stem, characters: chars.size, before: original.length, after: subset.length, file: path.relative(outDir, path.join(path.dirname(file), name)) });
  }
  if (renamed.size === 0) return faces;

  const replaceNames = (text: string): string => {
    let out = text;
    for (const [from, to] of renamed) out = out.split(`/${from}`).join(`/${to}`);
    return out;
  };
  const cssRenamed = new Map<string, string>();
  for (const [rel, text] of css) {
    const updated = replaceNames(text);
    if (updated === text) continue;
    const name = withHash(path.basename(rel), contentHash(updated));
    await writeAtomically(path.join(outDir, path.dirname(rel), name), updated);
    cssRenamed.set(path.basename(rel), name);
  }
  for (const [from, to] of cssRenamed) renamed.set(from, to);

  for (const rel of pages) {
    const file = path.join(outDir, rel);
    const html = await readFile(file, 'utf8');
    const updated = replaceNames(html);
    if (updated !== html) await writeAtomically(file, updated);
  }

  // The old files go only once nothing names them any more.
  for (const rel of files) {
    if (!/\.(html|css|js|mjs|json|xml|txt|webmanifest)$/.test(rel) || cssRenamed.has(path.basename(rel))) continue;
    const text = await readFile(path.join(outDir, rel), 'utf8');
    const stale = [...renamed.keys()].find((old) => text.includes(`/${old}`));
    if (stale) throw new Error(`font subsetting: ${rel} still names ${stale}, which was replaced by ${renamed.get(stale)}`);
  }
  for (const rel of files) if (renamed.has(path.basename(rel))) await rm(path.join(outDir, rel));
  return faces;
}
