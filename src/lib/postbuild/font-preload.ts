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
 * Which faces a page uses is read from its formulas (`mathFontsUsed`, in math-fonts.ts). The
 * pages test (`test/e2e/pages.test.ts`) checks in Chromium that the faces a page actually loaded
 * are exactly those preloaded, so a class missing here fails there.
 *
 * The font files have content hashes in their names (Vite), so they are found in the page's own
 * stylesheets after the build.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mathFontsUsed, woff2Inlined, woff2Url } from './math-fonts.ts';
import { htmlFiles, localFile, normaliseBase } from './site-files.ts';

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
