/**
 * Post-build: a Content-Security-Policy for every page, as a `<meta http-equiv>` in its head
 * (a static host may not let us set headers). Scripts run only from this site or, for inline
 * scripts (Astro inlines its island loader), by SHA-256 hash: never 'unsafe-inline'.
 *
 * Why not Astro's `experimental.csp`: it does not hash `is:inline` scripts, applies the same
 * directives to every page (Pagefind needs 'wasm-unsafe-eval' on the search page only), and its
 * style hashes would switch off the `style` attributes KaTeX lays out math with.
 *
 * Styles keep 'unsafe-inline': KaTeX positions every glyph with `style` attributes, and CSS
 * cannot run code. Fonts may also be data: URLs, which is how Vite inlines a font file under
 * 4 KB (KaTeX_Size3) into the stylesheet. Everything else is limited to this site ('self') or
 * forbidden ('none').
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { htmlFiles, localFile, normaliseBase } from './site-files.ts';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;
/** A data block (JSON-LD): not executed, so not a script for the policy (HTML: "data block"). */
const DATA_BLOCK = /\stype\s*=\s*"application\/(?:ld\+)?json"/i;
/** What a page's module graph must mention for the page to load Pagefind (and its wasm). */
const PAGEFIND_ENTRY = 'pagefind/pagefind.js';

/** `'sha256-…'` of each distinct inline script, in order of first appearance. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes ?? '') || DATA_BLOCK.test(attributes ?? '')) continue;
    const hash = `'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`;
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}

export interface PolicyInput {
  /** Hash sources of the page's inline scripts. */
  scriptHashes: readonly string[];
  /** Whether the page loads any script at all (inline or from a file). */
  hasScripts: boolean;
  /** Whether the page compiles WebAssembly (Pagefind). */
  wasm: boolean;
}

/** The policy for one page; a page without scripts may run none. */
export function contentSecurityPolicy({ scriptHashes, hasScripts, wasm }: PolicyInput): string {
  const scriptSrc = hasScripts ? ["'self'", ...scriptHashes, ...(wasm ? ["'wasm-unsafe-eval'"] : [])] : ["'none'"];
  return [
    "default-src 'none'",
    `script-src ${scriptSrc.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** `html` with the policy as the first element after `<meta charset>` (or first in `<head>`). */
export function withCspMeta(html: string, policy: string, where = 'page'): string {
  if (/<meta\s+http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    throw new Error(`${where}: already has a Content-Security-Policy meta element`);
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error(`${where}: no <head> to put the Content-Security-Policy in`);
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

/** URLs of the JavaScript modules a page loads directly: script src, islands, modulepreload. */
export function pageScriptUrls(html: string): string[] {
  const patterns = [
    /<script\b[^>]*\ssrc\s*=\s*"([^"]+)"/gi,
    /<link\b[^>]*\srel\s*=\s*"modulepreload"[^>]*\shref\s*=\s*"([^"]+)"/gi,
    // <astro-island component-url="…" renderer-url="…">: the island's module and its framework.
    /\s(?:component|renderer)-url\s*=\s*"([^"]+)"/gi,
  ];
  const urls = new Set<string>();
  for (const pattern of patterns) for (const [, url] of html.matchAll(pattern)) if (url) urls.add(url.replace(/&amp;/g, '&'));
  return [...urls];
}

/** Relative module specifiers a (minified) ES module imports, statically or dynamically. */
export function importedSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const [, spec] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) if (spec) out.push(spec);
  return out;
}

/** Whether any module the page loads (followed through relative imports) mentions Pagefind. */
async function loadsPagefind(outDir: string, base: string, pagePath: string, html: string): Promise<boolean> {
  const seen = new Set<string>();
  const queue = pageScriptUrls(html)
    .map((url) => localFile(outDir, base, pagePath, url))
    .filter((f): f is string => f !== null);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (cause) {
      throw new Error(`${pagePath}: loads ${path.relative(outDir, file)}, which is not in the built site`, { cause });
    }
    if (source.includes(PAGEFIND_ENTRY)) return true;
    for (const spec of importedSpecifiers(source)) queue.push(path.resolve(path.dirname(file), spec));
  }
  return false;
}

export interface CspSummary {
  pages: number;
  withScripts: number;
  withWasm: string[];
}

/** Writes a policy into every HTML page under `outDir` (built for `base`). */
export async function applyCsp(outDir: string, base = '/'): Promise<CspSummary> {
  const root = normaliseBase(base);
  const summary: CspSummary = { pages: 0, withScripts: 0, withWasm: [] };
  for (const rel of await htmlFiles(outDir)) {
    const file = path.join(outDir, rel);
    const html = await readFile(file, 'utf8');
    const scriptHashes = inlineScriptHashes(html);
    const hasScripts = scriptHashes.length > 0 || pageScriptUrls(html).length > 0;
    const wasm = hasScripts && (await loadsPagefind(outDir, root, rel, html));
    const out = withCspMeta(html, contentSecurityPolicy({ scriptHashes, hasScripts, wasm }), rel);
    const tmp = `${file}.csp.tmp`;
    await writeFile(tmp, out);
    await rename(tmp, file);
    summary.pages++;
    if (hasScripts) summary.withScripts++;
    if (wasm) summary.withWasm.push(rel);
  }
  return summary;
}
