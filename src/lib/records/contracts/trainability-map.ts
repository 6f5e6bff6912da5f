import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'trainability-map',
  title: 'Test accuracy of tanh networks on MNIST across depth and σ_w² at σ_b² = 0.05 (up to 1000 SGD steps)',
  schema: sweepDataSchema,
});
