/**
 * What the reproducibility page (/reproduce/) shows besides each record's provenance: the
 * report of the last full regeneration, how long things took, and where each dataset is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError, describeZodError } from '../io/errors.ts';
import { REPRODUCTION_REPORT_PATH, reproductionReportSchema, type ReproductionReport } from '../records/reproduction-report.ts';

/** The report of the last `npm run compute -- --force`, validated; null if none was ever written. */
export function readReproductionReport(root: string = process.cwd()): ReproductionReport | null {
  const file = join(root, REPRODUCTION_REPORT_PATH);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(REPRODUCTION_REPORT_PATH, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = reproductionReportSchema.safeParse(json);
  if (!parsed.success) throw new DatasetError(REPRODUCTION_REPORT_PATH, describeZodError(parsed.error));
  return parsed.data;
}

/** How many datasets of a report came out identical, differed, or were new. */
export function reportCounts(report: ReproductionReport): Record<ReproductionReport['datasets'][number]['status'], number> {
  const counts = { identical: 0, 'within tolerance': 0, differs: 0, new: 0 };
  for (const d of report.datasets) counts[d.status] += 1;
  return counts;
}

/** A wall time for reading: "3 ms", "0.47 s", "35.4 s", "7.3 min", "1.2 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`not a duration: ${ms} ms`);
  if (ms < 100) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toPrecision(ms < 10_000 ? 2 : 3)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
