/**
 * The built site as files: every HTML page under an output directory, and the local file a
 * site URL (under the deployment's base path) points at. Shared by the post-build steps.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it (with `/`), sorted (so output is stable). */
export async function allFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await allFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Every `.html` file under `dir`, as paths relative to it, sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  return (await allFiles(dir)).filter((rel) => rel.endsWith('.html'));
}

/** `''`, `/`, `tanh-nx`, `/tanh-nx/` → `/` or `/tanh-nx/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The file in `outDir` that a URL found in the page at `pagePath` (relative to `outDir`) refers
 * to, or null when it is not a file of this site (another origin, a data: URL, outside `base`).
 */
export function localFile(outDir: string, base: string, pagePath: string, url: string): string | null {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const pageUrl = new URL(base + pagePath.replace(/(^|\/)index\.html$/, '$1'), 'http://site.invalid');
  const target = new URL(url, pageUrl);
  const pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(base)) return null;
  const file = path.resolve(outDir, pathname.slice(base.length));
  const root = path.resolve(outDir);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}
