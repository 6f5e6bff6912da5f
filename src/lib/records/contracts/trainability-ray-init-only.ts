import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'trainability-ray-init-only',
  title: 'Test accuracy of tanh(n·x) networks on MNIST across depth and n at σ_w² = 1, σ_b² = 0, hidden layers trained at η/n² (plain tanh at σ_w = n)',
  schema: sweepDataSchema,
});
