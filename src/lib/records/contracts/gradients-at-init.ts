import { z } from 'zod';
import { defineContract } from '../contract.ts';

export const layerSeries = z.array(z.number());

/**
 * Gradients at initialisation, measured in float64 on an MNIST batch, against mean-field theory:
 * per-layer ‖∂L/∂h_l‖, the fitted per-layer growth rate next to √χ1, and the fraction of
 * pre-activations inside the thread's "good interval" |x| < t1(n) next to what q* predicts.
 */
export default defineContract({
  id: 'gradients-at-init',
  title: 'Per-layer gradient norms of tanh(n·x) networks at initialisation (float64, MNIST batch) against mean-field theory',
  schema: z.object({
    runs: z.array(
      z.object({
        activation: z.string(),
        label: z.string(),
        n: z.number().nullable(),
        depth: z.number().int(),
        seed: z.number().int(),
        /** ‖∂L/∂h_l‖ for hidden layers l = 1..depth. */
        gradHNorm: layerSeries,
        /** Mean of z_l² per layer (the empirical q_l). */
        preActivationMeanSquare: layerSeries,
        /** Fraction of pre-activations with |z| < t1(n) per layer (null where t1 is undefined, n ≤ 1). */
        fractionInsideT1: layerSeries.nullable(),
      }),
    ),
    theory: z.array(
      z.object({
        activation: z.string(),
        label: z.string(),
        n: z.number().nullable(),
        depth: z.number().int(),
        qStar: z.number(),
        chi1: z.number(),
        /** √χ1: the predicted ratio ‖∂L/∂h_l‖ / ‖∂L/∂h_{l+1}‖. */
        predictedGrowth: z.number(),
        /** Geometric-mean growth per layer fitted to the measured norms (all seeds), layers fitMargin+1..depth−fitMargin. */
        fittedGrowth: z.number(),
        /** Mean over seeds of log10(‖∂L/∂h_1‖ / ‖∂L/∂h_L‖): orders of magnitude gained from the last hidden layer to the first. */
        log10GainOverDepth: z.number(),
        /** Mean over seeds of ‖∂L/∂h_L‖ (last hidden layer): where the prediction is anchored. */
        anchor: z.number(),
        /** anchor · χ1^((L−l)/2) for l = 1..L. */
        predicted: layerSeries,
        /** P(|z| < t1(n)) for z ~ N(0, q*) (null where t1 is undefined). */
        predictedFractionInsideT1: z.number().nullable(),
        /** t1(n) (null for n ≤ 1 and for LeCun's function). */
        t1: z.number().nullable(),
      }),
    ),
  }),
});
