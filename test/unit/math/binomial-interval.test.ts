import { describe, expect, it } from 'vitest';
import { normalQuantile, wilsonInterval } from '../../../src/lib/math/binomial-interval.ts';

describe('the standard normal quantile', () => {
  it('matches tabulated values (Abramowitz & Stegun 26.2) across the body and both tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 11);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408, 11);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 9);
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('the Wilson score interval', () => {
  // Reference values computed by hand from the closed form with z = 1.959964 (95 %), and
  // Newcombe (1998), Table I, which lists 0/10 → [0, 0.2775] and 1/29 → [0.0061, 0.1718].
  it('reproduces published intervals', () => {
    const zero = wilsonInterval(0, 10);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.2775, 4);
    const one = wilsonInterval(1, 29);
    expect(one.low).toBeCloseTo(0.0061, 4);
    expect(one.high).toBeCloseTo(0.1718, 4);
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
  });

  it('is exactly [x, 1] when every trial succeeded, and narrows as the count grows', () => {
    const all = wilsonInterval(20, 20);
    expect(all.estimate).toBe(1);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(20 / (20 + 1.959963984540054 ** 2), 10); // z²/(n + z²) below 1
    expect(wilsonInterval(0, 1000).high).toBeLessThan(wilsonInterval(0, 100).high);
  });

  it('widens with the confidence level', () => {
    const a = wilsonInterval(3, 40, 0.9);
    const b = wilsonInterval(3, 40, 0.99);
    expect(b.low).toBeLessThan(a.low);
    expect(b.high).toBeGreaterThan(a.high);
  });

  it('refuses an estimate from no trials and impossible counts', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(/n must be an integer ≥ 1/);
    expect(() => wilsonInterval(4, 3)).toThrow(/k must be/);
    expect(() => wilsonInterval(1.5, 3)).toThrow(/k must be/);
    expect(() => wilsonInterval(1, 3, 1)).toThrow(/confidence/);
  });
});
