import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

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
