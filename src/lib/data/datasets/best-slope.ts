import { z } from 'zod';
import { defineDataset } from '../definition.ts';
import { bestSlopeArgument, bestSlopeAt, bestSlopeConstant, tanhN } from '../../math/index.ts';
import { logGrid } from '../../math/grid.ts';

const configSchema = z.object({
  xMin: z.number().positive(),
  xMax: z.number().positive(),
  points: z.number().int().min(2),
  /** Fixed n whose slope curves are drawn under the envelope. */
  ns: z.array(z.number().positive()).min(1),
});

/**
 * At a fixed input x, the largest slope any tanh(n·x) can have, and the n that achieves it:
 * slope*(x) = c/|x|. This is the "sech² decays faster than n grows" answer, quantified.
 */
export default defineDataset({
  id: 'best-slope',
  title: 'The best slope of tanh(n·x) at fixed x over all n, and the n achieving it',
  configSchema,
  config: { xMin: 0.05, xMax: 5, points: 161, ns: [1, 2, 4] },
  seeds: () => [],
  schema: z.object({
    /** u* solving 2u·tanh(u) = 1: the best n at x is u* ÷ |x|. */
    argument: z.number(),
    /** c = u*·sech²(u*): the best slope at x is c/|x|. */
    constant: z.number(),
    envelope: z.array(z.object({ x: z.number(), bestN: z.number(), bestSlope: z.number() })),
    fixedN: z.array(z.object({ n: z.number(), x: z.number(), slope: z.number() })),
  }),
  produce(config) {
    const xs = logGrid(config.xMin, config.xMax, config.points);
    const envelope = xs.map((x) => {
      const best = bestSlopeAt(x);
      return { x, bestN: best.n, bestSlope: best.slope };
    });
    const fixedN = config.ns.flatMap((n) => xs.map((x) => ({ n, x, slope: tanhN(n).df(x) })));
    return { argument: bestSlopeArgument, constant: bestSlopeConstant, envelope, fixedN };
  },
});
