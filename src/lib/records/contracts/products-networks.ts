import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { productStatisticsFields } from '../schemas/product-statistics.ts';

export const row = z.object({
  n: z.number(),
  width: z.number().int(),
  depth: z.number().int(),
  /** What was measured: 'gain' = ‖∂ℓ/∂h_{L−K}‖ / ‖∂ℓ/∂h_L‖ per example; 'path' = Π φ′(z) along a random path of units. */
  quantity: z.enum(['gain', 'path']),
  samples: z.number().int(),
  ...productStatisticsFields,
  /** Sample sd of log10 of the quantity. */
  log10Sd: z.number(),
});

export const theoryRow = z.object({
  n: z.number(),
  depth: z.number().int(),
  qStar: z.number(),
  chi1: z.number(),
  /** Mean-field: E[G²] = χ1^K, so log10 √E[G²] = (K/2)·log10 χ1. */
  log10RootMeanSquare: z.number(),
  /** The model at q = q* (exact distribution): median and fractions of the product of K slopes. */
  modelLog10Median: z.number(),
  modelVanished: z.number(),
  modelExploded: z.number(),
});

/**
 * The slope-product model checked in real networks at initialisation (float64, MNIST inputs):
 * for tanh(n·x) networks at the standard initialisation, the per-example gain of the
 * backpropagated gradient over the last K layers, and the product of the K slopes met along random
 * paths of units (the thread's g itself, at the network's own pre-activations), against the
 * model at q = q* and mean-field theory's χ1^K.
 */
export default defineContract({
  id: 'products-networks',
  title: 'Gradient gains and slope products over K layers of tanh(n·x) networks at initialisation (float64, MNIST), against the slope-product model',
  schema: z.object({
    rows: z.array(row),
    theory: z.array(theoryRow),
    /** Measured mean of z² over the layers the gains cross, against q*. */
    preActivations: z.array(z.object({ n: z.number(), width: z.number().int(), measuredQ: z.number(), qStar: z.number() })),
    histogram: z.object({
      n: z.number(),
      depth: z.number().int(),
      /** Lower bin edges (log10), each bin [edge, edge + step). */
      edges: z.array(z.number()),
      step: z.number(),
      /** Fraction of samples per bin; 'below' and 'above' count what falls outside [from, to). */
      series: z.array(
        z.object({ label: z.string(), quantity: z.enum(['gain', 'path', 'model']), width: z.number().int().nullable(), fractions: z.array(z.number()), below: z.number(), above: z.number() }),
      ),
    }),
  }),
});
