/**
 * Singular values through ml-matrix (singular-values.ts), checked against matrices whose
 * singular values are known by construction (U·diag(σ)·Vᵀ with Haar-random U, V), the 2 × 2
 * closed form, and two invariants computed independently (Σσ² = ‖A‖_F², Πσ = |det A|).
 */
import { describe, expect, it } from 'vitest';

import { orthonormalColumns } from '../../../src/lib/math/linalg';
import { Random } from '../../../src/lib/math/random';
import { resolutionFloor, singularValues } from '../../../src/lib/math/singular-values';

function randomOrthogonal(seed: number, n: number): Float64Array {
  return orthonormalColumns(Random.fromSeed(seed).fillNormal(new Float64Array(n * n)), n, n);
}

/** Plain triple loop c = a·b for a [m × k], b [k × n]. */
function product(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j]! += a[i * k + p]! * b[p * n + j]!;
  return c;
}

/** U·diag(σ)·Vᵀ for square n × n with the given σ (any order). */
function withSingularValues(sigma: number[], seed: number): Float64Array {
  const n = sigma.length;
  const u = randomOrthogonal(seed, n);
  const v = randomOrthogonal(seed + 1000, n);
  const us = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) us[i * n + j] = u[i * n + j]! * sigma[j]!;
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[i * n + j] = v[j * n + i]!;
  return product(us, vt, n, n, n);
}

describe('singularValues', () => {
  it('recovers the singular values of U·diag(σ)·Vᵀ, largest first, to ~1e-13 of σ_max', () => {
    const sigma = [3, 0.5, 7, 1e-3, 2, 2, 0.25, 11];
    const found = singularValues(withSingularValues(sigma, 4), 8, 8);
    const expected = [...sigma].sort((a, b) => b - a);
    expect(found.length).toBe(8);
    for (let i = 0; i < 8; i++) expect(Math.abs(found[i]! - expected[i]!)).toBeLessThan(1e-13 * 11);
  });

  it('matches the 2 × 2 closed form σ² = (S ± √(S² − 4·det²))/2, S = ‖A‖_F²', () => {
    const [a, b, c, d] = [1.5, -2, 0.3, 4];
    const s = a * a + b * b + c * c + d * d;
    const det = a * d - b * c;
    const root = Math.sqrt(s * s - 4 * det * det);
    const found = singularValues(Float64Array.from([a, b, c, d]), 2, 2);
    expect(found[0]).toBeCloseTo(Math.sqrt((s + root) / 2), 13);
    expect(found[1]).toBeCloseTo(Math.sqrt((s - root) / 2), 13);
  });

  it('Σσ² equals the squared Frobenius norm, and Πσ = |det| of a triangular matrix', () => {
    const n = 30;
    // Upper triangular with a dominant diagonal, so it is well conditioned (a random triangular
    // matrix is not, and its smallest σ would carry only ε·σ_max/σ_min relative accuracy).
    const a = Random.fromSeed(9).fillNormal(new Float64Array(n * n), 0.2);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) a[i * n + j] = 0;
      a[i * n + i] = 2 + (i % 3);
    }
    const found = singularValues(a, n, n);
    let frobenius = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) logDet += Math.log(Math.abs(a[i * n + i]!));
    for (const x of a) frobenius += x * x;
    expect(found.reduce((s, x) => s + x * x, 0)).toBeCloseTo(frobenius, 10);
    expect(found.reduce((s, x) => s + Math.log(x), 0)).toBeCloseTo(logDet, 9);
  });

  it('a wide matrix has the singular values of its transpose', () => {
    const a = Random.fromSeed(2).fillNormal(new Float64Array(3 * 5));
    const at = new Float64Array(15);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 5; j++) at[j * 3 + i] = a[i * 5 + j]!;
    const wide = singularValues(a, 3, 5);
    const tall = singularValues(at, 5, 3);
    expect(wide.length).toBe(3);
    for (let i = 0; i < 3; i++) expect(wide[i]).toBeCloseTo(tall[i]!, 13);
  });

  it('fails loudly on a wrong size or a non-finite entry', () => {
    expect(() => singularValues(new Float64Array(5), 2, 3)).toThrow(/m·n = 6/);
    expect(() => singularValues(Float64Array.from([1, NaN, 0, 1]), 2, 2)).toThrow(/a\[1\] is NaN/);
    expect(() => singularValues(new Float64Array(0), 0, 0)).toThrow(/m, n ≥ 1/);
  });

  it('the resolution floor is σ_max·max(m, n)·ε', () => {
    expect(resolutionFloor(2, 100, 50)).toBe(2 * 100 * Number.EPSILON);
  });
});
