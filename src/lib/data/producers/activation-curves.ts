import { z } from 'zod';
import activationCurvesContract from '../../records/contracts/activation-curves.ts';
import { defineProducer } from '../producer.ts';
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

/** tanh(n·x) and its slope n·sech²(n·x) on a grid, for several n (and LeCun's scaled tanh). */
export default defineProducer({
  contract: activationCurvesContract,
  configSchema,
  config: { ns: [0.5, 1, 2, 4], includeLecun: true, xMin: -3, xMax: 3, points: 241 },
  seeds: () => [],
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
