import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { activationSchema, initSchema } from '../schemas/run.ts';

export const setupSchema = z.object({
  /** Stable id, shared with the variants of content/experiments/what-fixes-it.json. */
  id: z.string().min(1),
  activation: activationSchema,
  /** Gaussian or orthogonal weights (with σ_w² and σ_b²). */
  init: z.discriminatedUnion('kind', [initSchema.options[0], initSchema.options[2]]),
});

export const statistics = {
  /** m1: mean of σ_i² (the RMS singular value squared). */
  meanSquare: z.number(),
  /** V = m2/m1² − 1, the normalised variance of σ_i². */
  normalisedVariance: z.number(),
  /** σ_max/√m1. */
  maxOverRms: z.number(),
  /** Fraction of σ_i within a factor `withinFactor` of √m1. */
  fractionWithinFactor: z.number(),
};

/**
 * Dynamical isometry, measured: the singular values of the input–output Jacobian of the hidden
 * stack at initialisation, in float64 on MNIST inputs, for the set-ups of /what-fixes-it/,
 * against depth and against the free-probability prediction of their spread.
 */
export default defineContract({
  id: 'jacobian-spectra',
  title: 'Singular values of the input–output Jacobian at initialisation (float64, MNIST inputs) against depth, for Gaussian and orthogonal weights at criticality and the other set-ups of /what-fixes-it/',
  schema: z.object({
    width: z.number().int(),
    /** The largest V an N × N matrix can have (one non-zero singular value): N − 1. */
    maxNormalisedVariance: z.number(),
    setups: z.array(
      setupSchema.extend({
        /** The activation's plain-text label, e.g. "tanh(2x)". */
        activationLabel: z.string(),
        /** Mean-field q* and χ1 at this initialisation (χ1 = 1: critical). */
        qStar: z.number(),
        chi1: z.number(),
        /** σ_w² on the order–chaos line at this σ_b² (1/n² for tanh(n·x) without bias). */
        criticalSw2: z.number(),
        /** σ_w²·mean over the inputs of mean(x²): the expected first-layer pre-activation variance. */
        q1: z.number(),
      }),
    ),
    /** One row per set-up, seed, input and depth. */
    measurements: z.array(
      z.object({
        setup: z.string(),
        seed: z.number().int(),
        input: z.number().int(),
        depth: z.number().int(),
        ...statistics,
        /** σ_min/√m1 (0 for exactly singular J, e.g. ReLU with a dead unit). */
        minOverRms: z.number(),
        /** The SVD's rounding floor σ_max·width·ε over √m1: smaller singular values are noise. */
        floorOverRms: z.number(),
        /** Fraction of σ_i below tinyRatio·√m1. */
        fractionBelowTiny: z.number(),
        /** Mean of z_L² at this input (the empirical q_L). */
        lastPreActivationMeanSquare: z.number(),
      }),
    ),
    /** Per set-up and depth, over seeds × inputs: the mean, smallest and largest V, and the mean of the other statistics. */
    summary: z.array(
      z.object({
        setup: z.string(),
        depth: z.number().int(),
        count: z.number().int(),
        normalisedVariance: z.number(),
        normalisedVarianceMin: z.number(),
        normalisedVarianceMax: z.number(),
        maxOverRms: z.number(),
        fractionWithinFactor: z.number(),
        /** Mean fraction of σ_i below tinyRatio·√m1. */
        fractionBelowTiny: z.number(),
      }),
    ),
    /** Free-probability predictions at every depth 2..max(depths), from q1 through the length map. */
    theory: z.array(z.object({ setup: z.string(), depth: z.number().int(), q: z.number(), meanSquare: z.number(), normalisedVariance: z.number() })),
    /** The distribution of σ/√m1 at spectrumDepth, pooled over seeds × inputs (each spectrum scaled by its own RMS). */
    spectra: z.array(
      z.object({
        setup: z.string(),
        depth: z.number().int(),
        count: z.number().int(),
        /** level p ↦ the pooled order statistic at rank round(p·(count − 1)), ascending. */
        quantiles: z.array(z.object({ level: z.number(), sigmaOverRms: z.number() })),
      }),
    ),
  }),
});
