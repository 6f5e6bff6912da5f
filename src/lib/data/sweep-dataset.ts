/**
 * A dataset whose producer is a training sweep described by a JSON file in content/experiments/.
 * The file is read and every run of every profile validated when the definition loads, so a
 * malformed config fails before any run starts, naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineDataset } from './definition';
import { ExperimentError, expandRuns, parseExperiment, resolvedExperimentSchema, resolveProfile } from '../train/sweep/experiment';
import { runSweep } from '../train/sweep/sweep';
import { runConfigSchema, runResultSchema } from '../train/run-config';

export const sweepDataSchema = z.object({
  description: z.string(),
  runs: z.array(
    z.object({
      index: z.number().int(),
      key: z.string(),
      variant: z.string().nullable(),
      point: z.record(z.unknown()),
      seed: z.number().int(),
      config: runConfigSchema,
      result: runResultSchema,
    }),
  ),
});
export type SweepDataset = z.infer<typeof sweepDataSchema>;

/**
 * The TensorFlow.js backend the runs will use (tfjs-node where installed, else wasm): part of
 * the input hash. Imported lazily so that reading the registry never loads TensorFlow.js.
 */
async function detectBackend(): Promise<string> {
  const { initBackend } = await import('../train/backend');
  return initBackend();
}

/** Files a sweep loads by path, not by import: part of every sweep's input hash. */
const SWEEP_RUNTIME_ENTRIES = ['src/lib/train/sweep/worker.mjs', 'src/lib/train/run.ts'];

function readExperimentFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(process.cwd(), file), 'utf8');
  } catch (error) {
    throw new ExperimentError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExperimentError(file, `not valid JSON (${(error as Error).message})`);
  }
}

export function defineSweepDataset(options: { id: string; title: string; experimentFile: string }) {
  const { id, title, experimentFile: file } = options;
  const experiment = parseExperiment(file, readExperimentFile(file));
  const full = resolveProfile(file, experiment, 'full');
  const smoke = resolveProfile(file, experiment, 'smoke');
  expandRuns(file, full);
  expandRuns(file, smoke);
  return defineDataset({
    id,
    title,
    configSchema: resolvedExperimentSchema,
    config: full,
    profiles: { smoke },
    extraEntries: [file, ...SWEEP_RUNTIME_ENTRIES],
    seeds: (config) => config.seeds,
    schema: sweepDataSchema,
    backend: detectBackend,
    produce: async (config, context) => {
      context.log(`TensorFlow.js backend: ${await detectBackend()}, ${context.workers} worker(s)`);
      return runSweep(file, config, context);
    },
  });
}
