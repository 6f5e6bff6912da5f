// Figures a phone can read (issue 17): at a 360 × 740 viewport, no text of any figure on any page
// renders below 9 CSS px. Measured in Chromium on what the reader gets — the layout the <picture>
// chose at that width (support/figure-text.ts: computed font-size × the text's screen scale).

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { measureFigureText } from './support/figure-text';
import { openPage } from './support/reading';
import { pagesToCheck } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const WIDTH = 360;
const MIN_PX = 9;

const pages = pagesToCheck(distDir, basePath);

let server: StaticServer;
let browser: Browser;
const smallest: string[] = [];

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
});

afterAll(async () => {
  if (smallest.length) console.log(`[figure-text] smallest figure text at ${WIDTH} px:\n${smallest.join('\n')}`);
  await browser?.close();
  await server?.close();
});

describe.each(pages)(`page %s at ${WIDTH} px`, (sitePath) => {
  it(`renders every figure's text at ${MIN_PX} px or more`, async () => {
    const page = await openPage(browser, server.origin + encodeURI(sitePath), { width: WIDTH, height: 740 });
    try {
      const figures = await measureFigureText(page, MIN_PX);
      const expected = await page.evaluate(() => document.querySelectorAll('figure.figure').length);
      expect(figures.length).toBe(expected);
      for (const f of figures) {
        expect(f.texts, `${sitePath} ${f.figure}: no text measured in ${f.source}`).toBeGreaterThan(0);
        smallest.push(`  ${sitePath} ${f.figure} (${f.source}): ${f.smallest!.px} px "${f.smallest!.text}"`);
      }
      const small = figures.flatMap((f) => f.below.map((t) => `${sitePath} ${f.figure}: "${t.text}" at ${t.px} px`));
      expect(small).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the measurement itself', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: 740 });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('finds 16 px text of a 640-unit inline chart at 8.2 px in a 328 px box, and rotated text too', async () => {
    await page.setContent(
      `<!doctype html><title>t</title><figure class="figure" id="fig-a" style="margin:0;width:328px"><div class="figure-graphic">` +
        `<svg viewBox="0 0 640 400" width="100%"><text x="10" y="20" font-size="16">tick</text>` +
        `<g transform="translate(30 200) rotate(-90)"><text font-size="20">axis</text></g></svg></div></figure>`,
    );
    const [f] = await measureFigureText(page, MIN_PX);
    expect(f!.smallest!.text).toBe('tick');
    expect(f!.smallest!.px).toBeCloseTo(16 * (328 / 640), 2);
    expect(f!.below.map((b) => b.text)).toEqual(['tick']);
    expect(f!.texts).toBe(2);
  });

  it('measures an SVG image inside its file, at the size the image is drawn', async () => {
    // Both files answered by the browser itself, on the server's origin (same-origin fetch).
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 300" width="420" height="300"><text x="10" y="20" font-size="16">label</text></svg>`;
    const html = `<!doctype html><title>t</title><figure class="figure" id="fig-b" style="width:328px;margin:0"><div class="figure-graphic"><img style="width:100%;display:block" src="chart.svg" alt="b"></div></figure>`;
    await page.route(`${server.origin}/__figure-text/**`, (route) =>
      route.request().url().endsWith('.svg')
        ? route.fulfill({ body: svg, contentType: 'image/svg+xml' })
        : route.fulfill({ body: html, contentType: 'text/html' }),
    );
    await page.goto(`${server.origin}/__figure-text/page.html`, { waitUntil: 'load' });
    const [f] = await measureFigureText(page, MIN_PX);
    expect(f!.smallest!.px).toBeCloseTo(16 * (328 / 420), 2);
    expect(f!.below).toEqual([]);
  });
});
