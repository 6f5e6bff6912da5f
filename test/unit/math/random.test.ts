import { describe, expect, it } from 'vitest';
import { mixSeed, Random } from '../../../src/lib/math/random.ts';

describe('seeded random numbers', () => {
  it('the same seed gives the same stream; another seed a different one', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.uniform())(Random.fromSeed(42)));
    const b = Array.from({ length: 5 }, ((r) => () => r.uniform())(Random.fromSeed(42)));
    const c = Array.from({ length: 5 }, ((r) => () => r.uniform())(Random.fromSeed(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('small seeds do not give the near-1 first outputs of an unscrambled xoroshiro128+', () => {
    const firsts = Array.from({ length: 64 }, (_, seed) => Random.fromSeed(seed).uniform());
    const mean = firsts.reduce((s, u) => s + u, 0) / firsts.length;
    // Mean of 64 U(0,1) has sd 0.036: 0.5 ± 0.15 is > 4 sd.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.15);
  });

  it('normal draws have mean 0 and variance 1 (within 5 standard errors)', () => {
    const r = Random.fromSeed(7);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let s4 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      s4 += z ** 4;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(5 * Math.sqrt(96 / n)); // Var z⁴ = 105 − 9
  });

  it('uniform integers cover [0, n) evenly (chi-square, 10 bins)', () => {
    const r = Random.fromSeed(3);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) counts[r.int(10)]! += 1;
    const chi2 = counts.reduce((s, c) => s + (c - 5000) ** 2 / 5000, 0);
    expect(chi2).toBeLessThan(27.9); // 99.9th percentile of χ²(9)
  });

  it('a shuffle is a permutation', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = Random.fromSeed(1).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it('labelled streams are independent of each other and stable', () => {
    expect(mixSeed(1, 'init')).not.toBe(mixSeed(1, 'batches'));
    expect(mixSeed(1, 'init')).not.toBe(mixSeed(2, 'init'));
    expect(Random.stream(5, 'init').uniform()).toBe(Random.stream(5, 'init').uniform());
  });
});
