import { z } from 'zod';
import { defineDataset } from '../definition.ts';
import { lecunTanh, tanhN, type Activation } from '../../math/index.ts';
import { linearGrid } from '../../math/grid.ts';

const configSchema = z.object({
  /** Values of n for tanh(n·x). */
  ns: z.array(z.number().positive()).min(1),
  /** Also draw LeCun's 1.7159·tanh(2x/3). */
  includeLecun: z.boolean(),
  xMin: z.number(),
  xMax: z.number(),
  points: z.number().int().min(2),
});

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
export default defineDataset({
  id: 'activation-curves',
  title: 'tanh(n·x) and its slope on a grid of x, for several n',
  configSchema,
  config: { ns: [0.5, 1, 2, 4], includeLecun: true, xMin: -3, xMax: 3, points: 241 },
  seeds: () => [],
  schema: z.object({ rows: z.array(rowSchema) }),
  produce(config) {
    const xs = linearGrid(config.xMin, config.xMax, config.points);
    const activations: Array<{ act: Activation; n: number | null }> = config.ns.map((n) => ({ act: tanhN(n), n }));
    if (config.includeLecun) activations.push({ act: lecunTanh, n: null });
    const rows = activations.flatMap(({ act, n }) =>
      xs.map((x) => ({ activation: act.id, label: act.label, n, x, value: act.f(x), slope: act.df(x) })),
    );
    return { rows };
  },
});
