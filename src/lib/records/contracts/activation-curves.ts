import { z } from 'zod';
import { defineContract } from '../contract.ts';

const rowSchema = z.object({
  /** Activation id, e.g. "tanh-n2" or "lecun-tanh". */
  activation: z.string(),
  label: z.string(),
  /** n for tanh(n·x); null for LeCun's function. */
  n: z.number().nullable(),
  x: z.number(),
  value: z.number(),
  slope: z.number(),
});

/** tanh(n·x) and its slope n·sech²(n·x) on a grid, for several n (and LeCun's scaled tanh). */
export default defineContract({
  id: 'activation-curves',
  title: 'tanh(n·x) and its slope on a grid of x, for several n',
  schema: z.object({ rows: z.array(rowSchema) }),
});
