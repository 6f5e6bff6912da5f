/**
 * Signal propagation in wide random networks at initialisation (mean-field theory), in float64:
 * Poole et al. 2016, "Exponential expressivity in deep neural networks through transient chaos";
 * Schoenholz et al. 2017, "Deep information propagation"; Pennington et al. 2017/2018,
 * "Resurrecting the sigmoid" / "The emergence of spectral universality".
 *
 * Conventions. Weights W_ij ~ N(0, σ_w²/fan_in), biases b_i ~ N(0, σ_b²); every function takes
 * `sw2` = σ_w² (weight variance × fan_in, > 0) and `sb2` = σ_b² (≥ 0). A pre-activation h of a
 * wide layer is Gaussian with variance q (in the units of h itself); z, z1, z2 ~ N(0, 1).
 *
 *   length map        q ↦ σ_w²·E[φ(√q·z)²] + σ_b²                 fixed point q*
 *   correlation map   c ↦ (σ_w²·E[φ(u1)φ(u2)] + σ_b²)/q*           fixed point c*
 *                     u1 = √q*·z1, u2 = √q*·(c·z1 + √(1 − c²)·z2)
 *   χ1  = σ_w²·E[φ′(√q*·z)²]            per-layer growth of ‖gradient‖² (order: < 1, chaos: > 1)
 *   χ_q = χ1 + σ_w²·E[φ″(√q*·z)·φ(√q*·z)]  slope of the length map at q*
 *   χ_c = σ_w²·E[φ′(u1)·φ′(u2)] at c*       slope of the correlation map at c* (= χ1 if c* = 1)
 *   ξ_q = −1/ln χ_q, ξ_c = −1/ln χ_c      depth scales (layers) of the approach to q*, c*
 *
 * Expectations use the graded quadrature of quadrature.ts (≥ 10 significant digits; see there).
 *
 * Where a quantity is infinite or degenerate, these functions return (and the tests check):
 * - q* = 0 when σ_b² = 0, φ(0) = 0 and σ_w²·κ ≤ 1, κ = lim_{q→0} E[φ(√q·z)²]/q (= φ′(0)² for a
 *   smooth φ, ½ for ReLU): the length map then contracts every q to 0. Expectations "at q* = 0"
 *   are the limits q → 0⁺ (taken at q = 1e-60), so χ1 = σ_w²·φ′(0)² for the tanh family and
 *   σ_w²/2 for ReLU.
 * - q* = Infinity when the length map has no fixed point below 1e12 — the iteration from q = 1
 *   grows without bound (ReLU with σ_w² > 2, or σ_w² = 2 and σ_b² > 0). Expectations "at
 *   q* = ∞" are the limits q → ∞ (taken at q = 1e60): χ1 = σ_w²/2 for ReLU; c* = 1 (the limiting
 *   normalised correlation map of ReLU, the arc-cosine kernel, has slope 1 at c = 1), so
 *   ξ_c = Infinity; ξ_q = Infinity (no convergence at all).
 * - ξ = Infinity whenever its χ ≥ 1 − 1e-12: on the order–chaos line (χ1 = 1) and at its σ_b = 0
 *   end, e.g. tanh at σ_w² = 1, where q* = 0 and χ1 = 1. Below 1e12 layers the formula is used.
 * - c* = 1 whenever χ1 ≤ 1 + 1e-12 (the ordered phase and the critical line), following the
 *   literature. (Strictly, where q* = 0 the normalised correlation map tends to the identity —
 *   a tanh network is linear at small q — so correlations freeze rather than converge to 1;
 *   ξ_c = −1/ln χ1 there still measures the decay of perturbations.)
 * - c* = 0 in the chaotic phase when the map sends 0 to exactly 0 (σ_b² = 0 and E[φ] = 0, e.g.
 *   any odd φ): then c* = 0 is the stable fixed point (the map is convex on [0, 1] with slope > 1
 *   at 1, so it lies below the diagonal on (0, 1)).
 *
 * Assumptions (true for the tanh family and ReLU): the length map is increasing and concave in q,
 * so its fixed point reached from q = 1 is its only positive one; the correlation map has
 * non-negative Hermite coefficients (it is a power series in c with c^k-coefficients ≥ 0), so it
 * is increasing and convex on [0, 1] and its stable fixed point in [0, 1] is unique.
 */

import type { Activation } from './activations';
import {
  GRADED_DEPTH,
  type GradedOptions,
  gradedGaussianExpectation,
  gradedGaussianExpectation2,
  resolvingDepth,
} from './quadrature';
import { findRoot } from './stable';
import { requireAbove, requireAtLeast, requireFinite } from './validate';

/** |χ − 1| at or below this reads as χ = 1 (the critical line): ~1e4 × the quadrature's rounding. */
export const CRITICAL_TOLERANCE = 1e-12;

/** The length map's fixed point is reported as Infinity when there is none below this q. */
export const DIVERGED_LENGTH = 1e12;

/** Stand-in for q → 0⁺ (expectations at q* = 0 are limits). */
const Q_TINY = 1e-60;

/** Stand-in for q → ∞ (expectations at q* = ∞ are limits). */
const Q_HUGE = 1e60;

/** σ_w²·κ − 1 at or below this means q* = 0 (κ as in the module comment; ~50 × rounding). */
const CONTRACTION_TOLERANCE = 1e-14;

function validate(sw2: number, sb2: number): void {
  requireAbove('sw2', sw2, 0);
  requireAtLeast('sb2', sb2, 0);
}

/** E[h(√q·z)], z ~ N(0, 1), for h possibly sharp at 0. */
function expectationAtVariance(q: number, h: (x: number) => number): number {
  const scale = Math.sqrt(q);
  return gradedGaussianExpectation((z) => h(scale * z));
}

/** The variance at which to take expectations "at q*": q* itself, or its stand-in at 0 or ∞. */
function effectiveVariance(qs: number): number {
  if (qs === 0) return Q_TINY;
  if (qs === Number.POSITIVE_INFINITY) return Q_HUGE;
  return qs;
}

/** σ_w²·E[φ(√q·z)²] + σ_b² without argument checks. */
function lengthMapUnchecked(act: Activation, sw2: number, sb2: number, q: number): number {
  if (q === 0) {
    const f0 = act.f(0);
    return sw2 * f0 * f0 + sb2;
  }
  return (
    sw2 *
      expectationAtVariance(q, (x) => {
        const f = act.f(x);
        return f * f;
      }) +
    sb2
  );
}

/**
 * One step of the length map, q ↦ σ_w²·E[φ(√q·z)²] + σ_b²: the variance of the next layer's
 * pre-activations when this layer's have variance q (q ≥ 0, in pre-activation units).
 */
export function lengthMap(act: Activation, sw2: number, sb2: number, q: number): number {
  validate(sw2, sb2);
  requireAtLeast('q', q, 0);
  return lengthMapUnchecked(act, sw2, sb2, q);
}

/**
 * q*, the fixed point of the length map reached by iterating it from q = 1 (the stable one).
 * Solved, not iterated: the secant slope r(q) = L(q)/q − 1 decreases through 0 at q* (L
 * concave), so q* is bracketed by stepping q out from 1 (×2, ×4, ×16, … or the reverse) and
 * located by Brent's method in ln q to full precision. 0 and Infinity as in the module comment.
 */
export function qStar(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  return qStarUnchecked(act, sw2, sb2);
}

function qStarUnchecked(act: Activation, sw2: number, sb2: number): number {
  const secantSlopeMinusOne = (q: number): number => lengthMapUnchecked(act, sw2, sb2, q) / q - 1;
  const atOne = secantSlopeMinusOne(1);
  if (Math.abs(atOne) <= 8 * Number.EPSILON) return 1; // q = 1 is (to rounding) a fixed point
  let lo: number;
  let hi: number;
  if (atOne > 0) {
    // Iteration from 1 increases: look above 1 for r < 0.
    lo = 1;
    hi = 2;
    while (secantSlopeMinusOne(hi) >= 0) {
      if (hi >= DIVERGED_LENGTH) return Number.POSITIVE_INFINITY;
      lo = hi;
      hi = Math.min(hi * hi, DIVERGED_LENGTH);
    }
  } else {
    // Iteration from 1 decreases: look below 1 for r > 0.
    hi = 1;
    const lengthAtZero = lengthMapUnchecked(act, sw2, sb2, 0);
    if (lengthAtZero > 0) {
      lo = lengthAtZero / 2; // r(lo) ≥ L(0)/lo − 1 = 1 > 0, since L is increasing
    } else {
      if (secantSlopeMinusOne(Q_TINY) <= CONTRACTION_TOLERANCE) return 0; // σ_w²·κ ≤ 1
      lo = 0.5;
      while (secantSlopeMinusOne(lo) <= 0) {
        hi = lo;
        lo = Math.max(lo * lo, Q_TINY);
      }
    }
  }
  const logQ = findRoot((t) => secantSlopeMinusOne(Math.exp(t)), Math.log(lo), Math.log(hi));
  return Math.exp(logQ);
}

/** χ1 at a given q* (0 and ∞ as limits). */
function chi1At(act: Activation, sw2: number, qs: number): number {
  return (
    sw2 *
    expectationAtVariance(effectiveVariance(qs), (x) => {
      const d = act.df(x);
      return d * d;
    })
  );
}

/**
 * χ1 = σ_w²·E[φ′(√q*·z)²]: the factor by which the mean squared gradient grows per layer going
 * backwards (and the slope of the correlation map at c = 1). 1 on the order–chaos line.
 */
export function chi1(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  return chi1At(act, sw2, qStarUnchecked(act, sw2, sb2));
}

/**
 * χ_q = χ1 + σ_w²·E[φ″·φ] at q*: the slope L′(q*) of the length map. Computed in the equal
 * (Gaussian integration by parts) form σ_w²·E[φ(x)·φ′(x)·x]/q, x = √q·z — the sum form cancels
 * badly where χ_q ≪ χ1 (χ_q = 0.014 against χ1 = 14.7 at 2.2·tanh(4x), σ_w² = 10, σ_b² = 2).
 */
function chiQAt(act: Activation, sw2: number, qs: number): number {
  const q = effectiveVariance(qs);
  return (sw2 * expectationAtVariance(q, (x) => act.f(x) * act.df(x) * x)) / q;
}

/** −1/ln χ, the depth scale of a convergence at rate χ per layer; Infinity for χ ≥ 1 − 1e-12. */
function depthScale(chi: number): number {
  if (chi >= 1 - CRITICAL_TOLERANCE) return Number.POSITIVE_INFINITY;
  return -1 / Math.log(chi);
}

/**
 * ξ_q = −1/ln(χ1 + σ_w²·E[φ″(√q*·z)·φ(√q*·z)]) (Schoenholz et al. 2017, eq. 5): the number of
 * layers over which the length q^l approaches q*. Infinity on the critical point q* = 0,
 * σ_w²·κ = 1 and where q* = Infinity.
 */
export function depthScaleQ(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  const qs = qStarUnchecked(act, sw2, sb2);
  if (qs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return depthScale(chiQAt(act, sw2, qs));
}

/**
 * The graded-quadrature depth that resolves φ(√q·z) and φ′(√q·z) at z = 0 (their sharpest
 * sections), so the 2-D rules spend nodes only where needed.
 */
function correlationDepth(act: Activation, q: number): number {
  const scale = Math.sqrt(q);
  return Math.max(
    resolvingDepth((z) => act.f(scale * z) ** 2),
    resolvingDepth((z) => act.df(scale * z) ** 2),
  );
}

/**
 * The 2-D rule's options at correlation c: the depth of the 1-D sections, or deeper as c → ±1.
 * Integrating over z2 smooths φ's kink (ReLU) only over √(1 − c²)/|c| in z1, so the outer
 * integrand can be that sharp at z1 = 0; resolving it needs 2^−depth ≲ √(1 − c²)/(4|c|)
 * (capped at the default depth: kinked activations lose accuracy beyond |c| ≈ 0.99999).
 */
function pairOptions(depth: number, c: number, spread: number, coarse = false): GradedOptions {
  const spreadDepth = Math.ceil(Math.log2((4 * Math.abs(c)) / spread));
  return { depth: Math.max(depth, Math.min(GRADED_DEPTH, spreadDepth)), coarse };
}

/**
 * 1 − C(c), the correlation map's distance below 1 at variance q (> 0) and correlation c:
 *   1 − C(c) = σ_w²·½E[(φ(u1) − φ(u2))²]/L(q),
 * which equals 1 − (σ_w²·E[φ(u1)φ(u2)] + σ_b²)/L(q) (the two marginals are equal) without the
 * cancellation of the latter as c → 1 (nor that of 1 − C when C is near 1). `normaliser` = L(q),
 * `depth` that of the 1-D sections (correlationDepth), `coarse` for the cheap first-guess rule.
 */
function correlationGapAt(
  act: Activation,
  sw2: number,
  q: number,
  normaliser: number,
  c: number,
  depth: number,
  coarse = false,
): number {
  if (c === 1) return 0;
  const scale = Math.sqrt(q);
  const spread = Math.sqrt((1 - c) * (1 + c)); // √(1 − c²)
  let meanSquareDifference: number;
  if (spread === 0) {
    // c = −1: u2 = −u1.
    meanSquareDifference = expectationAtVariance(q, (x) => (act.f(x) - act.f(-x)) ** 2);
  } else {
    const along = scale * c;
    const across = scale * spread;
    meanSquareDifference = gradedGaussianExpectation2(
      (z1) => {
        const f1 = act.f(scale * z1);
        const shift = along * z1;
        return (z2) => {
          const d = f1 - act.f(shift + across * z2);
          return d * d;
        };
      },
      -c / spread,
      pairOptions(depth, c, spread, coarse),
    );
  }
  return (0.5 * sw2 * meanSquareDifference) / normaliser;
}

/**
 * One step of the correlation map: the correlation of two inputs' pre-activations in the next
 * layer when in this layer both have variance q and correlation c ∈ [−1, 1],
 *   (σ_w²·E[φ(u1)φ(u2)] + σ_b²)/L(q),  u1 = √q·z1,  u2 = √q·(c·z1 + √(1 − c²)·z2).
 * q defaults to q* (then L(q) = q*, the usual form). q = 0 or a q* of 0 or Infinity are taken as
 * limits, as in the module comment.
 */
export function correlationMap(act: Activation, sw2: number, sb2: number, c: number, q?: number): number {
  validate(sw2, sb2);
  requireFinite('c', c);
  if (c < -1 || c > 1) throw new RangeError(`c must be a finite number in [−1, 1], got ${String(c)}`);
  if (q !== undefined) requireAtLeast('q', q, 0);
  const variance = q === undefined ? effectiveVariance(qStarUnchecked(act, sw2, sb2)) : q === 0 ? Q_TINY : q;
  const normaliser = lengthMapUnchecked(act, sw2, sb2, variance);
  return 1 - correlationGapAt(act, sw2, variance, normaliser, c, correlationDepth(act, variance));
}

/** σ_w²·q·E[φ′(u1)φ′(u2)]/L(q): the slope C′(c) of the correlation map. */
function correlationSlopeAt(
  act: Activation,
  sw2: number,
  q: number,
  normaliser: number,
  c: number,
  depth: number,
): number {
  const scale = Math.sqrt(q);
  let mean: number;
  if (c === 1 || c === -1) {
    mean = expectationAtVariance(q, (x) => act.df(x) * act.df(c * x));
  } else if (c === 0) {
    const m = expectationAtVariance(q, (x) => act.df(x));
    mean = m * m;
  } else {
    const spread = Math.sqrt((1 - c) * (1 + c));
    const along = scale * c;
    const across = scale * spread;
    mean = gradedGaussianExpectation2(
      (z1) => {
        const d1 = act.df(scale * z1);
        const shift = along * z1;
        return (z2) => d1 * act.df(shift + across * z2);
      },
      -c / spread,
      pairOptions(depth, c, spread),
    );
  }
  return (sw2 * q * mean) / normaliser;
}

/**
 * The root in [0, 1] of an excess function h(c) = (C(c) − c)/(1 − c) that is positive at 0 and
 * negative at 1. Brent's method on a coarse h (quadrature to ~1e-6, a third of the cost) to
 * 1e-6, then secant steps on the accurate h from the coarse root c0 and c0 − 1e-6. A secant
 * step from points within e of the root errs by ~(h″/2h′)·e·(e + 1e-6), so the first step that
 * moves by ≤ 1e-6 lands within ~1e-11 and is returned unevaluated (usually the first: two
 * accurate evaluations). Brent's method on the accurate h should the steps wander.
 */
function excessRoot(coarse: (c: number) => number, accurate: (c: number) => number): number {
  const c0 = findRoot(coarse, 0, 1, 1e-6);
  let a = c0 - 1e-6;
  let ha = accurate(a);
  let b = c0;
  let hb = accurate(b);
  for (let step = 0; step < 4; step++) {
    const next = b - (hb * (b - a)) / (hb - ha);
    if (!Number.isFinite(next) || next < -1e-3 || next > 1) break;
    if (Math.abs(next - b) <= 1e-6) return Math.min(1, Math.max(0, next));
    a = b;
    ha = hb;
    b = next;
    hb = accurate(b);
  }
  return findRoot(accurate, 0, 1, 1e-13);
}

/** c* and χ_c given q* and χ1 (see correlationFixedPoint). */
function correlationFixedPointAt(
  act: Activation,
  sw2: number,
  sb2: number,
  qs: number,
  chi: number,
): { cStar: number; chiC: number } {
  if (qs === Number.POSITIVE_INFINITY) {
    const normaliser = lengthMapUnchecked(act, sw2, sb2, Q_HUGE);
    return { cStar: 1, chiC: correlationSlopeAt(act, sw2, Q_HUGE, normaliser, 1, GRADED_DEPTH) };
  }
  if (chi <= 1 + CRITICAL_TOLERANCE) return { cStar: 1, chiC: chi };
  // Chaotic phase, 0 < q* < ∞ (so L(q*) = q*). The map at 0 from 1-D integrals: (σ_w²·E[φ]² + σ_b²)/q*.
  const depth = correlationDepth(act, qs);
  const mean = expectationAtVariance(qs, (x) => act.f(x));
  const atZero = (sw2 * mean * mean + sb2) / qs;
  if (atZero === 0) return { cStar: 0, chiC: correlationSlopeAt(act, sw2, qs, qs, 0, depth) };
  // (C(c) − c)/(1 − c) = 1 − (1 − C(c))/(1 − c): C(0) at 0, 1 − χ1 < 0 at 1, one root between.
  const excess =
    (coarse: boolean) =>
    (c: number): number => {
      if (c === 0) return atZero;
      if (c === 1) return 1 - chi;
      return 1 - correlationGapAt(act, sw2, qs, qs, c, depth, coarse) / (1 - c);
    };
  const cStar = excessRoot(excess(true), excess(false));
  return { cStar, chiC: correlationSlopeAt(act, sw2, qs, qs, cStar, depth) };
}

/**
 * c*, the stable fixed point in [0, 1] of the correlation map (reached from any c ∈ [0, 1)):
 * 1 in the ordered phase (χ1 ≤ 1), below 1 in the chaotic phase (χ1 > 1), the root of
 * (C(c) − c)/(1 − c) (see excessRoot). Degenerate cases as in the module comment.
 */
export function correlationFixedPoint(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  const qs = qStarUnchecked(act, sw2, sb2);
  return correlationFixedPointAt(act, sw2, sb2, qs, chi1At(act, sw2, qs)).cStar;
}

/**
 * ξ_c = −1/ln χ_c, χ_c = σ_w²·E[φ′(u1)·φ′(u2)] at c* (Schoenholz et al. 2017, eq. 9): the number
 * of layers over which two inputs' correlation approaches c* — how deep information about the
 * input survives. Equals −1/ln χ1 in the ordered phase; Infinity on the critical line.
 */
export function depthScaleC(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  const qs = qStarUnchecked(act, sw2, sb2);
  return depthScale(correlationFixedPointAt(act, sw2, sb2, qs, chi1At(act, sw2, qs)).chiC);
}

/** μ2/μ1² with μk = E[φ′(√q*·z)^(2k)] at q*. */
function jacobianMomentRatioAt(act: Activation, qs: number): number {
  const q = effectiveVariance(qs);
  const m1 = expectationAtVariance(q, (x) => act.df(x) ** 2);
  const m2 = expectationAtVariance(q, (x) => act.df(x) ** 4);
  return m2 / (m1 * m1);
}

/**
 * μ2/μ1², μk = E[φ′(√q*·z)^(2k)] (Pennington et al. 2017): ≥ 1, and 1 exactly when φ′ is constant
 * over the pre-activations — the closer to 1, the narrower the spread of the input–output
 * Jacobian's singular values (dynamical isometry needs it near 1 as well as χ1 = 1).
 */
export function jacobianMomentRatio(act: Activation, sw2: number, sb2: number): number {
  validate(sw2, sb2);
  return jacobianMomentRatioAt(act, qStarUnchecked(act, sw2, sb2));
}

/**
 * σ_w² on the order–chaos line at bias variance σ_b²: the root of χ1(σ_w²) = 1 (q* moving with
 * σ_w²), by Brent's method in ln σ_w² after bracketing outwards from σ_w² = 1/κ′,
 * κ′ = lim_{q→0} E[φ′(√q·z)²] (φ′(0)² for a smooth φ). At σ_b² = 0 with φ(0) = 0 it is 1/κ
 * exactly (κ as in the module comment: 1/n² for tanh(n·x), 2 for ReLU) — the point where q* leaves
 * 0, with χ1 = σ_w²·κ below it; for tanh χ1 − 1 ≈ (σ_w² − 1)²/3 just above, which touches 1
 * too flatly for a root finder (it would stop ~1e-8 away), hence the closed form. Infinity if
 * χ1 < 1 all the way up to σ_w² = 1e6; NaN if χ1 ≥ 1 even at σ_w² = 2⁻⁶⁰/κ′ (no ordered phase).
 */
export function criticalWeightVariance(act: Activation, sb2: number): number {
  requireAtLeast('sb2', sb2, 0);
  const f0 = act.f(0);
  if (sb2 === 0 && f0 === 0) {
    const kappa = expectationAtVariance(Q_TINY, (x) => act.f(x) ** 2) / Q_TINY;
    return 1 / kappa;
  }
  const chiMinusOne = (sw2: number): number => chi1At(act, sw2, qStarUnchecked(act, sw2, sb2)) - 1;
  const slopeAtZero = expectationAtVariance(Q_TINY, (x) => act.df(x) ** 2);
  let lo = slopeAtZero > 0 ? 1 / slopeAtZero : 1;
  let hi = 2 * lo;
  for (let i = 0; chiMinusOne(lo) >= 0; i++) {
    if (i === 60) return Number.NaN;
    hi = lo;
    lo /= 2;
  }
  while (chiMinusOne(hi) < 0) {
    if (hi >= 1e6) return Number.POSITIVE_INFINITY;
    lo = hi;
    hi = Math.min(hi * 2, 1e6);
  }
  return Math.exp(findRoot((t) => chiMinusOne(Math.exp(t)), Math.log(lo), Math.log(hi)));
}

/** Every mean-field quantity at one (φ, σ_w², σ_b²), sharing q* and the other intermediates. */
export interface MeanFieldSummary {
  /** Fixed point q* of the length map (pre-activation variance; 0 or Infinity as documented). */
  qStar: number;
  /** χ1 = σ_w²·E[φ′(√q*·z)²]: per-layer growth of the mean squared gradient. */
  chi1: number;
  /** χ_q = L′(q*), the length map's slope at its fixed point. */
  chiQ: number;
  /** c*, the stable fixed point of the correlation map (1 in the ordered phase). */
  cStar: number;
  /** χ_c = C′(c*), the correlation map's slope at c* (= χ1 when c* = 1). */
  chiC: number;
  /** ξ_q = −1/ln χ_q, layers (Infinity for χ_q ≥ 1 − 1e-12 or q* = Infinity). */
  depthScaleQ: number;
  /** ξ_c = −1/ln χ_c, layers (Infinity for χ_c ≥ 1 − 1e-12). */
  depthScaleC: number;
  /** μ2/μ1², μk = E[φ′(√q*·z)^(2k)]. */
  jacobianMomentRatio: number;
}

/** All of the quantities above at once (q* and χ1 computed once). */
export function meanFieldSummary(act: Activation, sw2: number, sb2: number): MeanFieldSummary {
  validate(sw2, sb2);
  const qs = qStarUnchecked(act, sw2, sb2);
  const chi = chi1At(act, sw2, qs);
  const chiQ = chiQAt(act, sw2, qs);
  const { cStar, chiC } = correlationFixedPointAt(act, sw2, sb2, qs, chi);
  return {
    qStar: qs,
    chi1: chi,
    chiQ,
    cStar,
    chiC,
    depthScaleQ: qs === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : depthScale(chiQ),
    depthScaleC: depthScale(chiC),
    jacobianMomentRatio: jacobianMomentRatioAt(act, qs),
  };
}
