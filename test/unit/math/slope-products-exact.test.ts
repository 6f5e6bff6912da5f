import { describe, expect, it } from 'vitest';
import { erf } from '../../../src/lib/math/normal';
import { Random } from '../../../src/lib/math/random';
import { logSlope, slopeMoments, cltApproximation } from '../../../src/lib/math/slope-products';
import {
  convolutionPower,
  exactStatistics,
  latticeCdf,
  latticeQuantile,
  latticeValue,
  logSlopeLattice,
  meanSquareCarrier,
  tailProbability,
} from '../../../src/lib/math/slope-products-exact';
import { wilsonInterval } from '../../../src/lib/math/slope-products-stats';

/** Closed form: P(ln s ≤ ℓ) = P(|u| ≥ arcosh(√(n·e^(−ℓ)))), u ~ N(0, a²), a = n√q. */
function logSlopeCdf(n: number, q: number, l: number): number {
  if (l >= Math.log(n)) return 1;
  return 1 - erf(Math.acosh(Math.sqrt(n * Math.exp(-l))) / (n * Math.sqrt(q) * Math.SQRT2));
}

describe('logSlopeLattice', () => {
  const n = 2;
  const q = 0.53;
  const m = slopeMoments(n, q);
  const h = Math.sqrt(m.varianceLog) / 32;
  const lattice = logSlopeLattice(n, q, h);

  it('is a probability distribution with exactly the mean E[ln s] and a variance at most h²/4 larger', () => {
    let total = 0;
    let mean = 0;
    for (let j = 0; j < lattice.probabilities.length; j++) {
      total += lattice.probabilities[j]!;
      mean += lattice.probabilities[j]! * latticeValue(lattice, j);
    }
    let variance = 0;
    for (let j = 0; j < lattice.probabilities.length; j++) variance += lattice.probabilities[j]! * (latticeValue(lattice, j) - mean) ** 2;
    expect(total).toBeCloseTo(1, 14);
    expect(mean).toBeCloseTo(m.meanLog, 11);
    expect(variance).toBeGreaterThanOrEqual(m.varianceLog - 1e-9);
    expect(variance).toBeLessThanOrEqual(m.varianceLog + (h * h) / 4 + 1e-9);
  });

  it('has the closed-form CDF of ln s to within one lattice step', () => {
    for (const l of [-12, -6, -3, -1, 0, 0.5]) {
      const density = (logSlopeCdf(n, q, l + h) - logSlopeCdf(n, q, l - h)) / (2 * h);
      expect(Math.abs(latticeCdf(lattice, l) - logSlopeCdf(n, q, l))).toBeLessThanOrEqual(density * h + 1e-9);
    }
  });

  it('is a point mass at ln n for q = 0', () => {
    const point = logSlopeLattice(0.5, 0, 0.1);
    expect(Array.from(point.probabilities)).toEqual([1]);
    expect(exactStatistics(point, 20)).toEqual({ log10Median: (20 * Math.log(0.5)) / Math.LN10, vanished: 1, exploded: 0 });
    expect(exactStatistics(point, 19).vanished).toBe(0);
  });
});

describe('convolutionPower (FFT)', () => {
  it('equals the direct convolution for K = 2 and K = 3', () => {
    const base = { top: 0.3, spacing: 0.1, probabilities: Float64Array.from([0.2, 0.5, 0, 0.25, 0.05]) };
    const direct = (a: Float64Array, b: Float64Array) => {
      const out = new Float64Array(a.length + b.length - 1);
      a.forEach((x, i) => b.forEach((y, j) => (out[i + j]! += x * y)));
      return out;
    };
    const two = direct(base.probabilities, base.probabilities);
    const three = direct(two, base.probabilities);
    const k2 = convolutionPower(base, 2);
    const k3 = convolutionPower(base, 3);
    expect(k2.top).toBeCloseTo(0.6, 14);
    two.forEach((p, j) => expect(k2.probabilities[j]).toBeCloseTo(p, 14));
    three.forEach((p, j) => expect(k3.probabilities[j]).toBeCloseTo(p, 14));
  });
});

describe('exact statistics of ln g', () => {
  it('agree with an independent Monte Carlo (pure-rand normals, exact ln s) within 99.9% Wilson intervals', () => {
    const count = 40_000;
    for (const { n, q, depth } of [
      { n: 2, q: 0.53, depth: 20 },
      { n: 3, q: 0.7, depth: 5 },
      { n: 1.5, q: 0.35, depth: 50 },
    ]) {
      const random = Random.fromSeed(2024);
      const logs = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        let sum = 0;
        for (let k = 0; k < depth; k++) sum += logSlope(n, Math.sqrt(q) * random.normal());
        logs[i] = sum;
      }
      logs.sort();
      const exact = exactStatistics(logSlopeLattice(n, q, Math.sqrt(slopeMoments(n, q).varianceLog) / 32), depth);
      const vanished = logs.filter((l) => l < Math.log(1e-6)).length;
      const interval = wilsonInterval(vanished, count, 3.29);
      expect(exact.vanished).toBeGreaterThanOrEqual(interval.low);
      expect(exact.vanished).toBeLessThanOrEqual(interval.high);
      // The median of ln g: the exact value lies between the sample's order statistics N/2 ∓ 3.29·√N/2.
      const spread = Math.ceil((3.29 * Math.sqrt(count)) / 2);
      expect(exact.log10Median * Math.LN10).toBeGreaterThanOrEqual(logs[count / 2 - spread]!);
      expect(exact.log10Median * Math.LN10).toBeLessThanOrEqual(logs[count / 2 + spread]!);
    }
  });

  it('approach the CLT as K grows (the CLT is poor at small K: ln s has a long lower tail)', () => {
    const n = 2;
    const q = 0.53;
    const m = slopeMoments(n, q);
    const lattice = logSlopeLattice(n, q, Math.sqrt(m.varianceLog) / 32);
    const gap = (depth: number) => Math.abs(exactStatistics(lattice, depth).vanished - cltApproximation(m, depth).vanished);
    expect(gap(5)).toBeGreaterThan(0.002);
    expect(gap(200)).toBeLessThan(gap(5));
    // The median: exact − CLT is O(1) in ln g (skew), so relative to K·E[ln s] it shrinks.
    const medianGap = (depth: number) => Math.abs(exactStatistics(lattice, depth).log10Median - cltApproximation(m, depth).log10Median) / depth;
    expect(medianGap(200)).toBeLessThan(medianGap(5) / 10);
  });

  it('do not depend on the lattice spacing beyond 1e-4 (h vs h/2)', () => {
    const n = 3;
    const q = 0.7;
    const sd = Math.sqrt(slopeMoments(n, q).varianceLog);
    const a = exactStatistics(logSlopeLattice(n, q, sd / 32), 10);
    const b = exactStatistics(logSlopeLattice(n, q, sd / 64), 10);
    expect(Math.abs(a.vanished - b.vanished)).toBeLessThan(1e-4);
    expect(Math.abs(a.log10Median - b.log10Median)).toBeLessThan(1e-4);
  });
});

describe('tailProbability (saddle-point tilt)', () => {
  const n = 2;
  const q = 0.53;
  const lattice = logSlopeLattice(n, q, Math.sqrt(slopeMoments(n, q).varianceLog) / 32);

  it('agrees with the plain FFT where that is accurate, and the two tails add to 1', () => {
    const plain = convolutionPower(lattice, 10);
    for (const x of [-20, -8, -3, 0]) {
      const below = tailProbability(lattice, 10, x, 'below');
      expect(below).toBeCloseTo(latticeCdf(plain, x), 10);
      expect(below + tailProbability(lattice, 10, x, 'above')).toBeCloseTo(1, 12);
    }
  });

  it('resolves tails far below the FFT’s rounding, consistently under refinement', () => {
    const fine = logSlopeLattice(n, q, Math.sqrt(slopeMoments(n, q).varianceLog) / 64);
    const p = tailProbability(lattice, 30, Math.log(1e6), 'above');
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-8);
    expect(tailProbability(fine, 30, Math.log(1e6), 'above') / p).toBeCloseTo(1, 1);
    // Beyond the support: ln g ≤ K·ln n.
    expect(tailProbability(lattice, 10, 10 * Math.log(n) + 1, 'above')).toBe(0);
  });

  it('finds the products that carry half of E[g²]: for K = 1 the tilted median checked against the closed-form CDF', () => {
    const { log10Threshold, log10Probability } = meanSquareCarrier(lattice, 1);
    const t = log10Threshold * Math.LN10;
    expect(log10Probability).toBeCloseTo(Math.log10(1 - logSlopeCdf(n, q, t)), 2);
    // Half of E[s²] lies above t: ∫_{ln s > t} s² dP = ½ E[s²], by quadrature on the lattice's own grid.
    const m = slopeMoments(n, q);
    let upper = 0;
    for (let j = 0; j < lattice.probabilities.length; j++) {
      const v = latticeValue(lattice, j);
      if (v > t) upper += lattice.probabilities[j]! * Math.exp(2 * v);
    }
    expect(upper / m.meanSquare).toBeCloseTo(0.5, 1);
  });

  it('latticeQuantile inverts latticeCdf', () => {
    const plain = convolutionPower(lattice, 7);
    for (const p of [0.01, 0.3, 0.5, 0.9]) expect(latticeCdf(plain, latticeQuantile(plain, p))).toBeCloseTo(p, 10);
  });
});
