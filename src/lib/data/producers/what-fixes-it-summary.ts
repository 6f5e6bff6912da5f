import { z } from 'zod';
import whatFixesItSummaryContract from '../../records/contracts/what-fixes-it-summary.ts';
import { defineProducer } from '../producer.ts';
import trainabilityRay from '../../records/contracts/trainability-ray.ts';
import whatFixesIt from '../../records/contracts/what-fixes-it.ts';
import whatFixesItLrCheck from '../../records/contracts/what-fixes-it-lr-check.ts';
import whatFixesItDeepLrCheck from '../../records/contracts/what-fixes-it-deep-lr-check.ts';
import { summariseWhatFixesIt } from '../../analysis/what-fixes-it.ts';

const configSchema = z.object({
  /** A set-up counts as trained at a depth when its mean test accuracy over seeds reaches this (as on /order-and-chaos/). */
  trainedAccuracy: z.number().gt(0).lt(1),
});

/**
 * The what-fixes-it sweep per set-up and depth: mean, smallest and largest test accuracy over
 * seeds, the deepest depth that trains, and a check against the trainability-ray record, which
 * holds the same tanh(2x) reference runs.
 */
export default defineProducer({
  contract: whatFixesItSummaryContract,
  configSchema,
  config: { trainedAccuracy: 0.5 },
  seeds: () => [],
  produce(config, upstream, context) {
    const sweep = upstream.data(whatFixesIt);
    const rateCheck = upstream.data(whatFixesItLrCheck);
    const ray = upstream.data(trainabilityRay);
    const deepRateCheck = upstream.data(whatFixesItDeepLrCheck);
    return summariseWhatFixesIt(sweep, rateCheck, deepRateCheck, ray, config.trainedAccuracy, context.profile === 'full');
  },
});
