/**
 * Lighthouse (mobile preset, served gzip-compressed) on pages of a built site, several runs each:
 * the score and the simulated metrics behind it, to see what a change to page weight does.
 * `test/e2e/lighthouse.test.ts` is the gate; this prints the figures it is judged on.
 *
 *   npx tsx scripts/bench-lighthouse.ts [--dist dist] [--runs 3] [/page/ ...]
 *
 * Without pages, every page of the sitemap. Needs the site built (`npm run build`) and Chromium
 * (see the README). Lighthouse simulates a slow phone from a trace recorded on this machine, so
 * the numbers move with the machine's load; compare runs made under the same conditions.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from './cli.ts';
import { startLighthouse } from '../test/e2e/support/lighthouse.ts';
import { readSitemap } from '../test/e2e/support/sitemap.ts';
import { start } from '../test/e2e/support/static-server.ts';

await runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } },
  });
  const dist = path.resolve(values.dist);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a whole number ≥ 1`);
  const pages = positionals.length > 0 ? positionals : readSitemap(dist, '/').paths;

  const server = await start(dist, { base: '/', gzip: true });
  const lighthouse = await startLighthouse();
  try {
    console.log('page | run | performance | FCP ms | LCP ms | SI ms | TBT ms | CLS');
    for (const page of pages) {
      for (let run = 1; run <= runs; run++) {
        const { scores, metrics } = await lighthouse.run(server.origin + encodeURI(page));
        const ms = (x: number) => String(Math.round(x));
        console.log(
          [page, run, scores.performance, ms(metrics.fcp), ms(metrics.lcp), ms(metrics.si), ms(metrics.tbt), metrics.cls.toFixed(3)].join(' | '),
        );
      }
    }
  } finally {
    await lighthouse.close();
    await server.close();
  }
});
