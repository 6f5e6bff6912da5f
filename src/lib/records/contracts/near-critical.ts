import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'near-critical',
  title: 'Test accuracy of tanh(n·x) networks on MNIST at depths 50 to 150 for n from 0.9 to 1.5 (σ_w² = 1, σ_b² = 0), beside critical tanh with bias variance (up to 1000 SGD steps)',
  schema: sweepDataSchema,
});
