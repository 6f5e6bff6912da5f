/**
 * Dense float64 linear algebra on flat row-major Float64Arrays, just what the reference network
 * (mlp64.ts) and the orthogonal initialisation (init.ts) need: a register-blocked matrix
 * product, a transpose, the Frobenius norm and a Householder QR factorisation.
 *
 * A matrix [m × n] is stored row-major: entry (i, j) at index i·n + j.
 */

/**
 * c += a·b for a [m × k], b [k × n], c [m × n]; with `aTransposed` a is stored as its transpose
 * [k × m] and c += aᵀ·b is formed without copying it (the weight gradient hᵀ·δ).
 *
 * i-k-j order, 4 rows × 4 inner indices per step, so each loaded row of b serves four rows of c
 * (~8 GFLOP/s in V8 for 128 × 256 × 256, against ~1.7 for the plain triple loop). The sum over
 * k is grouped in fours, so results differ from the plain loop by rounding only; for given
 * inputs the result is always the same.
 */
export function multiplyAccumulate(
  c: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  aTransposed = false,
): void {
  // a(i, p) = a[i·rowStep + p·colStep]
  const rowStep = aTransposed ? 1 : k;
  const colStep = aTransposed ? m : 1;
  const k4 = k - (k % 4);
  let i = 0;
  // (one line per row of the 4 × 4 block)
  // prettier-ignore
  for (; i + 3 < m; i += 4) {
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    const a0 = i * rowStep;
    const a1 = a0 + rowStep;
    const a2 = a1 + rowStep;
    const a3 = a2 + rowStep;
    for (let p = 0; p < k4; p += 4) {
      const q0 = p * colStep;
      const q1 = q0 + colStep;
      const q2 = q1 + colStep;
      const q3 = q2 + colStep;
      const x0 = a[a0 + q0]!, x1 = a[a0 + q1]!, x2 = a[a0 + q2]!, x3 = a[a0 + q3]!;
      const y0 = a[a1 + q0]!, y1 = a[a1 + q1]!, y2 = a[a1 + q2]!, y3 = a[a1 + q3]!;
      const z0 = a[a2 + q0]!, z1 = a[a2 + q1]!, z2 = a[a2 + q2]!, z3 = a[a2 + q3]!;
      const w0 = a[a3 + q0]!, w1 = a[a3 + q1]!, w2 = a[a3 + q2]!, w3 = a[a3 + q3]!;
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const u0 = b[b0 + j]!, u1 = b[b1 + j]!, u2 = b[b2 + j]!, u3 = b[b3 + j]!;
        c[c0 + j]! += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        c[c1 + j]! += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        c[c2 + j]! += z0 * u0 + z1 * u1 + z2 * u2 + z3 * u3;
        c[c3 + j]! += w0 * u0 + w1 * u1 + w2 * u2 + w3 * u3;
      }
    }
    for (let p = k4; p < k; p++) {
      const q = p * colStep;
      const x = a[a0 + q]!, y = a[a1 + q]!, z = a[a2 + q]!, w = a[a3 + q]!;
      const bo = p * n;
      for (let j = 0; j < n; j++) {
        const u = b[bo + j]!;
        c[c0 + j]! += x * u;
        c[c1 + j]! += y * u;
        c[c2 + j]! += z * u;
        c[c3 + j]! += w * u;
      }
    }
  }
  for (; i < m; i++) {
    const co = i * n;
    const ao = i * rowStep;
    for (let p = 0; p < k; p++) {
      const x = a[ao + p * colStep]!;
      const bo = p * n;
      for (let j = 0; j < n; j++) c[co + j]! += x * b[bo + j]!;
    }
  }
}

/** aᵀ [n × m] of a [m × n], into `out` if given. */
export function transpose(a: Float64Array, m: number, n: number, out = new Float64Array(m * n)): Float64Array {
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[j * m + i] = a[row + j]!;
  }
  return out;
}

/** Σ aᵢ² (the squared Frobenius norm of a matrix stored in `a`). */
export function sumOfSquares(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * a[i]!;
  return sum;
}

/**
 * Thin QR factorisation a = Q·R of a [m × n] with m ≥ n, by Householder reflections in float64
 * (Golub & Van Loan, Matrix Computations, §5.2), normalised so that diag(R) ≥ 0: the reflections
 * give Q₀R₀ with arbitrary signs on diag R₀, and Q = Q₀·D, R = D·R₀ with D = diag(sign(diag R₀))
 * (a zero diagonal entry, probability 0 for random input, counts as +). For a Gaussian matrix
 * this Q is distributed by the Haar measure (Mezzadri 2007, "How to generate random matrices
 * from the classical compact groups", §5).
 *
 * Returns Q [m × n] (orthonormal columns) and R [n × n] (upper triangular), both row-major.
 * Cost ≈ 4mn² − 4n³/3 flops; works on a column-major copy so every inner loop is contiguous.
 */
export function qrDecomposition(a: Float64Array, m: number, n: number): { q: Float64Array; r: Float64Array } {
  if (!(Number.isInteger(m) && Number.isInteger(n) && n >= 1 && m >= n)) {
    throw new RangeError(`qrDecomposition needs integers m ≥ n ≥ 1, got m = ${m}, n = ${n}`);
  }
  if (a.length !== m * n) throw new RangeError(`qrDecomposition: a must have m·n = ${m * n} entries, got ${a.length}`);
  // Column-major working copy: column j at [j·m, (j + 1)·m). Column k ends up holding R above
  // the diagonal and the Householder vector v_k from the diagonal down (v_k[k] = 1 stored
  // explicitly); diag R is kept in `diagonal`.
  const work = transpose(a, m, n);
  const tau = new Float64Array(n);
  const diagonal = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const col = k * m;
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += work[col + i]! * work[col + i]!;
    if (norm2 === 0) continue; // nothing to reflect: H_k = I (τ = 0, R_kk = 0)
    // H_k = I − τ·v·vᵀ maps x = work[k:, k] to β·e₁, β = −sign(x₀)·‖x‖ (the sign that avoids
    // cancellation in v₀ = x₀ − β); v is scaled to v₀ = 1, so τ = (β − x₀)/β.
    const x0 = work[col + k]!;
    const beta = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    const scale = 1 / (x0 - beta);
    for (let i = k + 1; i < m; i++) work[col + i]! *= scale;
    work[col + k] = 1;
    tau[k] = (beta - x0) / beta;
    diagonal[k] = beta;
    applyReflector(work, col, work, m, k, k + 1, n, tau[k]!);
  }
  // Q = H_0·H_1·…·H_{n−1}·I[:, :n], accumulated backwards: H_k only touches rows ≥ k, and when
  // it is applied the columns j < k of the running product are still e_j, so only j ≥ k change.
  const qWork = new Float64Array(m * n); // column-major
  for (let j = 0; j < n; j++) qWork[j * m + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    if (tau[k] !== 0) applyReflector(work, k * m, qWork, m, k, k, n, tau[k]!);
  }
  // Sign correction Q·D, D·R with D = diag(sign(diag R)); back to row-major.
  const q = new Float64Array(m * n);
  const r = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const sign = diagonal[j]! < 0 ? -1 : 1;
    const col = j * m;
    for (let i = 0; i < m; i++) q[i * n + j] = sign * qWork[col + i]!;
    r[j * n + j] = sign * diagonal[j]!;
    for (let c = j + 1; c < n; c++) r[j * n + c] = sign * work[c * m + j]!;
  }
  return { q, r };
}

/**
 * Applies I − τ·v·vᵀ from the left to columns [from, to) of the column-major `target` [m × ·],
 * where v is rows k..m−1 of the column of `vectors` starting at vOffset (v[k] stored explicitly).
 */
function applyReflector(
  vectors: Float64Array,
  vOffset: number,
  target: Float64Array,
  m: number,
  k: number,
  from: number,
  to: number,
  tauK: number,
): void {
  // Four columns at a time share each load of v (784 × 256: ~47 ms against ~120 ms one at a time).
  let j = from;
  for (; j + 3 < to; j += 4) {
    const c0 = j * m;
    const c1 = c0 + m;
    const c2 = c1 + m;
    const c3 = c2 + m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = k; i < m; i++) {
      const v = vectors[vOffset + i]!;
      s0 += v * target[c0 + i]!;
      s1 += v * target[c1 + i]!;
      s2 += v * target[c2 + i]!;
      s3 += v * target[c3 + i]!;
    }
    const t0 = tauK * s0;
    const t1 = tauK * s1;
    const t2 = tauK * s2;
    const t3 = tauK * s3;
    for (let i = k; i < m; i++) {
      const v = vectors[vOffset + i]!;
      target[c0 + i]! -= t0 * v;
      target[c1 + i]! -= t1 * v;
      target[c2 + i]! -= t2 * v;
      target[c3 + i]! -= t3 * v;
    }
  }
  for (; j < to; j++) {
    const col = j * m;
    let s = 0;
    for (let i = k; i < m; i++) s += vectors[vOffset + i]! * target[col + i]!;
    const t = tauK * s;
    for (let i = k; i < m; i++) target[col + i]! -= t * vectors[vOffset + i]!;
  }
}

/**
 * A matrix with orthonormal columns (m ≥ n) spanning the columns of a [m × n]: the Q of
 * qrDecomposition, sign-corrected so that R has a non-negative diagonal.
 */
export function orthonormalColumns(a: Float64Array, m: number, n: number): Float64Array {
  return qrDecomposition(a, m, n).q;
}
