/**
 * What a Monte Carlo sample of ln g says, with its uncertainty: the median (with a
 * distribution-free 95% interval from order statistics), the fractions vanished (g < 1e-6) and
 * exploded (g > 1e6) with 95% Wilson score intervals, and the sample's root mean square. Pure
 * and small: it ships to the browser with the depth-product widget.
 */

import { EXPLODED_ABOVE, VANISHED_BELOW } from './slope-products';
import { wilsonScoreInterval } from './binomial-interval';

/** z_{0.975}: the two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/** A proportion with its 95% interval. */
export interface Proportion {
  count: number;
  total: number;
  /** count / total. */
  estimate: number;
  low: number;
  high: number;
}

/** The 95% Wilson score interval for count successes in total trials (Wilson 1927). */
export function wilsonInterval(count: number, total: number, z = Z95): Proportion {
  if (!(Number.isInteger(total) && total >= 1)) throw new RangeError(`total must be an integer ≥ 1, got ${String(total)}`);
  if (!(Number.isInteger(count) && count >= 0 && count <= total)) {
    throw new RangeError(`count must be an integer in [0, ${total}], got ${String(count)}`);
  }
  return { count, total, ...wilsonScoreInterval(count, total, z) };
}

/**
 * 0-based ranks (lo, hi) of the order statistics that bracket the median with ≥ 95% confidence,
 * from the normal approximation to Binomial(N, ½) (accurate for N ≥ ~50): lo = ⌊N/2 − z√N/2⌋,
 * hi = N − 1 − lo.
 */
export function medianRanks(total: number): [number, number] {
  if (!(Number.isInteger(total) && total >= 1)) throw new RangeError(`total must be an integer ≥ 1, got ${String(total)}`);
  const lo = Math.max(0, Math.floor(total / 2 - (Z95 * Math.sqrt(total)) / 2));
  return [lo, total - 1 - lo];
}

/** Summary of a sample of ln g. log10 values: products themselves over/underflow. */
export interface SampleSummary {
  samples: number;
  /** log10 of the sample median of g (mean of the two middle ln g for an even count). */
  log10Median: number;
  /** 95% interval for log10 of the population median (order statistics). */
  log10MedianLow: number;
  log10MedianHigh: number;
  /** Fraction with g < 1e-6. */
  vanished: Proportion;
  /** Fraction with g > 1e6. */
  exploded: Proportion;
  /** log10 √(mean of g²) over the sample (log-sum-exp: no overflow). */
  log10SampleRootMeanSquare: number;
}

/**
 * Summarises ln g. `logs` is sorted in place (pass a copy to keep the order); sorting 10,000
 * values takes ~1 ms.
 */
export function summariseLogProducts(logs: Float64Array): SampleSummary {
  const total = logs.length;
  if (total === 0) throw new RangeError('logs must not be empty');
  logs.sort();
  const low = Math.log(VANISHED_BELOW);
  const high = Math.log(EXPLODED_ABOVE);
  let vanished = 0;
  while (vanished < total && logs[vanished]! < low) vanished++;
  let exploded = 0;
  while (exploded < total && logs[total - 1 - exploded]! > high) exploded++;
  const middle = total >> 1;
  const lnMedian = total % 2 === 1 ? logs[middle]! : 0.5 * (logs[middle - 1]! + logs[middle]!);
  const [lo, hi] = medianRanks(total);
  // log Σ g² = 2·max + log Σ e^(2(ln g − max)); the maximum is the last sorted value.
  const max = logs[total - 1]!;
  let scaled = 0;
  for (let i = 0; i < total; i++) scaled += Math.exp(2 * (logs[i]! - max));
  const lnMeanSquare = 2 * max + Math.log(scaled / total);
  return {
    samples: total,
    log10Median: lnMedian / Math.LN10,
    log10MedianLow: logs[lo]! / Math.LN10,
    log10MedianHigh: logs[hi]! / Math.LN10,
    vanished: wilsonInterval(vanished, total),
    exploded: wilsonInterval(exploded, total),
    log10SampleRootMeanSquare: lnMeanSquare / (2 * Math.LN10),
  };
}
