import { z } from 'zod';
import { defineContract } from '../contract.ts';
import whatFixesIt from './what-fixes-it.ts';
import whatFixesItLrCheck from './what-fixes-it-lr-check.ts';
import whatFixesItDeepLrCheck from './what-fixes-it-deep-lr-check.ts';
import { variantLrCheckSchema } from '../schemas/lr-check.ts';
import trainabilityRay from './trainability-ray.ts';

/** How a set-up of the sweep is configured, read from its runs. */
const setupSchema = z.object({
  /** The sweep's variant name. */
  id: z.string(),
  activationLabel: z.string(),
  initKind: z.string(),
  sw2: z.number(),
  sb2: z.number(),
  hiddenLr: z.number(),
  readoutLr: z.number(),
  /** Mean-field χ1 and q* of the initialisation (χ1 = 1: critical). */
  chi1: z.number(),
  qStar: z.number(),
});

const summarySchema = z.object({
  trainedAccuracy: z.number(),
  /** The training set-up every run shares. */
  budget: z.object({
    steps: z.number().int(),
    batchSize: z.number().int(),
    learningRate: z.number(),
    width: z.number().int(),
    trainCount: z.number().int(),
    testCount: z.number().int(),
    seeds: z.number().int(),
  }),
  setups: z.array(setupSchema),
  runs: z.array(z.object({ setup: z.string(), depth: z.number().int(), seed: z.number().int(), outcome: z.string(), accuracy: z.number().nullable() })),
  cells: z.array(
    z.object({
      setup: z.string(),
      depth: z.number().int(),
      /** Mean final test accuracy over seeds, a diverged run counting as chance (0.1); null only if every run diverged. */
      meanAccuracy: z.number().nullable(),
      minAccuracy: z.number().nullable(),
      maxAccuracy: z.number().nullable(),
      diverged: z.number().int(),
      trained: z.boolean(),
    }),
  ),
  /** Per set-up: the deepest depth of the sweep whose mean accuracy reaches trainedAccuracy (null: none). */
  deepestTrained: z.array(z.object({ setup: z.string(), depth: z.number().int().nullable() })),
  /**
   * The standard tanh(2x) runs that trainability-ray also holds (same configuration, seed 1):
   * their final accuracies in both records and the largest difference (0 when the training is
   * reproduced bit for bit). Null for the smoke profile, whose runs are not in that record.
   */
  reproduction: z
    .object({
      depths: z.array(z.number().int()),
      maxAbsoluteDifference: z.number(),
    })
    .nullable(),
  /** The learning-rate check: final test accuracy per set-up and rate (one seed, one depth). */
  rateCheck: z.object({
    depth: z.number().int(),
    steps: z.number().int(),
    runs: z.array(z.object({ setup: z.string(), learningRate: z.number(), outcome: z.string(), accuracy: z.number().nullable() })),
    /** Per set-up, the rate with the highest accuracy (a diverged run counting as chance), and that accuracy. */
    best: z.array(z.object({ setup: z.string(), learningRate: z.number(), accuracy: z.number() })),
    /** Runs of the check whose configuration the main sweep also ran, and the largest accuracy difference (0: reproduced). */
    sharedRuns: z.number().int(),
    maxAbsoluteDifference: z.number(),
  }),
  /** The check at the sweep's deepest depth: its runs there (every seed) beside what-fixes-it-deep-lr-check's at smaller rates. */
  deepRateCheck: variantLrCheckSchema,
});

/**
 * The what-fixes-it sweep per set-up and depth: mean, smallest and largest test accuracy over
 * seeds, the deepest depth that trains, and a check against the trainability-ray record, which
 * holds the same tanh(2x) reference runs.
 */
export default defineContract({
  id: 'what-fixes-it-summary',
  title: 'MNIST test accuracy against depth per set-up of /what-fixes-it/, averaged over seeds, with the deepest depth that trains',
  upstream: [whatFixesIt, whatFixesItLrCheck, whatFixesItDeepLrCheck, trainabilityRay],
  schema: summarySchema,
});
