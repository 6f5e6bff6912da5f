import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { productStatisticsFields } from '../schemas/product-statistics.ts';

/**
 * The depth-product widget's set-up and its initial state, computed with the function the widget
 * runs in the browser (slope-products-histogram.ts): q*(n) on the widget's n grid (so the browser
 * needs no mean-field code), and the picture at the initial (n, q, K) that the article quotes.
 */
export default defineContract({
  id: 'products-widget',
  title: 'The depth-product widget: q*(n) on its n grid, and its initial Monte Carlo picture',
  schema: z.object({
    /** q*(n) at (sw2, sb2) for every n of the widget's grid. */
    qStars: z.array(z.object({ n: z.number(), qStar: z.number() })),
    initial: z.object({
      n: z.number(),
      q: z.number(),
      /** √q, the spread the widget shows. */
      sigma: z.number(),
      depth: z.number().int(),
      ...productStatisticsFields,
      log10RootMeanSquare: z.number(),
      histogram: z.object({ from: z.number(), step: z.number(), counts: z.array(z.number().int()), ticks: z.array(z.number()) }),
    }),
  }),
});
