import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'trainability-lr-pilot',
  title: 'Pilot: which SGD learning rate separates trainable from untrainable tanh networks in 300 steps',
  schema: sweepDataSchema,
});
