/**
 * `npm run bench:sweep`: sweep throughput with 1 worker and with N (default 2), on the same
 * runs of a real experiment, each from an empty cache. Prints runs/minute and the speed-up.
 * Run it on an idle machine: other load on the cores shows up directly in the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadExperiment } from '../src/lib/data/sweep-producer.ts';
import { runSweep, type SweepOptions } from '../src/lib/train/sweep/sweep.ts';
import type { ResolvedExperiment } from '../src/lib/train/sweep/experiment.ts';
import { runMain } from './cli.ts';

await runMain(async () => {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'depth-pilot' },
      workers: { type: 'string', default: '2' },
      'all-runs': { type: 'boolean', default: false },
    },
  });
  const file = `content/experiments/${values.dataset}.json`;
  const experiment = loadExperiment(file, 'full');
  // By default only the first value of the first grid axis (all the others, all seeds), to keep
  // the benchmark short; --all-runs for the whole published sweep.
  const seeds = experiment.seeds;
  const trimmed: ResolvedExperiment = values['all-runs']
    ? experiment
    : { ...experiment, grid: Object.fromEntries(Object.entries(experiment.grid ?? {}).map(([k, v], i) => [k, i === 0 ? v.slice(0, 1) : v])) };

  const measure = async (workers: number) => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'tanh-nx-bench-'));
    const options: SweepOptions = { log: () => {}, progress: () => {}, cacheDir, workers, backend: 'wasm', shard: null, mergeOnly: false, fresh: false };
    const started = performance.now();
    const result = await runSweep(file, trimmed, options);
    const seconds = (performance.now() - started) / 1000;
    rmSync(cacheDir, { recursive: true, force: true });
    const runs = 'data' in result ? result.data.runs.length : 0;
    return { workers, runs, seconds, runsPerMinute: (60 * runs) / seconds };
  };
  process.stdout.write(`sweep throughput: ${values.dataset}${values['all-runs'] ? '' : ' (first value of the first grid axis)'}, ${seeds.length} seeds, on ${cpus()[0]?.model} × ${cpus().length}\n`);
  const one = await measure(1);
  const many = await measure(Number(values.workers));
  for (const m of [one, many]) {
    process.stdout.write(`  ${m.workers} worker(s): ${m.runs} runs in ${m.seconds.toFixed(1)} s = ${m.runsPerMinute.toFixed(1)} runs/min\n`);
  }
  process.stdout.write(`  speed-up with ${many.workers} workers: ${(many.runsPerMinute / one.runsPerMinute).toFixed(2)}×\n`);
});
