/** The data of a training sweep's record: every run's plan and result, in expansion order. */
import { z } from 'zod';
import { runConfigSchema, runResultSchema } from './run.ts';

export const sweepDataSchema = z.object({
  /** What the experiment asks, from its file in content/experiments/. */
  description: z.string(),
  runs: z.array(
    z.object({
      /** Position in the expansion order (variants × grid × seeds). */
      index: z.number().int(),
      /** Hash of the run's full config. */
      key: z.string(),
      /** The named set-up of the run, when the experiment compares several. */
      variant: z.string().nullable(),
      /** The grid values of this run, by dotted path into its config. */
      point: z.record(z.unknown()),
      seed: z.number().int(),
      config: runConfigSchema,
      result: runResultSchema,
    }),
  ),
});
export type SweepRecordData = z.infer<typeof sweepDataSchema>;
