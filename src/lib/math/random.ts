/**
 * Seeded random numbers for everything the site samples (initial weights, data splits,
 * mini-batches, Monte Carlo). One algorithm (xoroshiro128+ from pure-rand), one seed → one
 * stream, identical on every machine and in every worker.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export class Random {
  private spare: number | null = null;

  private constructor(private readonly rng: RandomGenerator) {}

  /** A generator for `seed` (a 32-bit integer; the same seed always gives the same stream). */
  static fromSeed(seed: number): Random {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    // xoroshiro128+ seeded with a small integer starts from a state with few set bits and
    // gives correlated first outputs (seed 1 → 0.99999998…): scramble the seed, then warm up.
    const rng = xoroshiro128plus(avalanche(seed));
    for (let i = 0; i < 16; i++) rng.next();
    return new Random(rng);
  }

  /**
   * An independent stream derived from `seed` and a label, e.g. `Random.stream(7, 'init')`
   * vs `Random.stream(7, 'batches')`: changing how many numbers one consumer draws never
   * shifts what another sees.
   */
  static stream(seed: number, label: string): Random {
    return Random.fromSeed(mixSeed(seed, label));
  }

  /** Uniform on [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`int(n): n must be a positive integer, got ${n}`);
    return uniformInt(this.rng, 0, n - 1);
  }

  /** Standard normal, by the Box–Muller transform (pairs cached). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    // 1 − u avoids log(0); u ∈ [0, 1) so 1 − u ∈ (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const theta = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Fills `out` with independent N(0, sd²) draws. */
  fillNormal(out: Float64Array, sd = 1): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = sd * this.normal();
    return out;
  }

  /** Fisher–Yates shuffle, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** A 32-bit seed from a seed and a label (FNV-1a over the label, mixed with the seed). */
export function mixSeed(seed: number, label: string): number {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** murmur3's fmix32: every input bit affects every output bit, so nearby seeds diverge. */
function avalanche(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
