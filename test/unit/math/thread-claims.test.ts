/**
 * Every number stated in the source thread (the StackExchange discussion the site answers), checked against
 * decimal.js evaluations of the thread's own formulas. Test names quote the thread.
 */
import { describe, expect, it } from 'vitest';

import { lecunTanh, tanh1, tanhN } from '../../../src/lib/math/activations';
import { maximise } from '../../../src/lib/math/stable';
import {
  bestSlopeAt,
  depthThreshold,
  explodingThreshold,
  t1,
  t1Maximiser,
  tanhNSlope,
} from '../../../src/lib/math/thresholds';
import {
  D40,
  depthThresholdReference,
  exactDecimal,
  explodingThresholdReference,
  relativeError,
  slopeReference,
  t1Reference,
} from './decimal-reference';

describe('Esmailian: "∂tanh(x)/∂x = 1 − tanh²(x) < 1 for x ≠ 0"', () => {
  it('holds in decimal.js even at |x| = 1e-9, where float64 rounds the slope to 1', () => {
    for (const x of [1e-9, -1e-9, 1e-3, 0.5, 3]) {
      const t = new D40(exactDecimal(x)).tanh();
      expect(new D40(1).minus(t.times(t)).lt(1)).toBe(true);
    }
    expect(tanh1.df(1e-9)).toBe(1); // float64 cannot tell, hence the decimal check
  });

  it('holds for the float64 slope on a grid of 1e-4 ≤ |x| ≤ 50, and the slope is exactly 1 at 0', () => {
    expect(tanh1.df(0)).toBe(1);
    for (let x = 1e-4; x <= 50; x *= 1.01) {
      expect(tanh1.df(x)).toBeLessThan(1);
      expect(tanh1.df(-x)).toBeLessThan(1);
    }
  });
});

describe('Question: "if the activation function was of the form tanh(nx) then the maximum possible gradient is n"', () => {
  it.each([1.5, 2, 3, 10])('n = %s: the slope is n at x = 0 and below n elsewhere (grid and golden section)', (n) => {
    const activation = tanhN(n);
    expect(activation.df(0)).toBe(n);
    for (let x = 1e-4; x <= 20; x *= 1.01) expect(activation.df(x)).toBeLessThan(n);
    const { x, value } = maximise(activation.df, -3, 2);
    expect(Math.abs(x)).toBeLessThan(1e-7);
    expect(value).toBe(n);
  });
});

describe('Esmailian: "to have a derivative ≥ 1/n, the largest interval is achieved at n = 2 … [−0.658, 0.658]"', () => {
  it("t1(2) = 0.658479… rounds to the thread's 0.658 (decimal.js, 1e-14)", () => {
    expect(relativeError(t1(2), t1Reference(2))).toBeLessThan(1e-14);
    expect(t1(2).toFixed(3)).toBe('0.658');
    expect(t1(2).toFixed(6)).toBe('0.658479');
  });

  it('"for |x| > 0.658, the derivative will be smaller than 1/2" holds beyond the exact t1(2) = 0.658479; 0.658 is t1 rounded down, so on (0.658, 0.658479) the slope is still ≥ 1/2', () => {
    expect(slopeReference(2, 0.6585).lt(0.5)).toBe(true);
    expect(slopeReference(2, 0.6584).gt(0.5)).toBe(true);
    expect(slopeReference(2, 0.658).gt(0.5)).toBe(true);
  });

  it('among integers, n = 2 gives the largest interval (t1(1) = 0, t1(3) = 0.5876, …, decimal.js over n = 1…100)', () => {
    const references = Array.from({ length: 100 }, (_, i) => t1Reference(i + 1));
    const best = references.reduce(
      (bestIndex, value, i, all) => (value.gt(all[bestIndex] as typeof value) ? i : bestIndex),
      0,
    );
    expect(best + 1).toBe(2);
    const floatValues = Array.from({ length: 100 }, (_, i) => t1(i + 1));
    expect(floatValues.indexOf(Math.max(...floatValues)) + 1).toBe(2);
    expect(t1(3).toFixed(4)).toBe('0.5876');
  });

  it('"a slightly larger interval is achievable if n is allowed to be continuous": at n = 1.810171, t1 = 0.662743, wider than t1(2) by 0.004264 (0.65 %)', () => {
    const { n, t1: widest } = t1Maximiser();
    expect(n.toFixed(6)).toBe('1.810171');
    expect(relativeError(widest, t1Reference(n))).toBeLessThan(1e-14);
    expect(widest).toBeGreaterThan(t1(2));
    const gain = widest - t1(2);
    expect(gain.toFixed(6)).toBe('0.004264');
    expect((gain / t1(2)) * 100).toBeCloseTo(0.648, 3);
  });
});

describe('Esmailian: "for depth K = 50 and n = 2, a value outside [−9.0, 9.0] produces a derivative < 1/2^49"', () => {
  it("depthThreshold(2, 50) = 9.010913… rounds to the thread's 9.0 (decimal.js, 1e-14)", () => {
    const value = depthThreshold(2, 50);
    expect(relativeError(value, depthThresholdReference(2, 50))).toBeLessThan(1e-14);
    expect(value.toFixed(1)).toBe('9.0');
    expect(value.toFixed(6)).toBe('9.010913');
  });

  it('just outside the threshold the slope of tanh(2x) is below 2^−49 (decimal.js)', () => {
    const value = depthThreshold(2, 50);
    const limit = new D40(2).pow(-49);
    expect(slopeReference(2, value * (1 + 1e-12)).lt(limit)).toBe(true);
    expect(slopeReference(2, value * (1 - 1e-12)).gt(limit)).toBe(true);
    expect(slopeReference(2, 9.02).lt(limit)).toBe(true);
  });

  it("the thread's 9.0 is rounded down: on (9.0, 9.0109) the slope is still ≥ 2^−49, so the exact statement needs [−9.011, 9.011]", () => {
    const limit = new D40(2).pow(-49);
    expect(slopeReference(2, 9.0).gt(limit)).toBe(true);
    expect(slopeReference(2, 9.01).gt(limit)).toBe(true);
    expect(slopeReference(2, 9.011).lt(limit)).toBe(true);
  });

  it('"a couple of x\'s around 5-10" cancel the majority of good x\'s: one slope at |x| = 5 cancels 25.85 maximal slopes 2, two cancel the other 48 of K = 50', () => {
    // slopes cancelled by one x: −log₂(slope(x)) maximal slopes of size 2 (log base n = 2).
    const cancelled = (x: number) => -slopeReference(2, x).ln().div(new D40(2).ln()).toNumber();
    expect(cancelled(5).toFixed(2)).toBe('25.85');
    expect(2 * cancelled(5)).toBeGreaterThan(48);
    expect(cancelled(10)).toBeGreaterThan(49);
    expect(-Math.log2(tanhNSlope(2, 5))).toBeCloseTo(cancelled(5), 12);
  });
});

describe('Esmailian: "for n = 2, around half or more of x_i\'s should be outside of [−0.441, 0.441]" (slope > 1 inside)', () => {
  it("explodingThreshold(2) = 0.440687… rounds to the thread's 0.441 (decimal.js, 1e-14)", () => {
    const value = explodingThreshold(2);
    expect(relativeError(value, explodingThresholdReference(2))).toBeLessThan(1e-14);
    expect(value.toFixed(3)).toBe('0.441');
    expect(value.toFixed(6)).toBe('0.440687');
  });

  it('the slope of tanh(2x) exceeds 1 inside and is below 1 at and beyond ±0.441 (decimal.js)', () => {
    expect(slopeReference(2, 0.4406).gt(1)).toBe(true);
    expect(slopeReference(2, 0.4407).lt(1)).toBe(true);
    expect(slopeReference(2, 0.441).lt(1)).toBe(true);
  });
});

describe('Third answer: "sech(nx)² converges to 0 faster than n converging to infinity"', () => {
  it('at x = 1 the slope n·sech²(n) peaks at n = 0.7717 with 0.4477 and tends to 0 as n grows (decimal.js)', () => {
    const { n, slope } = bestSlopeAt(1);
    expect(n.toFixed(4)).toBe('0.7717');
    expect(slope.toFixed(4)).toBe('0.4477');
    for (const bigger of [1, 2, 5, 10, 50]) expect(slopeReference(bigger, 1).lt(exactDecimal(slope))).toBe(true);
    expect(slopeReference(50, 1).toNumber()).toBeLessThan(1e-40);
  });
});

describe('Neil Slater: "1.7159 tanh(2/3 x)" is a commonly used variant', () => {
  it('its maximal slope is 1.7159·2/3 ≈ 1.1439 > 1, like tanh(nx) with n ≈ 1.14', () => {
    expect(relativeError(lecunTanh.df(0), new D40('1.7159').times(2).div(3))).toBeLessThan(1e-15);
    expect(lecunTanh.df(0).toFixed(4)).toBe('1.1439');
  });
});
