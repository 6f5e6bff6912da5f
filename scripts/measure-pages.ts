/**
 * What every page of a built site weighs and how small its figures' text gets on a phone:
 * HTML bytes (raw, and gzip -9 as the e2e static server compresses), DOM elements after load,
 * and per figure the smallest rendered text at a 360 × 740 viewport (headless Chromium).
 *
 *   npx tsx scripts/measure-pages.ts [--dist dist] [--width 360] [--json out.json] [/page/ ...]
 *
 * Without pages, every page of the sitemap and the not-found page. Needs the site built and
 * Chromium (see the README). The numbers depend only on the built files, not on the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { runMain } from './cli.ts';
import { launch } from '../test/e2e/support/browser.ts';
import { measureFigureText } from '../test/e2e/support/figure-text.ts';
import { openPage } from '../test/e2e/support/reading.ts';
import { pagesToCheck } from '../test/e2e/support/sitemap.ts';
import { start } from '../test/e2e/support/static-server.ts';

/** The built HTML file of a site path (`/x/` → `x/index.html`). */
function htmlFile(dist: string, sitePath: string): string {
  const rel = sitePath.replace(/^\//, '');
  return path.join(dist, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

await runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dist: { type: 'string', default: 'dist' },
      width: { type: 'string', default: '360' },
      json: { type: 'string' },
    },
  });
  const dist = path.resolve(values.dist);
  const width = Number(values.width);
  const pages = positionals.length > 0 ? positionals : pagesToCheck(dist, '/');
  const server = await start(dist, { base: '/' });
  const browser = await launch();
  const report = [];
  try {
    console.log('page | HTML B | gzip B | DOM | figures | smallest figure text px (figure: text)');
    for (const sitePath of pages) {
      const html = readFileSync(htmlFile(dist, sitePath));
      const page = await openPage(browser, server.origin + encodeURI(sitePath), { width, height: 740 });
      const domElements = await page.evaluate(() => document.querySelectorAll('*').length);
      const figures = await measureFigureText(page, 9);
      await page.close();
      const smallest = figures
        .filter((f) => f.smallest)
        .sort((a, b) => a.smallest!.px - b.smallest!.px)[0];
      const row = { page: sitePath, htmlBytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length, domElements, figures };
      report.push(row);
      console.log(
        [
          sitePath,
          row.htmlBytes,
          row.gzipBytes,
          domElements,
          figures.length,
          smallest ? `${smallest.smallest!.px.toFixed(2)} (${smallest.figure}: ${smallest.smallest!.text})` : '–',
        ].join(' | '),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ width, pages: report }, null, 2) + '\n');
});
