import { z } from 'zod';

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
});

/** Written by `npm run compute -- --force` to `content/reproduction-report.json`. */
export const reproductionReportSchema = z.object({
  generatedAt: z.string().datetime(),
  node: z.string(),
  totalWallTimeMs: z.number(),
  backendTolerance: z.object({ maxRelDiff: z.number() }),
  datasets: z.array(reproductionEntrySchema),
});
export type ReproductionReport = z.infer<typeof reproductionReportSchema>;

export const REPRODUCTION_REPORT_PATH = 'content/reproduction-report.json';
