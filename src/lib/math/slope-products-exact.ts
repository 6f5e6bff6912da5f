/**
 * The distribution of ln g = Σ_{k≤K} L_k (slope-products.ts) computed without sampling: L = ln s
 * is put on a lattice, and the K-fold convolution is taken by FFT. An independent check of the
 * Monte Carlo (slope-products-sampler.ts): it shares no code with it but the definition of s.
 *
 * Lattice. Write L = ln n − d, d = 2·ln cosh(u) ≥ 0, u = n·x ~ N(0, a²), a = n√q. The event
 * d ∈ [jh, (j+1)h] is |u| ∈ [c_j, c_{j+1}], c_j = arcosh(e^(jh/2)); its probability and the mean of
 * d on it are integrals of smooth functions of u, taken by 10-point Gauss–Legendre on each such
 * interval (the integrands are analytic there; even the first bin, where the density of d is
 * singular like 1/√d, is smooth in u). Each bin's probability is then split between its two end
 * points so that its mean is kept exactly: the lattice variable has exactly E[L] (to quadrature
 * accuracy) and a variance larger by at most h²/4. |u| > 9a (probability 2.3e-19) is dropped and
 * the rest renormalised.
 *
 * Convolution. The K-fold sum lives on the lattice K·ln n − J·h, J = 0 … K·M; its probabilities
 * are the inverse FFT of the K-th power of the base's FFT (zero-padded to a power of two above
 * K·M, so the circular convolution does not wrap). Rounding leaves absolute errors ~1e-16·log₂(size)
 * per probability: tail probabilities below ~1e-13 are noise (clamped at 0). Quantities that live
 * deeper in a tail use the exponential tilt (`meanSquareCarrier`), which brings that tail to the
 * bulk first.
 */

import { legendreRule } from './quadrature';
import { logCosh, VANISHED_BELOW, EXPLODED_ABOVE } from './slope-products';
import { acoshOfExp } from './stable';
import { requireAbove, requireAtLeast } from './validate';

/** A distribution on the lattice top − j·spacing, j = 0 … probabilities.length − 1. */
export interface Lattice {
  top: number;
  spacing: number;
  probabilities: Float64Array;
}

/** The value of lattice point j. */
export const latticeValue = (lattice: Lattice, j: number): number => lattice.top - j * lattice.spacing;

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** |z| beyond this is dropped (two-sided standard normal mass 2.3e-19). */
const Z_MAX = 9;

/**
 * L = ln s(x), x ~ N(0, q), on a lattice of the given spacing h (in ln units, > 0), mean kept
 * exactly (module comment). q = 0 is the point mass at ln n.
 */
export function logSlopeLattice(n: number, q: number, spacing: number): Lattice {
  requireAbove('n', n, 0);
  requireAtLeast('q', q, 0);
  requireAbove('spacing', spacing, 0);
  const top = Math.log(n);
  if (q === 0) return { top, spacing, probabilities: Float64Array.of(1) };
  const a = n * Math.sqrt(q);
  const uMax = Z_MAX * a;
  const dMax = 2 * logCosh(uMax);
  const bins = Math.max(1, Math.ceil(dMax / spacing));
  const probabilities = new Float64Array(bins + 1);
  const { nodes, weights } = legendreRule(10);
  let total = 0;
  let previousEdge = 0;
  for (let j = 0; j < bins; j++) {
    const edge = Math.min(uMax, acoshOfExp(((j + 1) * spacing) / 2));
    const mid = 0.5 * (previousEdge + edge);
    const half = 0.5 * (edge - previousEdge);
    let mass = 0;
    let moment = 0;
    for (let i = 0; i < nodes.length; i++) {
      const u = mid + half * nodes[i]!;
      const w = half * weights[i]! * ((2 * INV_SQRT_2PI) / a) * Math.exp(-0.5 * (u / a) ** 2);
      mass += w;
      moment += w * 2 * logCosh(u);
    }
    previousEdge = edge;
    if (mass <= 0) continue;
    // Split between d = jh and d = (j+1)h so that the bin's mean of d is kept.
    const meanD = moment / mass;
    const up = Math.min(1, Math.max(0, meanD / spacing - j));
    probabilities[j]! += mass * (1 - up);
    probabilities[j + 1]! += mass * up;
    total += mass;
  }
  for (let j = 0; j < probabilities.length; j++) probabilities[j]! /= total;
  return { top, spacing, probabilities };
}

/** Exponential tilt: p_j·e^(λ·v_j) renormalised, with the log of the normaliser ln Σ p_j e^(λ v_j). */
export function tiltLattice(lattice: Lattice, lambda: number): { lattice: Lattice; logNormaliser: number } {
  const { probabilities } = lattice;
  let maxExponent = -Infinity;
  for (let j = 0; j < probabilities.length; j++) {
    if (probabilities[j]! > 0) maxExponent = Math.max(maxExponent, lambda * latticeValue(lattice, j));
  }
  const tilted = new Float64Array(probabilities.length);
  let sum = 0;
  for (let j = 0; j < probabilities.length; j++) {
    const w = probabilities[j]! > 0 ? probabilities[j]! * Math.exp(lambda * latticeValue(lattice, j) - maxExponent) : 0;
    tilted[j] = w;
    sum += w;
  }
  for (let j = 0; j < tilted.length; j++) tilted[j]! /= sum;
  return { lattice: { ...lattice, probabilities: tilted }, logNormaliser: maxExponent + Math.log(sum) };
}

/** In-place iterative radix-2 FFT (sign −1 forward, +1 inverse, unnormalised). */
function fft(re: Float64Array, im: Float64Array, sign: 1 | -1): void {
  const size = re.length;
  for (let i = 1, j = 0; i < size; i++) {
    let bit = size >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  // Twiddles computed directly (not by recurrence), so their error does not grow with size.
  const cos = new Float64Array(size >> 1);
  const sin = new Float64Array(size >> 1);
  for (let k = 0; k < size >> 1; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / size);
    sin[k] = sign * Math.sin((2 * Math.PI * k) / size);
  }
  for (let length = 2; length <= size; length <<= 1) {
    const halfLength = length >> 1;
    const stride = size / length;
    for (let start = 0; start < size; start += length) {
      for (let k = 0; k < halfLength; k++) {
        const wr = cos[k * stride]!;
        const wi = sin[k * stride]!;
        const a = start + k;
        const b = a + halfLength;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a]! += xr;
        im[a]! += xi;
      }
    }
  }
}

/** The distribution of the sum of K independent copies of the lattice variable (K ≥ 1). */
export function convolutionPower(base: Lattice, depth: number): Lattice {
  if (!(Number.isInteger(depth) && depth >= 1)) throw new RangeError(`depth K must be an integer ≥ 1, got ${String(depth)}`);
  const points = depth * (base.probabilities.length - 1) + 1;
  let size = 1;
  while (size < points) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re.set(base.probabilities);
  fft(re, im, -1);
  for (let i = 0; i < size; i++) {
    const r = Math.hypot(re[i]!, im[i]!);
    const theta = Math.atan2(im[i]!, re[i]!);
    const rk = r ** depth;
    re[i] = rk * Math.cos(depth * theta);
    im[i] = rk * Math.sin(depth * theta);
  }
  fft(re, im, 1);
  const probabilities = new Float64Array(points);
  for (let j = 0; j < points; j++) probabilities[j] = Math.max(0, re[j]! / size);
  return { top: depth * base.top, spacing: base.spacing, probabilities };
}

/**
 * P(X < x) for the lattice variable X, read as a continuous distribution: point j's mass spread
 * uniformly over [v_j − h/2, v_j + h/2] (so the CDF is piecewise linear; the continuity
 * correction of a lattice approximation to a continuous law).
 */
export function latticeCdf(lattice: Lattice, x: number): number {
  const { probabilities, spacing } = lattice;
  let below = 0;
  // Lattice values decrease with j: sum from the bottom (largest j) up.
  for (let j = probabilities.length - 1; j >= 0; j--) {
    const v = latticeValue(lattice, j);
    if (v + spacing / 2 <= x) below += probabilities[j]!;
    else if (v - spacing / 2 < x) below += (probabilities[j]! * (x - (v - spacing / 2))) / spacing;
    else break;
  }
  return Math.min(1, below);
}

/** The p-quantile of the lattice variable read as in latticeCdf (0 < p < 1). */
export function latticeQuantile(lattice: Lattice, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${String(p)}`);
  const { probabilities, spacing } = lattice;
  let below = 0;
  for (let j = probabilities.length - 1; j >= 0; j--) {
    const mass = probabilities[j]!;
    if (below + mass >= p && mass > 0) {
      return latticeValue(lattice, j) - spacing / 2 + ((p - below) / mass) * spacing;
    }
    below += mass;
  }
  return lattice.top + spacing / 2;
}

/** The tilted mean Σ p_j v_j e^(λ v_j) / Σ p_j e^(λ v_j). */
function tiltedMean(lattice: Lattice, lambda: number): number {
  const { lattice: tilted } = tiltLattice(lattice, lambda);
  let mean = 0;
  for (let j = 0; j < tilted.probabilities.length; j++) mean += tilted.probabilities[j]! * latticeValue(tilted, j);
  return mean;
}

/**
 * The saddle point: λ whose tilt has mean `target` (the Chernoff-optimal tilt for a tail at
 * K·target), by bisection (the tilted mean increases with λ); capped at |λ| = 1e3 where target
 * lies at the lattice's edge.
 */
function saddlePoint(base: Lattice, target: number): number {
  const untilted = tiltedMean(base, 0);
  if (target === untilted) return 0;
  const sign = target > untilted ? 1 : -1;
  let lo = 0;
  let hi = sign;
  while (Math.abs(hi) < 1e3 && sign * (tiltedMean(base, hi) - target) < 0) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (sign * (tiltedMean(base, mid) - target) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * P(ln g > x) ('above') or P(ln g < x) ('below') for the sum of K copies of the lattice variable,
 * accurate in relative terms deep into the tail: by the identity
 *   P(S ∈ A) = Σ_{v ∈ A} p̃_K(v)·e^(K·Λ(λ) − λ·v),   Λ(λ) = ln E[e^(λL)],
 * with p̃ the λ-tilted law, and λ the saddle point that centres p̃_K on x, where its FFT is
 * accurate; on the tail side of x the weights e^(KΛ − λv) are ≤ 1 (Chernoff), so FFT rounding
 * is not amplified. The straddling point counts with its share, as in latticeCdf.
 */
export function tailProbability(base: Lattice, depth: number, x: number, side: 'above' | 'below'): number {
  const top = depth * base.top;
  const bottom = depth * latticeValue(base, base.probabilities.length - 1);
  if (side === 'above' ? x >= top + base.spacing / 2 : x <= bottom - base.spacing / 2) return 0;
  if (side === 'above' ? x <= bottom - base.spacing / 2 : x >= top + base.spacing / 2) return 1;
  // Tilt towards the smaller tail only (the one beyond x as seen from the mean); the larger one
  // is its complement, where absolute accuracy is what matters.
  const smallSide = x / depth >= tiltedMean(base, 0) ? 'above' : 'below';
  if (side !== smallSide) return 1 - tailProbability(base, depth, x, smallSide);
  const lambda = saddlePoint(base, Math.min(base.top, Math.max(latticeValue(base, base.probabilities.length - 1), x / depth)));
  const { lattice: tiltedBase, logNormaliser } = tiltLattice(base, lambda);
  const tilted = convolutionPower(tiltedBase, depth);
  const { probabilities, spacing } = tilted;
  const logScale = depth * logNormaliser;
  const terms: number[] = [];
  for (let j = 0; j < probabilities.length; j++) {
    const v = latticeValue(tilted, j);
    const lowEnd = v - spacing / 2;
    const highEnd = v + spacing / 2;
    const share =
      side === 'above'
        ? Math.min(1, Math.max(0, (highEnd - x) / spacing))
        : Math.min(1, Math.max(0, (x - lowEnd) / spacing));
    if (share > 0 && probabilities[j]! > 0) terms.push(Math.log(share * probabilities[j]!) + logScale - lambda * v);
  }
  if (terms.length === 0) return 0;
  let maxTerm = -Infinity;
  for (const term of terms) maxTerm = Math.max(maxTerm, term);
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - maxTerm);
  return Math.min(1, Math.exp(maxTerm) * sum);
}

/** What the exact distribution of ln g says at one depth. */
export interface ExactProductStatistics {
  /** log10 of the median of g. */
  log10Median: number;
  /** P(g < 1e-6). */
  vanished: number;
  /** P(g > 1e6). */
  exploded: number;
}

/** Median and fractions of g for depth K (fractions by tailProbability, accurate deep in the tails). */
export function exactStatistics(base: Lattice, depth: number): ExactProductStatistics {
  if (base.probabilities.length === 1) {
    // A point mass (q = 0): g = n^K exactly.
    const value = depth * base.top;
    return {
      log10Median: value / Math.LN10,
      vanished: value < Math.log(VANISHED_BELOW) ? 1 : 0,
      exploded: value > Math.log(EXPLODED_ABOVE) ? 1 : 0,
    };
  }
  return {
    log10Median: latticeQuantile(convolutionPower(base, depth), 0.5) / Math.LN10,
    vanished: tailProbability(base, depth, Math.log(VANISHED_BELOW), 'below'),
    exploded: tailProbability(base, depth, Math.log(EXPLODED_ABOVE), 'above'),
  };
}

/**
 * Where E[g²] comes from. Tilting by g² (weights g²/E[g²]) gives the distribution of ln g "as
 * seen by the mean square"; its median t splits E[g²] in halves: products above t carry half of
 * E[g²]. Returns log10 of that product t and log10 of its ordinary probability P(g > t).
 */
export function meanSquareCarrier(base: Lattice, depth: number): { log10Threshold: number; log10Probability: number } {
  const { lattice: tiltedBase } = tiltLattice(base, 2);
  const threshold = latticeQuantile(convolutionPower(tiltedBase, depth), 0.5);
  return {
    log10Threshold: threshold / Math.LN10,
    log10Probability: Math.log10(tailProbability(base, depth, threshold, 'above')),
  };
}
