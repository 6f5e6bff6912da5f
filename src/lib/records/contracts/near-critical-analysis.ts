import { z } from 'zod';
import { defineContract } from '../contract.ts';
import nearCritical from './near-critical.ts';

export const nearCriticalCell = z.object({
  depth: z.number().int(),
  /** Final test accuracy; null when the run diverged. */
  accuracy: z.number().nullable(),
  /** Best test accuracy at any evaluation: separates "never learned" from "learned, then lost it". */
  peakAccuracy: z.number().nullable(),
  outcome: z.string(),
  stepsRun: z.number().int(),
  trained: z.boolean(),
  /** Test accuracy against steps, as recorded, for the figure. */
  curve: z.array(z.object({ step: z.number().int(), testAccuracy: z.number().nullable() })),
});

export const nearCriticalSetup = z.object({
  /** Variant name in the sweep ("n=1.1", "tanh, critical at σ_b²=0.05"). */
  name: z.string(),
  n: z.number(),
  sw2: z.number(),
  sb2: z.number(),
  /** Mean-field values at the initialisation, in tanh(n·x)'s own units. */
  chi1: z.number(),
  qStar: z.number(),
  /** Correlation depth scale (null where infinite). */
  xiC: z.number().nullable(),
  cells: z.array(nearCriticalCell),
  /** The deepest depth of the sweep at which this set-up trained (null if none). */
  deepestTrained: z.number().int().nullable(),
});

export const nearCriticalSchema = z.object({
  trainedAccuracy: z.number(),
  setup: z.object({
    width: z.number().int(),
    steps: z.number().int(),
    batchSize: z.number().int(),
    learningRate: z.number(),
    evalEvery: z.number().int(),
    stopAtTestAccuracy: z.number().nullable(),
    seeds: z.number().int(),
    depths: z.array(z.number().int()),
    ns: z.array(z.number()),
    nStep: z.number(),
  }),
  /** σ_b² = 0, one per n, in increasing n. */
  ray: z.array(nearCriticalSetup),
  /** Plain tanh on the critical line with bias variance (largest |χ1 − 1| checked in the producer). */
  biased: z.array(nearCriticalSetup),
  /** Per depth: n = 1 against the best n of the scan, and against the biased critical points. */
  byDepth: z.array(
    z.object({
      depth: z.number().int(),
      n1Accuracy: z.number().nullable(),
      bestN: z.number(),
      bestNAccuracy: z.number().nullable(),
      /** The n of the scan whose final accuracy beats n = 1's by at least 0.05 (absolute). */
      nsClearlyBetterThanN1: z.array(z.number()),
      bestBiasedName: z.string(),
      bestBiasedAccuracy: z.number().nullable(),
    }),
  ),
});

export default defineContract({
  id: 'near-critical-analysis',
  title: 'Near n = 1: test accuracy against n and depth with the mean-field values of each set-up, n = 1 against the best n and against critical tanh with bias variance',
  upstream: [nearCritical],
  schema: nearCriticalSchema,
});
