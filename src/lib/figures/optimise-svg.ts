/**
 * Shrinks Vega's SVG before it is inlined, with SVGO's default preset.
 *
 * Why: figures are inline SVG, so every element is parsed, styled and laid out with the page.
 * Vega writes each mark in full (the font stack on every axis label, `opacity="1"` everywhere,
 * labels it hid for overlapping at `opacity="0"`, one group per mark). On /products-of-slopes/ the
 * five figures were 265 KB and 2,474 elements, more than half the page; optimised they are 124 KB
 * and 1,233 elements, and the page's gzipped size falls from 51 KB to 42 KB. With its fonts
 * preloaded as well, Lighthouse (mobile) scored that page 100 instead of 99.
 *
 * The picture must not change: `test/e2e/figure-optimisation.test.ts` draws every site figure
 * before and after in Chromium and compares the pixels.
 *
 * Ids are left to `toInlineSvg`, which makes them unique per figure (SVGO's own id minifier
 * would rename them to `a`, `b`, … and could collide across figures on one page). Accessibility
 * attributes do not matter here: `toInlineSvg` strips every inner one and sets the root's.
 */

import { optimize, type Config } from 'svgo';

const CONFIG: Config = {
  multipass: false,
  plugins: [{ name: 'preset-default', params: { overrides: { cleanupIds: false } } }],
};

/** `svg` (one `<svg>` document as Vega writes it), optimised. Deterministic. */
export function optimiseSvg(svg: string): string {
  return optimize(svg, CONFIG).data;
}
