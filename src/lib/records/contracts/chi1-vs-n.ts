import { z } from 'zod';
import { defineContract } from '../contract.ts';

/** χ1, q* and ξ_c of tanh(n·x) networks at the standard initialisation, against n. */
export default defineContract({
  id: 'chi1-vs-n',
  title: 'χ1, q* and the depth scale ξ_c of tanh(n·x) at the standard initialisation, against n',
  schema: z.object({
    /** ξ_c is null where it is infinite (on the critical line). */
    curve: z.array(z.object({ n: z.number(), sb2: z.number(), chi1: z.number(), qStar: z.number(), xiC: z.number().nullable() })),
    lecun: z.array(z.object({ sb2: z.number(), chi1: z.number(), qStar: z.number(), xiC: z.number().nullable() })),
    /**
     * The share of slopes above 1, P(φ′(h) > 1) for h ~ N(0, q*), at a few n: the thread's count
     * of slopes, beside χ1 = σ_w²·E[φ′²], which decides whether the gradient grows.
     */
    slopeShares: z.array(z.object({ n: z.number(), sb2: z.number(), qStar: z.number(), shareAboveOne: z.number(), chi1: z.number() })),
  }),
});
