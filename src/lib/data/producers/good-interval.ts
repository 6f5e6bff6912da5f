import { z } from 'zod';
import goodIntervalContract from '../../records/contracts/good-interval.ts';
import { defineProducer } from '../producer.ts';
import { explodingThreshold, t1, tanhN } from '../../math/index.ts';
import { linearGrid } from '../../math/grid.ts';

const configSchema = z.object({
  /** The n the thread works through (n = 2). */
  n: z.number().gt(1),
  xMax: z.number().positive(),
  points: z.number().int().min(2),
});

/** The slope of tanh(n·x) at one n, with the "good" interval |x| < t1(n) and the exploding one. */
export default defineProducer({
  contract: goodIntervalContract,
  configSchema,
  config: { n: 2, xMax: 2.5, points: 201 },
  seeds: () => [],
  produce(config) {
    const act = tanhN(config.n);
    const curve = linearGrid(-config.xMax, config.xMax, config.points).map((x) => ({ x, slope: act.df(x) }));
    return { n: config.n, t1: t1(config.n), exploding: explodingThreshold(config.n), peakSlope: act.df(0), curve };
  },
});
