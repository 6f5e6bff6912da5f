import { z } from 'zod';
import slopeThresholdsContract from '../../records/contracts/slope-thresholds.ts';
import { defineProducer } from '../producer.ts';
import { explodingThreshold, t1, t1Maximiser } from '../../math/index.ts';
import { linearGrid } from '../../math/grid.ts';

const configSchema = z.object({
  /** Continuous range of n for the threshold curves (n ≥ 1). */
  nMin: z.number().min(1),
  nMax: z.number(),
  points: z.number().int().min(2),
  /** Integer n compared in the thread ("the largest interval is achieved at n = 2"). */
  integerNs: z.array(z.number().int().min(2)).min(1),
});

/** The thread's thresholds t1(n) and the exploding threshold, over continuous and integer n. */
export default defineProducer({
  contract: slopeThresholdsContract,
  configSchema,
  config: { nMin: 1, nMax: 6, points: 251, integerNs: [2, 3, 4, 5, 6] },
  seeds: () => [],
  produce(config) {
    const point = (n: number) => ({ n, t1: t1(n), exploding: explodingThreshold(n) });
    const curve = linearGrid(config.nMin, config.nMax, config.points).map(point);
    const integers = config.integerNs.map(point);
    const bestInteger = integers.reduce((best, p) => (p.t1 > best.t1 ? p : best));
    const maximiser = t1Maximiser();
    const absolute = maximiser.t1 - bestInteger.t1;
    return {
      curve,
      integers,
      bestInteger,
      maximiser,
      continuousGain: { absolute, relative: absolute / bestInteger.t1 },
    };
  },
});
