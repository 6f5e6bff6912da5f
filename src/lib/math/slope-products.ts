/**
 * The thread's probabilistic model of a backpropagated gradient: the product of K slopes of
 * tanh(n·x),
 *
 *   g = s(x_1)·s(x_2)···s(x_K),   s(x) = n·sech²(n·x),   x_k ~ N(0, q) independent,
 *
 * in float64. Everything here is exact or quadrature (no sampling; see slope-products-sampler.ts
 * for the Monte Carlo and slope-products-exact.ts for the distribution of ln g by convolution).
 *
 * Work in logs: ln g = Σ ln s(x_k) is a sum of K independent copies of L = ln s(x), so
 *   E[ln g] = K·E[L],  Var[ln g] = K·Var[L],  E[g²] = (E[s²])^K  (exactly, by independence).
 * With u = n·x ~ N(0, a²), a = n·√q:  L = ln n − 2·ln cosh(u) ≤ ln n.
 *
 * Why E[g²]: it is what mean-field theory tracks. At σ_w² = 1, E[s²] at q = q* is χ1
 * (meanfield.ts), so E[g²] = χ1^K is the predicted growth of a squared gradient over K layers.
 * The median of g is exp(median of ln g) ≈ exp(K·E[L]) (central limit theorem), and E[L] can
 * be negative while ln E[s²] is positive: then the typical product vanishes while E[g²] grows.
 */

import { erf } from './normal';
import { gradedGaussianExpectation } from './quadrature';
import { sech2 } from './stable';
import { requireAbove, requireAtLeast, requireFinite } from './validate';

/** A product below this has "vanished" (the threshold the site uses for the fractions). */
export const VANISHED_BELOW = 1e-6;
/** A product above this has "exploded". */
export const EXPLODED_ABOVE = 1e6;

/** ln cosh(u) = |u| − ln 2 + ln(1 + e^(−2|u|)), without overflow for large |u|. */
export function logCosh(u: number): number {
  const t = Math.abs(u);
  return t - Math.LN2 + Math.log1p(Math.exp(-2 * t));
}

/** ln s(x) = ln(n·sech²(n·x)) = ln n − 2·ln cosh(n·x): finite for every finite x (no underflow). */
export function logSlope(n: number, x: number): number {
  return Math.log(n) - 2 * logCosh(n * x);
}

function validate(n: number, q: number): void {
  requireAbove('n', n, 0);
  requireAtLeast('q', q, 0);
}

/** The moments of L = ln s(x) and of s², x ~ N(0, q), that the product's statistics are built from. */
export interface SlopeMoments {
  /** E[L] = E[ln s]: ln g has mean K times this. */
  meanLog: number;
  /** Var[L]: ln g has variance K times this. */
  varianceLog: number;
  /** E[s²] (= χ1 at q = q*, σ_w² = 1): E[g²] = this^K. */
  meanSquare: number;
}

/**
 * E[ln s], Var[ln s] and E[s²] for x ~ N(0, q), by the graded Gauss–Legendre quadrature of
 * quadrature.ts (ln s bends on a z-scale 1/(n√q) at z = 0, which that rule resolves). q = 0 is
 * exact: every slope is n.
 */
export function slopeMoments(n: number, q: number): SlopeMoments {
  validate(n, q);
  if (q === 0) return { meanLog: Math.log(n), varianceLog: 0, meanSquare: n * n };
  const sd = Math.sqrt(q);
  const meanLog = gradedGaussianExpectation((z) => logSlope(n, sd * z));
  const varianceLog = gradedGaussianExpectation((z) => (logSlope(n, sd * z) - meanLog) ** 2);
  const meanSquare = n * n * gradedGaussianExpectation((z) => sech2(n * sd * z) ** 2);
  return { meanLog, varianceLog, meanSquare };
}

/** log10 E[g²] = K·log10 E[s²], exact given the moments (E[g²] itself overflows for large K·n). */
export function log10MeanSquareProduct(moments: SlopeMoments, depth: number): number {
  requireDepth(depth);
  return depth * Math.log10(moments.meanSquare);
}

/** log10 √E[g²], the root-mean-square product: half of log10MeanSquareProduct. */
export function log10RootMeanSquareProduct(moments: SlopeMoments, depth: number): number {
  return 0.5 * log10MeanSquareProduct(moments, depth);
}

/** Standard normal CDF Φ(x) = ½(1 + erf(x/√2)); absolute accuracy ~1e-16 (relative accuracy is lost deep in the lower tail). */
export function normalCdf(x: number): number {
  requireFinite('x', x);
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** What the central limit theorem says about ln g: Normal(K·E[L], K·Var[L]). */
export interface CltApproximation {
  /** log10 of the median of g ≈ K·E[L]/ln 10. */
  log10Median: number;
  /** P(g < 1e-6) ≈ Φ((ln 1e-6 − K·E[L]) / √(K·Var[L])). */
  vanished: number;
  /** P(g > 1e6) ≈ 1 − Φ((ln 1e6 − K·E[L]) / √(K·Var[L])). */
  exploded: number;
}

/**
 * The normal approximation of ln g, exact in the limit K → ∞ at fixed (ln g − K·E[L])/√K; poor
 * for small K, where L's skew (a long lower tail) matters. A zero variance (q = 0) gives a
 * point mass at K·ln n.
 */
export function cltApproximation(moments: SlopeMoments, depth: number): CltApproximation {
  requireDepth(depth);
  const mean = depth * moments.meanLog;
  const sd = Math.sqrt(depth * moments.varianceLog);
  const low = Math.log(VANISHED_BELOW);
  const high = Math.log(EXPLODED_ABOVE);
  if (sd === 0) {
    return { log10Median: mean / Math.LN10, vanished: mean < low ? 1 : 0, exploded: mean > high ? 1 : 0 };
  }
  return {
    log10Median: mean / Math.LN10,
    vanished: normalCdf((low - mean) / sd),
    exploded: normalCdf((mean - high) / sd),
  };
}

function requireDepth(depth: number): void {
  if (!(Number.isInteger(depth) && depth >= 1)) throw new RangeError(`depth K must be an integer ≥ 1, got ${String(depth)}`);
}
