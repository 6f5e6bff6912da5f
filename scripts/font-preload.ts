/**
 * Post-build: pages with math preload the two KaTeX fonts nearly every formula uses.
 *
 * Why: the browser discovers a web font only when it lays out text that needs it, i.e. after
 * the stylesheet has arrived and the page has been laid out once with a fallback font. On an
 * article whose first paragraph holds math, the late KaTeX fonts then re-flow that paragraph and
 * push everything below it down: Lighthouse measured a layout shift of 0.095 on /order-and-chaos/
 * from exactly this. Preloading starts both downloads with the stylesheet's, so they arrive
 * before the first layout. Only two fonts: every preload competes for the first bytes.
 *
 * The font files have content hashes in their names (Vite), so they are found in the page's own
 * stylesheets after the build.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlFiles, localFile, normaliseBase } from './site-files.ts';

/** Font file stems, and the class that shows a page uses that face. */
export const MATH_FONTS: readonly { stem: string; usedBy: RegExp }[] = [
  { stem: 'KaTeX_Main-Regular', usedBy: /class="katex"/ },
  { stem: 'KaTeX_Math-Italic', usedBy: /class="[^"]*\bmathnormal\b/ },
];

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
    const wanted = MATH_FONTS.filter((f) => f.usedBy.test(html));
    if (wanted.length === 0) continue;
    const css: string[] = [];
    for (const url of stylesheetUrls(html)) {
      const cssFile = localFile(outDir, root, rel, url);
      if (cssFile) css.push(await readFile(cssFile, 'utf8'));
    }
    const urls = wanted.map(({ stem }) => {
      const found = css.map((c) => woff2Url(c, stem)).find((u) => u !== null);
      if (!found) throw new Error(`${rel}: shows math, but none of its stylesheets loads ${stem}.woff2`);
      return found;
    });
    const tmp = `${file}.preload.tmp`;
    await writeFile(tmp, withFontPreloads(html, urls, rel));
    await rename(tmp, file);
    changed.push(rel);
  }
  return changed;
}
