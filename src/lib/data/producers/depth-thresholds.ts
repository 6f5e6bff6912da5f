import { z } from 'zod';
import depthThresholdsContract from '../../records/contracts/depth-thresholds.ts';
import { defineProducer } from '../producer.ts';
import { depthThreshold, tanhN } from '../../math/index.ts';

const configSchema = z.object({
  ns: z.array(z.number().gt(1)).min(1),
  /** Depths K from 1 to maxDepth. */
  maxDepth: z.number().int().min(2),
  /** The thread's worked example: "for depth K = 50 and n = 2 … [−9.0, 9.0]". */
  example: z.object({ n: z.number().gt(1), depth: z.number().int().min(1) }),
});

/**
 * The depth-K threshold: the |x| beyond which one slope of tanh(n·x) is below n^(1−K), i.e.
 * cancels K − 1 slopes at their maximum n.
 */
export default defineProducer({
  contract: depthThresholdsContract,
  configSchema,
  config: { ns: [1.5, 2, 3, 4], maxDepth: 100, example: { n: 2, depth: 50 } },
  seeds: () => [],
  produce(config) {
    const curve = config.ns.flatMap((n) =>
      Array.from({ length: config.maxDepth }, (_, i) => ({ n, depth: i + 1, threshold: depthThreshold(n, i + 1) })),
    );
    const { n, depth } = config.example;
    const threshold = depthThreshold(n, depth);
    return {
      curve,
      example: { n, depth, threshold, log2SlopeAtThreshold: Math.log2(tanhN(n).df(threshold)) },
    };
  },
});
