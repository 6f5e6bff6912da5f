import { z } from 'zod';
import { defineContract } from '../contract.ts';
import changeOfUnits from './change-of-units.ts';

export const ROLES = ['tanhN', 'matched', 'unmatched', 'control'] as const;

export const roleSchema = z.enum(ROLES);

export const comparisonSchema = z.object({
  role: roleSchema,
  largestLossDifference: z.number(),
  largestParameterDifference: z.number(),
  finalParameterDifference: z.number(),
  /** Relative parameter difference to the float32 tanh(n·x) network, in common units, after s = 0..steps steps (3 significant digits). */
  parameterDifference: z.array(z.number()),
  stepAbove1e6: z.number().int().nullable(),
  stepAbove1e3: z.number().int().nullable(),
  growth: z.object({ decadesPer100Steps: z.number(), points: z.number().int(), firstStep: z.number().int(), lastStep: z.number().int() }).nullable(),
});

export const setupSchema = z.object({
  optimiser: z.enum(['sgd', 'adam']),
  n: z.number(),
  init: z.string(),
  runs: z.array(
    z.object({
      role: roleSchema,
      hiddenLr: z.number(),
      readoutLr: z.number(),
      /** Adam's ε (one value for both groups in the float32 optimiser); null for SGD. */
      epsilon: z.number().nullable(),
      /** Training-batch loss at step s before its update (float32 values). */
      losses: z.array(z.number()),
    }),
  ),
  comparisons: z.array(comparisonSchema),
  /** |float32 loss − float64 loss| of the tanh(n·x) network at η, step by step (3 significant digits), and its maximum. */
  againstFloat64: z.object({ lossDifference: z.array(z.number()), largestLossDifference: z.number(), stepAbove1e3: z.number().int().nullable() }),
  /** The float64 record's relative parameter difference of the matched pair, step by step, for comparison. */
  float64Matched: z.array(z.number()),
});

/**
 * The change-of-units comparison in float32 with the site's TensorFlow.js trainer: the same
 * networks, initial parameters, mini-batches and rates as the float64 record, to show how large
 * the float32 discrepancy between set-ups that are mathematically the same is and how it grows.
 */
export default defineContract({
  id: 'change-of-units-float32',
  title: 'The change-of-units comparison repeated in float32 with the TensorFlow.js trainer, against the float64 record',
  upstream: [changeOfUnits],
  schema: z.object({ setups: z.array(setupSchema) }),
});
