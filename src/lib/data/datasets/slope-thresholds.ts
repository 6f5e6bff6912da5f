import { z } from 'zod';
import { defineDataset } from '../definition.ts';
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

const pointSchema = z.object({
  n: z.number(),
  /** |x| beyond which the slope of tanh(n·x) is below 1/n. */
  t1: z.number(),
  /** |x| inside which the slope of tanh(n·x) exceeds 1. */
  exploding: z.number(),
});

/** The thread's thresholds t1(n) and the exploding threshold, over continuous and integer n. */
export default defineDataset({
  id: 'slope-thresholds',
  title: 't1(n), the exploding threshold, and the n that maximises t1',
  configSchema,
  config: { nMin: 1, nMax: 6, points: 251, integerNs: [2, 3, 4, 5, 6] },
  seeds: () => [],
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
