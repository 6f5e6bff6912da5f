/**
 * Initial parameters (init.ts) and the dense linear algebra behind them (linalg.ts), each claim
 * checked against an independent computation: plain triple loops, sample moments against the
 * stated distributions with their standard errors, and a re-draw of the documented random order.
 */
import { describe, expect, it } from 'vitest';

import { initParameters } from '../../../src/lib/math/init';
import { multiplyAccumulate, qrDecomposition, transpose } from '../../../src/lib/math/linalg';
import type { InitSpec, NetworkSpec } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';

const tanh1Spec = { kind: 'tanhN', n: 1 } as const;

function spec(inputSize: number, width: number, depth: number, outputSize: number): NetworkSpec {
  return { inputSize, width, depth, outputSize, activation: tanh1Spec };
}

/** Plain triple loop c = a·b for a [m × k], b [k × n]. */
function naiveProduct(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

/** max |(aᵀa)/scale − I| for a [m × n] (columns orthonormal up to the factor √scale). */
function columnOrthogonalityError(a: Float64Array, m: number, n: number, scale = 1): number {
  const gram = naiveProduct(transpose(a, m, n), a, n, m, n);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(gram[i * n + j]! / scale - (i === j ? 1 : 0)));
  }
  return worst;
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function meanSquare(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return s / values.length;
}

function gaussianMatrix(seed: number, m: number, n: number): Float64Array {
  return Random.fromSeed(seed).fillNormal(new Float64Array(m * n));
}

describe('linalg', () => {
  it.each([
    [1, 1, 1],
    [7, 5, 9],
    [8, 12, 16],
    [13, 3, 4],
  ])('multiplyAccumulate agrees with the triple loop for %i × %i · %i × n (plain and transposed a)', (m, k, n) => {
    const a = gaussianMatrix(1, m, k);
    const b = gaussianMatrix(2, k, n);
    const expected = naiveProduct(a, b, m, k, n);
    const c = new Float64Array(m * n).fill(1);
    multiplyAccumulate(c, a, b, m, k, n);
    const cT = new Float64Array(m * n);
    multiplyAccumulate(cT, transpose(a, m, k), b, m, k, n, true);
    for (let i = 0; i < m * n; i++) {
      expect(c[i]! - 1).toBeCloseTo(expected[i]!, 12);
      expect(cT[i]).toBeCloseTo(expected[i]!, 12);
    }
  });

  it.each([
    [64, 64],
    [100, 30],
    [31, 1],
  ])('Householder QR of a %i × %i Gaussian: QR = A, QᵀQ = I, R upper triangular with diag R > 0', (m, n) => {
    const a = gaussianMatrix(3, m, n);
    const { q, r } = qrDecomposition(a, m, n);
    const qr = naiveProduct(q, r, m, n, n);
    for (let i = 0; i < m * n; i++) expect(Math.abs(qr[i]! - a[i]!)).toBeLessThan(1e-12);
    expect(columnOrthogonalityError(q, m, n)).toBeLessThan(1e-12);
    for (let i = 0; i < n; i++) {
      expect(r[i * n + i]).toBeGreaterThan(0);
      for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
    }
  });

  it('QR handles an exactly rank-deficient matrix (a zero column) without NaN', () => {
    const a = gaussianMatrix(4, 6, 3);
    for (let i = 0; i < 6; i++) a[i * 3 + 1] = 0;
    const { q, r } = qrDecomposition(a, 6, 3);
    expect(q.every(Number.isFinite) && r.every(Number.isFinite)).toBe(true);
    const qr = naiveProduct(q, r, 6, 3, 3);
    for (let i = 0; i < a.length; i++) expect(Math.abs(qr[i]! - a[i]!)).toBeLessThan(1e-12);
  });
});

describe('initParameters: gaussian', () => {
  const sw2 = 2;
  const sb2 = 0.3;
  const params = initParameters(spec(512, 512, 4, 10), { kind: 'gaussian', sw2, sb2 }, 11);

  it('has the documented shapes: [fanIn × fanOut] weights and fanOut biases per layer, readout last', () => {
    expect(params.weights.map((w) => w.length)).toEqual([512 * 512, 512 * 512, 512 * 512, 512 * 512, 512 * 10]);
    expect(params.biases.map((b) => b.length)).toEqual([512, 512, 512, 512, 10]);
  });

  it('a 512 × 512 layer has mean ≈ 0 and variance ≈ σ_w²/fan_in within 4 standard errors', () => {
    const w = params.weights[1]!;
    const variance = sw2 / 512;
    const count = w.length;
    // SE of the mean √(σ²/N); SE of the mean square of a normal √(2σ⁴/N).
    expect(Math.abs(mean(w))).toBeLessThan(4 * Math.sqrt(variance / count));
    expect(Math.abs(meanSquare(w) - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / count));
  });

  it('biases of the hidden layers have variance ≈ σ_b² within 4 standard errors', () => {
    const pooled = new Float64Array(4 * 512);
    for (let l = 0; l < 4; l++) pooled.set(params.biases[l]!, l * 512);
    expect(Math.abs(mean(pooled))).toBeLessThan(4 * Math.sqrt(sb2 / pooled.length));
    expect(Math.abs(meanSquare(pooled) - sb2)).toBeLessThan(4 * sb2 * Math.sqrt(2 / pooled.length));
  });

  it('draws layer by layer, weights (row-major) then biases, from Random.stream(seed, "init")', () => {
    const small = spec(3, 4, 2, 2);
    const drawn = initParameters(small, { kind: 'gaussian', sw2: 1.5, sb2: 0.2 }, 5);
    const random = Random.stream(5, 'init');
    const shapes: [number, number][] = [
      [3, 4],
      [4, 4],
      [4, 2],
    ];
    for (const [l, [fanIn, fanOut]] of shapes.entries()) {
      for (let i = 0; i < fanIn * fanOut; i++)
        expect(drawn.weights[l]![i]).toBe(Math.sqrt(1.5 / fanIn) * random.normal());
      for (let j = 0; j < fanOut; j++) expect(drawn.biases[l]![j]).toBe(Math.sqrt(0.2) * random.normal());
    }
  });

  it('σ_b² = 0 gives biases that are exactly +0, and the same weights as σ_b² > 0 (common random numbers)', () => {
    const s = spec(20, 30, 3, 5);
    const zero = initParameters(s, { kind: 'gaussian', sw2: 1, sb2: 0 }, 9);
    const some = initParameters(s, { kind: 'gaussian', sw2: 1, sb2: 0.5 }, 9);
    for (const b of zero.biases) for (const v of b) expect(Object.is(v, 0)).toBe(true);
    expect(zero.weights).toEqual(some.weights);
  });

  it('is deterministic: the same seed gives identical arrays, different seeds different ones', () => {
    const s = spec(30, 40, 3, 7);
    const init: InitSpec = { kind: 'gaussian', sw2: 1.2, sb2: 0.05 };
    const a = initParameters(s, init, 123);
    const b = initParameters(s, init, 123);
    const c = initParameters(s, init, 124);
    expect(b).toEqual(a);
    for (let l = 0; l <= 3; l++) {
      expect(c.weights[l]).not.toEqual(a.weights[l]);
      expect(c.biases[l]).not.toEqual(a.biases[l]);
    }
  });
});

describe('initParameters: glorot-uniform', () => {
  const params = initParameters(spec(512, 512, 2, 10), { kind: 'glorot-uniform' }, 3);

  it('W ~ U(−L, L) with L = √(6/(fan_in + fan_out)): range, mean and variance L²/3', () => {
    const w = params.weights[1]!;
    const limit = Math.sqrt(6 / 1024);
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    expect(max).toBeLessThan(limit);
    expect(max).toBeGreaterThan(0.999 * limit);
    const count = w.length;
    expect(Math.abs(mean(w))).toBeLessThan(4 * Math.sqrt(limit ** 2 / 3 / count));
    // Var(X²) = E X⁴ − (E X²)² = L⁴/5 − L⁴/9 for X ~ U(−L, L)
    expect(Math.abs(meanSquare(w) - limit ** 2 / 3)).toBeLessThan(
      4 * Math.sqrt((limit ** 4 * (1 / 5 - 1 / 9)) / count),
    );
    const readoutLimit = Math.sqrt(6 / (512 + 10));
    for (const v of params.weights[2]!) expect(Math.abs(v)).toBeLessThan(readoutLimit);
  });

  it('biases are exactly 0', () => {
    for (const b of params.biases) for (const v of b) expect(Object.is(v, 0)).toBe(true);
  });
});

describe('initParameters: orthogonal', () => {
  it('square layers are exactly σ_w·Q: WᵀW = σ_w²·I to 1e-12', () => {
    const sw2 = 2.5;
    const params = initParameters(spec(256, 256, 2, 10), { kind: 'orthogonal', sw2, sb2: 0 }, 1);
    for (const l of [0, 1]) expect(columnOrthogonalityError(params.weights[l]!, 256, 256, sw2)).toBeLessThan(1e-12);
  });

  it('narrowing layers (fan_in ≥ fan_out) have orthonormal columns times σ_w', () => {
    const sw2 = 1.7;
    const params = initParameters(spec(300, 100, 1, 10), { kind: 'orthogonal', sw2, sb2: 0 }, 2);
    expect(columnOrthogonalityError(params.weights[0]!, 300, 100, sw2)).toBeLessThan(1e-12); // 300 → 100
    expect(columnOrthogonalityError(params.weights[1]!, 100, 10, sw2)).toBeLessThan(1e-12); // readout 100 → 10
  });

  it('widening layers (fan_in < fan_out) have orthogonal rows and entries of mean square exactly σ_w²/fan_in', () => {
    const sw2 = 1.3;
    const fanIn = 20;
    const fanOut = 100;
    const w = initParameters(spec(fanIn, fanOut, 1, 3), { kind: 'orthogonal', sw2, sb2: 0 }, 3).weights[0]!;
    // rows orthogonal ⇔ the columns of Wᵀ are: W·Wᵀ = σ_w²·(fan_out/fan_in)·I
    expect(columnOrthogonalityError(transpose(w, fanIn, fanOut), fanOut, fanIn, (sw2 * fanOut) / fanIn)).toBeLessThan(
      1e-12,
    );
    expect(meanSquare(w)).toBeCloseTo(sw2 / fanIn, 14);
  });

  it('Q is the sign-corrected QR factor of the same Gaussian G the gaussian init uses: Qᵀ·G is upper triangular with a positive diagonal', () => {
    const n = 40;
    const s = spec(n, n, 1, 2);
    const q = initParameters(s, { kind: 'orthogonal', sw2: 1, sb2: 0 }, 8).weights[0]!;
    const g = initParameters(s, { kind: 'gaussian', sw2: n, sb2: 0 }, 8).weights[0]!; // σ_w²/fan_in = 1: W = G
    const r = naiveProduct(transpose(q, n, n), g, n, n, n);
    for (let i = 0; i < n; i++) {
      expect(r[i * n + i]).toBeGreaterThan(0);
      for (let j = 0; j < i; j++) expect(Math.abs(r[i * n + j]!)).toBeLessThan(1e-12);
    }
  });

  it('the diagonal of a 256 × 256 Q has mean ≈ 0, as for Haar Q (Householder Q without the sign fix has Q₁₁ < 0 always)', () => {
    const n = 256;
    const firstEntries: number[] = [];
    let diagonalSum = 0;
    for (let seed = 0; seed < 8; seed++) {
      const q = initParameters(spec(n, n, 1, 2), { kind: 'orthogonal', sw2: 1, sb2: 0 }, seed).weights[0]!;
      firstEntries.push(q[0]!);
      for (let i = 0; i < n; i++) diagonalSum += q[i * n + i]!;
    }
    // Haar: each Q_ii has mean 0 and variance 1/n, nearly independent → the mean of 8n of them has SD ≈ 1/(n·√8).
    expect(Math.abs(diagonalSum / (8 * n))).toBeLessThan(4 / (n * Math.sqrt(8)));
    expect(firstEntries.some((v) => v > 0) && firstEntries.some((v) => v < 0)).toBe(true);
  });

  it('biases are N(0, σ_b²) (exact zeros for σ_b² = 0)', () => {
    const s = spec(64, 64, 8, 4);
    const params = initParameters(s, { kind: 'orthogonal', sw2: 1, sb2: 0.4 }, 4);
    const pooled = new Float64Array(8 * 64);
    for (let l = 0; l < 8; l++) pooled.set(params.biases[l]!, l * 64);
    expect(Math.abs(meanSquare(pooled) - 0.4)).toBeLessThan(4 * 0.4 * Math.sqrt(2 / pooled.length));
    const zero = initParameters(s, { kind: 'orthogonal', sw2: 1, sb2: 0 }, 4);
    for (const b of zero.biases) for (const v of b) expect(Object.is(v, 0)).toBe(true);
  });
});

describe('initParameters: validation', () => {
  const good = spec(4, 5, 2, 3);
  const gaussian: InitSpec = { kind: 'gaussian', sw2: 1, sb2: 0 };

  it.each([
    ['spec.inputSize', { ...good, inputSize: 0 }],
    ['spec.width', { ...good, width: 2.5 }],
    ['spec.depth', { ...good, depth: -1 }],
    ['spec.outputSize', { ...good, outputSize: Number.NaN }],
    ['n', { ...good, activation: { kind: 'tanhN', n: 0 } }],
    ['spec.activation.kind', { ...good, activation: { kind: 'sigmoid' } }],
  ])('rejects a bad %s with a RangeError naming it', (field, bad) => {
    expect(() => initParameters(bad as NetworkSpec, gaussian, 1)).toThrow(RangeError);
    expect(() => initParameters(bad as NetworkSpec, gaussian, 1)).toThrow(field);
  });

  it.each([
    ['init.sw2', { kind: 'gaussian', sw2: -1, sb2: 0 }],
    ['init.sb2', { kind: 'orthogonal', sw2: 1, sb2: Number.POSITIVE_INFINITY }],
    ['init.kind', { kind: 'he-normal' }],
  ])('rejects a bad %s with a RangeError naming it', (field, bad) => {
    expect(() => initParameters(good, bad as InitSpec, 1)).toThrow(RangeError);
    expect(() => initParameters(good, bad as InitSpec, 1)).toThrow(field);
  });

  it('rejects a non-integer seed', () => {
    expect(() => initParameters(good, gaussian, 0.5)).toThrow(RangeError);
  });

  it('accepts depth 0 (a linear readout of the input)', () => {
    const params = initParameters({ ...good, depth: 0 }, gaussian, 1);
    expect(params.weights.map((w) => w.length)).toEqual([4 * 3]);
  });
});
