import { describe, expect, it } from 'vitest';
import { medianRanks, summariseLogProducts, wilsonInterval } from '../../../src/lib/math/slope-products-stats';

describe('wilsonInterval', () => {
  it('matches published 95% Wilson intervals', () => {
    // Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611.
    const a = wilsonInterval(81, 263);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
    const c = wilsonInterval(0, 20);
    expect(c.low).toBe(0);
    expect(c.high).toBeCloseTo(0.1611, 4);
  });

  it('is exact at the ends and symmetric under count ↔ total − count', () => {
    expect(wilsonInterval(10, 10).high).toBe(1);
    const p = wilsonInterval(3, 40);
    const q = wilsonInterval(37, 40);
    expect(p.low).toBeCloseTo(1 - q.high, 14);
    expect(p.high).toBeCloseTo(1 - q.low, 14);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/count must be/);
    expect(() => wilsonInterval(0, 0)).toThrow(/total must be/);
  });
});

describe('medianRanks', () => {
  it('brackets the median by z·√N/2 ranks either side', () => {
    expect(medianRanks(100)).toEqual([40, 59]);
    expect(medianRanks(10_000)).toEqual([4902, 5097]);
  });
});

describe('summariseLogProducts', () => {
  it('counts vanished (< 1e-6) and exploded (> 1e6) strictly, and finds the median of g', () => {
    const ln = (g: number) => Math.log(g);
    const logs = Float64Array.from([ln(1e-7), ln(1e-6), ln(0.5), ln(2), ln(1e6), ln(1e7), ln(1e8)]);
    const s = summariseLogProducts(logs);
    expect(s.vanished.count).toBe(1);
    expect(s.exploded.count).toBe(2);
    expect(s.log10Median).toBeCloseTo(Math.log10(2), 14);
    const even = summariseLogProducts(Float64Array.from([ln(1), ln(100), ln(10), ln(1000)]));
    expect(even.log10Median).toBeCloseTo(1.5, 14); // between 10 and 100, in log
  });

  it('computes √(mean g²) without overflow', () => {
    const logs = Float64Array.from([0, Math.log(3)]);
    expect(summariseLogProducts(logs).log10SampleRootMeanSquare).toBeCloseTo(Math.log10(Math.sqrt(5)), 14);
    const huge = Float64Array.from([2000, 2000]);
    expect(summariseLogProducts(huge).log10SampleRootMeanSquare).toBeCloseTo(2000 / Math.LN10, 10);
  });
});
