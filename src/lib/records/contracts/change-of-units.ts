import { z } from 'zod';
import { defineContract } from '../contract.ts';

/**
 * The runs of one comparison, all on the same mini-batches:
 * - tanhN: the tanh(n·x) network at rate η (the reference);
 * - matched: the tanh network with parameters n·(W, b), at the matched rates (SGD η·n², Adam α·n and ε/n on the hidden layers);
 * - unmatched: the same tanh network at η (and ε) everywhere;
 * - control: the tanh(n·x) network again, every hidden parameter moved by one float64 ulp;
 * - rate-n (SGD): the tanh network with hidden rate η·n, not η·n²;
 * - same-epsilon (Adam): the tanh network at the matched rates but ε unchanged.
 */
export const ROLES = ['tanhN', 'matched', 'unmatched', 'control', 'rate-n', 'same-epsilon'] as const;

export const roleSchema = z.enum(ROLES);

export const runSchema = z.object({
  role: roleSchema,
  network: z.enum(['tanh(n·x)', 'tanh']),
  hiddenLr: z.number(),
  readoutLr: z.number(),
  /** Adam's ε per group (null for SGD). */
  hiddenEpsilon: z.number().nullable(),
  readoutEpsilon: z.number().nullable(),
  /** Training-batch loss at step s (before its update), s = 0..steps−1, full precision. */
  losses: z.array(z.number()),
  tests: z.array(z.object({ step: z.number().int(), loss: z.number(), accuracy: z.number() })),
});

export const comparisonSchema = z.object({
  /** The run compared with the tanh(n·x) network at η. */
  role: roleSchema,
  /** max over steps of |loss − loss of the tanh(n·x) network| on the same batch. */
  largestLossDifference: z.number(),
  /** max over steps of the relative parameter difference in common units (see relativeUnitsDifference). */
  largestParameterDifference: z.number(),
  finalParameterDifference: z.number(),
  /** Relative parameter difference after s steps, s = 0..steps (3 significant digits). */
  parameterDifference: z.array(z.number()),
  /** First step after which the relative parameter difference exceeds 1e-12 / 1e-6 (null: never). */
  stepAbove1e12: z.number().int().nullable(),
  stepAbove1e6: z.number().int().nullable(),
  /** Exponential growth of the parameter difference inside config.growthWindow (null: too few points there). */
  growth: z.object({ decadesPer100Steps: z.number(), points: z.number().int(), firstStep: z.number().int(), lastStep: z.number().int() }).nullable(),
});

export const setupSchema = z.object({
  optimiser: z.enum(['sgd', 'adam']),
  n: z.number(),
  init: z.string(),
  /** Initialisation of the tanh(n·x) network, and what it is in tanh units (n²·σ_w², n²·σ_b²). */
  tanhNInit: z.object({ sw2: z.number(), sb2: z.number() }),
  tanhInit: z.object({ sw2: z.number(), sb2: z.number() }),
  /** χ1 of the tanh network at tanhInit (mean-field): > 1 chaotic phase, < 1 ordered. */
  tanhChi1: z.number(),
  /** How exactly fl(n·θ) stores n·θ (src/lib/math/change-of-units.ts, scalingRounding). */
  rounding: z.object({ entries: z.number().int(), inexactFraction: z.number(), largestRelativeError: z.number(), relativeNormError: z.number() }),
  /** max |logits| difference of the two networks at initialisation on the first batch: the same function. */
  initialLogitDifference: z.number(),
  /** Relative size of the control's one-ulp nudge in common units. */
  controlNudge: z.number(),
  /**
   * |∂L/∂θ′| of the rescaled tanh network's hidden weights and biases on the first batch: the
   * 1%, 10% and 50% quantiles (exact zeros, from pixels blank in every training image, left out).
   * What Adam's ε is compared with.
   */
  rescaledHiddenGradient: z.object({ quantile01: z.number(), quantile10: z.number(), median: z.number() }),
  runs: z.array(runSchema),
  comparisons: z.array(comparisonSchema),
});

/**
 * "Just a change of units", checked by training in float64: a tanh(n·x) network against the tanh
 * network with every hidden weight and bias multiplied by n, on the same MNIST mini-batches, with
 * SGD and Adam at matched and unmatched learning rates, plus a control that measures how fast a
 * one-rounding-error difference grows in the same training.
 */
export default defineContract({
  id: 'change-of-units',
  title: 'tanh(n·x) networks against rescaled tanh networks trained on the same MNIST batches in float64: SGD and Adam, matched and unmatched rates',
  schema: z.object({ setups: z.array(setupSchema) }),
});
