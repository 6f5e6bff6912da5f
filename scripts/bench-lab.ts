/**
 * Training speed of the lab (/lab/) in headless Chromium: steps per second of the worker for three
 * network sizes on the teacher–student task (SGD, twin off), measured through the page as a reader
 * would run it — settings typed in, Train pressed, the step counter read until the run finishes.
 *
 *   npx tsx scripts/bench-lab.ts [--dist dist] [--steps 200] [--twin]
 *
 * Needs the site built (`npm run build`) and Chromium (see the README). A timing: it moves with
 * the machine's load, so it is printed, never asserted in a test. Issue 16's target: depth 50,
 * width 64, batch 32 at ≥ 20 steps/s.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from './cli.ts';
import { launch } from '../test/e2e/support/browser.ts';
import { start } from '../test/e2e/support/static-server.ts';

const SIZES = [
  { depth: 10, width: 32, batchSize: 32 },
  { depth: 50, width: 64, batchSize: 32 },
  { depth: 100, width: 128, batchSize: 64 },
] as const;

await runMain(async () => {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, steps: { type: 'string', default: '200' }, twin: { type: 'boolean', default: false } },
  });
  const steps = Number(values.steps);
  if (!Number.isInteger(steps) || steps < 20) throw new Error(`--steps ${values.steps}: expected a whole number ≥ 20`);
  const server = await start(path.resolve(values.dist), { base: '/' });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/lab/`, { waitUntil: 'load' });
    await page.locator('.lab').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.lab button[type="submit"]')!.disabled);
    const set = async (key: string, value: number | string) => {
      await page.locator(`#lab-${key}`).fill(String(value));
      await page.locator(`#lab-${key}`).dispatchEvent('change');
    };
    console.log(`depth | width | batch | twin | steps/s (wall clock, steps 10..${steps}) | last chunk (worker)`);
    for (const size of SIZES) {
      await page.locator('#lab-preset').selectOption('exploding-init');
      await set('depth', size.depth);
      await set('width', size.width);
      await set('batchSize', size.batchSize);
      await set('steps', steps);
      await page.locator('#lab-twin').setChecked(values.twin);
      await page.locator('.lab button[type="submit"]').click();
      // Poll the step counter in the page (every animation frame) until the run finishes.
      // (A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.)
      const { rate, chunk } = await page.evaluate<{ rate: number; chunk: string }>(`new Promise((resolve) => {
        const root = document.querySelector('.lab');
        let first = null;
        const tick = () => {
          const s = Number(root.dataset.steps);
          if (!first && s >= 10) first = { t: performance.now(), s };
          if (['finished', 'diverged', 'error'].includes(root.dataset.status)) {
            const t = performance.now();
            const chunk = document.querySelector('[data-readout="speed"]')?.textContent ?? '';
            resolve({ rate: first ? (s - first.s) / ((t - first.t) / 1000) : NaN, chunk });
          } else requestAnimationFrame(tick);
        };
        tick();
      })`);
      console.log(`${size.depth} | ${size.width} | ${size.batchSize} | ${values.twin ? 'on' : 'off'} | ${rate.toFixed(1)} | ${chunk}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
