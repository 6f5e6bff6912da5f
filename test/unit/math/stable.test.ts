import { describe, expect, it } from 'vitest';

import { acoshOfExp, atanhSqrtOneMinus, findRoot, maximise, sech2 } from '../../../src/lib/math/stable';
import { D40, decimalBisect, decimalWithPrecision, exactDecimal, relativeError } from './decimal-reference';

describe('sech2', () => {
  it.each([0, 1e-8, -1e-8, 0.5, -1, 2.5, 10, 19, 20, -37.5, 100, 300, 354])(
    'matches 1/cosh²(u) at 40 digits to 1e-14 at u = %s',
    (u) => {
      const c = new D40(exactDecimal(u)).cosh();
      expect(relativeError(sech2(u), new D40(1).div(c.times(c)))).toBeLessThan(1e-14);
    },
  );

  it('stays accurate where 1 − tanh²(u) has cancelled to 0 (u = 20, 30)', () => {
    for (const u of [20, 30]) {
      expect(1 - Math.tanh(u) ** 2).toBe(0);
      expect(sech2(u)).toBeGreaterThan(0);
    }
  });

  it('never exceeds 1, even where the exponential form would round up (|u| ≤ 1e-3)', () => {
    for (let u = 1e-12; u < 1e-3; u *= 1.01) {
      expect(sech2(u)).toBeLessThanOrEqual(1);
      expect(sech2(-u)).toBeLessThanOrEqual(1);
    }
  });

  it('is continuous across the switch to the exponential form at |u| = 20 (decimal.js, 1e-14)', () => {
    for (const u of [19.999999999999996, 20, 20.000000000000004]) {
      const c = new D40(exactDecimal(u)).cosh();
      expect(relativeError(sech2(u), new D40(1).div(c.times(c)))).toBeLessThan(1e-14);
    }
  });

  it('underflows to 0 only where sech²(u) ≈ 4e^(−2|u|) is below the smallest float64, 4.9e-324', () => {
    expect(sech2(350)).toBeGreaterThan(0);
    expect(sech2(400)).toBe(0);
    expect(new D40(4).times(new D40(-800).exp()).lt(Number.MIN_VALUE)).toBe(true);
  });

  it('is exactly 1 at u = 0 and even in u', () => {
    expect(sech2(0)).toBe(1);
    expect(sech2(-3.7)).toBe(sech2(3.7));
  });
});

/** acosh(x) = ln(x + √(x² − 1)) in decimal, with x = e^u: 60 digits absorb the x² − 1 cancellation. */
function acoshOfExpReference(u: number) {
  const P = decimalWithPrecision(60);
  const x = new P(exactDecimal(u)).exp();
  return new D40(x.plus(x.times(x).minus(1).sqrt()).ln());
}

describe('acoshOfExp', () => {
  it.each([0, 1e-12, 1e-6, 0.1, 1, 10, 709, 710, 1e5])(
    'matches acosh(e^u) at 40 digits to 1e-14 at u = %s (e^u overflows float64 above u ≈ 709.8)',
    (u) => {
      const value = acoshOfExp(u);
      if (u === 0) expect(value).toBe(0);
      else expect(relativeError(value, acoshOfExpReference(u))).toBeLessThan(1e-14);
    },
  );

  it('throws a RangeError naming u for u < 0 or non-finite u', () => {
    expect(() => acoshOfExp(-1)).toThrow(RangeError);
    expect(() => acoshOfExp(-1)).toThrow(/\bu\b.*≥ 0/);
    expect(() => acoshOfExp(Number.NaN)).toThrow(RangeError);
    expect(() => acoshOfExp(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

/** atanh(√(1 − ε)) with ε = e^logEps, in decimal with enough digits for the 1 − ε cancellation. */
function atanhSqrtOneMinusReference(logEps: number) {
  const P = decimalWithPrecision(Math.ceil(-logEps / Math.LN10) + 45);
  const eps = new P(exactDecimal(logEps)).exp();
  return new D40(new P(1).minus(eps).sqrt().atanh());
}

describe('atanhSqrtOneMinus', () => {
  it.each([-1e-12, -1e-6, -0.5, -1, -10, -36.7, -100, -745, -746, -2000])(
    'matches atanh(√(1 − e^logEps)) at 40 digits to 1e-14 at logEps = %s (e^logEps underflows below −745)',
    (logEps) => {
      expect(relativeError(atanhSqrtOneMinus(logEps), atanhSqrtOneMinusReference(logEps))).toBeLessThan(1e-14);
    },
  );

  it('is 0 at ε = 1 (logEps = 0)', () => {
    expect(atanhSqrtOneMinus(0)).toBe(0);
  });

  it('throws a RangeError naming logEps for logEps > 0 or non-finite', () => {
    expect(() => atanhSqrtOneMinus(0.1)).toThrow(/logEps/);
    expect(() => atanhSqrtOneMinus(0.1)).toThrow(RangeError);
    expect(() => atanhSqrtOneMinus(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
    expect(() => atanhSqrtOneMinus(Number.NaN)).toThrow(RangeError);
  });
});

describe('findRoot (Brent)', () => {
  it('finds √2 as the root of x² − 2 on [0, 2] to within 1 ulp', () => {
    const root = findRoot((x) => x * x - 2, 0, 2);
    expect(Math.abs(root - Math.SQRT2)).toBeLessThanOrEqual(2.3e-16);
  });

  it('finds the root of cos(x) = x to full precision (decimal.js bisection as reference)', () => {
    const reference = decimalBisect((x) => x.cos().minus(x), new D40(0), new D40(1));
    expect(
      relativeError(
        findRoot((x) => Math.cos(x) - x, 0, 1),
        reference,
      ),
    ).toBeLessThan(5e-16);
  });

  it('converges on a discontinuous sign change (falls back to bisection)', () => {
    const root = findRoot((x) => (x < 0.3 ? -1 : 1), 0, 1);
    expect(Math.abs(root - 0.3)).toBeLessThan(1e-15);
  });

  it('accepts a bracket in either order and a root at an end point', () => {
    expect(findRoot((x) => x - 1, 3, -2)).toBeCloseTo(1, 15);
    expect(findRoot((x) => x - 1, 1, 5)).toBe(1);
  });

  it('honours a coarse xTolerance', () => {
    const root = findRoot((x) => x * x - 2, 0, 2, 1e-3);
    expect(Math.abs(root - Math.SQRT2)).toBeLessThan(1e-3);
  });

  it('throws a RangeError when g has the same sign at both ends', () => {
    expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow(RangeError);
    expect(() => findRoot((x) => x, Number.NaN, 1)).toThrow(/lo/);
  });
});

describe('maximise (golden section)', () => {
  it('finds the maximum of 1 − (x − π)² at π (x to ~1e-8, as flatness allows; value to 1e-15)', () => {
    const { x, value } = maximise((t) => 1 - (t - Math.PI) ** 2, 0, 10);
    expect(Math.abs(x - Math.PI)).toBeLessThan(1e-7);
    expect(Math.abs(value - 1)).toBeLessThan(1e-15);
  });

  it('finds the maximum of sin on [0, 3] at π/2', () => {
    const { x, value } = maximise(Math.sin, 0, 3);
    expect(Math.abs(x - Math.PI / 2)).toBeLessThan(1e-7);
    expect(value).toBeCloseTo(1, 15);
  });

  it('finds a maximum at an end of a monotone interval', () => {
    expect(maximise((t) => t, 0, 1).x).toBeCloseTo(1, 9);
  });

  it('throws a RangeError for an empty interval', () => {
    expect(() => maximise(Math.sin, 1, 1)).toThrow(RangeError);
  });
});
