import { describe, expect, it } from 'vitest';
import { collectMathCharacters, mathFontsUsed, woff2Inlined, woff2Url } from '../../../src/lib/postbuild/math-fonts';

const CSS =
  '@font-face{font-family:KaTeX_AMS;src:url(/_astro/KaTeX_AMS-Regular.BQhd.woff2) format("woff2")}' +
  '@font-face{font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.B22N.woff2) format("woff2"),url(/_astro/KaTeX_Main-Regular.Dr94.woff) format("woff")}' +
  '@font-face{font-family:KaTeX_Math;src:url("/_astro/KaTeX_Math-Italic.t53A-.woff2") format("woff2")}';

/** A formula as rehype-katex writes it: MathML copy first, then the visible HTML. */
function formula(visible: string, mathml = '<math><mi>y</mi></math>'): string {
  return `<span class="katex"><span class="katex-mathml">${mathml}</span><span class="katex-html" aria-hidden="true">${visible}</span></span>`;
}

function collect(html: string): Record<string, string> {
  const out = new Map<string, Set<string>>();
  collectMathCharacters(html, out);
  return Object.fromEntries([...out].map(([face, chars]) => [face, [...chars].sort().join('')]));
}

describe('collectMathCharacters', () => {
  it('gives each face the visible characters under its classes, and Main everything', () => {
    const html = formula(
      '<span class="base"><span class="mord mathnormal">x</span><span class="mrel">=</span>' +
        '<span class="mord mathbb">E</span><span class="mop op-symbol small-op">∑</span></span>',
    );
    expect(collect(`<p>prose x z</p>${html}`)).toEqual({
      'KaTeX_Main-Regular': '=Ex∑',
      'KaTeX_Math-Italic': 'x',
      'KaTeX_AMS-Regular': 'E',
      'KaTeX_Size1-Regular': '∑',
    });
  });

  it('ignores the MathML copy, prose and class names that only look alike', () => {
    const html = formula('<span class="sizing reset-size6 size3 mtight"><span class="mord">2</span></span>', '<math><mi>q</mi></math>');
    expect(collect(`<p class="katex-display">w</p>${html}`)).toEqual({ 'KaTeX_Main-Regular': '2' });
  });

  it('finds nothing in a page without math', () => {
    expect(collect('<html><body><p>tanh(n·x)</p></body></html>')).toEqual({});
  });
});

describe('mathFontsUsed', () => {
  const span = (classes: string) => `<span class="${classes}">x</span>`;
  const used = (visible: string) => mathFontsUsed(formula(visible));

  it('reads the faces from KaTeX classes, in preload order', () => {
    expect(used(`${span('mord mathbb')}${span('mord mathnormal')}${span('mop op-symbol small-op')}`)).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_AMS-Regular', 'KaTeX_Size1-Regular']);
  });

  it('needs every class of a set, as whole class names', () => {
    // KaTeX's `sizing … size3` is a font size, not the Size3 face (that is `.delimsizing.size3`).
    expect(used(span('sizing reset-size6 size3 mtight'))).toEqual(['KaTeX_Main-Regular']);
    expect(used(span('delimsizing size3'))).toEqual(['KaTeX_Main-Regular', 'KaTeX_Size3-Regular']);
    expect(used(span('mop op-symbol large-op'))).toEqual(['KaTeX_Main-Regular', 'KaTeX_Size2-Regular']);
    // `mathbfx` is not `mathbf`.
    expect(used(span('mathbfx'))).toEqual(['KaTeX_Main-Regular']);
  });

  it('counts a face only when it draws text: an empty element loads no font', () => {
    expect(used('<span class="mord mathcal"></span><span class="mord">1</span>')).toEqual(['KaTeX_Main-Regular']);
  });

  it('finds nothing on a page without math', () => {
    expect(mathFontsUsed('<html><body><p class="lead mathnormal">tanh</p></body></html>')).toEqual([]);
  });
});

describe('woff2Url', () => {
  it('finds the hashed woff2 of a face, quoted or not, and not the woff', () => {
    expect(woff2Url(CSS, 'KaTeX_Main-Regular')).toBe('/_astro/KaTeX_Main-Regular.B22N.woff2');
    expect(woff2Url(CSS, 'KaTeX_Math-Italic')).toBe('/_astro/KaTeX_Math-Italic.t53A-.woff2');
    expect(woff2Url(CSS, 'KaTeX_Size1-Regular')).toBeNull();
  });
});

describe('woff2Inlined', () => {
  it('recognises a face whose woff2 the bundler embedded, by its fallback file name', () => {
    const css =
      '@font-face{font-family:KaTeX_Size3;src:url(data:font/woff2;base64,d09GMgAB) format("woff2"),' +
      'url(/_astro/KaTeX_Size3-Regular.CTq5.woff) format("woff")}' + CSS;
    expect(woff2Inlined(css, 'KaTeX_Size3-Regular')).toBe(true);
    expect(woff2Url(css, 'KaTeX_Size3-Regular')).toBeNull();
    expect(woff2Inlined(css, 'KaTeX_Main-Regular')).toBe(false);
    expect(woff2Inlined(CSS, 'KaTeX_Size3-Regular')).toBe(false);
  });
});
