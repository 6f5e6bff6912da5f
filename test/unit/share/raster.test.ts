import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Blob, Face } from 'harfbuzzjs';
import { figures } from '../../../src/lib/site/manifest.ts';
import { figureSvg } from '../../../src/lib/share/figure-svg.ts';
import { standaloneSvg, svgParts } from '../../../src/lib/share/standalone-svg.ts';
import { FIGURE_PNG_SCALE, pngSize, svgToPng } from '../../../src/lib/share/raster.ts';
import { rasterFontFiles } from '../../../src/lib/share/fonts.ts';
import { CARD_SIZE, cardSvg, wrapText } from '../../../src/lib/share/card.ts';

const textOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join('');

describe('figure PNGs', () => {
  const id = 'activation-curves';

  it('are byte-identical when rendered twice, at 2× the natural size', async () => {
    const svg = standaloneSvg(await figureSvg(id));
    const a = svgToPng(svg, FIGURE_PNG_SCALE);
    const b = svgToPng(svg, FIGURE_PNG_SCALE);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const { width, height } = svgParts(await figureSvg(id));
    expect(pngSize(a.bytes)).toEqual({ width: width * 2, height: height * 2 });
  });

  it('are drawn with fonts that have every character any figure writes', async () => {
    const covered = new Set<number>();
    for (const file of rasterFontFiles()) {
      for (const u of new Face(new Blob(readFileSync(file)), 0).collectUnicodes()) covered.add(u);
    }
    const written = new Set<string>();
    for (const f of figures) for (const c of textOf(await figureSvg(f.id)).replace(/&[a-z]+;|&#\d+;/g, '')) written.add(c);
    const missing = [...written].filter((c) => !covered.has(c.codePointAt(0)!) && c.trim() !== '');
    expect(missing).toEqual([]);
    expect(written.size).toBeGreaterThan(40);
  });
});

describe('link-preview cards', () => {
  it('are 1200 × 630 with a figure, and without one', async () => {
    const withFigure = svgToPng(cardSvg({ title: 'The slope budget of tanh(n·x)', figureSvg: await figureSvg('activation-curves') }));
    const plain = svgToPng(cardSvg({ title: 'A question?', subtitle: 'An answer.' }));
    for (const png of [withFigure, plain]) expect(pngSize(png.bytes)).toEqual(CARD_SIZE);
  });

  it('wrap a long title and mark what was cut', () => {
    expect(wrapText('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
  });
});
