import { z } from 'zod';
import { defineContract } from '../contract.ts';

/**
 * At a fixed input x, the largest slope any tanh(n·x) can have, and the n that achieves it:
 * slope*(x) = c/|x|. This is the "sech² decays faster than n grows" answer, quantified.
 */
export default defineContract({
  id: 'best-slope',
  title: 'The best slope of tanh(n·x) at fixed x over all n, and the n achieving it',
  schema: z.object({
    /** u* solving 2u·tanh(u) = 1: the best n at x is u* ÷ |x|. */
    argument: z.number(),
    /** c = u*·sech²(u*): the best slope at x is c/|x|. */
    constant: z.number(),
    envelope: z.array(z.object({ x: z.number(), bestN: z.number(), bestSlope: z.number() })),
    fixedN: z.array(z.object({ n: z.number(), x: z.number(), slope: z.number() })),
  }),
});
