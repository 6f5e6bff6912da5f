import { describe, expect, it } from 'vitest';
import { erf } from '../../../src/lib/math/normal';
import { logSlope } from '../../../src/lib/math/slope-products';
import {
  LayeredNormals,
  NormalStream,
  accumulateLogSlopes,
  forEachDepth,
  log1pExpMinusTwice,
  sampleLogProducts,
} from '../../../src/lib/math/slope-products-sampler';

/** Kolmogorov–Smirnov distance between a sorted sample and a CDF. */
function ksDistance(sorted: Float64Array, cdf: (x: number) => number): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  }
  return d;
}
/** The KS critical value at the 0.1% level: 1.95/√N. */
const ksCritical = (count: number) => 1.949 / Math.sqrt(count);

describe('NormalStream (sfc32 + polar method)', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new NormalStream(7).fillAbsNormals(new Float64Array(100));
    const b = new NormalStream(7).fillAbsNormals(new Float64Array(100));
    const c = new NormalStream(8).fillAbsNormals(new Float64Array(100));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives the same numbers however the draws are chunked (odd chunks split a pair)', () => {
    const whole = new NormalStream(3).fillAbsNormals(new Float64Array(1001));
    const stream = new NormalStream(3);
    const parts = [1, 2, 333, 0, 665].map((length) => Array.from(stream.fillAbsNormals(new Float64Array(length))));
    expect(Float64Array.from(parts.flat())).toEqual(whole);
  });

  it('draws |z| of a standard normal: half-normal moments and a KS test at the 0.1% level', () => {
    const count = 200_000;
    const z = new NormalStream(11).fillAbsNormals(new Float64Array(count));
    let m1 = 0;
    let m2 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
    }
    m1 /= count;
    m2 /= count;
    // E|z| = √(2/π) with sd √(1 − 2/π)/√N; E z² = 1 with sd √2/√N: within 4 sd.
    expect(Math.abs(m1 - Math.sqrt(2 / Math.PI))).toBeLessThan((4 * Math.sqrt(1 - 2 / Math.PI)) / Math.sqrt(count));
    expect(Math.abs(m2 - 1)).toBeLessThan((4 * Math.SQRT2) / Math.sqrt(count));
    expect(ksDistance(z.sort(), (t) => erf(t / Math.SQRT2))).toBeLessThan(ksCritical(count));
  });

  it('rejects a fractional seed', () => {
    expect(() => new NormalStream(1.5)).toThrow(/seed must be an integer/);
  });
});

describe('the ln(1 + e^(−2t)) table', () => {
  it('is within 2e-11 of Math.log1p(Math.exp(−2t)) on [0, 25]', () => {
    let worst = 0;
    for (let i = 0; i <= 250_000; i++) {
      const t = i * 1e-4;
      worst = Math.max(worst, Math.abs(log1pExpMinusTwice(t) - Math.log1p(Math.exp(-2 * t))));
    }
    expect(worst).toBeLessThan(2e-11);
    expect(log1pExpMinusTwice(0)).toBe(Math.LN2);
  });
});

describe('accumulateLogSlopes and the layered samples', () => {
  it('adds ln s(n, √q·z) to 1e-10', () => {
    const absZ = Float64Array.from([0, 0.1, 1, 2.5, 7, 40]);
    const sums = new Float64Array(absZ.length).fill(1);
    accumulateLogSlopes(sums, absZ, 2.3, 0.7);
    absZ.forEach((z, i) => expect(sums[i]! - 1).toBeCloseTo(logSlope(2.3, Math.sqrt(0.7) * z), 10));
  });

  it('gives every slope exactly n when q = 0', () => {
    const sums = new Float64Array(3);
    accumulateLogSlopes(sums, Float64Array.from([0.3, 1, 2]), 0.5, 0);
    for (const s of sums) expect(s).toBeCloseTo(Math.log(0.5), 15);
  });

  it('reads layer k as the k-th block of the stream, drawn lazily or all at once', () => {
    const lazy = new LayeredNormals(10, 5);
    const third = Array.from(lazy.layer(3));
    const block = new NormalStream(5).fillAbsNormals(new Float64Array(40));
    expect(third).toEqual(Array.from(block.subarray(20, 30)));
    expect(Array.from(lazy.layer(4))).toEqual(Array.from(block.subarray(30, 40)));
    expect(Array.from(lazy.layer(1))).toEqual(Array.from(block.subarray(0, 10)));
  });

  it('forEachDepth gives exactly what sampleLogProducts gives, for every setting and depth', () => {
    const settings = [
      { n: 2, q: 0.53 },
      { n: 0.8, q: 1 },
    ];
    const seen: Record<string, number[][]> = {};
    forEachDepth(settings, [1, 4, 9], 50, 21, (depth, logs) => {
      seen[depth] = logs.map((l) => Array.from(l));
    });
    const normals = new LayeredNormals(50, 21);
    for (const depth of [1, 4, 9]) {
      settings.forEach((s, i) => expect(seen[depth]![i]).toEqual(Array.from(sampleLogProducts(normals, s.n, s.q, depth))));
    }
    expect(() => forEachDepth(settings, [3, 2], 10, 1, () => {})).toThrow(/ascending/);
  });

  it('samples ln s with the law P(ln s ≤ ℓ) = 1 − erf(arcosh(√(n·e^(−ℓ)))/(a√2)) (KS at 0.1%)', () => {
    const n = 2;
    const q = 0.53;
    const a = n * Math.sqrt(q);
    const count = 100_000;
    const logs = sampleLogProducts(new LayeredNormals(count, 99), n, q, 1).sort();
    const cdf = (l: number) => (l >= Math.log(n) ? 1 : 1 - erf(Math.acosh(Math.sqrt(n * Math.exp(-l))) / (a * Math.SQRT2)));
    expect(ksDistance(logs, cdf)).toBeLessThan(ksCritical(count));
  });
});
