/**
 * Post-build: `<style>` elements that Astro writes into `<body>` move into `<head>`.
 *
 * Astro puts `<style>astro-island,…{display:contents}</style>` right before a page's first island,
 * wherever that island sits. HTML allows a `<style>` in the body only as the first child of its
 * parent (the W3C Nu checker reports it otherwise: /search/ and /slope-budget/ had one after
 * other content), and Astro 5 has no setting that places it elsewhere. In the head it applies
 * the same way to the whole page. A `<style>` inside an inline `<svg>` belongs to that drawing
 * and stays.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlFiles } from './site-files.ts';

const STYLE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/** How many `<svg>` elements are open at `index` of `html`. */
function svgDepth(html: string, index: number): number {
  const before = html.slice(0, index);
  return (before.match(/<svg\b/gi)?.length ?? 0) - (before.match(/<\/svg\s*>/gi)?.length ?? 0);
}

/** `html` with its body-level `<style>` elements at the end of `<head>` (identical ones once). */
export function withBodyStylesInHead(html: string, where = 'page'): { html: string; moved: number } {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return { html, moved: 0 };
  const bodyStart = body.index + body[0].length;
  const moved: string[] = [];
  let out = html.slice(0, bodyStart);
  let last = bodyStart;
  for (const m of html.slice(bodyStart).matchAll(STYLE)) {
    const at = bodyStart + (m.index ?? 0);
    if (svgDepth(html, at) > 0) continue;
    out += html.slice(last, at);
    last = at + m[0].length;
    if (!moved.includes(m[0])) moved.push(m[0]);
  }
  if (last === bodyStart && moved.length === 0) return { html, moved: 0 };
  out += html.slice(last);
  const headEnd = out.search(/<\/head\s*>/i);
  if (headEnd < 0) throw new Error(`${where}: a <style> in <body> but no </head> to move it to`);
  const head = out.slice(0, headEnd);
  const fresh = moved.filter((style) => !head.includes(style));
  return { html: head + fresh.join('') + out.slice(headEnd), moved: moved.length };
}

/** Moves body-level styles into the head on every page under `outDir`; returns the pages changed. */
export async function hoistBodyStyles(outDir: string): Promise<string[]> {
  const changed: string[] = [];
  for (const rel of await htmlFiles(outDir)) {
    const file = path.join(outDir, rel);
    const result = withBodyStylesInHead(await readFile(file, 'utf8'), rel);
    if (result.moved === 0) continue;
    const tmp = `${file}.styles.tmp`;
    await writeFile(tmp, result.html);
    await rename(tmp, file);
    changed.push(rel);
  }
  return changed;
}
