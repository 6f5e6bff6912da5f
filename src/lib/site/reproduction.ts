/**
 * What the reproducibility page (/reproduce/) shows besides each record's provenance: the
 * report of the last full regeneration, how long things took, and where each dataset is used.
 */
import type { ReproductionReport } from '../records/reproduction-report.ts';

export { readReproductionReport } from '../records/reproduction-report.ts';

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
