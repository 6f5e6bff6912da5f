import { z } from 'zod';
import { defineContract } from '../contract.ts';

/**
 * The forward pass at initialisation: the correlation of two inputs' pre-activations layer by
 * layer in float64 networks, against mean-field theory's correlation map iterated from the same
 * inputs. For n > 1 at σ_b² = 0 the map's stable fixed point is c* = 0: inputs decorrelate with
 * depth whatever the gradients do.
 */
export default defineContract({
  id: 'correlation-propagation',
  title: 'Correlation of two MNIST inputs’ pre-activations against depth in tanh(n·x) networks at initialisation (float64), against the mean-field correlation map',
  schema: z.object({
    config: z.object({
      depth: z.number().int(),
      width: z.number().int(),
      pairs: z.number().int(),
      sw2: z.number(),
      sb2: z.number(),
      seeds: z.array(z.number().int()),
      ns: z.array(z.number()),
    }),
    /** Mean over the pairs of the inputs' own cosine (what layer 1 starts from). */
    inputCosine: z.number(),
    setups: z.array(
      z.object({
        n: z.number(),
        chi1: z.number(),
        /** The correlation map's stable fixed point. */
        cStar: z.number(),
        layers: z.array(
          z.object({
            layer: z.number().int(),
            /** Mean over pairs and seeds of the measured cosine; smallest and largest seed mean. */
            measured: z.number(),
            measuredMin: z.number(),
            measuredMax: z.number(),
            /** Mean over pairs of the iterated mean-field prediction. */
            predicted: z.number(),
          }),
        ),
        /** At the last layer: measured and predicted, and their largest difference over all layers. */
        last: z.object({ measured: z.number(), predicted: z.number() }),
        largestDifference: z.number(),
      }),
    ),
  }),
});
