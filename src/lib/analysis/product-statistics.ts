import type { ProductStatistics } from '../records/schemas/product-statistics.ts';
import type { SampleSummary } from '../math/slope-products-stats.ts';

/** The flat statistics a record stores, from a sample summary (summariseLogProducts). */
export function productStatisticsOf(s: SampleSummary): ProductStatistics {
  return {
    log10Median: s.log10Median,
    log10MedianLow: s.log10MedianLow,
    log10MedianHigh: s.log10MedianHigh,
    vanished: s.vanished.estimate,
    vanishedLow: s.vanished.low,
    vanishedHigh: s.vanished.high,
    exploded: s.exploded.estimate,
    explodedLow: s.exploded.low,
    explodedHigh: s.exploded.high,
    log10SampleRootMeanSquare: s.log10SampleRootMeanSquare,
  };
}
