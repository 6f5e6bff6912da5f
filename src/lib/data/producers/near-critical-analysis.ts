import { z } from 'zod';
import nearCriticalAnalysisContract from '../../records/contracts/near-critical-analysis.ts';
import nearCritical from '../../records/contracts/near-critical.ts';
import nearCriticalLrCheck from '../../records/contracts/near-critical-lr-check.ts';
import { defineProducer } from '../producer.ts';
import { summariseNearCritical, summariseNearCriticalRateCheck } from '../../analysis/near-critical.ts';

const configSchema = z.object({
  /** A run counts as trained when its final test accuracy reaches this (as on /order-and-chaos/). */
  trainedAccuracy: z.number().gt(0).lt(1),
});

export default defineProducer({
  contract: nearCriticalAnalysisContract,
  configSchema,
  config: { trainedAccuracy: 0.5 },
  seeds: () => [],
  produce(config, upstream) {
    const scan = upstream.data(nearCritical);
    return {
      ...summariseNearCritical(scan, config.trainedAccuracy),
      rateCheck: summariseNearCriticalRateCheck(scan, upstream.data(nearCriticalLrCheck), config.trainedAccuracy),
    };
  },
});
