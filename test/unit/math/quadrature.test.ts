import { describe, expect, it } from 'vitest';

import {
  gaussianExpectation,
  gaussianExpectation2,
  gradedEvaluations,
  gradedGaussianExpectation,
  gradedGaussianExpectation2,
  hermiteRule,
  legendreRule,
  resolvingDepth,
} from '../../../src/lib/math/quadrature';

/** (2k − 1)!! = E[z^(2k)] for z ~ N(0, 1). */
function doubleFactorial(k: number): number {
  let product = 1;
  for (let j = 2 * k - 1; j > 1; j -= 2) product *= j;
  return product;
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('hermiteRule (probabilists’ Gauss–Hermite)', () => {
  it('order 3 is the closed form: nodes 0, ±√3 with weights 2/3, 1/6, 1/6', () => {
    const { nodes, weights } = hermiteRule(3);
    expect(nodes[1]).toBe(0);
    expect(relative(nodes[2]!, Math.sqrt(3))).toBeLessThan(1e-15);
    expect(nodes[0]).toBe(-nodes[2]!);
    expect(relative(weights[1]!, 2 / 3)).toBeLessThan(1e-15);
    expect(relative(weights[0]!, 1 / 6)).toBeLessThan(1e-15);
    expect(weights[2]).toBe(weights[0]);
  });

  it('order 4 has nodes ±√(3 ± √6), the roots of He₄ = x⁴ − 6x² + 3', () => {
    const { nodes } = hermiteRule(4);
    expect(relative(nodes[3]!, Math.sqrt(3 + Math.sqrt(6)))).toBeLessThan(1e-15);
    expect(relative(nodes[2]!, Math.sqrt(3 - Math.sqrt(6)))).toBeLessThan(1e-15);
  });

  it.each([1, 2, 7, 64, 200, 500])('order %i: weights sum to 1, nodes and weights are exactly symmetric', (order) => {
    const { nodes, weights } = hermiteRule(order);
    let sum = 0;
    for (let i = 0; i < order; i++) {
      sum += weights[i]!;
      expect(nodes[i]! + nodes[order - 1 - i]!).toBe(0);
      expect(weights[i]).toBe(weights[order - 1 - i]);
      if (i > 0) expect(nodes[i]!).toBeGreaterThan(nodes[i - 1]!);
    }
    expect(Math.abs(sum - 1)).toBeLessThan(2e-15);
  });

  it.each([5, 20, 64, 200])(
    'order %i is exact for E[z^(2k)] = (2k − 1)!! up to degree 2·order − 1 (k ≤ 30)',
    (order) => {
      for (let k = 1; 2 * k <= 2 * order - 1 && k <= 30; k++) {
        expect(
          relative(
            gaussianExpectation((z) => z ** (2 * k), order),
            doubleFactorial(k),
          ),
        ).toBeLessThan(1e-13);
        expect(gaussianExpectation((z) => z ** (2 * k - 1), order)).toBe(0);
      }
    },
  );

  it.each([0.5, 1, 2, 3])('E[cos(a·z)] = e^(−a²/2) to 1e-14 at the default order, a = %s', (a) => {
    expect(
      relative(
        gaussianExpectation((z) => Math.cos(a * z)),
        Math.exp((-a * a) / 2),
      ),
    ).toBeLessThan(1e-14);
  });

  it('caches rules: the same object on a second call', () => {
    expect(hermiteRule(33)).toBe(hermiteRule(33));
  });

  it('rejects an order that is not an integer in [1, 500], naming it', () => {
    for (const order of [0, 1.5, 501, Number.NaN]) {
      expect(() => hermiteRule(order)).toThrow(RangeError);
      expect(() => hermiteRule(order)).toThrow(/order/);
    }
  });
});

describe('legendreRule', () => {
  it.each([1, 4, 8, 10, 31])(
    'order %i integrates x^(2k) over [−1, 1] to 2/(2k + 1) up to degree 2·order − 1',
    (order) => {
      for (let k = 0; 2 * k <= 2 * order - 1; k++) {
        const { nodes, weights } = legendreRule(order);
        let sum = 0;
        for (let i = 0; i < order; i++) sum += weights[i]! * nodes[i]! ** (2 * k);
        expect(relative(sum, 2 / (2 * k + 1))).toBeLessThan(3e-14);
      }
    },
  );
});

describe('gaussianExpectation2 (tensor Gauss–Hermite)', () => {
  it('E[z1²·z2²] = 1, E[z1·z2] = 0, E[cos(z1 + z2)] = e^(−1)', () => {
    expect(
      relative(
        gaussianExpectation2((a, b) => a * a * b * b),
        1,
      ),
    ).toBeLessThan(1e-14);
    expect(Math.abs(gaussianExpectation2((a, b) => a * b))).toBeLessThan(1e-16);
    expect(
      relative(
        gaussianExpectation2((a, b) => Math.cos(a + b)),
        Math.exp(-1),
      ),
    ).toBeLessThan(1e-14);
  });
});

describe('gradedGaussianExpectation (graded Gauss–Legendre, sharp point at 0 or `at`)', () => {
  it('reproduces the moments E[1] = 1, E[z²] = 1, E[z⁴] = 3, E[z⁶] = 15 to 3e-14 (the z⁶ tail beyond |z| = 9 is ~1e-14)', () => {
    for (const [k, moment] of [
      [0, 1],
      [2, 1],
      [4, 3],
      [6, 15],
    ] as const) {
      expect(
        relative(
          gradedGaussianExpectation((z) => z ** k),
          moment,
        ),
      ).toBeLessThan(3e-14);
      expect(
        relative(
          gradedGaussianExpectation((z) => z ** k, 0.37),
          moment,
        ),
      ).toBeLessThan(3e-14);
    }
  });

  it('gives exactly 0 for an odd integrand (sums in ± pairs)', () => {
    expect(gradedGaussianExpectation((z) => Math.tanh(3 * z))).toBe(0);
  });

  it('is exact to 1e-15 for ReLU-type kinks at 0: E[max(0, z)] = 1/√(2π), E[max(0, z)²] = ½', () => {
    expect(
      relative(
        gradedGaussianExpectation((z) => Math.max(0, z)),
        1 / Math.sqrt(2 * Math.PI),
      ),
    ).toBeLessThan(1e-15);
    expect(
      relative(
        gradedGaussianExpectation((z) => Math.max(0, z) ** 2),
        0.5,
      ),
    ).toBeLessThan(1e-15);
  });

  it.each([0.1, 1, 5, 28, 100, 1000])(
    'resolves a bump of width 1/a at 0: E[e^(−a²z²/2)] = 1/√(1 + a²) to 1e-10, a = %s',
    (a) => {
      expect(
        relative(
          gradedGaussianExpectation((z) => Math.exp((-a * a * z * z) / 2)),
          1 / Math.sqrt(1 + a * a),
        ),
      ).toBeLessThan(1e-10);
    },
  );

  it.each([
    [28, 1.3],
    [100, -2.5],
    [5, 0.01],
  ])('resolves a bump of width 1/a at z = m when told `at` = m (a = %s, m = %s), to 1e-10', (a, m) => {
    const expected = Math.exp((-a * a * m * m) / (2 * (1 + a * a))) / Math.sqrt(1 + a * a);
    const actual = gradedGaussianExpectation((z) => Math.exp((-a * a * (z - m) ** 2) / 2), m);
    expect(relative(actual, expected)).toBeLessThan(1e-10);
  });

  it('is why the graded rule exists: Gauss–Hermite of order 200 misses a width-1/28 bump by > 50%, the graded rule (256 nodes) by < 1e-10', () => {
    const bump = (z: number) => Math.exp((-28 * 28 * z * z) / 2);
    const exact = 1 / Math.sqrt(1 + 28 * 28);
    expect(relative(gaussianExpectation(bump, 200), exact)).toBeGreaterThan(0.5);
    expect(relative(gradedGaussianExpectation(bump), exact)).toBeLessThan(1e-10);
    expect(gradedEvaluations()).toBe(256);
  });

  it('resolvingDepth is 1 for integrands smooth on scale 1 and grows like log₂ of the sharpness, keeping 1e-10', () => {
    expect(resolvingDepth((z) => Math.cos(z))).toBe(1);
    expect(resolvingDepth((z) => Math.max(0, z))).toBe(1);
    const depths = [1, 10, 100].map((a) => resolvingDepth((z) => Math.exp((-a * a * z * z) / 2)));
    expect(depths[0]!).toBeLessThan(depths[1]!);
    expect(depths[1]!).toBeLessThan(depths[2]!);
    for (const [i, a] of [1, 10, 100].entries()) {
      const value = gradedGaussianExpectation((z) => Math.exp((-a * a * z * z) / 2), 0, { depth: depths[i]! });
      expect(relative(value, 1 / Math.sqrt(1 + a * a))).toBeLessThan(1e-10);
    }
  });

  it.each([1, 28])('the coarse rule is good to 1e-5 on a bump of width 1/a (a = %s), with half the nodes', (a) => {
    const bump = (z: number) => Math.exp((-a * a * z * z) / 2);
    const coarse = gradedGaussianExpectation(bump, 0, { coarse: true });
    expect(relative(coarse, 1 / Math.sqrt(1 + a * a))).toBeLessThan(1e-5);
    expect(gradedEvaluations({ coarse: true })).toBeLessThan(gradedEvaluations() / 1.5);
  });

  it('rejects a depth outside the integers 0…20, naming it', () => {
    expect(() => gradedGaussianExpectation(Math.cos, 0, { depth: 21 })).toThrow(/depth/);
    expect(() => gradedGaussianExpectation(Math.cos, 0, { depth: 2.5 })).toThrow(RangeError);
    expect(() => gradedGaussianExpectation(Math.cos, Number.NaN)).toThrow(/at/);
  });
});

describe('gradedGaussianExpectation2 (nested graded rules, sharp along z1 = 0 and z2 = k·z1)', () => {
  it('E[z1²·z2²] = 1 and E[cos(z1 + z2)] = e^(−1) to 1e-14 whatever the ridge slope', () => {
    for (const k of [0, 0.7, -3]) {
      expect(
        relative(
          gradedGaussianExpectation2((a) => (b) => a * a * b * b, k),
          1,
        ),
      ).toBeLessThan(1e-14);
      expect(
        relative(
          gradedGaussianExpectation2((a) => (b) => Math.cos(a + b), k),
          Math.exp(-1),
        ),
      ).toBeLessThan(1e-14);
    }
  });

  it.each([
    [1, 0.5],
    [30, 2],
    [30, -5],
    [300, 1],
    [10, -707],
  ])(
    'resolves a ridge of width 1/a along z2 = k·z1: E[e^(−a²(z2 − k·z1)²/2)] = 1/√(1 + a²(1 + k²)) to 1e-10 (a = %s, k = %s)',
    (a, k) => {
      const actual = gradedGaussianExpectation2((z1) => (z2) => Math.exp((-a * a * (z2 - k * z1) ** 2) / 2), k);
      expect(relative(actual, 1 / Math.sqrt(1 + a * a * (1 + k * k)))).toBeLessThan(1e-10);
    },
  );
});
