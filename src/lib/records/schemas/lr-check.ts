/** The shape of a learning-rate check (src/lib/analysis/lr-check.ts), shared by the records that carry one. */
import { z } from 'zod';

/** One rate of one set-up: over seeds, a diverged run counted at chance. */
export const rateResultSchema = z.object({
  learningRate: z.number(),
  meanAccuracy: z.number(),
  minAccuracy: z.number(),
  maxAccuracy: z.number(),
  seeds: z.number().int(),
  /** The mean reaches the record's trainedAccuracy. */
  trained: z.boolean(),
});

/** What the check found for one set-up. */
export const lrCheckSetupFields = {
  rates: z.array(rateResultSchema),
  /** The rate with the highest mean accuracy, and that mean. */
  bestLearningRate: z.number(),
  bestMeanAccuracy: z.number(),
  trainedAtReferenceRate: z.boolean(),
  trainedAtBestRate: z.boolean(),
};

/** A check whose set-ups are a sweep's variants, all at one depth and one budget. */
export const variantLrCheckSchema = z.object({
  depth: z.number().int(),
  steps: z.number().int(),
  /** The rate of the comparison the check tests. */
  referenceRate: z.number(),
  rates: z.array(z.number()),
  cells: z.array(z.object({ setup: z.string(), ...lrCheckSetupFields })),
  /** Set-ups that train at some rate of the check but not at the reference rate. */
  rescuedByRate: z.number().int(),
});
