import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'near-critical-lr-check',
  title: 'Test accuracy on MNIST at depth 100 within 1000 SGD steps for tanh(n·x) near n = 1 and critical tanh with bias variance, at η = 0.001, 0.003 and 0.03',
  schema: sweepDataSchema,
});
