import { z } from 'zod';
import bestSlopeContract from '../../records/contracts/best-slope.ts';
import { defineProducer } from '../producer.ts';
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
export default defineProducer({
  contract: bestSlopeContract,
  configSchema,
  config: { xMin: 0.05, xMax: 5, points: 161, ns: [1, 2, 4] },
  seeds: () => [],
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
