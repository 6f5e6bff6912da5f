import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'what-fixes-it-deep-lr-check',
  title: 'Test accuracy on MNIST at depth 200 within 1000 SGD steps for the set-ups of /what-fixes-it/ at three learning rates below 0.01',
  schema: sweepDataSchema,
});
