import { describe, expect, it } from 'vitest';

import { Random } from '../../../src/lib/math/random';
import { shareOfSlopesAboveOne, shareOfSlopesAboveOneAtFixedPoint } from '../../../src/lib/math/slope-share';

/** The slope of tanh(n·x), written out here rather than taken from the library. */
const slope = (n: number, x: number): number => n / Math.cosh(n * x) ** 2;

/** Composite Simpson's rule on [a, b] with an even number of intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals = 4000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** The |x| where the slope crosses 1, by bisection on the slope itself (no closed form). */
function crossingByBisection(n: number): number {
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (slope(n, mid) > 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(|h| < t) for h ~ N(0, q) by integrating the density, not through erf. */
function probabilityInsideByQuadrature(t: number, q: number): number {
  const density = (x: number) => Math.exp(-(x * x) / (2 * q)) / Math.sqrt(2 * Math.PI * q);
  return simpson(density, -t, t);
}

/** q* of the standard initialisation by iterating q ← E[tanh(n·√q·z)²] with Simpson's rule. */
function fixedPointByIteration(n: number, sw2: number, sb2: number): number {
  const density = (z: number) => Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  let q = 1;
  for (let i = 0; i < 2000; i++) {
    const root = Math.sqrt(q);
    q = sw2 * simpson((z) => Math.tanh(n * root * z) ** 2 * density(z), -12, 12) + sb2;
  }
  return q;
}

describe('shareOfSlopesAboveOne', () => {
  it('matches the density integrated up to where the slope crosses 1 (found by bisection)', () => {
    for (const n of [1.01, 1.5, 2, 3, 10]) {
      for (const q of [0.01, 0.53, 1, 4]) {
        const reference = probabilityInsideByQuadrature(crossingByBisection(n), q);
        expect(shareOfSlopesAboveOne(n, q), `n = ${n}, q = ${q}`).toBeCloseTo(reference, 9);
      }
    }
  });

  it('matches a seeded Monte Carlo count of sampled slopes above 1', () => {
    const samples = 200_000;
    for (const [n, q] of [
      [2, 0.5303683920507463],
      [3, 0.7005990531976646],
      [1.5, 1],
    ] as const) {
      const random = Random.fromSeed(20261202);
      let above = 0;
      for (let i = 0; i < samples; i++) if (slope(n, Math.sqrt(q) * random.normal()) > 1) above++;
      const estimate = above / samples;
      const p = shareOfSlopesAboveOne(n, q);
      const standardError = Math.sqrt((p * (1 - p)) / samples);
      expect(Math.abs(estimate - p), `n = ${n}, q = ${q}`).toBeLessThan(5 * standardError);
    }
  });

  it('is 0 for n ≤ 1 (no slope exceeds n) and 1 when every pre-activation is 0', () => {
    expect(shareOfSlopesAboveOne(1, 0.3)).toBe(0);
    expect(shareOfSlopesAboveOne(0.5, 0)).toBe(0);
    expect(shareOfSlopesAboveOne(2, 0)).toBe(1);
  });

  it('refuses a bad n or q, naming it', () => {
    expect(() => shareOfSlopesAboveOne(0, 1)).toThrow(/^n must be/);
    expect(() => shareOfSlopesAboveOne(2, -1)).toThrow(/^q must be/);
    expect(() => shareOfSlopesAboveOne(2, Number.NaN)).toThrow(/^q must be/);
  });
});

describe('shareOfSlopesAboveOneAtFixedPoint', () => {
  it('agrees with q* found by iterating the length map independently', () => {
    for (const n of [1.5, 2, 3]) {
      const reference = probabilityInsideByQuadrature(crossingByBisection(n), fixedPointByIteration(n, 1, 0));
      expect(shareOfSlopesAboveOneAtFixedPoint(n, 1, 0), `n = ${n}`).toBeCloseTo(reference, 6);
    }
  });

  it('at the standard initialisation, fewer than half of the slopes exceed 1 at n = 2 and n = 3 (but more than half at n = 1.5)', () => {
    expect(shareOfSlopesAboveOneAtFixedPoint(2, 1, 0)).toBeLessThan(0.5);
    expect(shareOfSlopesAboveOneAtFixedPoint(3, 1, 0)).toBeLessThan(0.5);
    expect(shareOfSlopesAboveOneAtFixedPoint(1.5, 1, 0)).toBeGreaterThan(0.5);
  });
});
