import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, type Browser } from './browser';
import { basePath, distDir } from './config';
import { start, type StaticServer } from './static-server';

export interface PageWatch {
  /** Console errors and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Every script the page loaded: URL → gzip -9 size in bytes (what a widget's budget counts). */
  scripts: Map<string, number>;
}

/** Starts recording a page's errors and the scripts it loads; the records fill in as it runs. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], scripts: new Map() };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(String(error)));
  page.on('response', async (res) => {
    const req = res.request();
    if (req.resourceType() !== 'script' && !/\.m?js$/.test(new URL(res.url()).pathname)) return;
    try {
      watch.scripts.set(res.url(), gzipSync(await res.body(), { level: 9 }).length);
    } catch {
      // the body of a redirect or an aborted request: nothing shipped
    }
  });
  return watch;
}

/** Issue 6's budget: JavaScript per page with islands, gzipped, ≤ 15 KB read as 15,000 bytes (the stricter reading). */
export const JS_BUDGET_BYTES = 15_000;

export interface ShippedJavaScript {
  /** Bytes, gzip -9: every script file the page loaded plus each inline script gzipped alone (an upper bound). */
  total: number;
  /** One line for the log: each file and the inline scripts with their sizes. */
  report: string;
}

/** What the page at `label` has shipped so far in JavaScript, by the budget's measure. */
export async function shippedJavaScript(page: Page, watch: PageWatch, label: string): Promise<ShippedJavaScript> {
  const inline = await page.evaluate(() => Array.from(document.querySelectorAll('script:not([src]):not([type="application/ld+json"])'), (s) => s.textContent ?? ''));
  const inlineBytes = inline.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
  const files = [...watch.scripts.values()].reduce((a, b) => a + b, 0);
  const named = [...watch.scripts].map(([url, bytes]) => `${new URL(url).pathname.split('/').pop()} ${bytes}`).join(', ');
  return {
    total: files + inlineBytes,
    report:
      `[e2e] ${label} JavaScript (gzip -9): ${files} B in ${watch.scripts.size} files (${named}) ` +
      `+ ${inlineBytes} B in ${inline.length} inline scripts = ${files + inlineBytes} B`,
  };
}

/** Median and maximum of update times (ms), as one line for the log. */
export function updateTimeReport(label: string, times: readonly number[]): { median: number; report: string } {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return {
    median,
    report: `[e2e] ${label} over ${sorted.length} updates: median ${median.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`,
  };
}

export interface WatchedPage {
  server: StaticServer;
  page: Page;
  watch: PageWatch;
}

/**
 * For a widget's test file: registers hooks that serve the built site, open one watched page in
 * Chromium before the tests, and close both after. The returned object is filled in by the first
 * hook, so read its fields inside tests or later hooks.
 */
export function useWatchedPage(): WatchedPage {
  const site = {} as WatchedPage;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site.server = await start(distDir, { base: basePath });
    browser = await launch();
    site.page = await browser.context.newPage();
    site.watch = watchPage(site.page);
  });
  afterAll(async () => {
    await browser?.close();
    await site.server?.close();
  });
  return site;
}
