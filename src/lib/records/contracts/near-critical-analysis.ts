import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { lrCheckSetupFields, variantLrCheckSchema } from '../schemas/lr-check.ts';
import nearCritical from './near-critical.ts';
import nearCriticalLrCheck from './near-critical-lr-check.ts';

export const nearCriticalCell = z.object({
  depth: z.number().int(),
  seeds: z.array(z.number().int()),
  /** Final test accuracy per seed (in the order of `seeds`); null where the run diverged. */
  accuracies: z.array(z.number().nullable()),
  /** Over seeds, a diverged run counted at chance (`setup.chance`). */
  meanAccuracy: z.number(),
  minAccuracy: z.number(),
  maxAccuracy: z.number(),
  /** Best test accuracy at any evaluation of any seed: tells a run that never learned apart from one that learned and then lost it. */
  peakAccuracy: z.number().nullable(),
  diverged: z.number().int(),
  /** Steps each seed ran (fewer than the budget when it stopped at the stop rule or diverged). */
  stepsRun: z.array(z.number().int()),
  /** Seeds whose final accuracy reached `trainedAccuracy`; all: trained, none: failed, else undecided. */
  seedsTrained: z.number().int(),
  verdict: z.enum(['trained', 'failed', 'undecided']),
  /** Test accuracy against steps per seed, as recorded, so a reader sees whether a run was still learning. */
  curves: z.array(z.array(z.object({ step: z.number().int(), testAccuracy: z.number().nullable() }))),
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
  /** The deepest depth of the sweep at which every seed of this set-up trained (null if none). */
  deepestTrained: z.number().int().nullable(),
});

/** The learning-rate check at one depth (near-critical-lr-check beside the scan's runs there). */
export const nearCriticalRateCheck = variantLrCheckSchema.extend({
  /** Per set-up, with its n and σ_b² so that a page can select it (cells[n=1.1,sb2=0]). */
  cells: z.array(z.object({ setup: z.string(), n: z.number(), sb2: z.number(), ...lrCheckSetupFields })),
  /** n = 1 at its best rate of the check: over seeds. */
  n1AtBestRate: z.object({ learningRate: z.number(), meanAccuracy: z.number(), minAccuracy: z.number(), maxAccuracy: z.number() }),
  /** The n ≠ 1 of the check whose every seed at its best rate beats every seed of n = 1 at its best rate by at least `setup.clearlyBetter`. */
  nsClearlyBetterThanN1AtBestRates: z.array(z.number()),
  /** Over the n ≠ 1 of the check, the largest (smallest seed at its best rate) − (n = 1's largest seed at its best rate). */
  bestMarginAtBestRates: z.number(),
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
    seeds: z.array(z.number().int()),
    /** The margin of "clearly better" (see byDepth). */
    clearlyBetter: z.number(),
    /** The accuracy a diverged run is counted with. */
    chance: z.number(),
    depths: z.array(z.number().int()),
    ns: z.array(z.number()),
    nStep: z.number(),
  }),
  /** σ_b² = 0, one per n, in increasing n. */
  ray: z.array(nearCriticalSetup),
  /** Plain tanh on the critical line with bias variance (largest |χ1 − 1| checked in the producer). */
  biased: z.array(nearCriticalSetup),
  /** Per depth: n = 1 against the best n of the scan (by mean over seeds), and against the biased critical points. */
  byDepth: z.array(
    z.object({
      depth: z.number().int(),
      n1Accuracy: z.number(),
      /** Smallest and largest accuracy over seeds. */
      n1Range: z.tuple([z.number(), z.number()]),
      bestN: z.number(),
      bestNAccuracy: z.number(),
      bestNRange: z.tuple([z.number(), z.number()]),
      /** The best n's smallest seed minus n = 1's largest: > 0 when every seed of it beats every seed of n = 1. */
      bestNMargin: z.number(),
      /** The n of the scan whose every seed beats every seed of n = 1 by at least `setup.clearlyBetter`. */
      nsClearlyBetterThanN1: z.array(z.number()),
      /** The n of the scan at which every seed trained. */
      nsTrained: z.array(z.number()),
      /** The smallest n from which every larger n of the scan failed on every seed (null if the largest n did not fail). */
      failsFromN: z.number().nullable(),
      bestBiasedName: z.string(),
      bestBiasedAccuracy: z.number().nullable(),
    }),
  ),
  rateCheck: nearCriticalRateCheck,
});

export default defineContract({
  id: 'near-critical-analysis',
  title: 'Near n = 1: test accuracy against n and depth with the mean-field values of each set-up, n = 1 against the best n and against critical tanh with bias variance',
  upstream: [nearCritical, nearCriticalLrCheck],
  schema: nearCriticalSchema,
});
