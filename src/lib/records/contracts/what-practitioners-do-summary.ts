import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { lrCheckSetupFields } from '../schemas/lr-check.ts';
import whatFixesItSummary from './what-fixes-it-summary.ts';
import whatPractitionersDo from './what-practitioners-do.ts';

/** How a set-up of the sweep is built and trained, read from its runs. */
const setupSchema = z.object({
  /** The variant name before "/lr=": the set-up without its learning rate. */
  id: z.string(),
  activationLabel: z.string(),
  sw2: z.number(),
  sb2: z.number(),
  /** The residual branch factor's rule (math/network.ts), or null for a plain network. */
  residual: z.enum(['one', 'inverse-sqrt-blocks']).nullable(),
  layerNorm: z.boolean(),
  /** The gradient's global-norm clip, or null when the set-up does not clip. */
  clipNorm: z.number().nullable(),
});

/** One set-up at one depth: the learning-rate check there, and what the best rate's runs did. */
const cellSchema = z.object({
  setup: z.string(),
  depth: z.number().int(),
  ...lrCheckSetupFields,
  /** Every seed at the best rate stopped at the stop rule: the cell trained, and any rate that stops is as good. */
  reachedStop: z.boolean(),
  /**
   * The best rate is the smallest or largest of the check (null: one inside it, or the cell
   * reached the stop rule). At an edge a rate beyond it might do better, so a shortfall there is
   * only a shortfall within the rates tried.
   */
  bestRateAtEdge: z.enum(['smallest', 'largest']).nullable(),
  /**
   * At the best rate, some seed ran the whole budget and its test accuracy rose by at least
   * `risingBy` over its last `risingWindowSteps` steps: it was still learning when the budget ended.
   */
  stillRising: z.boolean(),
});

const summarySchema = z.object({
  trainedAccuracy: z.number(),
  risingWindowSteps: z.number().int(),
  risingBy: z.number(),
  /** The budget every run shares, checked equal to /what-fixes-it/'s comparison. */
  budget: z.object({
    steps: z.number().int(),
    batchSize: z.number().int(),
    evalEvery: z.number().int(),
    width: z.number().int(),
    trainCount: z.number().int(),
    testCount: z.number().int(),
    seeds: z.number().int(),
    stopAtTestAccuracy: z.number().nullable(),
  }),
  /** The learning rates every set-up was trained at, ascending; the comparison's is referenceRate. */
  rates: z.array(z.number()),
  referenceRate: z.number(),
  depths: z.array(z.number().int()),
  setups: z.array(setupSchema),
  cells: z.array(cellSchema),
  /**
   * Per set-up: the deepest depth at which its best rate trains (mean over seeds ≥
   * trainedAccuracy; null: none), and whether it also trains at every shallower depth.
   */
  deepestTrained: z.array(z.object({ setup: z.string(), depth: z.number().int().nullable(), trainedAtEveryShallowerDepth: z.boolean() })),
  /** At the deepest depth, each set-up's runs at its best rate: test accuracy against steps, seed by seed. */
  deepCurves: z.array(
    z.object({
      setup: z.string(),
      depth: z.number().int(),
      learningRate: z.number(),
      seed: z.number().int(),
      outcome: z.string(),
      points: z.array(z.object({ step: z.number().int(), testAccuracy: z.number().nullable() })),
    }),
  ),
});

/**
 * The what-practitioners-do sweep per set-up and depth, at each one's best learning rate: the
 * deepest depth that trains, whether the best rate lies at the edge of the rates tried, and
 * whether its runs were still learning when the budget ended.
 */
export default defineContract({
  id: 'what-practitioners-do-summary',
  title: 'Residual, LayerNorm and clipped tanh networks on MNIST: accuracy against depth at each set-up’s best learning rate, with the deepest depth that trains',
  upstream: [whatPractitionersDo, whatFixesItSummary],
  schema: summarySchema,
});
