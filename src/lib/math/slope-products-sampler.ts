/**
 * Seeded Monte Carlo of the slope-product model (slope-products.ts): N samples of
 * ln g = Σ_{k≤K} ln s(x_k), x_k = √q·z_k with z_k standard normal, shared by the build's
 * datasets and the depth-product widget, so both give the same numbers for the same parameters.
 *
 * Why not random.ts: its xoroshiro128+ (pure-rand) draws 1e6 normals in ~100 ms on the
 * development machine, and the widget redraws 10,000 × K ≤ 100 slopes within 50 ms. This module
 * uses sfc32 (Doty-Humphrey's small fast counting generator, 128-bit state, passes PractRand and
 * TestU01's BigCrush) with Marsaglia's polar method: ~20 ms per 1e6 normals.
 *
 * Stream layout: one generator per seed; the standard normals are used layer by layer (layer 1's
 * N values, then layer 2's, …), so the samples for depth K are a prefix of those for any K' > K,
 * and every (n, q) uses the same z's (common random numbers: the histogram moves smoothly with the
 * knobs, and differences between settings are not sampling noise).
 *
 * ln s(√q·z) = ln n + 2 ln 2 − 2t − 2·ln(1 + e^(−2t)), t = n·√q·|z|. The last term comes from a
 * cubic Hermite table (|error| < 2e-11, tested against Math.log1p(Math.exp(·))), 5–9× faster than
 * evaluating it; its error, summed over 100 layers, is below 1e-8 in ln g.
 */

import { requireAbove, requireAtLeast } from './validate';

/** 32-bit seed → well-mixed 32-bit words (splitmix32), so nearby seeds give unrelated streams. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** Standard normals from sfc32 + the polar method, deterministic for a seed. */
export class NormalStream {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;
  private spare: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
    let state = seed | 0;
    let word: number;
    [state, word] = splitmix32(state);
    this.a = word | 0;
    [state, word] = splitmix32(state);
    this.b = word | 0;
    [, word] = splitmix32(state);
    this.c = word | 0;
    for (let i = 0; i < 12; i++) this.nextUint32(); // the usual sfc32 warm-up
  }

  /** Next 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Fills `out` with |z| for independent standard normals z (the model only needs |z|). */
  fillAbsNormals(out: Float64Array): Float64Array {
    let i = 0;
    if (this.spare !== null && out.length > 0) {
      out[i++] = this.spare;
      this.spare = null;
    }
    while (i < out.length) {
      // u, v uniform on [−1, 1) with 2⁻³¹ resolution; accept points inside the unit disc.
      const u = this.nextUint32() * 4.656612873077393e-10 - 1;
      const v = this.nextUint32() * 4.656612873077393e-10 - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      out[i++] = Math.abs(u * m);
      if (i < out.length) out[i++] = Math.abs(v * m);
      else this.spare = Math.abs(v * m);
    }
    return out;
  }
}

/** Table of ln(1 + e^(−2t)) and its derivative on [0, TABLE_END], TABLE_STEPS_PER_UNIT nodes per unit. */
const TABLE_STEPS_PER_UNIT = 128;
/** Beyond this t, ln(1 + e^(−2t)) < 4.3e-18 and is taken as 0 (well below the table's error). */
const TABLE_END = 20;
const tableValues = new Float64Array(TABLE_END * TABLE_STEPS_PER_UNIT + 2);
const tableSlopes = new Float64Array(tableValues.length); // derivative × node spacing
for (let j = 0; j < tableValues.length; j++) {
  const e = Math.exp((-2 * j) / TABLE_STEPS_PER_UNIT);
  tableValues[j] = Math.log1p(e);
  tableSlopes[j] = (-2 * e) / (1 + e) / TABLE_STEPS_PER_UNIT;
}

/** ln(1 + e^(−2t)) for t ≥ 0, by cubic Hermite interpolation in the table (|error| < 2e-11). */
export function log1pExpMinusTwice(t: number): number {
  if (t >= TABLE_END) return 0;
  const x = t * TABLE_STEPS_PER_UNIT;
  const j = x | 0;
  const s = x - j;
  const s2 = s * s;
  const s3 = s2 * s;
  return (
    (2 * s3 - 3 * s2 + 1) * tableValues[j]! +
    (s3 - 2 * s2 + s) * tableSlopes[j]! +
    (3 * s2 - 2 * s3) * tableValues[j + 1]! +
    (s3 - s2) * tableSlopes[j + 1]!
  );
}

/**
 * sums[i] += ln s(√q·z_i) for the |z_i| in absZ: one layer of the product, for tanh(n·x) with
 * pre-activation variance q (n > 0, q ≥ 0).
 */
export function accumulateLogSlopes(sums: Float64Array, absZ: Float64Array, n: number, q: number): void {
  requireAbove('n', n, 0);
  requireAtLeast('q', q, 0);
  if (sums.length !== absZ.length) throw new RangeError(`sums and absZ must have the same length, got ${sums.length} and ${absZ.length}`);
  const scale = n * Math.sqrt(q);
  const offset = Math.log(n) + 2 * Math.LN2;
  for (let i = 0; i < sums.length; i++) {
    const t = scale * absZ[i]!;
    sums[i]! += offset - 2 * t - 2 * log1pExpMinusTwice(t);
  }
}

/**
 * The |z| of N samples × K layers, drawn lazily from one NormalStream (layer-major, so depth K
 * reads a prefix): what the widget keeps between updates.
 */
export class LayeredNormals {
  private readonly stream: NormalStream;
  private store: Float64Array;
  private layersDrawn = 0;

  constructor(
    readonly samples: number,
    readonly seed: number,
  ) {
    if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be an integer ≥ 1, got ${String(samples)}`);
    this.stream = new NormalStream(seed);
    this.store = new Float64Array(0);
  }

  /** |z| of layer k (1-based), drawing it and any layers before it on first use. */
  layer(k: number): Float64Array {
    if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`layer k must be an integer ≥ 1, got ${String(k)}`);
    if (k > this.layersDrawn) this.drawUpTo(k);
    return this.store.subarray((k - 1) * this.samples, k * this.samples);
  }

  private drawUpTo(k: number): void {
    const needed = k * this.samples;
    if (needed > this.store.length) {
      // Grow geometrically so extending K one layer at a time stays linear overall.
      const grown = new Float64Array(Math.max(needed, 2 * this.store.length));
      grown.set(this.store.subarray(0, this.layersDrawn * this.samples));
      this.store = grown;
    }
    this.stream.fillAbsNormals(this.store.subarray(this.layersDrawn * this.samples, needed));
    this.layersDrawn = k;
  }
}

/** ln g of every sample for depth K (K ≥ 1), tanh(n·x), variance q: Σ_{k≤K} ln s. */
export function sampleLogProducts(normals: LayeredNormals, n: number, q: number, depth: number, out?: Float64Array): Float64Array {
  if (!(Number.isInteger(depth) && depth >= 1)) throw new RangeError(`depth K must be an integer ≥ 1, got ${String(depth)}`);
  const sums = out ?? new Float64Array(normals.samples);
  if (sums.length !== normals.samples) throw new RangeError(`out must have ${normals.samples} entries, got ${sums.length}`);
  sums.fill(0);
  for (let k = 1; k <= depth; k++) accumulateLogSlopes(sums, normals.layer(k), n, q);
  return sums;
}

/** A tanh(n·x) layer's slope law: n and the pre-activation variance q. */
export interface SlopeSetting {
  n: number;
  q: number;
}

/**
 * One pass over the stream for several settings at once (common random numbers): calls
 * `atDepth(K, logs)` for every K in `depths` (ascending) with ln g of each setting's samples at
 * depth K (arrays reused between calls: copy what you keep). The same numbers as
 * sampleLogProducts(new LayeredNormals(samples, seed), …) for each setting, without storing the z's.
 */
export function forEachDepth(
  settings: readonly SlopeSetting[],
  depths: readonly number[],
  samples: number,
  seed: number,
  atDepth: (depth: number, logs: readonly Float64Array[]) => void,
): void {
  for (let i = 0; i < depths.length; i++) {
    const d = depths[i]!;
    if (!(Number.isInteger(d) && d >= 1) || (i > 0 && d <= depths[i - 1]!)) {
      throw new RangeError(`depths must be ascending integers ≥ 1, got ${depths.join(', ')}`);
    }
  }
  const stream = new NormalStream(seed);
  const layer = new Float64Array(samples);
  const sums = settings.map(() => new Float64Array(samples));
  let next = 0;
  for (let k = 1; next < depths.length; k++) {
    stream.fillAbsNormals(layer);
    settings.forEach((s, j) => accumulateLogSlopes(sums[j]!, layer, s.n, s.q));
    if (k === depths[next]) {
      atDepth(k, sums);
      next++;
    }
  }
}
