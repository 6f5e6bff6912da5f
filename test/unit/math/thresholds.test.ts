import { describe, expect, it } from 'vitest';

import { maximise } from '../../../src/lib/math/stable';
import {
  bestSlopeArgument,
  bestSlopeAt,
  bestSlopeConstant,
  depthThreshold,
  explodingThreshold,
  slopeThreshold,
  t1,
  t1Maximiser,
  tanhNSlope,
} from '../../../src/lib/math/thresholds';
import {
  D40,
  decimalBisect,
  decimalWithPrecision,
  depthThresholdReference,
  exactDecimal,
  explodingThresholdReference,
  relativeError,
  slopeReference,
  t1Reference,
} from './decimal-reference';

const ns = [1 + 2 ** -40, 1.001, 1.1, 1.5, 2, 3, 10, 100, 1e6, 1e100];

describe('tanhNSlope', () => {
  it('matches n/cosh²(n·x) at 40 digits to 1e-14', () => {
    for (const [n, x] of [
      [2, 0.3],
      [2, -9],
      [0.5, 4],
      [10, 0.05],
      [1.5, 100],
    ] as const) {
      expect(relativeError(tanhNSlope(n, x), slopeReference(n, x))).toBeLessThan(1e-14);
    }
  });

  it('throws a RangeError naming n or x', () => {
    expect(() => tanhNSlope(0, 1)).toThrow(/^n must/);
    expect(() => tanhNSlope(2, Number.NaN)).toThrow(/^x must/);
  });
});

describe('t1(n) = (1/n)·atanh(√(1 − 1/n²))', () => {
  it.each(ns)('matches the thread formula in decimal.js to 1e-14 at n = %s', (n) => {
    expect(relativeError(t1(n), t1Reference(n))).toBeLessThan(1e-14);
  });

  it('is 0 at n = 1 and equals acosh(n)/n', () => {
    expect(t1(1)).toBe(0);
    for (const n of [1.5, 2, 7]) expect(t1(n)).toBeCloseTo(Math.acosh(n) / n, 15);
  });

  it.each([0.999, 0, -2, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError naming n for n = %s', (n) => {
    expect(() => t1(n)).toThrow(RangeError);
    expect(() => t1(n)).toThrow(/^n must be a finite number ≥ 1/);
  });
});

describe('explodingThreshold(n) = (1/n)·atanh(√(1 − 1/n))', () => {
  it.each(ns)('matches the thread formula in decimal.js to 1e-14 at n = %s', (n) => {
    expect(relativeError(explodingThreshold(n), explodingThresholdReference(n))).toBeLessThan(1e-14);
  });

  it('is 0 at n = 1 (the slope of tanh(x) never exceeds 1)', () => {
    expect(explodingThreshold(1)).toBe(0);
  });

  it('bounds the region where the slope exceeds 1 (checked in decimal.js at n = 3)', () => {
    const x = explodingThreshold(3);
    expect(slopeReference(3, x * (1 - 1e-9)).gt(1)).toBe(true);
    expect(slopeReference(3, x * (1 + 1e-9)).lt(1)).toBe(true);
  });

  it('throws a RangeError naming n for n < 1', () => {
    expect(() => explodingThreshold(0.5)).toThrow(/^n must be a finite number ≥ 1/);
  });
});

describe('depthThreshold(n, K) = (1/n)·atanh(√(1 − n^(−K)))', () => {
  it('matches the thread formula in decimal.js to 1e-14 for K = 1…50 at n = 1.001, 1.5, 2, 10', () => {
    for (const n of [1.001, 1.5, 2, 10]) {
      for (const K of [1, 2, 3, 10, 37, 50]) {
        expect(relativeError(depthThreshold(n, K), depthThresholdReference(n, K))).toBeLessThan(1e-14);
      }
    }
  });

  it('is exploding threshold at K = 1 and t1 at K = 2', () => {
    for (const n of [1.001, 2, 5]) {
      expect(relativeError(depthThreshold(n, 1), explodingThresholdReference(n))).toBeLessThan(1e-14);
      expect(depthThreshold(n, 2)).toBe(t1(n));
      expect(depthThreshold(n, 1)).toBe(explodingThreshold(n));
    }
  });

  describe.each([1.001, 2])('at n = %s for large depth K', (n) => {
    const depths = [1e3, 1e5, 1e6];

    it.each(depths)('is finite and matches decimal.js to 1e-14 at K = %s', (K) => {
      const value = depthThreshold(n, K);
      expect(Number.isFinite(value)).toBe(true);
      expect(relativeError(value, depthThresholdReference(n, K))).toBeLessThan(1e-14);
    });

    it('increases with K', () => {
      const values = [1, 2, 10, 50, 1e3, 1e4, 1e5, 1e6].map((K) => depthThreshold(n, K));
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] as number);
    });
  });

  it('the naive Math.atanh(Math.sqrt(1 − n^−K))/n returns Infinity where 1 − n^−K rounds to 1; the stable form does not', () => {
    const naive = (n: number, K: number) => Math.atanh(Math.sqrt(1 - n ** -K)) / n;
    for (const [n, K] of [
      [2, 1e3],
      [2, 1e5],
      [2, 1e6],
      [1.001, 1e5],
      [1.001, 1e6],
    ] as const) {
      expect(naive(n, K)).toBe(Number.POSITIVE_INFINITY);
      expect(relativeError(depthThreshold(n, K), depthThresholdReference(n, K))).toBeLessThan(1e-14);
    }
  });

  it('the naive formula loses most digits when n^−K is just above ε_mach (n = 1.001, K = 3·10^4; n = 3, K = 30)', () => {
    const naive = (n: number, K: number) => Math.atanh(Math.sqrt(1 - n ** -K)) / n;
    for (const [n, K] of [
      [1.001, 3e4],
      [3, 30],
    ] as const) {
      const reference = depthThresholdReference(n, K);
      expect(relativeError(naive(n, K), reference)).toBeGreaterThan(1e-6);
      expect(relativeError(depthThreshold(n, K), reference)).toBeLessThan(1e-14);
    }
  });

  it('is 0 at n = 1 (the slope never exceeds 1 = n^(1−K))', () => {
    expect(depthThreshold(1, 50)).toBe(0);
  });

  it('throws a RangeError naming n or K', () => {
    expect(() => depthThreshold(0.9, 5)).toThrow(/^n must be a finite number ≥ 1/);
    expect(() => depthThreshold(2, 0.5)).toThrow(/^K must be a finite number ≥ 1/);
    expect(() => depthThreshold(2, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('slopeThreshold(n, s) = acosh(√(n/s))/n', () => {
  /** acosh(√(n/s))/n in decimal at 60 digits (the acosh near 1 cancels ~20 digits for s ≈ n). */
  function reference(n: number, s: number) {
    const P = decimalWithPrecision(60);
    const N = new P(exactDecimal(n));
    return new D40(N.div(exactDecimal(s)).sqrt().acosh().div(N));
  }

  it('matches decimal.js to 1e-14 over a range of n and s < n', () => {
    for (const [n, s] of [
      [2, 1],
      [2, 0.5],
      [2, 1.999999],
      [0.5, 0.1],
      [1, 1e-10],
      [10, 1e-300],
      [2, 1e-320],
      [1e6, 3],
    ] as const) {
      expect(relativeError(slopeThreshold(n, s), reference(n, s))).toBeLessThan(1e-14);
    }
  });

  it('the slope of tanh(n·x) at the threshold equals s (decimal.js evaluation, 1e-13)', () => {
    for (const [n, s] of [
      [2, 1],
      [2, 0.01],
      [5, 1e-20],
    ] as const) {
      expect(relativeError(s, slopeReference(n, slopeThreshold(n, s)))).toBeLessThan(1e-13);
    }
  });

  it('is 0 for s ≥ n (edge case: the slope is below s at every x ≠ 0) and continuous at s = n', () => {
    expect(slopeThreshold(2, 2)).toBe(0);
    expect(slopeThreshold(2, 3)).toBe(0);
    expect(slopeThreshold(2, 1e300)).toBe(0);
    expect(slopeThreshold(1e-300, 1e300)).toBe(0);
    expect(slopeThreshold(2, 2 * (1 - 1e-12))).toBeGreaterThan(0);
    expect(slopeThreshold(2, 2 * (1 - 1e-12))).toBeLessThan(1e-5);
  });

  it('agrees with t1 at s = 1/n and with explodingThreshold at s = 1', () => {
    for (const n of [1.5, 2, 4]) {
      expect(relativeError(slopeThreshold(n, 1 / n), t1Reference(n))).toBeLessThan(1e-14);
      expect(relativeError(slopeThreshold(n, 1), explodingThresholdReference(n))).toBeLessThan(1e-14);
    }
  });

  it('throws a RangeError naming n or s', () => {
    expect(() => slopeThreshold(0, 1)).toThrow(/^n must be a finite number > 0/);
    expect(() => slopeThreshold(2, 0)).toThrow(/^s must be a finite number > 0/);
    expect(() => slopeThreshold(2, Number.NaN)).toThrow(RangeError);
  });
});

describe('t1Maximiser', () => {
  /** The optimality condition acosh(n) = n/√(n² − 1), solved by bisection in decimal.js. */
  const referenceN = decimalBisect(
    (n) => n.acosh().minus(n.div(n.times(n).minus(1).sqrt())),
    new D40('1.1'),
    new D40(4),
  );

  it('t1 is maximised near n = 1.81, where acosh(n) = n/√(n² − 1) (decimal.js root, n to 1e-13)', () => {
    const { n } = t1Maximiser();
    expect(Math.abs(n - referenceN.toNumber())).toBeLessThan(1e-13);
    expect(n).toBeCloseTo(1.81017, 5);
  });

  it('the optimality condition acosh(n) − n/√(n² − 1), evaluated in decimal.js, changes sign within 1e-12·n of n*', () => {
    const condition = (n: number) => {
      const N = new D40(exactDecimal(n));
      return N.acosh().minus(N.div(N.times(N).minus(1).sqrt()));
    };
    const { n } = t1Maximiser();
    expect(condition(n * (1 - 1e-12)).isNegative()).toBe(true);
    expect(condition(n * (1 + 1e-12)).isPositive()).toBe(true);
  });

  it('the maximal t1 ≈ 0.6627 matches decimal.js (t1 formula at the decimal root) to 1e-14', () => {
    const P = decimalWithPrecision(45);
    const n = new P(referenceN);
    const reference = new D40(
      new P(1)
        .minus(new P(1).div(n.times(n)))
        .sqrt()
        .atanh()
        .div(n),
    );
    expect(relativeError(t1Maximiser().t1, reference)).toBeLessThan(1e-14);
    expect(t1Maximiser().t1).toBeCloseTo(0.662743, 6);
  });

  it('agrees with a direct golden-section maximisation of t1 over (1, 6]', () => {
    const direct = maximise(t1, 1.0001, 6);
    expect(Math.abs(direct.x - t1Maximiser().n)).toBeLessThan(1e-7);
    expect(Math.abs(direct.value - t1Maximiser().t1)).toBeLessThan(1e-15);
  });

  it('no n on a fine grid over (1, 6] (step 1e-4) has a larger t1', () => {
    const best = t1Maximiser().t1;
    for (let i = 1; i <= 50_000; i++) expect(t1(1 + i * 1e-4)).toBeLessThanOrEqual(best * (1 + 2.3e-16));
  });
});

describe('bestSlopeAt: at fixed x the slope n·sech²(n·x) is at most c/|x| over all n', () => {
  const referenceU = decimalBisect((u) => u.times(2).times(u.tanh()).minus(1), new D40(0), new D40(2));
  const referenceC = referenceU.div(referenceU.cosh().pow(2));

  it('u* solves 2u·tanh(u) = 1, u* ≈ 0.7717 (decimal.js root, 1e-14)', () => {
    expect(relativeError(bestSlopeArgument, referenceU)).toBeLessThan(1e-14);
    expect(bestSlopeArgument).toBeCloseTo(0.771702, 6);
  });

  it('c = u*·sech²(u*) ≈ 0.4477 (decimal.js, 1e-14)', () => {
    expect(relativeError(bestSlopeConstant, referenceC)).toBeLessThan(1e-14);
    expect(bestSlopeConstant).toBeCloseTo(0.447743, 6);
  });

  it.each([0.01, 0.5, 1, -2, 9])('at x = %s: n* = u*/|x|, slope* = c/|x|, and no n on a grid does better', (x) => {
    const { n, slope } = bestSlopeAt(x);
    expect(relativeError(n, referenceU.div(Math.abs(x)))).toBeLessThan(1e-14);
    expect(relativeError(slope, referenceC.div(Math.abs(x)))).toBeLessThan(1e-14);
    expect(relativeError(slope, slopeReference(n, x))).toBeLessThan(1e-14);
    const scale = 1 / Math.abs(x);
    for (let i = 1; i <= 20_000; i++) expect(tanhNSlope(i * 1e-3 * scale, x)).toBeLessThanOrEqual(slope * (1 + 1e-15));
  });

  it.each([0, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError naming x for x = %s', (x) => {
    expect(() => bestSlopeAt(x)).toThrow(RangeError);
    expect(() => bestSlopeAt(x)).toThrow(/^x must be a finite number ≠ 0/);
  });
});
