import { z } from 'zod';
import { defineContract } from '../contract.ts';

const pointSchema = z.object({
  n: z.number(),
  /** |x| beyond which the slope of tanh(n·x) is below 1/n. */
  t1: z.number(),
  /** |x| inside which the slope of tanh(n·x) exceeds 1. */
  exploding: z.number(),
});

/** The thread's thresholds t1(n) and the exploding threshold, over continuous and integer n. */
export default defineContract({
  id: 'slope-thresholds',
  title: 't1(n), the exploding threshold, and the n that maximises t1',
  schema: z.object({
    curve: z.array(pointSchema),
    integers: z.array(pointSchema),
    /** The best integer n (largest t1). */
    bestInteger: pointSchema,
    /** The real n > 1 maximising t1, and t1 there. */
    maximiser: z.object({ n: z.number(), t1: z.number() }),
    /** How much wider the good interval gets when n may be continuous. */
    continuousGain: z.object({ absolute: z.number(), relative: z.number() }),
  }),
});
