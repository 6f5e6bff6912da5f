import { z } from 'zod';
import { defineDataset } from '../definition.ts';
import { explodingThreshold, t1, tanhN } from '../../math/index.ts';
import { linearGrid } from '../../math/grid.ts';

const configSchema = z.object({
  /** The n the thread works through (n = 2). */
  n: z.number().gt(1),
  xMax: z.number().positive(),
  points: z.number().int().min(2),
});

/** The slope of tanh(n·x) at one n, with the "good" interval |x| < t1(n) and the exploding one. */
export default defineDataset({
  id: 'good-interval',
  title: 'The slope of tanh(2x) with the good interval (slope ≥ 1/n) and the exploding interval (slope > 1)',
  configSchema,
  config: { n: 2, xMax: 2.5, points: 201 },
  seeds: () => [],
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
  produce(config) {
    const act = tanhN(config.n);
    const curve = linearGrid(-config.xMax, config.xMax, config.points).map((x) => ({ x, slope: act.df(x) }));
    return { n: config.n, t1: t1(config.n), exploding: explodingThreshold(config.n), peakSlope: act.df(0), curve };
  },
});
