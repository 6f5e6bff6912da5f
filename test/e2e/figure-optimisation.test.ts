// The site's figures are shrunk with SVGO before they are inlined (src/lib/figures/optimise-svg.ts):
// rounded coordinates, merged paths, shapes rewritten as paths, hidden labels dropped. None of
// that may change the picture. For every published figure, Chromium draws Vega's own SVG and the
// optimised one at twice their natural size, and the pixels are compared.
//
// "Different" means a channel differs by more than 64 of 255: anti-aliasing of a coordinate
// rounded to 1/1000 px moves an edge pixel by a few levels, a missing mark or label moves whole
// runs of pixels by far more. A test of the test (below) checks that one dropped tick label is
// caught.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readData } from '../../src/lib/records/reader.ts';
import { optimiseSvg } from '../../src/lib/figures/optimise-svg.ts';
import { figures } from '../../src/lib/site/manifest.ts';
import { renderVegaSvg } from '../../src/lib/figures/render.ts';
import { FIGURE_LAYOUTS } from '../../src/lib/figures/figure-image.ts';
import { narrowSpec } from '../../src/lib/figures/narrow.ts';
import { launch, type Browser } from './support/browser';

/**
 * Pixels (at twice the natural size) allowed to differ. Measured: at most 9 in any figure, most
 * figures 0; one dropped tick label is a few hundred.
 */
const MAX_DIFFERENT = 50;

let browser: Browser;
let page: Page;
const measured: string[] = [];

beforeAll(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await page.setContent('<!doctype html><title>compare</title><body></body>');
});

afterAll(async () => {
  if (measured.length) console.log(`[figure-optimisation] differing pixels per figure:\n${measured.join('\n')}`);
  await browser?.close();
});

interface Comparison {
  width: number;
  height: number;
  /** Pixels where some channel differs by more than 64. */
  different: number;
}

/** Draws both SVGs in the page at `scale` × their size and counts pixels that differ. */
function compare(before: string, after: string, scale = 2): Promise<Comparison> {
  return page.evaluate(
    async ({ before, after, scale }) => {
      const draw = async (svg: string, width: number, height: number) => {
        const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        try {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, width, height);
          ctx.drawImage(img, 0, 0, width, height);
          return ctx.getImageData(0, 0, width, height).data;
        } finally {
          URL.revokeObjectURL(url);
        }
      };
      const box = /viewBox="[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(before);
      if (!box) throw new Error('no viewBox in the SVG');
      const width = Math.round(Number(box[1]) * scale);
      const height = Math.round(Number(box[2]) * scale);
      const [a, b] = await Promise.all([draw(before, width, height), draw(after, width, height)]);
      let different = 0;
      for (let i = 0; i < a.length; i += 4) {
        const d = Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!));
        if (d > 64) different++;
      }
      return { width, height, different };
    },
    { before, after, scale },
  );
}

describe.each(figures.flatMap((f) => FIGURE_LAYOUTS.map((layout) => [f.id, layout, f] as const)))('figure %s (%s layout)', (id, layout, figure) => {
  it('looks the same after optimisation', async () => {
    const data = readData(figure.record);
    const spec = layout === 'narrow' ? narrowSpec(figure.spec(data)) : figure.spec(data);
    const vegaSvg = await renderVegaSvg(spec, { id, title: figure.title, description: figure.description(data), warn: () => {} });
    const optimised = optimiseSvg(vegaSvg);
    const { width, height, different } = await compare(vegaSvg, optimised);
    measured.push(`  ${id} (${layout}): ${different} of ${width * height}; ${vegaSvg.length} → ${optimised.length} bytes`);
    expect(different, `${id}: pixels that changed`).toBeLessThanOrEqual(MAX_DIFFERENT);
  });
});

describe('the comparison itself', () => {
  it('catches one missing axis label', async () => {
    const figure = figures[0]!;
    const data = readData(figure.record);
    const vegaSvg = await renderVegaSvg(figure.spec(data), {
      id: figure.id,
      title: figure.title,
      description: figure.description(data),
      warn: () => {},
    });
    const label = /<text [^>]*opacity="1"[^>]*>[^<]+<\/text>/.exec(vegaSvg);
    expect(label, 'a visible text element in the figure').not.toBeNull();
    const { different } = await compare(vegaSvg, vegaSvg.replace(label![0], ''));
    expect(different).toBeGreaterThan(MAX_DIFFERENT);
  });
});
