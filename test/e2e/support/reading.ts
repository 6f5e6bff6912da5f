// Shared by the reading-comfort tests (dark mode, narrow screens, print): open a page in a given
// viewport, colour scheme and media type, with every island hydrated.

import type { Page } from 'playwright-core';
import type { Browser } from './browser';

export interface View {
  width: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  media?: 'screen' | 'print';
}

export async function openPage(browser: Browser, url: string, view: View): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: view.width, height: view.height ?? 800 });
  await page.emulateMedia({ colorScheme: view.colorScheme ?? 'light', media: view.media ?? 'screen' });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 20_000 });
  return page;
}

/** Parses `rgb(…)`/`rgba(…)` into [r, g, b, a] (0–255, alpha 0–1). */
export function parseRgb(css: string): [number, number, number, number] {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** WCAG relative luminance of an opaque rgb() colour. */
export function luminance(css: string): number {
  const [r, g, b] = parseRgb(css).map((c, i) => (i < 3 ? c / 255 : c)) as [number, number, number, number];
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
