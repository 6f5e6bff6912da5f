/**
 * The statistics of a sample of slope products (or gradient gains) that the products pages
 * report: one schema, shared by every record that carries them, filled by
 * `productStatisticsOf` (src/lib/analysis/product-statistics.ts).
 */
import { z } from 'zod';

export const productStatisticsFields = {
  /** log10 of the sample median, and its 95% interval (order statistics). */
  log10Median: z.number(),
  log10MedianLow: z.number(),
  log10MedianHigh: z.number(),
  /** Fraction below 1e-6 ("vanished"), with its 95% Wilson interval. */
  vanished: z.number(),
  vanishedLow: z.number(),
  vanishedHigh: z.number(),
  /** Fraction above 1e6 ("exploded"), with its 95% Wilson interval. */
  exploded: z.number(),
  explodedLow: z.number(),
  explodedHigh: z.number(),
  /** log10 √(sample mean of the squares): what the sample shows of the mean square. */
  log10SampleRootMeanSquare: z.number(),
};

export const productStatisticsSchema = z.object(productStatisticsFields);
export type ProductStatistics = z.infer<typeof productStatisticsSchema>;
