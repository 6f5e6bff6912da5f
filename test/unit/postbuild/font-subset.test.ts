import { mkdtemp, mkdir, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, subsetMathFonts, withHash } from '../../../src/lib/postbuild/font-subset';

const KATEX_FONTS = path.resolve('node_modules/katex/dist/fonts');

/** A formula as rehype-katex writes it: MathML copy first, then the visible HTML. */
function formula(visible: string, mathml = '<math><mi>y</mi></math>'): string {
  return `<span class="katex"><span class="katex-mathml">${mathml}</span><span class="katex-html" aria-hidden="true">${visible}</span></span>`;
}

describe('names', () => {
  it('replaces a Vite hash, or adds one', () => {
    expect(withHash('KaTeX_Main-Regular.B22Nviop.woff2', 'abcdEFGH')).toBe('KaTeX_Main-Regular.abcdEFGH.woff2');
    expect(withHash('_slug_.Go_GL2GM.css', 'x1y2z3w4')).toBe('_slug_.x1y2z3w4.css');
    expect(withHash('site.css', 'x1y2z3w4')).toBe('site.x1y2z3w4.css');
    expect(contentHash('a')).toMatch(/^[\w-]{8}$/);
    expect(contentHash('a')).not.toBe(contentHash('b'));
  });
});

describe('subsetMathFonts over a built site', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const CSS_NAME = '_slug_.OldHash1.css';
  const css = (base: string) =>
    `@font-face{font-family:KaTeX_Main;src:url(${base}_astro/KaTeX_Main-Regular.B22Nviop.woff2) format("woff2")}` +
    `@font-face{font-family:KaTeX_Math;font-style:italic;src:url(${base}_astro/KaTeX_Math-Italic.t53AETM-.woff2) format("woff2")}` +
    `@font-face{font-family:KaTeX_AMS;src:url(${base}_astro/KaTeX_AMS-Regular.BQhdFMY1.woff2) format("woff2")}`;
  const page = (base: string) =>
    `<!doctype html><html><head><link rel="stylesheet" href="${base}_astro/${CSS_NAME}"></head><body>` +
    formula('<span class="mord mathnormal">x</span><span class="mord">=</span><span class="mord">2</span>') +
    '</body></html>';

  async function site(base: string): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'subset-test-'));
    await mkdir(path.join(dir, '_astro'));
    await mkdir(path.join(dir, 'article'));
    await writeFile(path.join(dir, '_astro', CSS_NAME), css(base));
    for (const [from, to] of [
      ['KaTeX_Main-Regular.woff2', 'KaTeX_Main-Regular.B22Nviop.woff2'],
      ['KaTeX_Math-Italic.woff2', 'KaTeX_Math-Italic.t53AETM-.woff2'],
      ['KaTeX_AMS-Regular.woff2', 'KaTeX_AMS-Regular.BQhdFMY1.woff2'],
    ] as const) {
      await copyFile(path.join(KATEX_FONTS, from), path.join(dir, '_astro', to));
    }
    await writeFile(path.join(dir, 'article', 'index.html'), page(base));
    await writeFile(path.join(dir, 'index.html'), `<!doctype html><link rel="stylesheet" href="${base}_astro/${CSS_NAME}"><p>no math</p>`);
    return dir;
  }

  it('subsets the faces in use, renames them and the stylesheet, and points every page at the new names', async () => {
    const root = await site('/tanh-nx/');
    const faces = await subsetMathFonts(root, '/tanh-nx/');
    expect(faces.map((f) => [f.stem, f.characters])).toEqual([
      ['KaTeX_Main-Regular', 3 + '()0123456789'.length - 1], // x, =, 2 and the equation-number characters (2 already counted)
      ['KaTeX_Math-Italic', 1],
    ]);
    for (const f of faces) expect(f.after).toBeLessThan(f.before / 2);

    const files = (await readdir(path.join(root, '_astro'))).sort();
    const newCss = files.find((f) => f.endsWith('.css'))!;
    expect(newCss).toMatch(/^_slug_\.[\w-]{8}\.css$/);
    expect(newCss).not.toBe(CSS_NAME);
    // The unused AMS face is untouched; the replaced files are gone.
    expect(files).toContain('KaTeX_AMS-Regular.BQhdFMY1.woff2');
    expect(files).not.toContain('KaTeX_Main-Regular.B22Nviop.woff2');
    expect(files).not.toContain(CSS_NAME);

    const cssText = await readFile(path.join(root, '_astro', newCss), 'utf8');
    for (const f of faces) {
      expect(cssText).toContain(`/tanh-nx/${f.file}`);
      expect(path.basename(f.file)).toBe(withHash(path.basename(f.file), contentHash(await readFile(path.join(root, f.file)))));
    }
    for (const rel of ['index.html', 'article/index.html']) {
      expect(await readFile(path.join(root, rel), 'utf8')).toContain(`href="/tanh-nx/_astro/${newCss}"`);
    }
  });

  it('is deterministic: the same site gives the same bytes and names', async () => {
    const first = await site('/');
    await subsetMathFonts(first, '/');
    const snapshot = async (root: string) =>
      Object.fromEntries(
        await Promise.all((await readdir(path.join(root, '_astro'))).sort().map(async (f) => [f, contentHash(await readFile(path.join(root, '_astro', f)))])),
      );
    const a = await snapshot(first);
    await rm(first, { recursive: true, force: true });
    const second = await site('/');
    await subsetMathFonts(second, '/');
    expect(await snapshot(second)).toEqual(a);
  });

  it('refuses to delete a file something still names, and says which', async () => {
    const root = await site('/');
    await writeFile(path.join(root, 'fonts.json'), JSON.stringify({ main: '/_astro/KaTeX_Main-Regular.B22Nviop.woff2' }));
    await expect(subsetMathFonts(root, '/')).rejects.toThrow(/fonts\.json still names KaTeX_Main-Regular\.B22Nviop\.woff2/);
    expect((await readdir(path.join(root, '_astro'))).sort()).toContain('KaTeX_Main-Regular.B22Nviop.woff2');
  });

  it('does nothing on a site without math', async () => {
    const root = await site('/');
    await rm(path.join(root, 'article'), { recursive: true });
    expect(await subsetMathFonts(root, '/')).toEqual([]);
    expect(await readdir(path.join(root, '_astro'))).toContain(CSS_NAME);
  });
});
