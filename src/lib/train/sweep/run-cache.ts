/**
 * Finished runs of a sweep, one file each under the dataset's cache directory (which is keyed
 * by the input hash and the backend): a killed sweep, started again, finds them and runs only
 * the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from '../../io/atomic-write';
import { runResultSchema, type RunResult } from '../../records/schemas/run';
import type { PlannedRun } from './experiment';

export const runFile = (cacheDir: string, run: PlannedRun): string => join(cacheDir, 'runs', `${run.key}.json`);

/** A finished run: its result and how long it took in its worker (not part of the result). */
export interface CachedRun {
  result: RunResult;
  computeMs: number;
}

/** The stored result of `run`, or null if there is none or it is unreadable (then it reruns). */
export function readRunResult(cacheDir: string, run: PlannedRun): CachedRun | null {
  const file = runFile(cacheDir, run);
  if (!existsSync(file)) return null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; result?: unknown; computeMs?: unknown };
    if (stored.key !== run.key) return null;
    const parsed = runResultSchema.safeParse(stored.result);
    if (!parsed.success) return null;
    return { result: parsed.data, computeMs: typeof stored.computeMs === 'number' ? stored.computeMs : 0 };
  } catch {
    return null;
  }
}

export function writeRunResult(cacheDir: string, run: PlannedRun, finished: CachedRun): void {
  writeJsonAtomic(runFile(cacheDir, run), { key: run.key, config: run.config, computeMs: Math.round(finished.computeMs), result: finished.result });
}
