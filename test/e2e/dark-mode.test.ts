// Dark mode (issue 7): with the system set to dark (prefers-color-scheme), every page turns dark,
// and every chart — build-time figures and islands alike, which draw with the chart theme's
// colours chosen against white — sits on a white panel, so it reads exactly as in light mode.
// (Text contrast in the dark scheme is checked by axe in pages.test.ts.)

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { luminance, openPage } from './support/reading';
import { pagesToCheck } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const pages = pagesToCheck(distDir, basePath);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** For every chart SVG in <main> (not KaTeX's): the first opaque background behind it. */
async function chartBackdrops(page: Page) {
  return page.evaluate(() => {
    const charts = Array.from(document.querySelectorAll('main svg, main .figure-graphic img')).filter(
      (svg) => !svg.closest('.katex') && !svg.parentElement?.closest('svg') && svg.getBoundingClientRect().width > 100,
    );
    return charts.map((svg) => {
      let el: Element | null = svg;
      let background = 'rgba(0, 0, 0, 0)';
      while (el) {
        const bg = getComputedStyle(el).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') {
          background = bg;
          break;
        }
        el = el.parentElement;
      }
      const label = svg.getAttribute('aria-labelledby') ?? svg.getAttribute('aria-label') ?? svg.getAttribute('alt') ?? svg.getAttribute('class') ?? 'svg';
      return { label: label.slice(0, 60), background, from: el?.tagName.toLowerCase() ?? 'none' };
    });
  });
}

describe.each(pages)('page %s in dark mode', (sitePath) => {
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser, server.origin + encodeURI(sitePath), { width: 1280, colorScheme: 'dark' });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('is dark: a dark background with light text', async () => {
    const { bg, fg } = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    expect(luminance(bg), bg).toBeLessThan(0.05);
    expect(luminance(fg), fg).toBeGreaterThan(0.6);
  });

  it('shows every chart (figure or island) on a white panel', async () => {
    const backdrops = await chartBackdrops(page);
    const notWhite = backdrops.filter((b) => b.background !== 'rgb(255, 255, 255)');
    expect(notWhite).toEqual([]);
  });
});

it('light mode: charts sit on the white page itself', async () => {
  const page = await openPage(browser, server.origin + encodeURI(`${basePath}order-and-chaos/`), { width: 1280, colorScheme: 'light' });
  try {
    const backdrops = await chartBackdrops(page);
    expect(backdrops.length).toBeGreaterThan(0);
    expect(backdrops.filter((b) => b.background !== 'rgb(255, 255, 255)')).toEqual([]);
  } finally {
    await page.close();
  }
});
