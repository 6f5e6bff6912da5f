import { z } from 'zod';

/** One dataset's line in the reproduction report of a full regeneration. */
export const reproductionEntrySchema = z.object({
  id: z.string(),
  /** identical: same data bytes as the committed record; differs: see the differences; new: no record before. */
  status: z.enum(['identical', 'differs', 'new']),
  maxAbsDiff: z.number(),
  maxRelDiff: z.number(),
  differences: z.array(z.string()),
  wallTimeMs: z.number(),
});

/** Written by `npm run compute -- --force` to `content/reproduction-report.json`. */
export const reproductionReportSchema = z.object({
  generatedAt: z.string().datetime(),
  node: z.string(),
  totalWallTimeMs: z.number(),
  datasets: z.array(reproductionEntrySchema),
});
export type ReproductionReport = z.infer<typeof reproductionReportSchema>;

export const REPRODUCTION_REPORT_PATH = 'content/reproduction-report.json';
