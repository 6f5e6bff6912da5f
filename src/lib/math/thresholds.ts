/**
 * The threshold analysis of the thread (Esmailian's answer), for f(x) = tanh(n·x) with slope
 *
 *   s(n, x) = n·sech²(n·x),   at most n (at x = 0), falling to 0 as |x| → ∞.
 *
 * Every threshold is "the |x| beyond which the slope falls below some level s". Solving
 * n·sech²(nx) < s gives tanh²(nx) > 1 − s/n, i.e. with ε = s/n,
 *
 *   |x| > (1/n)·atanh(√(1 − ε)) = (1/n)·acosh(1/√ε),
 *
 * evaluated from ln ε so that ε = n^(−K) neither underflows nor cancels (see stable.ts).
 */

import { atanhSqrtOneMinus, findRoot, sech2 } from './stable';
import { requireAbove, requireAtLeast, requireFinite, requireNonZero } from './validate';

/** s(n, x) = n·sech²(n·x), the slope of tanh(n·x) at x. n > 0. */
export function tanhNSlope(n: number, x: number): number {
  requireAbove('n', n, 0);
  requireFinite('x', x);
  return n * sech2(n * x);
}

/**
 * (1/n)·atanh(√(1 − ε)) given ln ε: the |x| beyond which n·sech²(nx) < n·ε.
 * For ε ≥ 1 (level at or above the maximal slope n) every x ≠ 0 is already below: 0.
 */
function thresholdFromLogEps(n: number, logEps: number): number {
  return logEps >= 0 ? 0 : atanhSqrtOneMinus(logEps) / n;
}

/** Smallest positive normal float64, 2^−1022. */
const MIN_NORMAL = 2 ** -1022;

/**
 * The |x| beyond which the slope of tanh(n·x) falls below s:
 *   acosh(√(n/s))/n = (1/n)·atanh(√(1 − s/n))   for 0 < s < n.
 * For s ≥ n it returns 0: the slope is < n ≤ s at every x ≠ 0 (and equals n only at x = 0),
 * so no interval around 0 keeps the slope at or above s; 0 is also the limit as s → n.
 * It grows like ln(4n/s)/(2n) as s → 0. n > 0, s > 0.
 */
export function slopeThreshold(n: number, s: number): number {
  requireAbove('n', n, 0);
  requireAbove('s', s, 0);
  const ratio = s / n;
  // ln(s/n) directly where s/n is a normal float64 (no cancellation near s ≈ n), else ln s − ln n.
  const logEps = ratio >= MIN_NORMAL && ratio <= Number.MAX_VALUE ? Math.log(ratio) : Math.log(s) - Math.log(n);
  return thresholdFromLogEps(n, logEps);
}

/**
 * t₁(n) = (1/n)·atanh(√(1 − 1/n²)) = acosh(n)/n: the |x| beyond which the slope of tanh(n·x)
 * falls below 1/n (one such slope cancels one maximal slope n). n ≥ 1; t₁(1) = 0.
 */
export function t1(n: number): number {
  requireAtLeast('n', n, 1);
  return thresholdFromLogEps(n, -2 * Math.log(n));
}

/**
 * (1/n)·atanh(√(1 − n^(−K))) = acosh(n^(K/2))/n: the |x| beyond which the slope of tanh(n·x)
 * falls below n^(1−K), so that one such slope cancels K − 1 maximal slopes n (depth K).
 * Computed from ln ε = −K·ln n: finite and accurate for K up to 10^6 and beyond.
 * n ≥ 1 (n = 1 gives 0), K ≥ 1 (K = 1 is explodingThreshold(n), K = 2 is t1(n)).
 */
export function depthThreshold(n: number, K: number): number {
  requireAtLeast('n', n, 1);
  requireAtLeast('K', K, 1);
  return thresholdFromLogEps(n, -K * Math.log(n));
}

/**
 * (1/n)·atanh(√(1 − 1/n)) = acosh(√n)/n: the |x| inside which the slope of tanh(n·x) exceeds 1
 * (the exploding side). n ≥ 1; for n = 1 the slope never exceeds 1 and this is 0.
 */
export function explodingThreshold(n: number): number {
  requireAtLeast('n', n, 1);
  return thresholdFromLogEps(n, -Math.log(n));
}

/**
 * dt₁/dn = 0 ⇔ acosh(n) = n/√(n² − 1). (With n = cosh u this is u·tanh(u) = 1, and then
 * t₁ = 1/sinh(u) = 1/√(n² − 1).) g(n) below is negative at n = 1.1 and positive at n = 4.
 */
function t1Stationarity(n: number): number {
  return Math.acosh(n) - n / Math.sqrt((n - 1) * (n + 1));
}

const T1_MAXIMISER_N = findRoot(t1Stationarity, 1.1, 4);
const T1_MAXIMUM = Object.freeze({ n: T1_MAXIMISER_N, t1: t1(T1_MAXIMISER_N) });

/**
 * The real n > 1 maximising t₁(n), and t₁ there (n ≈ 1.810, t₁ ≈ 0.6627): the widest interval
 * [−t₁, t₁] on which the slope of tanh(n·x) stays ≥ 1/n. Solved to full float64 precision.
 */
export function t1Maximiser(): { readonly n: number; readonly t1: number } {
  return T1_MAXIMUM;
}

/**
 * u* > 0 solving 2u·tanh(u) = 1 (≈ 0.7717): the maximiser of u·sech²(u), i.e. of the slope
 * n·sech²(nx) over n at fixed x, written in u = n|x|. d/du[u·sech²u] = sech²u·(1 − 2u·tanh u).
 */
export const bestSlopeArgument: number = findRoot((u) => 2 * u * Math.tanh(u) - 1, 0, 2);

/** c = u*·sech²(u*) ≈ 0.4477: at fixed x ≠ 0 no n gives tanh(n·x) a slope above c/|x|. */
export const bestSlopeConstant: number = bestSlopeArgument * sech2(bestSlopeArgument);

/**
 * At fixed x ≠ 0, the n maximising the slope n·sech²(n·x) and that maximal slope:
 *   n*(x) = u* / |x|,   slope*(x) = c/|x|.
 * This quantifies "sech² decays faster than n grows": increasing n past u* / |x| lowers the
 * slope at x. x must be finite and ≠ 0 (for |x| below ~4e-309 both overflow to Infinity).
 */
export function bestSlopeAt(x: number): { n: number; slope: number } {
  requireNonZero('x', x);
  const size = Math.abs(x);
  return { n: bestSlopeArgument / size, slope: bestSlopeConstant / size };
}
