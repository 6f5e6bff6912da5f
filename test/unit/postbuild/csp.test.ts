import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyCsp,
  contentSecurityPolicy,
  importedSpecifiers,
  inlineScriptHashes,
  pageScriptUrls,
  withCspMeta,
} from '../../../src/lib/postbuild/csp';

/** The CSP hash source of a script body, computed independently (Node's crypto, by hand). */
function sha256Source(body: string): string {
  return `'sha256-${createHash('sha256').update(Buffer.from(body, 'utf8')).digest('base64')}'`;
}

const ISLAND_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>' +
  '<script>(()=>{var a=1;self.Astro=a})();</script>' +
  '<astro-island uid="x" component-url="/_astro/Widget.abc.js" renderer-url="/_astro/client.def.js"></astro-island>' +
  '<script type="module" src="/_astro/page.js"></script>' +
  '<script>console.log("é</b>")</script>' +
  '<script>(()=>{var a=1;self.Astro=a})();</script>' +
  '</body></html>';

describe('inlineScriptHashes', () => {
  it('hashes each distinct inline script over its exact UTF-8 text, skipping scripts with src', () => {
    expect(inlineScriptHashes(ISLAND_PAGE)).toEqual([
      sha256Source('(()=>{var a=1;self.Astro=a})();'),
      sha256Source('console.log("é</b>")'),
    ]);
  });

  it('matches the hash CSP documents for alert(\'Hello, world.\')', () => {
    // From the CSP Level 3 specification's hash-source example.
    expect(inlineScriptHashes("<script>alert('Hello, world.');</script>")).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site and by hash, never unsafe-inline or eval', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], hasScripts: true, wasm: false });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).not.toContain('unsafe-eval');
  });

  it("lets a page without scripts run none, and adds 'wasm-unsafe-eval' only for wasm pages", () => {
    expect(contentSecurityPolicy({ scriptHashes: [], hasScripts: false, wasm: false })).toContain("script-src 'none';");
    expect(contentSecurityPolicy({ scriptHashes: [], hasScripts: true, wasm: true })).toContain(
      "script-src 'self' 'wasm-unsafe-eval';",
    );
  });
});

describe('withCspMeta', () => {
  it('puts the policy right after <meta charset>, attribute-escaped', () => {
    const html = withCspMeta(ISLAND_PAGE, `script-src 'self' "x" &`);
    expect(html).toContain(
      '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src \'self\' &quot;x&quot; &amp;"><title>',
    );
  });

  it('falls back to the start of <head>, and fails on a page without one or with a policy already', () => {
    expect(withCspMeta('<html><head><title>t</title></head></html>', "default-src 'none'")).toContain(
      '<head><meta http-equiv="Content-Security-Policy"',
    );
    expect(() => withCspMeta('<p>no head</p>', 'x', 'frag.html')).toThrow(/frag\.html: no <head>/);
    expect(() => withCspMeta(withCspMeta(ISLAND_PAGE, 'x'), 'y', 'twice.html')).toThrow(/twice\.html: already has/);
  });
});

describe('module discovery', () => {
  it('finds script src, island component and renderer URLs', () => {
    expect(pageScriptUrls(ISLAND_PAGE).sort()).toEqual(['/_astro/Widget.abc.js', '/_astro/client.def.js', '/_astro/page.js']);
  });

  it('finds relative static and dynamic imports in minified modules', () => {
    expect(importedSpecifiers('import{a as b}from"./chunk.1.js";import"./side.js";const m=import("../x/y.js");import z from "pkg";')).toEqual([
      './chunk.1.js',
      './side.js',
      '../x/y.js',
    ]);
  });
});

describe('applyCsp over a built site', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives every page its own hashes, and 'wasm-unsafe-eval' only where a loaded module imports Pagefind", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'csp-test-'));
    await mkdir(path.join(dir, 'search'), { recursive: true });
    await mkdir(path.join(dir, '_astro'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<html><head><meta charset="utf-8"></head><body><p>static</p></body></html>');
    await writeFile(path.join(dir, 'search', 'index.html'), ISLAND_PAGE.replace('Widget.abc.js', 'Search.js'));
    await writeFile(path.join(dir, '_astro', 'Search.js'), 'import{h}from"./chunk.js";export default h;');
    await writeFile(path.join(dir, '_astro', 'chunk.js'), 'export const h=()=>import(`${base}pagefind/pagefind.js`);');
    await writeFile(path.join(dir, '_astro', 'client.def.js'), 'export default 1;');
    await writeFile(path.join(dir, '_astro', 'page.js'), 'export {};');
    const summary = await applyCsp(dir, '/');
    expect(summary).toEqual({ pages: 2, withScripts: 1, withWasm: ['search/index.html'] });
    const home = await readFile(path.join(dir, 'index.html'), 'utf8');
    expect(home).toContain("script-src 'none'");
    const search = await readFile(path.join(dir, 'search', 'index.html'), 'utf8');
    expect(search).toContain(`script-src 'self' ${inlineScriptHashes(ISLAND_PAGE).join(' ')} 'wasm-unsafe-eval'`);
  });

  it('fails naming the page when it loads a module that is not in the build', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'csp-test-'));
    await writeFile(path.join(dir, 'index.html'), ISLAND_PAGE);
    await expect(applyCsp(dir, '/')).rejects.toThrow(/index\.html: loads _astro\/.*not in the built site/);
  });
});
