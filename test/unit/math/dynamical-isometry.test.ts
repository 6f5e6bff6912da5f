/**
 * Spread statistics and the free-probability predictions of dynamical-isometry.ts, checked
 * against hand computations, Taylor expansions, Monte Carlo spectra of random matrices, and a
 * measured network.
 */
import { describe, expect, it } from 'vitest';

import { relu, tanh1, tanhN } from '../../../src/lib/math/activations';
import { initParameters } from '../../../src/lib/math/init';
import { hiddenJacobians } from '../../../src/lib/math/jacobian64';
import { multiplyAccumulate, orthonormalColumns } from '../../../src/lib/math/linalg';
import { Random } from '../../../src/lib/math/random';
import { singularValues } from '../../../src/lib/math/singular-values';
import { predictedSpread, slopeMoments, spreadForVariances, summariseSpectrum, weightSpectrumVariance } from '../../../src/lib/math/dynamical-isometry';

function gaussianMatrix(seed: number, n: number): Float64Array {
  return Random.fromSeed(seed).fillNormal(new Float64Array(n * n), 1 / Math.sqrt(n));
}

describe('summariseSpectrum', () => {
  it('singular values 1 and 3: m1 = 5, m2 = 41, V = 41/25 − 1', () => {
    const s = summariseSpectrum([1, 3], 2);
    expect(s.meanSquare).toBe(5);
    expect(s.normalisedVariance).toBeCloseTo(41 / 25 - 1, 15);
    expect(s.maxOverRms).toBeCloseTo(3 / Math.sqrt(5), 15);
    expect(s.fractionWithinFactor).toBe(0.5); // 1 < √5/2 ≈ 1.118 ≤ 3 ≤ 2√5
    expect(summariseSpectrum([1, 3], 2.5).fractionWithinFactor).toBe(1); // √5/2.5 ≈ 0.894 ≤ 1
  });

  it('an isometry (all σ equal) has V = 0 whatever its scale', () => {
    const s = summariseSpectrum(new Array(10).fill(4.2), 2);
    expect(s.normalisedVariance).toBeCloseTo(0, 14);
    expect(s.maxOverRms).toBeCloseTo(1, 14);
  });

  it('rejects an empty list, negative values and a factor ≤ 1', () => {
    expect(() => summariseSpectrum([], 2)).toThrow(/at least one/);
    expect(() => summariseSpectrum([1, -1], 2)).toThrow(/singular value 1/);
    expect(() => summariseSpectrum([1], 1)).toThrow(/factor/);
  });
});

describe('weight ensembles (Monte Carlo spectra)', () => {
  const n = 300;
  it('a Gaussian square matrix has V ≈ 1 (Marchenko–Pastur), an orthogonal one V = 0', () => {
    const gaussian = summariseSpectrum(singularValues(gaussianMatrix(1, n), n, n), 2).normalisedVariance;
    expect(Math.abs(gaussian - weightSpectrumVariance('gaussian'))).toBeLessThan(0.1);
    const q = orthonormalColumns(gaussianMatrix(2, n), n, n);
    expect(summariseSpectrum(singularValues(q, n, n), 2).normalisedVariance).toBeLessThan(1e-12);
    expect(weightSpectrumVariance('orthogonal')).toBe(0);
  });

  it('normalised variances add under products of independent (free) factors: two Gaussians give V ≈ 2', () => {
    const product = new Float64Array(n * n);
    multiplyAccumulate(product, gaussianMatrix(3, n), gaussianMatrix(4, n), n, n, n);
    const v = summariseSpectrum(singularValues(product, n, n), 2).normalisedVariance;
    expect(Math.abs(v - 2)).toBeLessThan(0.25);
  });
});

describe('slopeMoments', () => {
  it('tanh: μ1 = 1 − 2q + 7q² + O(q³), μ2 = 1 − 4q + 26q² + O(q³) (Taylor series of sech⁴, sech⁸)', () => {
    const q = 1e-3;
    const { mu1, mu2 } = slopeMoments(tanh1, q);
    expect(Math.abs(mu1 - (1 - 2 * q + 7 * q * q))).toBeLessThan(100 * q ** 3);
    expect(Math.abs(mu2 - (1 - 4 * q + 26 * q * q))).toBeLessThan(400 * q ** 3);
  });

  it('ReLU: μ1 = μ2 = 1/2 at any q (its slope is 0 or 1)', () => {
    for (const q of [0.1, 1, 30]) {
      const { mu1, mu2 } = slopeMoments(relu, q);
      expect(mu1).toBeCloseTo(0.5, 12);
      expect(mu2).toBeCloseTo(0.5, 12);
    }
  });
});

describe('predictedSpread', () => {
  it('a nearly linear tanh network (tiny q): V = L − 1 with Gaussian weights, ≈ 0 with orthogonal ones; m1 = 1', () => {
    const gaussian = predictedSpread(tanh1, 1, 0, 1e-12, 30, 'gaussian');
    const orthogonal = predictedSpread(tanh1, 1, 0, 1e-12, 30, 'orthogonal');
    expect(gaussian.map((p) => p.depth)).toEqual(Array.from({ length: 29 }, (_, i) => i + 2));
    expect(gaussian.at(-1)!.normalisedVariance).toBeCloseTo(29, 8);
    expect(orthogonal.at(-1)!.normalisedVariance).toBeLessThan(1e-9);
    expect(gaussian.at(-1)!.meanSquare).toBeCloseTo(1, 8);
  });

  it('ReLU with He initialisation: V = 2 per layer, m1 = 1', () => {
    const p = predictedSpread(relu, 2, 0, 1, 11, 'gaussian').at(-1)!;
    expect(p.normalisedVariance).toBeCloseTo(20, 9);
    expect(p.meanSquare).toBeCloseTo(1, 9);
  });

  it('critical tanh(2x) without bias, orthogonal weights: V stays bounded (Σ 8q_l² with q_l ~ 1/(2l))', () => {
    const p = predictedSpread(tanhN(2), 0.25, 0, 0.13, 2000, 'orthogonal');
    const at = (depth: number) => p.find((x) => x.depth === depth)!.normalisedVariance;
    expect(at(2000) - at(1000)).toBeLessThan(1e-3);
    expect(at(2000)).toBeLessThan(2);
    // ... and q_l decays like 1/(2l) in the units of tanh(x), i.e. like 1/(8l) for z in tanh(2z).
    expect(p.at(-1)!.q * 8 * 2000).toBeGreaterThan(0.9);
    expect(p.at(-1)!.q * 8 * 2000).toBeLessThan(1.1);
  });

  it('agrees with the spectrum of a measured wide network (critical tanh(2x), width 200, depth 30)', () => {
    const width = 200;
    const depth = 30;
    const x = Random.fromSeed(3).fillNormal(new Float64Array(width));
    for (const kind of ['gaussian', 'orthogonal'] as const) {
      const s = { inputSize: width, width, depth, outputSize: 2, activation: { kind: 'tanhN', n: 2 } as const };
      const params = initParameters(s, { kind, sw2: 0.25, sb2: 0 }, 7);
      const [j] = hiddenJacobians(s, params, x, [depth]);
      const measured = summariseSpectrum(singularValues(j!.jacobian, width, width), 2);
      const q = j!.preActivationMeanSquare;
      // From the length map alone: V (a normalised, self-averaging quantity) within 15%.
      const predicted = predictedSpread(tanhN(2), 0.25, 0, q[0]!, depth, kind).at(-1)!;
      expect(Math.abs(measured.normalisedVariance / predicted.normalisedVariance - 1)).toBeLessThan(0.15);
      // Given the measured q_l (which wander at finite width), the gain m1 within 8% too.
      const given = spreadForVariances(tanhN(2), 0.25, q, kind).at(-1)!;
      expect(Math.abs(measured.meanSquare / given.meanSquare - 1)).toBeLessThan(0.08);
    }
  });

  it('rejects impossible arguments', () => {
    expect(() => predictedSpread(tanh1, 0, 0, 1, 5, 'gaussian')).toThrow(/sw2/);
    expect(() => predictedSpread(tanh1, 1, 0, 1, 1, 'gaussian')).toThrow(/maxDepth/);
  });
});
