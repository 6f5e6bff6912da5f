// Lighthouse (issue 7), mobile preset, all four categories, on every page of the sitemap (and the
// not-found page), served gzip-compressed as a static host would. The target is 100; a score
// below 95 fails, and a page with an island (a widget, issue 6) must score 100 in performance.
// Prints a table of every page's scores (and the run time) for the issue note.
//
// Performance is the one timing-dependent score: Lighthouse simulates a slow phone from a trace
// recorded on this machine, so a busy machine can cost a few points. A page whose performance
// falls below its threshold is measured twice more and judged on its best run, so a real
// regression (every run low) fails and a momentary load spike does not. (Measured with two
// busy loops on this 2-core machine: the island pages still scored 100, with a simulated largest
// paint of 1.2–1.6 s against the 1.5–2.5 s where the score starts to drop.)

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePath, distDir } from './support/config';
import { CATEGORIES, startLighthouse, type LighthouseResult, type LighthouseRunner } from './support/lighthouse';
import { pagesToCheck } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const FAIL_BELOW = 95;
/** Issue 6's budget: performance 100 on every page that hydrates a widget. */
const ISLAND_PAGE_PERFORMANCE = 100;
const PERFORMANCE_ATTEMPTS = 3;

const pages = pagesToCheck(distDir, basePath);

let server: StaticServer;
let lighthouse: LighthouseRunner;
const results = new Map<string, LighthouseResult[]>();

beforeAll(async () => {
  server = await start(distDir, { base: basePath, gzip: true });
  lighthouse = await startLighthouse();
});

afterAll(async () => {
  await lighthouse?.close();
  await server?.close();
  printTable();
});

function best(runs: readonly LighthouseResult[]): LighthouseResult {
  return runs.reduce((a, b) => (b.scores.performance > a.scores.performance ? b : a));
}

function printTable(): void {
  if (results.size === 0) return;
  const head = ['page', ...CATEGORIES, 'runs', 's/run'];
  const rows = [...results].map(([page, runs]) => {
    const r = best(runs);
    const seconds = runs.reduce((sum, x) => sum + x.ms, 0) / runs.length / 1000;
    return [page, ...CATEGORIES.map((c) => String(r.scores[c])), String(runs.length), seconds.toFixed(1)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const total = [...results.values()].flat().reduce((sum, x) => sum + x.ms, 0) / 1000;
  console.log(
    [
      `[lighthouse] mobile preset, gzip; fail below ${FAIL_BELOW}; ${total.toFixed(0)} s in all`,
      line(head),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
    ].join('\n'),
  );
}

/** Whether the built page at `sitePath` hydrates an island. */
function hasIsland(sitePath: string): boolean {
  const rel = sitePath.slice(basePath.length);
  const file = path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
  return readFileSync(file, 'utf8').includes('<astro-island');
}

describe.each(pages)('page %s', (sitePath) => {
  const required = Object.fromEntries(CATEGORIES.map((c) => [c, FAIL_BELOW])) as Record<(typeof CATEGORIES)[number], number>;
  if (hasIsland(sitePath)) required.performance = ISLAND_PAGE_PERFORMANCE;
  it(`scores at least ${required.performance} in performance, ${FAIL_BELOW} in the other Lighthouse categories (mobile)`, async () => {
    const url = server.origin + encodeURI(sitePath);
    const runs = [await lighthouse.run(url)];
    while (runs.length < PERFORMANCE_ATTEMPTS && best(runs).scores.performance < required.performance) runs.push(await lighthouse.run(url));
    results.set(sitePath, runs);
    const result = best(runs);
    const low = CATEGORIES.filter((c) => result.scores[c] < required[c]).map((c) => `${c} ${result.scores[c]} (needs ${required[c]})`);
    const detail =
      `${sitePath}: ${CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(', ')}; ` +
      `FCP ${Math.round(result.metrics.fcp)} ms, LCP ${Math.round(result.metrics.lcp)} ms, TBT ${Math.round(result.metrics.tbt)} ms, ` +
      `CLS ${result.metrics.cls.toFixed(3)}` +
      (result.shortfalls.length ? `\n  short of full marks: ${result.shortfalls.join('; ')}` : '');
    if (result.shortfalls.length) console.log(`[lighthouse] ${detail}`);
    expect(low, detail).toEqual([]);
  }, 300_000);
});
