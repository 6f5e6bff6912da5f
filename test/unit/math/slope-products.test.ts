import { describe, expect, it } from 'vitest';
import { tanhN } from '../../../src/lib/math/activations';
import { chi1, qStar } from '../../../src/lib/math/meanfield';
import {
  cltApproximation,
  log10MeanSquareProduct,
  log10RootMeanSquareProduct,
  logCosh,
  logSlope,
  normalCdf,
  slopeMoments,
} from '../../../src/lib/math/slope-products';

// Independent reference: composite Simpson on z ∈ [−12, 12] with 2·10⁵ panels (the integrands
// bend at z = 0 on a scale 1/(n√q) ≥ 1/8 here, resolved ~800 panels deep), slopes from
// activations.ts rather than from slope-products.ts.
function simpsonGaussian(g: (z: number) => number): number {
  const panels = 200_000;
  const a = -12;
  const h = 24 / panels;
  let sum = 0;
  for (let i = 0; i <= panels; i++) {
    const z = a + i * h;
    const w = i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * g(z) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

describe('ln s, the log slope of tanh(n·x)', () => {
  it('equals ln(n·sech²(n·x)) where that is representable', () => {
    for (const n of [0.5, 1, 2, 3.7]) {
      const act = tanhN(n);
      for (const x of [-3, -0.4, 0, 0.01, 0.5, 2]) expect(logSlope(n, x)).toBeCloseTo(Math.log(act.df(x)), 12);
    }
  });

  it('stays finite and linear far out, where the slope itself underflows to 0', () => {
    expect(tanhN(2).df(400)).toBe(0);
    // ln(2·sech²(800)) = ln 2 + 2 ln 2 − 1600 + O(e^(−1600))
    expect(logSlope(2, 400)).toBeCloseTo(Math.log(2) + 2 * Math.LN2 - 1600, 9);
    expect(logCosh(-1e6)).toBe(1e6 - Math.LN2);
  });
});

describe('slopeMoments (graded Gauss–Legendre) against Simpson', () => {
  const cases = [
    { n: 1, q: 1 },
    { n: 2, q: 0.5 },
    { n: 4, q: 0.78 },
    { n: 0.5, q: 3 },
  ];
  it.each(cases)('n = $n, q = $q', ({ n, q }) => {
    const m = slopeMoments(n, q);
    const act = tanhN(n);
    const sd = Math.sqrt(q);
    const meanLog = simpsonGaussian((z) => Math.log(act.df(sd * z) || Number.MIN_VALUE));
    const meanSquare = simpsonGaussian((z) => act.df(sd * z) ** 2);
    const variance = simpsonGaussian((z) => (Math.log(act.df(sd * z) || Number.MIN_VALUE) - meanLog) ** 2);
    expect(m.meanLog).toBeCloseTo(meanLog, 9);
    expect(m.meanSquare / meanSquare).toBeCloseTo(1, 9);
    expect(m.varianceLog / variance).toBeCloseTo(1, 8);
  });

  it('E[s²] at q* is χ1 of the standard initialisation σ_w² = 1 (what mean-field theory tracks)', () => {
    for (const n of [1.5, 2, 3]) {
      const q = qStar(tanhN(n), 1, 0);
      expect(slopeMoments(n, q).meanSquare / chi1(tanhN(n), 1, 0)).toBeCloseTo(1, 10);
    }
  });

  it('q = 0 is a point mass at slope n', () => {
    expect(slopeMoments(2, 0)).toEqual({ meanLog: Math.log(2), varianceLog: 0, meanSquare: 4 });
  });

  it('Jensen: E[ln s] ≤ ½·ln E[s²], strictly for q > 0', () => {
    for (const n of [0.5, 1, 2, 4]) for (const q of [0.1, 1]) {
      const m = slopeMoments(n, q);
      expect(m.meanLog).toBeLessThan(0.5 * Math.log(m.meanSquare));
    }
  });

  it('for tanh(2x) at q* the median and √E[g²] move in opposite directions: E[ln s] < 0 < ln E[s²]', () => {
    const m = slopeMoments(2, qStar(tanhN(2), 1, 0));
    expect(m.meanLog).toBeLessThan(-0.5);
    expect(Math.log(m.meanSquare)).toBeGreaterThan(0.2);
  });

  it('rejects bad arguments by name', () => {
    expect(() => slopeMoments(0, 1)).toThrow(/n must be/);
    expect(() => slopeMoments(1, -1)).toThrow(/q must be/);
    expect(() => log10MeanSquareProduct(slopeMoments(1, 1), 0)).toThrow(/depth K/);
  });
});

describe('E[g²] and the CLT approximation', () => {
  it('E[g²] = (E[s²])^K exactly (independent factors), in log10', () => {
    const m = slopeMoments(2, 0.5);
    expect(log10MeanSquareProduct(m, 7)).toBeCloseTo(7 * Math.log10(m.meanSquare), 14);
    expect(log10RootMeanSquareProduct(m, 7)).toBeCloseTo(3.5 * Math.log10(m.meanSquare), 14);
  });

  it('normalCdf is the standard normal CDF', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3) + normalCdf(3)).toBeCloseTo(1, 15);
  });

  it('puts the median at exp(K·E[ln s]) and splits the fractions by the normal law', () => {
    const m = { meanLog: -1, varianceLog: 4, meanSquare: 2 };
    const c = cltApproximation(m, 16);
    expect(c.log10Median).toBeCloseTo(-16 / Math.LN10, 14);
    // ln g ~ N(−16, 64): P(ln g < ln 1e-6) = Φ((−13.8155 + 16)/8)
    expect(c.vanished).toBeCloseTo(normalCdf((Math.log(1e-6) + 16) / 8), 14);
    expect(c.exploded).toBeCloseTo(normalCdf((-16 - Math.log(1e6)) / 8), 14);
  });

  it('treats a zero variance as a point mass', () => {
    expect(cltApproximation({ meanLog: Math.log(0.5), varianceLog: 0, meanSquare: 0.25 }, 20).vanished).toBe(1);
    expect(cltApproximation({ meanLog: Math.log(0.5), varianceLog: 0, meanSquare: 0.25 }, 19).vanished).toBe(0);
  });
});
