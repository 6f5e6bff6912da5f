import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { productStatisticsFields } from '../schemas/product-statistics.ts';

export const row = z.object({
  spread: z.string(),
  n: z.number(),
  /** Pre-activation variance used. */
  q: z.number(),
  depth: z.number().int(),
  /** E[ln s] and sd of ln s (quadrature). */
  meanLog: z.number(),
  sdLog: z.number(),
  /** E[s²] per layer (= χ1 at q* when σ_w² = 1). */
  meanSquareSlope: z.number(),
  /** log10 √E[g²] = (K/2)·log10 E[s²], exact. */
  log10RootMeanSquare: z.number(),
  /** Monte Carlo: the median of g, the fractions vanished and exploded, with 95% intervals. */
  ...productStatisticsFields,
  /** The same from the exact (lattice + FFT) distribution of ln g. */
  exactLog10Median: z.number(),
  exactVanished: z.number(),
  exactExploded: z.number(),
  /** The normal (CLT) approximation of ln g. */
  cltLog10Median: z.number(),
  cltVanished: z.number(),
  cltExploded: z.number(),
  /** Products above 10^carrierLog10Threshold carry half of E[g²]; their probability is 10^carrierLog10Probability. */
  carrierLog10Threshold: z.number(),
  carrierLog10Probability: z.number(),
});

/**
 * The thread's probabilistic model: the product g of K slopes of tanh(n·x) at Gaussian
 * pre-activations of variance q. For each spread, n and K: E[g²] (exact), the median of g and the
 * fractions vanished (< 1e-6) and exploded (> 1e6) from a seeded Monte Carlo with 95% intervals,
 * the same from the exact distribution (lattice + FFT) and from the CLT, and how rare the
 * products are that carry E[g²].
 */
export default defineContract({
  id: 'products-model',
  title: 'Products of K slopes of tanh(n·x) at Gaussian pre-activations: median, E[g²], vanished and exploded fractions (Monte Carlo, exact, CLT)',
  schema: z.object({
    rows: z.array(row),
    /** q and χ1 of each (spread, n). */
    settings: z.array(z.object({ spread: z.string(), n: z.number(), q: z.number(), chi1: z.number().nullable() })),
    summary: z.object({
      /** Monte Carlo samples per (spread, n, K). */
      samples: z.number().int(),
      /** The largest exact exploded fraction over every row, and where it occurs. */
      maxExactExploded: z.object({ value: z.number(), spread: z.string(), n: z.number(), depth: z.number().int() }),
      /** How many rows have at least one exploded Monte Carlo sample, and the largest exploded fraction seen. */
      rowsWithExplodedSamples: z.number().int(),
      maxExploded: z.number(),
    }),
    checks: z.object({
      /** Fraction estimates whose exact value lies in (1e-4, 1 − 1e-4), and how many of those fall inside their 95% Wilson interval. */
      fractionEstimates: z.number().int(),
      insideInterval: z.number().int(),
      coverage: z.number(),
      /** Medians whose exact value lies inside the Monte Carlo's 95% interval. */
      medianEstimates: z.number().int(),
      mediansInsideInterval: z.number().int(),
      /** Largest |exact(h) − exact(h/2)| over the resolution check: fractions, and log10 medians. */
      latticeFractionError: z.number(),
      latticeLog10MedianError: z.number(),
    }),
  }),
});
