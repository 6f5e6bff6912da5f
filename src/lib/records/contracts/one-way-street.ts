import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** Training runs whose float64 gradient norms the one-way-street analysis classifies: see the experiment file. */
export default defineContract({
  id: 'one-way-street',
  title: 'MNIST training of deep tanh(n·x) networks from the standard initialisation across n, 2000 steps, with float64 per-layer gradient norms on four batches every 100 steps',
  schema: sweepDataSchema,
});
