import { describe, expect, it } from 'vitest';

import {
  backgroundColour,
  categoricalPalette,
  colourForN,
  colours,
  cssCustomProperties,
  nColourScale,
  nLabel,
  nsWithColour,
  paletteColours,
  vegaConfig,
} from '../../../src/lib/figures/theme';
import { contrastRatio, deltaE2000, labAsSeen, type Vision } from './colour-science';

const SITE_NS = [0.25, 0.5, 1, 1.5, 2, 3, 4];

describe('the colour-science helpers used below', () => {
  it('give the known WCAG contrasts: black/white 21, #767676/white 4.54, white/white 1', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBe(1);
  });

  it("reproduce Sharma, Wu & Dalal's CIEDE2000 test pairs 1, 7 and 17", () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });
});

describe('colourForN', () => {
  it('has a distinct colour for every n the site discusses', () => {
    expect([...nsWithColour]).toEqual(SITE_NS);
    const used = SITE_NS.map(colourForN);
    expect(new Set(used).size).toBe(SITE_NS.length);
    for (const colour of used) expect(colour).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('throws for an n without a colour, naming it and the known ones', () => {
    expect(() => colourForN(5)).toThrow(/No colour for n = 5.*0\.25, 0\.5, 1, 1\.5, 2, 3, 4/);
    expect(() => colourForN(Number.NaN)).toThrow(/n = NaN/);
  });

  it('keeps every pair of n colours apart for protan, deutan and tritan viewers (CIEDE2000 ≥ 8)', () => {
    const visions: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
    for (const vision of visions) {
      for (const [i, a] of SITE_NS.entries()) {
        for (const b of SITE_NS.slice(i + 1)) {
          const dE = deltaE2000(labAsSeen(colourForN(a), vision), labAsSeen(colourForN(b), vision));
          expect(dE, `n = ${a} vs n = ${b}, ${vision}`).toBeGreaterThanOrEqual(8);
        }
      }
    }
  });
});

describe('palette contrast (WCAG 2.2 SC 1.4.11, non-text contrast)', () => {
  it('has every data and guide colour at ≥ 3:1 against the white background', () => {
    expect(backgroundColour).toBe('#FFFFFF');
    expect(paletteColours.length).toBe(SITE_NS.length + Object.keys(colours).length);
    for (const colour of paletteColours) {
      expect(contrastRatio(colour, backgroundColour), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('has text (ink) at ≥ 4.5:1, the WCAG AA text contrast', () => {
    expect(contrastRatio(colours.ink, backgroundColour)).toBeGreaterThanOrEqual(4.5);
  });

  it('uses only palette colours as the default categorical range', () => {
    for (const colour of categoricalPalette) expect(paletteColours).toContain(colour);
    expect(new Set(categoricalPalette).size).toBe(categoricalPalette.length);
  });
});

describe('nColourScale', () => {
  it('pairs "n = …" labels with each n’s colour, in the order given', () => {
    expect(nColourScale([2, 0.5, 1])).toEqual({
      domain: ['n = 2', 'n = 0.5', 'n = 1'],
      range: [colourForN(2), colourForN(0.5), colourForN(1)],
    });
    expect(nLabel(0.25)).toBe('n = 0.25');
  });

  it('gives n the same colour whatever other n share the chart', () => {
    const a = nColourScale([1, 2]);
    const b = nColourScale([4, 3, 2]);
    expect(a.range[a.domain.indexOf('n = 2')]).toBe(b.range[b.domain.indexOf('n = 2')]);
  });

  it('rejects unknown and repeated n', () => {
    expect(() => nColourScale([1, 7])).toThrow(/n = 7/);
    expect(() => nColourScale([1, 1])).toThrow(/twice/);
  });
});

describe('vegaConfig', () => {
  it('is built from the theme: white background, no view stroke, palette as category range', () => {
    expect(vegaConfig.background).toBe(backgroundColour);
    expect(vegaConfig.view?.stroke).toBeNull();
    expect(vegaConfig.range?.category).toEqual([...categoricalPalette]);
    expect(vegaConfig.axis?.labelColor).toBe(colours.ink);
    expect(vegaConfig.font).toMatch(/system-ui/);
  });

  it('uses labels of at least 16 px, still ≈ 8.8 px when a 640 px figure is shown at 0.55×', () => {
    const sizes = [vegaConfig.axis?.labelFontSize, vegaConfig.axis?.titleFontSize, vegaConfig.legend?.labelFontSize];
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
  });
});

describe('cssCustomProperties', () => {
  it('exposes the same colours to island CSS', () => {
    const properties = cssCustomProperties();
    expect(properties['--chart-n-0p25']).toBe(colourForN(0.25));
    expect(properties['--chart-n-2']).toBe(colourForN(2));
    expect(properties['--chart-critical']).toBe(colours.critical);
  });
});
