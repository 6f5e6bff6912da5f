import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'what-practitioners-do',
  title: 'Test accuracy on MNIST within 1000 SGD steps across depth, at four learning rates, for residual tanh and tanh(2x) MLPs, tanh(2x) with LayerNorm before the activation, and tanh(2x) with gradient clipping at the critical and standard initialisations',
  schema: sweepDataSchema,
});
