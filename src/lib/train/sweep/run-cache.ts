/**
 * Finished runs of a sweep, one file each under the dataset's cache directory (which is keyed
 * by the input hash): a killed sweep, started again, finds them and runs only the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../data/atomic-write';
import { formatJson } from '../../data/json-format';
import { runResultSchema, type RunResult } from '../run-config';
import type { PlannedRun } from './experiment';

export const runFile = (cacheDir: string, run: PlannedRun): string => join(cacheDir, 'runs', `${run.key}.json`);

/** The stored result of `run`, or null if there is none or it is unreadable (then it reruns). */
export function readRunResult(cacheDir: string, run: PlannedRun): RunResult | null {
  const file = runFile(cacheDir, run);
  if (!existsSync(file)) return null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; result?: unknown };
    if (stored.key !== run.key) return null;
    const parsed = runResultSchema.safeParse(stored.result);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeRunResult(cacheDir: string, run: PlannedRun, result: RunResult): void {
  writeFileAtomic(runFile(cacheDir, run), formatJson({ key: run.key, config: run.config, result }));
}
