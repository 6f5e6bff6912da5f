import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'what-fixes-it',
  title: 'Test accuracy on MNIST within 1000 SGD steps across depth, for tanh(2x) at the standard and critical initialisations (Gaussian, orthogonal), ReLU with He initialisation and LeCun’s scaled tanh',
  schema: sweepDataSchema,
});
