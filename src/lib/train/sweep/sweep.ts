/**
 * Runs a sweep: expands the experiment, reuses finished runs, runs the rest (or one shard of
 * them) in a worker pool, saves each as it finishes, and assembles the results in index
 * order — so the result does not depend on worker count, completion order or sharding.
 */
import type { ProduceContext, ShardOutcome } from '../../data/definition';
import { expandRuns, type PlannedRun, type ResolvedExperiment } from './experiment';
import { readRunResult, writeRunResult } from './run-cache';
import { runInWorkers } from './pool';
import type { RunResult } from '../run-config';

export type SweepRun = PlannedRun & { result: RunResult };

export interface SweepData {
  description: string;
  runs: SweepRun[];
}

/** The module whose `runTask` trains one run; loaded inside each worker. */
export const TRAINING_TASK_MODULE = new URL('../run.ts', import.meta.url).href;

const inShard = (run: PlannedRun, shard: ProduceContext['shard']): boolean =>
  !shard || run.index % shard.count === shard.index - 1;

export async function runSweep(
  file: string,
  experiment: ResolvedExperiment,
  context: ProduceContext,
  taskModule: string = TRAINING_TASK_MODULE,
): Promise<SweepData | ShardOutcome> {
  const runs = expandRuns(file, experiment);
  const results = new Map<number, RunResult>();
  if (!context.fresh) {
    for (const run of runs) {
      const cached = readRunResult(context.cacheDir, run);
      if (cached) results.set(run.index, cached);
    }
  }
  const mine = runs.filter((run) => inShard(run, context.shard));
  const todo = mine.filter((run) => !results.has(run.index));
  if (context.mergeOnly && todo.length > 0) {
    throw new Error(
      `${file}: cannot merge, ${todo.length} of ${runs.length} runs have no result in ${context.cacheDir}/runs ` +
        `(runs ${todo.slice(0, 10).map((r) => r.index).join(', ')}${todo.length > 10 ? ', …' : ''}); run the missing shards first`,
    );
  }
  const cachedCount = mine.length - todo.length;
  if (cachedCount > 0) context.log(`${cachedCount} of ${mine.length} runs already done, resuming`);
  let done = cachedCount;
  context.progress(done, mine.length);
  const byIndex = new Map(todo.map((run) => [run.index, run]));
  await runInWorkers<PlannedRun['config'], RunResult>(
    taskModule,
    context.workers,
    todo.map((run) => ({ id: run.index, payload: run.config })),
    (index, result) => {
      writeRunResult(context.cacheDir, byIndex.get(index)!, result);
      results.set(index, result);
      done += 1;
      context.progress(done, mine.length);
    },
  );
  if (context.shard) return { shardDone: true, ran: todo.length, cached: cachedCount, total: runs.length };
  return {
    description: experiment.description,
    runs: runs.map((run) => ({ ...run, result: results.get(run.index)! })),
  };
}
