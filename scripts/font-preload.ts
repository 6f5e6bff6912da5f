/**
 * Post-build: each page with math preloads every KaTeX font face it uses.
 *
 * Why: the browser discovers a web font only when it lays out text that needs it, i.e. after
 * the stylesheet has arrived and the page has been laid out once. Late fonts cost twice:
 * - they re-flow the math that uses them and push everything below it down: Lighthouse measured
 *   a layout shift of 0.095 on /order-and-chaos/ when Main-Regular and Math-Italic came late;
 * - they sit on the critical path (HTML → CSS → layout → font → text drawn), since KaTeX's faces
 *   block text until they arrive. With only those two preloaded, /products-of-slopes/, whose
 *   math also uses Caligraphic, AMS and Size1, had a simulated first paint of 1.67 s on
 *   Lighthouse's mobile profile; preloading all five brought it to about 1.2 s.
 * A page downloads every face its math uses at its first layout (layout covers the whole page,
 * not just the first screen), so preloading adds no bytes; it only starts them with the
 * stylesheet instead of after it.
 *
 * Which face a page uses is read from KaTeX's classes (the table below mirrors katex.css). The
 * pages test (`test/e2e/pages.test.ts`) checks in Chromium that the faces a page actually loaded
 * are exactly those preloaded, so a class missing here fails there.
 *
 * The font files have content hashes in their names (Vite), so they are found in the page's own
 * stylesheets after the build.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlFiles, localFile, normaliseBase } from './site-files.ts';

/**
 * KaTeX's font faces, in preload order, each with the class sets that select it in katex.css:
 * the face is used when some element carries every class of one set. `.katex` alone sets
 * KaTeX_Main.
 */
export const MATH_FONTS: readonly { stem: string; classes: readonly (readonly string[])[] }[] = [
  { stem: 'KaTeX_Main-Regular', classes: [['katex']] },
  { stem: 'KaTeX_Math-Italic', classes: [['mathnormal']] },
  { stem: 'KaTeX_Main-Bold', classes: [['mathbf'], ['textbf']] },
  { stem: 'KaTeX_Main-Italic', classes: [['mathit'], ['textit']] },
  { stem: 'KaTeX_Math-BoldItalic', classes: [['boldsymbol']] },
  { stem: 'KaTeX_AMS-Regular', classes: [['amsrm'], ['mathbb'], ['textbb']] },
  { stem: 'KaTeX_Caligraphic-Regular', classes: [['mathcal']] },
  { stem: 'KaTeX_Fraktur-Regular', classes: [['mathfrak'], ['textfrak']] },
  { stem: 'KaTeX_Script-Regular', classes: [['mathscr'], ['textscr']] },
  { stem: 'KaTeX_SansSerif-Regular', classes: [['mathsf'], ['textsf']] },
  { stem: 'KaTeX_Typewriter-Regular', classes: [['mathtt'], ['texttt']] },
  { stem: 'KaTeX_Size1-Regular', classes: [['delimsizing', 'size1'], ['delim-size1'], ['op-symbol', 'small-op']] },
  { stem: 'KaTeX_Size2-Regular', classes: [['delimsizing', 'size2'], ['op-symbol', 'large-op']] },
  { stem: 'KaTeX_Size3-Regular', classes: [['delimsizing', 'size3']] },
  { stem: 'KaTeX_Size4-Regular', classes: [['delimsizing', 'size4'], ['delim-size4']] },
];

/** Whether some element in `html` has every class in `set` (classes as whole tokens). */
function hasClassSet(html: string, set: readonly string[]): boolean {
  const token = (name: string) => `(?=[^"]*(?<![\\w-])${name.replace(/-/g, '\\-')}(?![\\w-]))`;
  return new RegExp(`class="${set.map(token).join('')}`).test(html);
}

/** The stems of the KaTeX faces `html` uses, in preload order. */
export function mathFontsUsed(html: string): string[] {
  return MATH_FONTS.filter(({ classes }) => classes.some((set) => hasClassSet(html, set))).map(({ stem }) => stem);
}

/** Stylesheet URLs a page links, in order. */
export function stylesheetUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\srel\s*=\s*"?stylesheet"?/i.test(tag)) continue;
    const href = /\shref\s*=\s*"([^"]+)"/i.exec(tag)?.[1];
    if (href) urls.push(href.replace(/&amp;/g, '&'));
  }
  return urls;
}

/** The woff2 URL of the font `stem` that `css` loads, as written in the CSS, if any. */
export function woff2Url(css: string, stem: string): string | null {
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`url\\(\\s*["']?([^"')\\s]*/${escaped}(?:\\.[\\w-]+)?\\.woff2)["']?\\s*\\)`).exec(css);
  return match?.[1] ?? null;
}

/**
 * True when `css` embeds the woff2 of font `stem` as a data: URL: Vite inlines assets under
 * 4 KB (KaTeX's Size3 face), which then arrive with the stylesheet and need no preload. The
 * face's `@font-face` is recognised by its woff or ttf fallback, which keeps the file name.
 */
export function woff2Inlined(css: string, stem: string): boolean {
  for (const [block] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    if (block.includes(`/${stem}.`) && /url\(\s*["']?data:font\/woff2/.test(block)) return true;
  }
  return false;
}

/** `html` with a preload link for each URL, placed before its first stylesheet link. */
export function withFontPreloads(html: string, urls: readonly string[], where = 'page'): string {
  if (urls.length === 0) return html;
  const links = urls.map((u) => `<link rel="preload" href="${u}" as="font" type="font/woff2" crossorigin>`).join('');
  const first = /<link\b[^>]*\srel\s*=\s*"?stylesheet"?[^>]*>/i.exec(html);
  if (!first) throw new Error(`${where}: has math but links no stylesheet to load its fonts`);
  return html.slice(0, first.index) + links + html.slice(first.index);
}

/** Adds the preloads to every page under `outDir` (built for `base`) that shows math. */
export async function preloadMathFonts(outDir: string, base = '/'): Promise<string[]> {
  const root = normaliseBase(base);
  const changed: string[] = [];
  for (const rel of await htmlFiles(outDir)) {
    const file = path.join(outDir, rel);
    const html = await readFile(file, 'utf8');
    const wanted = mathFontsUsed(html);
    if (wanted.length === 0) continue;
    const css: string[] = [];
    for (const url of stylesheetUrls(html)) {
      const cssFile = localFile(outDir, root, rel, url);
      if (cssFile) css.push(await readFile(cssFile, 'utf8'));
    }
    const urls = wanted.flatMap((stem) => {
      const found = css.map((c) => woff2Url(c, stem)).find((u) => u !== null);
      if (found) return [found];
      if (css.some((c) => woff2Inlined(c, stem))) return [];
      throw new Error(`${rel}: shows math, but none of its stylesheets loads ${stem}.woff2`);
    });
    const tmp = `${file}.preload.tmp`;
    await writeFile(tmp, withFontPreloads(html, urls, rel));
    await rename(tmp, file);
    changed.push(rel);
  }
  return changed;
}
