import { z } from 'zod';
import { defineContract } from '../contract.ts';

/** The slope of tanh(n·x) at one n, with the "good" interval |x| < t1(n) and the exploding one. */
export default defineContract({
  id: 'good-interval',
  title: 'The slope of tanh(2x) with the good interval (slope ≥ 1/n) and the exploding interval (slope > 1)',
  schema: z.object({
    n: z.number(),
    /** Half-width of the interval where the slope is at least 1/n. */
    t1: z.number(),
    /** Half-width of the interval where the slope exceeds 1. */
    exploding: z.number(),
    /** The slope at the centre, its maximum: n. */
    peakSlope: z.number(),
    curve: z.array(z.object({ x: z.number(), slope: z.number() })),
  }),
});
