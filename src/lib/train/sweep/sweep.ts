/**
 * Runs a sweep: expands the experiment, reuses finished runs, runs the rest (or one shard of
 * them) in a worker pool, saves each as it finishes, and assembles the results in index
 * order — so the result does not depend on worker count, completion order or sharding.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../records/schemas/run';
import type { BackendChoice } from '../backend';
import { expandRuns, type PlannedRun, type ResolvedExperiment } from './experiment';
import { readRunResult, writeRunResult } from './run-cache';
import { runInWorkers } from './pool';

export type SweepRun = PlannedRun & { result: RunResult };

export interface SweepData {
  description: string;
  runs: SweepRun[];
}

/** A slice of a sweep's runs: `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

export interface SweepOptions {
  log(message: string): void;
  /** Runs done (finished before or now) of the runs this invocation is responsible for. */
  progress(done: number, total: number, resumed: number): void;
  /** Where finished runs are kept (one file each), so a killed sweep resumes. */
  cacheDir: string;
  workers: number;
  backend: BackendChoice;
  /** Run only this shard; the result is then a ShardOutcome. */
  shard: Shard | null;
  /** Assemble only from finished runs; fail listing what is missing. */
  mergeOnly: boolean;
  /** Ignore finished runs of earlier invocations (a full regeneration). */
  fresh: boolean;
}

/** What a shard's invocation did: the record is written by a later merge. */
export interface ShardOutcome {
  shardDone: true;
  ran: number;
  cached: number;
  total: number;
}
export const isShardOutcome = (value: unknown): value is ShardOutcome =>
  typeof value === 'object' && value !== null && (value as ShardOutcome).shardDone === true;

/** A whole sweep's result, and the sum of its runs' own times (over every invocation). */
export interface SweepOutcome {
  data: SweepData;
  computeTimeMs: number;
}

/** The module whose `runTask` trains one run; loaded inside each worker. */
export const TRAINING_TASK_MODULE = new URL('../run.ts', import.meta.url).href;

const inShard = (run: PlannedRun, shard: Shard | null): boolean => !shard || run.index % shard.count === shard.index - 1;

/** Fails before any run starts when finished runs could not be saved. */
function assertWritable(dir: string): void {
  try {
    mkdirSync(join(dir, 'runs'), { recursive: true });
    accessSync(join(dir, 'runs'), constants.W_OK);
  } catch (error) {
    throw new Error(`cannot save finished runs in ${dir}/runs (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); no run was started`);
  }
}

export async function runSweep(
  file: string,
  experiment: ResolvedExperiment,
  options: SweepOptions,
  taskModule: string = TRAINING_TASK_MODULE,
): Promise<SweepOutcome | ShardOutcome> {
  const runs = expandRuns(file, experiment);
  const finished = new Map<number, { result: RunResult; computeMs: number }>();
  if (!options.fresh) {
    for (const run of runs) {
      const cached = readRunResult(options.cacheDir, run);
      if (cached) finished.set(run.index, cached);
    }
  }
  const mine = runs.filter((run) => inShard(run, options.shard));
  const todo = mine.filter((run) => !finished.has(run.index));
  if (options.mergeOnly && todo.length > 0) {
    throw new Error(
      `${file}: cannot merge, ${todo.length} of ${runs.length} runs have no result in ${options.cacheDir}/runs ` +
        `(runs ${todo.slice(0, 10).map((r) => r.index).join(', ')}${todo.length > 10 ? ', …' : ''}); run the missing shards first`,
    );
  }
  if (todo.length > 0) assertWritable(options.cacheDir);
  const cachedCount = mine.length - todo.length;
  if (cachedCount > 0) options.log(`${cachedCount} of ${mine.length} runs already done, resuming`);
  let done = cachedCount;
  options.progress(done, mine.length, cachedCount);
  const byIndex = new Map(todo.map((run) => [run.index, run]));
  await runInWorkers<PlannedRun['config'], RunResult>(
    taskModule,
    options.workers,
    todo.map((run) => ({ id: run.index, payload: run.config })),
    (index, result, computeMs) => {
      writeRunResult(options.cacheDir, byIndex.get(index)!, { result, computeMs });
      finished.set(index, { result, computeMs });
      done += 1;
      options.progress(done, mine.length, cachedCount);
    },
    { backend: options.backend },
  );
  if (options.shard) return { shardDone: true, ran: todo.length, cached: cachedCount, total: runs.length };
  const ordered = runs.map((run) => ({ run, finished: finished.get(run.index)! }));
  return {
    data: { description: experiment.description, runs: ordered.map(({ run, finished: f }) => ({ ...run, result: f.result })) },
    computeTimeMs: Math.round(ordered.reduce((sum, { finished: f }) => sum + f.computeMs, 0)),
  };
}
