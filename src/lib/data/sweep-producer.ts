/**
 * A producer whose record is a training sweep described by a JSON file in content/experiments/.
 * The file is read only when a command needs this record, and checked whole (every run of the
 * profile expanded and validated) before any run starts, naming the file, line, run and field.
 */
import type { RecordContract } from '../records/contract.ts';
import { readJsonFile } from '../io/json-file.ts';
import { expandRuns, parseExperiment, resolvedExperimentSchema, resolveProfile, type ResolvedExperiment } from '../train/sweep/experiment.ts';
import { isShardOutcome, runSweep } from '../train/sweep/sweep.ts';
import { defineProducer } from './producer.ts';

/** Files a sweep loads by path, not by import: part of every sweep's input hash. */
const SWEEP_RUNTIME_ENTRIES = ['src/lib/train/sweep/worker.mjs', 'src/lib/train/run.ts'];

/** The experiment of `file` as `profile` runs it, validated run by run. */
export function loadExperiment(file: string, profile: 'full' | 'smoke', root: string = process.cwd()): ResolvedExperiment {
  const experiment = parseExperiment(file, readJsonFile(root, file));
  const resolved = resolveProfile(file, experiment, profile);
  expandRuns(file, resolved);
  return resolved;
}

export function defineSweepProducer<K extends RecordContract>(contract: K, experimentFile: string) {
  return defineProducer<ResolvedExperiment, K>({
    contract,
    configSchema: resolvedExperimentSchema,
    configFile: experimentFile,
    loadConfig: (profile, root) => loadExperiment(experimentFile, profile, root),
    trains: true,
    runtimeEntries: SWEEP_RUNTIME_ENTRIES,
    seeds: (config) => config.seeds,
    produce: async (config, _upstream, context) => {
      context.log(`TensorFlow.js backend: tfjs-${context.backend}, ${context.workers} worker(s)`);
      const outcome = await runSweep(experimentFile, config, context);
      if (isShardOutcome(outcome)) return outcome;
      context.reportComputeTime(outcome.computeTimeMs);
      return outcome.data;
    },
  });
}
