import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'trainability-lr-pilot',
  title: 'Learning-rate check: which SGD learning rate separates trainable from untrainable tanh networks within 1000 steps',
  schema: sweepDataSchema,
});
