/**
 * Numerically careful float64 primitives for the slope analysis of tanh(n·x).
 *
 * The thresholds of the thread are of the form (1/n)·atanh(√(1 − ε)) with ε as small as
 * n^(−K), K up to 10^6. Written naively, 1 − ε rounds to 1 and atanh(1) = ∞ (or, for ε just
 * above 2^−53, most digits cancel). The functions here take ln ε instead of ε and never form
 * 1 − ε by subtraction.
 */

import { requireAbove, requireAtLeast, requireFinite } from './validate';

/** |u| from which sech² switches from 1/cosh² (cosh² overflows past |u| ≈ 355) to the exponential form. */
const SECH2_TAIL = 20;

/**
 * sech²(u) = 1/cosh²(u) for |u| < 20, 4e^(−2|u|)/(1 + e^(−2|u|))² beyond: a few ulps for all u,
 * no 1 − tanh² cancellation in the tails, and never above 1 (the exponential form alone
 * rounds to 1 + 2^−52 near u = 0, which would put the slope of tanh(n·x) above n).
 */
export function sech2(u: number): number {
  const size = Math.abs(u);
  if (size < SECH2_TAIL) {
    const c = Math.cosh(size);
    return 1 / (c * c);
  }
  const e = Math.exp(-2 * size);
  return (4 * e) / ((1 + e) * (1 + e));
}

/** acosh(e^u) = u + ln(1 + √(1 − e^(−2u))) for u ≥ 0, without overflow of e^u; 1 − e^(−2u) = −expm1(−2u). */
export function acoshOfExp(u: number): number {
  requireAtLeast('u', u, 0);
  return u + Math.log1p(Math.sqrt(-Math.expm1(-2 * u)));
}

/**
 * atanh(√(1 − ε)) = ln(1 + √(1 − ε)) − ½·ln ε, given logEps = ln ε ≤ 0 (so 0 < ε ≤ 1).
 * 1 − ε = −expm1(ln ε) keeps full relative accuracy as ε → 1, and ε itself is never formed
 * where it would underflow: for ε below ~1e-308 the first term is ln 2 to double precision.
 * (Equal to acoshOfExp(−½·ln ε), since atanh(√(1 − ε)) = acosh(1/√ε).)
 */
export function atanhSqrtOneMinus(logEps: number): number {
  requireFinite('logEps', logEps);
  if (logEps > 0) throw new RangeError(`logEps must be a finite number ≤ 0 (ε ≤ 1), got ${String(logEps)}`);
  if (logEps === 0) return 0; // (the formula would give −0)
  return Math.log1p(Math.sqrt(-Math.expm1(logEps))) - 0.5 * logEps;
}

/**
 * Brent's root finder (the ZEROIN algorithm of Brent 1973 / netlib), for a continuous g with
 * g(lo) and g(hi) of opposite signs (or one of them 0). Returns x with a sign change of g
 * within 4·ε_mach·|x| + xTolerance of x; with the default xTolerance = 0 that is full precision.
 */
export function findRoot(g: (x: number) => number, lo: number, hi: number, xTolerance = 0): number {
  requireFinite('lo', lo);
  requireFinite('hi', hi);
  requireAtLeast('xTolerance', xTolerance, 0);
  let a = lo;
  let b = hi;
  let fa = g(a);
  let fb = g(b);
  if (Number.isNaN(fa) || Number.isNaN(fb)) throw new RangeError('findRoot: g is NaN at an end of [lo, hi]');
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) {
    throw new RangeError(`findRoot: g(lo) and g(hi) must have opposite signs, got g(${lo}) = ${fa}, g(${hi}) = ${fb}`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 500; iteration++) {
    if (fb > 0 === fc > 0) {
      // The root is bracketed by a and b: restart the bracket [b, c] from a.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b the best estimate so far.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xTolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m; // bisection
      e = m;
    } else {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        // secant
        p = 2 * m * s;
        q = 1 - s;
      } else {
        // inverse quadratic interpolation
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * e * q)) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = g(b);
  }
  return b;
}

/** Golden-section ratio (√5 − 1)/2. */
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Golden-section search for the maximum of a unimodal g on [lo, hi]. Stops when the bracket
 * is narrower than xTolerance (default 1e-10·scale); note that near a smooth maximum g is flat
 * to second order, so x cannot be located better than ~√ε_mach·|x| ≈ 1.5e-8·|x| in float64,
 * while the maximal value is accurate to ε_mach.
 */
export function maximise(
  g: (x: number) => number,
  lo: number,
  hi: number,
  xTolerance = 1e-10 * Math.max(1, Math.abs(lo), Math.abs(hi)),
): { x: number; value: number } {
  requireFinite('lo', lo);
  requireFinite('hi', hi);
  if (!(hi > lo)) throw new RangeError(`maximise: hi must be > lo, got [${lo}, ${hi}]`);
  requireAbove('xTolerance', xTolerance, 0);
  let a = lo;
  let b = hi;
  let x1 = b - INVERSE_PHI * (b - a);
  let x2 = a + INVERSE_PHI * (b - a);
  let g1 = g(x1);
  let g2 = g(x2);
  for (let iteration = 0; iteration < 200 && b - a > xTolerance; iteration++) {
    if (g1 >= g2) {
      b = x2;
      x2 = x1;
      g2 = g1;
      x1 = b - INVERSE_PHI * (b - a);
      g1 = g(x1);
    } else {
      a = x1;
      x1 = x2;
      g1 = g2;
      x2 = a + INVERSE_PHI * (b - a);
      g2 = g(x2);
    }
  }
  return g1 >= g2 ? { x: x1, value: g1 } : { x: x2, value: g2 };
}
