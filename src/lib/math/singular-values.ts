/**
 * Singular values of a dense float64 matrix, through ml-matrix's SingularValueDecomposition (a
 * port of JAMA's Golub–Kahan–Reinsch algorithm: Householder bidiagonalisation, then implicit
 * QR sweeps). It is backward stable: each computed σ_i is within about ε·σ_max·(a small
 * multiple of the size) of an exact singular value, so values far below σ_max·n·ε are noise
 * (see `resolutionFloor`).
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** Machine epsilon of float64 (2⁻⁵²). */
const EPSILON = Number.EPSILON;

/** The singular values of a [m × n] (row-major), largest first; min(m, n) of them. */
export function singularValues(a: Float64Array, m: number, n: number): Float64Array {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1)) {
    throw new RangeError(`singularValues needs integers m, n ≥ 1, got m = ${m}, n = ${n}`);
  }
  if (a.length !== m * n) throw new RangeError(`singularValues: a must have m·n = ${m * n} entries, got ${a.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]!)) throw new RangeError(`singularValues: a[${i}] is ${a[i]}, not finite`);
  }
  // JAMA's algorithm assumes m ≥ n; a wide matrix has the singular values of its transpose.
  const tall = m >= n ? Matrix.from1DArray(m, n, a) : Matrix.from1DArray(m, n, a).transpose();
  const svd = new SingularValueDecomposition(tall, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: false,
  });
  const values = Float64Array.from(svd.diagonal);
  // JAMA returns them sorted, largest first; sort anyway so callers can rely on the order.
  return values.sort().reverse();
}

/**
 * Below this a computed singular value of a [m × n] matrix with largest singular value σ_max
 * is not resolved: σ_max·max(m, n)·ε, the size of the rounding error of a backward-stable SVD.
 */
export function resolutionFloor(sigmaMax: number, m: number, n: number): number {
  return sigmaMax * Math.max(m, n) * EPSILON;
}
