import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** MNIST training of tanh(n·x) networks at depths 10 and 30: see the experiment file. */
export default defineContract({
  id: 'depth-pilot',
  title: 'MNIST training of tanh(n·x) networks, n from 0.5 to 3, depths 10 and 30, standard initialisation',
  schema: sweepDataSchema,
});
