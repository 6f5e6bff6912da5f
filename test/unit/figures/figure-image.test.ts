// Every site figure in both layouts: a standalone SVG file of its natural size, and the narrow
// layout narrow enough that its smallest text reaches 9 px in a 360 px phone's 328 px column
// (an estimate from the file's font sizes; test/e2e/figure-text.test.ts measures the real thing).
import { describe, expect, it } from 'vitest';
import { FIGURE_LAYOUTS, figureImage, figureImagePath } from '../../../src/lib/figures/figure-image';
import { readData } from '../../../src/lib/records/reader';
import { figures } from '../../../src/lib/site/manifest';

const PHONE_COLUMN_PX = 328;

describe.each(figures.map((f) => [f.id, f] as const))('figure %s', (id, figure) => {
  it('renders both layouts as standalone SVG files of their natural size', async () => {
    for (const layout of FIGURE_LAYOUTS) {
      const image = await figureImage(figure, readData(figure.record), layout);
      const root = /^<svg\b[^>]*>/.exec(image.svg)![0];
      expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(root).toContain(` width="${image.width}" height="${image.height}"`);
      expect(root).toContain(`viewBox="0 0 ${image.width} ${image.height}"`);
      expect(figureImagePath(id, layout)).toMatch(new RegExp(`^figure-images/${id}(\\.narrow)?\\.svg$`));
    }
  });

  it('has a narrow layout whose text would render at 9 px or more in a 328 px column', async () => {
    const image = await figureImage(figure, readData(figure.record), 'narrow');
    const sizes = [...image.svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes) * (PHONE_COLUMN_PX / image.width)).toBeGreaterThanOrEqual(9);
  });
});
