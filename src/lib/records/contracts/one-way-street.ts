import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** Training runs whose float64 gradient norms the one-way-street analysis classifies: see the experiment file. */
export default defineContract({
  id: 'one-way-street',
  title: 'MNIST training of deep tanh(n·x) networks across n and σ_w², with float64 per-layer gradient norms every 20 steps',
  schema: sweepDataSchema,
});
