import { defineContract } from '../contract.ts';
import { sweepDataSchema } from '../schemas/sweep.ts';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineContract({
  id: 'one-way-street-per-pixel',
  title: 'The one-way street at depth 50 with per-pixel input standardisation (the sensitivity check)',
  schema: sweepDataSchema,
});
