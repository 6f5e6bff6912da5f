import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadMathFonts, stylesheetUrls, withFontPreloads } from '../../../src/lib/postbuild/font-preload';

const CSS =
  '@font-face{font-family:KaTeX_AMS;src:url(/_astro/KaTeX_AMS-Regular.BQhd.woff2) format("woff2")}' +
  '@font-face{font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.B22N.woff2) format("woff2"),url(/_astro/KaTeX_Main-Regular.Dr94.woff) format("woff")}' +
  '@font-face{font-family:KaTeX_Math;src:url("/_astro/KaTeX_Math-Italic.t53A-.woff2") format("woff2")}';

const MATH_PAGE =
  '<html><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/site.css"></head>' +
  '<body><span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html">' +
  '<span class="mord mathnormal">x</span><span class="mord mathbb">E</span></span></span></body></html>';

describe('withFontPreloads', () => {
  it('puts crossorigin font preloads before the first stylesheet', () => {
    expect(stylesheetUrls(MATH_PAGE)).toEqual(['/_astro/site.css']);
    const html = withFontPreloads(MATH_PAGE, ['/a.woff2']);
    expect(html).toContain(
      '<link rel="icon" href="/favicon.svg"><link rel="preload" href="/a.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet"',
    );
  });
});

describe('preloadMathFonts over a built site', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function site(pages: Record<string, string>, css = CSS): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'preload-test-'));
    await mkdir(path.join(dir, '_astro'));
    await writeFile(path.join(dir, '_astro', 'site.css'), css);
    for (const [rel, html] of Object.entries(pages)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), html);
    }
    return dir;
  }

  it('preloads the faces a page uses, on pages with math only, under a base path', async () => {
    const root = await site({
      'math/index.html': MATH_PAGE.replace('/_astro/site.css', '/tanh-nx/_astro/site.css'),
      'index.html': '<html><head><link rel="stylesheet" href="/tanh-nx/_astro/site.css"></head><body>no math</body></html>',
    });
    expect(await preloadMathFonts(root, '/tanh-nx/')).toEqual(['math/index.html']);
    const html = await readFile(path.join(root, 'math/index.html'), 'utf8');
    expect([...html.matchAll(/rel="preload" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/_astro/KaTeX_Main-Regular.B22N.woff2',
      '/_astro/KaTeX_Math-Italic.t53A-.woff2',
      '/_astro/KaTeX_AMS-Regular.BQhd.woff2',
    ]);
    expect(await readFile(path.join(root, 'index.html'), 'utf8')).not.toContain('preload');
  });

  it('fails naming the page and the font when no stylesheet loads it', async () => {
    const root = await site({ 'index.html': MATH_PAGE }, 'body{}');
    await expect(preloadMathFonts(root, '/')).rejects.toThrow(/index\.html: .*KaTeX_Main-Regular\.woff2/);
  });
});
