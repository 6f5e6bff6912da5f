// Print (issue 7): printed, a page keeps its content and drops what only works on screen —
// navigation, search, contents, previous/next, the widgets' controls; figures, widgets and
// displayed formulas are never split across pages; links that leave the site print their
// address; and it prints dark on white even when the screen is in dark mode.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { luminance, openPage } from './support/reading';
import { pagesToCheck } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const pages = pagesToCheck(distDir, basePath);

/** Shown on screen, never on paper. */
const SCREEN_ONLY = ['.site-header nav', '.heading-link', 'form[role="search"]', 'nav.toc', 'nav.prev-next', 'main input', 'main button', 'main select'];
/** Never split across two pages. */
const KEPT_WHOLE = ['.figure', '.katex-display', 'astro-island:has(svg) > :not(template)'];

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

describe.each(pages)('page %s printed', (sitePath) => {
  let page: Page;

  beforeAll(async () => {
    // Dark on screen, to check that print does not inherit it.
    page = await openPage(browser, server.origin + encodeURI(sitePath), { width: 800, colorScheme: 'dark', media: 'print' });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('leaves out navigation, search, contents and widget controls, and keeps the article', async () => {
    const { shown, mainText } = await page.evaluate((selectors) => {
      const shown: string[] = [];
      for (const selector of selectors) {
        for (const el of Array.from(document.querySelectorAll(selector))) {
          if (el.getClientRects().length > 0) shown.push(selector);
        }
      }
      return { shown: [...new Set(shown)], mainText: (document.querySelector('main')?.textContent ?? '').trim().length };
    }, SCREEN_ONLY);
    expect(shown).toEqual([]);
    expect(mainText).toBeGreaterThan(20);
  });

  it('keeps figures, widgets and displayed formulas whole', async () => {
    const split = await page.evaluate((selectors) => {
      const out: string[] = [];
      for (const selector of selectors) {
        for (const el of Array.from(document.querySelectorAll(selector))) {
          if (getComputedStyle(el).breakInside !== 'avoid') out.push(`${selector} (${getComputedStyle(el).breakInside})`);
        }
      }
      return [...new Set(out)];
    }, KEPT_WHOLE);
    expect(split).toEqual([]);
  });

  it('prints the address of every link that leaves the site', async () => {
    const missing = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"], footer a[href^="http"]'))
        .filter((a) => a.getClientRects().length > 0 && !a.closest('.reference-list, .references'))
        .filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href') ?? '\u0000'))
        .map((a) => a.getAttribute('href')),
    );
    expect(missing).toEqual([]);
  });

  it('prints dark text on white, whatever the screen scheme', async () => {
    const { bg, fg } = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    expect(bg).toBe('rgb(255, 255, 255)');
    expect(luminance(fg)).toBeLessThan(0.05);
  });
});

it('renders a multi-page PDF of an article', async () => {
  const page = await openPage(browser, server.origin + encodeURI(`${basePath}slope-budget/`), { width: 800, media: 'print' });
  try {
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(1);
  } finally {
    await page.close();
  }
});
