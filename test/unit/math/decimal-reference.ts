/**
 * High-precision references for the math tests, computed with decimal.js from the thread's own
 * formulas. Independent of src/lib/math: nothing here imports it.
 */

import Decimal from 'decimal.js';

/** decimal.js at 40 significant digits. */
export const D40 = Decimal.clone({ precision: 40 });

/** decimal.js at p significant digits (decimal.js caps ln at ~1000 digits). */
export function decimalWithPrecision(precision: number): Decimal.Constructor {
  return Decimal.clone({ precision });
}

/**
 * The exact decimal expansion of a float64 (every float64 is a finite binary fraction).
 * `new Decimal(x)` would instead use the shortest round-trip string ("1.001"), which differs
 * from the double by up to half an ulp — enough to move ill-conditioned references.
 */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`exactDecimal: ${x} is not finite`);
  if (x === 0) return '0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? '-' : '';
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biasedExponent === 0 ? -1074 : biasedExponent - 1075;
  if (exponent >= 0) return sign + (mantissa << BigInt(exponent)).toString();
  const k = -exponent; // mantissa / 2^k = mantissa·5^k / 10^k
  const digits = (mantissa * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return `${sign}${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

/** |actual − expected| / |expected|, with the float64 `actual` taken exactly. */
export function relativeError(actual: number, expected: Decimal): number {
  if (!Number.isFinite(actual)) return Number.POSITIVE_INFINITY;
  const exact = new D40(exactDecimal(actual));
  return exact.minus(expected).div(expected).abs().toNumber();
}

/** The thread's slope n·(1 − tanh²(n·x)), written as n/cosh²(n·x) (no cancellation), 40 digits. */
export function slopeReference(n: number, x: number): Decimal {
  const N = new D40(exactDecimal(n));
  const c = N.times(exactDecimal(x)).cosh();
  return N.div(c.times(c));
}

/**
 * The thread's threshold (1/n)·atanh(√(1 − ε)) for ε = n^(−K), in decimal with enough digits
 * that 1 − ε keeps 40 significant digits beyond its cancellation. Where that would exceed
 * decimal.js's ~1000-digit limit for ln (ε < 1e-900), it uses the expansion
 * atanh(√(1 − ε)) = ½·ln(4/ε) − ε/4 + O(ε²): the dropped ε/4 is far below 40 digits there.
 */
export function depthThresholdReference(n: number, K: number): Decimal {
  const digitsLost = K * Math.log10(n);
  if (digitsLost > 900) {
    const N = new D40(exactDecimal(n));
    const lnEps = N.ln().times(exactDecimal(K)).neg();
    return new D40(4).ln().minus(lnEps).div(2).div(N);
  }
  const P = decimalWithPrecision(Math.ceil(digitsLost) + 45);
  const N = new P(exactDecimal(n));
  const eps = N.pow(new P(exactDecimal(K)).neg());
  return new D40(new P(1).minus(eps).sqrt().atanh().div(N));
}

/** The thread's t₁(n) = (1/n)·atanh(√(1 − 1/n²)), 40 digits (extra digits for the cancellation). */
export function t1Reference(n: number): Decimal {
  return depthThresholdReference(n, 2);
}

/** The thread's exploding threshold (1/n)·atanh(√(1 − 1/n)), 40 digits. */
export function explodingThresholdReference(n: number): Decimal {
  return depthThresholdReference(n, 1);
}

/** Bisection in decimal for an increasing-through-zero g on [lo, hi], to ~1e-38 relative. */
export function decimalBisect(g: (x: Decimal) => Decimal, lo: Decimal, hi: Decimal): Decimal {
  let a = lo;
  let b = hi;
  const signA = g(a).isNegative();
  if (signA === g(b).isNegative()) throw new RangeError('decimalBisect: no sign change');
  for (let i = 0; i < 200 && b.minus(a).abs().gt(b.abs().times('1e-38')); i++) {
    const m = a.plus(b).div(2);
    if (g(m).isNegative() === signA) a = m;
    else b = m;
  }
  return a.plus(b).div(2);
}
