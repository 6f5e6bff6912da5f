import { z } from 'zod';
import productsWidgetContract from '../../records/contracts/products-widget.ts';
import { defineProducer } from '../producer.ts';
import { productStatisticsOf } from '../../analysis/product-statistics.ts';
import { tanhN } from '../../math/activations';
import { qStar } from '../../math/meanfield';
import { productPicture } from '../../math/slope-products-histogram';
import { LayeredNormals } from '../../math/slope-products-sampler';

const control = z.object({ min: z.number(), max: z.number(), step: z.number().positive() });

const configSchema = z.object({
  /** Monte Carlo samples and seed of the widget (the same in the browser). */
  samples: z.number().int().min(10_000),
  seed: z.number().int(),
  /** The controls: n, the spread σ = √q when it is chosen freely, and K. */
  n: control,
  sigma: control,
  depth: control,
  /** The standard initialisation whose q*(n) the widget offers as the spread. */
  sw2: z.number().positive(),
  sb2: z.number().nonnegative(),
  /** Where the widget starts: spread 'standard' is q = q*(n); 'fixed' uses sigma. */
  initial: z.object({ n: z.number().positive(), spread: z.enum(['standard', 'fixed']), sigma: z.number().nonnegative(), depth: z.number().int().positive() }),
});

/** The values a control's grid holds: min + k·step, computed as exact decimals. */
function controlGrid({ min, max, step }: { min: number; max: number; step: number }): number[] {
  const count = Math.round((max - min) / step) + 1;
  return Array.from({ length: count }, (_, k) => Number((min + k * step).toFixed(10)));
}

/**
 * The depth-product widget's set-up and its initial state, computed with the function the widget
 * runs in the browser (slope-products-histogram.ts): q*(n) on the widget's n grid (so the browser
 * needs no mean-field code), and the picture at the initial (n, q, K) that the article quotes.
 */
export default defineProducer({
  contract: productsWidgetContract,
  configSchema,
  config: {
    samples: 10_000,
    seed: 1,
    n: { min: 0.5, max: 4, step: 0.05 },
    sigma: { min: 0, max: 2, step: 0.05 },
    depth: { min: 1, max: 100, step: 1 },
    sw2: 1,
    sb2: 0,
    initial: { n: 2, spread: 'standard', sigma: 1, depth: 50 },
  },
  seeds: (config) => [config.seed],
  produce(config) {
    const ns = controlGrid(config.n);
    if (!ns.includes(config.initial.n)) throw new RangeError(`products-widget: initial.n = ${config.initial.n} is not on the n grid`);
    const qStars = ns.map((n) => ({ n, qStar: qStar(tanhN(n), config.sw2, config.sb2) }));
    const { n, depth } = config.initial;
    const q = config.initial.spread === 'standard' ? qStars.find((r) => r.n === n)!.qStar : config.initial.sigma ** 2;
    const picture = productPicture(new LayeredNormals(config.samples, config.seed), n, q, depth);
    return {
      qStars,
      initial: {
        n,
        q,
        sigma: Math.sqrt(q),
        depth,
        ...productStatisticsOf(picture.summary),
        log10RootMeanSquare: picture.log10RootMeanSquare,
        histogram: picture.histogram,
      },
    };
  },
});
