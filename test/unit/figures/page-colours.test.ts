// The page's colour schemes (src/styles/base.css, dark.css) against WCAG contrast, and the link
// between them and the chart theme: in dark mode charts sit on a panel whose background is the
// theme's background, so every contrast check in theme.test.ts holds in both schemes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backgroundColour, colours, paletteColours } from '../../../src/lib/figures/theme';
import { contrastRatio } from './colour-science';

const styles = new URL('../../../src/styles/', import.meta.url);
const base = readFileSync(new URL('base.css', styles), 'utf8');
const dark = readFileSync(new URL('dark.css', styles), 'utf8');

/** Custom properties (`--name: #rrggbb`) declared in the first rule block whose selector matches. */
function customProperties(css: string, selector: RegExp): Record<string, string> {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors, body] of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.test(selectors!.trim())) continue;
    const out: Record<string, string> = {};
    for (const [, name, value] of body!.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;/g)) out[name!] = value!.toUpperCase();
    return out;
  }
  throw new Error(`no rule for ${selector} in the stylesheet`);
}

const light = customProperties(base, /^:root$/);
const darkScheme = customProperties(dark, /:root$/);
const panel = customProperties(dark, /\.figure-graphic/);

const PAIRS: readonly [string, string][] = [
  ['--text', '--bg'],
  ['--muted', '--bg'],
  ['--link', '--bg'],
  ['--text', '--code-bg'],
  ['--link', '--code-bg'],
];

describe.each([
  ['light', light],
  ['dark', darkScheme],
])('the %s scheme', (_name, scheme) => {
  it('declares every colour the pages use', () => {
    for (const name of ['--text', '--muted', '--link', '--rule', '--bg', '--code-bg']) expect(scheme[name], name).toMatch(/^#/);
  });

  it.each(PAIRS)('has %s on %s at ≥ 4.5:1 (WCAG AA text)', (fg, bg) => {
    expect(contrastRatio(scheme[fg]!, scheme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the dark scheme', () => {
  it('is dark: its background is darker than its text', () => {
    expect(contrastRatio(darkScheme['--bg']!, '#000000')).toBeLessThan(contrastRatio(darkScheme['--text']!, '#000000'));
  });

  it("puts charts on a panel of the chart theme's background, in the light scheme's colours", () => {
    expect(panel['--bg']).toBe(backgroundColour);
    expect(panel).toEqual(light);
  });

  it('so every chart colour keeps ≥ 3:1 and chart text ≥ 4.5:1 against what is behind it', () => {
    for (const colour of paletteColours) expect(contrastRatio(colour, panel['--bg']!), colour).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colours.ink, panel['--bg']!)).toBeGreaterThanOrEqual(4.5);
  });
});
