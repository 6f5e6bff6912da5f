import { z } from 'zod';
import { defineContract } from '../contract.ts';

/**
 * The depth-K threshold: the |x| beyond which one slope of tanh(n·x) is below n^(1−K), i.e.
 * cancels K − 1 slopes at their maximum n.
 */
export default defineContract({
  id: 'depth-thresholds',
  title: 'The |x| beyond which one slope cancels K − 1 maximal slopes, against depth K',
  schema: z.object({
    curve: z.array(z.object({ n: z.number(), depth: z.number().int(), threshold: z.number() })),
    example: z.object({
      n: z.number(),
      depth: z.number().int(),
      threshold: z.number(),
      /** log2 of the slope at the threshold: should equal 1 − K (as a check). */
      log2SlopeAtThreshold: z.number(),
    }),
  }),
});
