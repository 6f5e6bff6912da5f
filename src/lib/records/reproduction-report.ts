import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DatasetError, describeZodError } from '../io/errors.ts';

/**
 * How far a record regenerated on another TensorFlow.js backend may differ and still count as
 * reproduced: float32 kernels differ between backends from the first step (PLATFORM.md), so
 * bytes cannot match; the same backend must match byte for byte.
 */
export const BACKEND_TOLERANCE = { maxRelDiff: 1e-2 } as const;

/** One dataset's line in the reproduction report of a full regeneration. */
const reproductionEntrySchema = z.object({
  id: z.string(),
  /**
   * identical: same data as the committed record; within tolerance: regenerated on another
   * backend, no structural difference and every number within `backendTolerance`; differs;
   * new: no record before.
   */
  status: z.enum(['identical', 'within tolerance', 'differs', 'new']),
  maxAbsDiff: z.number(),
  maxRelDiff: z.number(),
  differences: z.array(z.string()),
  /** Backend of the regenerated record and of the record it replaced (null: float64 math). */
  backend: z.string().nullable(),
  previousBackend: z.string().nullable(),
  wallTimeMs: z.number(),
  /** For a sweep, the sum of its runs' own times (they run in parallel workers). */
  computeTimeMs: z.number(),
  /**
   * Set when this dataset was regenerated on its own (`--force --only …`) after the full
   * regeneration the report's `generatedAt` dates: when, and on which Node.js.
   */
  regeneratedAlone: z.object({ at: z.string().datetime(), node: z.string() }).optional(),
});

/**
 * Written by `npm run compute -- --force` to `content/reproduction-report.json`: the last full
 * regeneration (`generatedAt`, `totalWallTimeMs`), with entries of datasets regenerated alone
 * since then merged in (each marked `regeneratedAlone`).
 */
export const reproductionReportSchema = z.object({
  generatedAt: z.string().datetime(),
  node: z.string(),
  totalWallTimeMs: z.number(),
  backendTolerance: z.object({ maxRelDiff: z.number() }),
  datasets: z.array(reproductionEntrySchema),
});
export type ReproductionReport = z.infer<typeof reproductionReportSchema>;

export const REPRODUCTION_REPORT_PATH = 'content/reproduction-report.json';

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
