import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, loadMnistRaw, MNIST_ATTRIBUTION, type MnistTaskData } from '../../../src/lib/tasks/mnist';

const P = 784;
const EXPECTED_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** The package's files, parsed here independently of the loader: images[i] in package order. */
function readPackageDirectly(): { images: number[][]; labels: number[] } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  const images: number[][] = [];
  const labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    const data = (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data;
    for (let i = 0; i < data.length / P; i++) {
      images.push(data.slice(i * P, (i + 1) * P));
      labels.push(d);
    }
  }
  return { images, labels };
}

function rowHash(x: Float32Array, r: number): string {
  return createHash('sha1').update(new Uint8Array(x.buffer, x.byteOffset + r * P * 4, P * 4)).digest('hex');
}

function bytes(a: Float32Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

let direct: { images: number[][]; labels: number[] };
let a: MnistTaskData;
let perPixel: MnistTaskData;

beforeAll(() => {
  direct = readPackageDirectly();
  a = loadMnist({ seed: 1 });
  perPixel = loadMnist({ seed: 1, standardise: 'per-pixel' });
});

describe('MNIST raw digits', () => {
  it('10,000 images, per-digit counts as found in the package, values in [0, 1]', () => {
    expect(direct.images).toHaveLength(10_000);
    const counts = new Array<number>(10).fill(0);
    for (const l of direct.labels) counts[l]! += 1;
    expect(counts).toEqual(EXPECTED_COUNTS);
    let min = Infinity;
    let max = -Infinity;
    const levels = new Set<number>();
    for (const img of direct.images) {
      expect(img).toHaveLength(P);
      for (const v of img) {
        if (v < min) min = v;
        if (v > max) max = v;
        levels.add(v);
      }
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    expect(levels.size).toBe(256);
  });

  it('the loader reproduces the files exactly, and caches', () => {
    const raw = loadMnistRaw();
    expect(raw.count).toBe(10_000);
    expect(raw.countsPerDigit).toEqual(EXPECTED_COUNTS);
    expect(Array.from(raw.labels)).toEqual(direct.labels);
    for (let i = 0; i < raw.count; i += 97) {
      const img = direct.images[i]!;
      for (let p = 0; p < P; p++) expect(raw.levels[raw.codes[i * P + p]!]).toBe(img[p]);
    }
    expect(loadMnistRaw()).toBe(raw);
    expect(raw.loadMs).toBeGreaterThan(0);
  });

  it('no two images in the package are identical (so content hashes identify images)', () => {
    const hashes = new Set(direct.images.map((img) => createHash('sha1').update(img.join(',')).digest('hex')));
    expect(hashes.size).toBe(10_000);
  });

  it('attribution names the authors and the licence situation', () => {
    for (const s of ['Yann LeCun', 'Corinna Cortes', 'Burges', 'MIT', 'Attribution-Share Alike 3.0']) expect(MNIST_ATTRIBUTION).toContain(s);
    expect(a.description).toContain(MNIST_ATTRIBUTION);
  });
});

describe('MNIST split', () => {
  it('has the requested sizes and shapes', () => {
    expect(a.inputSize).toBe(784);
    expect(a.outputSize).toBe(10);
    expect(a.kind).toBe('classification');
    expect(a.train.count).toBe(8000);
    expect(a.test.count).toBe(2000);
    expect(a.train.x).toHaveLength(8000 * P);
    expect(a.test.x).toHaveLength(2000 * P);
    expect(a.train.labels).toHaveLength(8000);
    expect(a.test.labels).toHaveLength(2000);
    expect(a.description).toMatch(/seed 1\b/);
    expect(a.description).toContain('8,000');
    const small = loadMnist({ seed: 1, trainCount: 1000, testCount: 500 });
    expect(small.train.count).toBe(1000);
    expect(small.test.x).toHaveLength(500 * P);
    expect(() => loadMnist({ seed: 1, trainCount: 9000, testCount: 2000 })).toThrow(RangeError);
  });

  it('train and test are disjoint by image content, and together cover all 10,000 images', () => {
    // Train and test use the same per-pixel affine map, so equal raw images give equal rows.
    const train = new Set(Array.from({ length: a.train.count }, (_, r) => rowHash(a.train.x, r)));
    const test = new Set(Array.from({ length: a.test.count }, (_, r) => rowHash(a.test.x, r)));
    expect(train.size).toBe(8000);
    expect(test.size).toBe(2000);
    for (const h of test) expect(train.has(h)).toBe(false);
    expect(new Set([...a.trainSource, ...a.testSource]).size).toBe(10_000);
  });

  it('labels match the images they came from, and all 10 digits are in both splits', () => {
    for (let r = 0; r < a.train.count; r++) expect(a.train.labels![r]).toBe(direct.labels[a.trainSource[r]!]);
    for (let r = 0; r < a.test.count; r++) expect(a.test.labels![r]).toBe(direct.labels[a.testSource[r]!]);
    expect(new Set(a.train.labels).size).toBe(10);
    expect(new Set(a.test.labels).size).toBe(10);
  });

  it('same seed → byte-identical arrays; another seed → another split', () => {
    const again = loadMnist({ seed: 1 });
    expect(bytes(again.train.x).equals(bytes(a.train.x))).toBe(true);
    expect(bytes(again.test.x).equals(bytes(a.test.x))).toBe(true);
    expect(bytes(again.train.labels!).equals(bytes(a.train.labels!))).toBe(true);
    expect(bytes(again.test.labels!).equals(bytes(a.test.labels!))).toBe(true);
    const other = loadMnist({ seed: 2 });
    expect(bytes(other.train.labels!).equals(bytes(a.train.labels!))).toBe(false);
    const testA = new Set(a.testSource);
    const overlap = Array.from(other.testSource).filter((i) => testA.has(i)).length;
    // Two random 2,000-subsets of 10,000 share ~400 images; identical would be 2,000.
    expect(overlap).toBeGreaterThan(250);
    expect(overlap).toBeLessThan(550);
  });
});

describe('MNIST global standardisation (the default)', () => {
  /** Mean and population sd of every raw training pixel, pooled, in float64, from the files. */
  function pooledStats(): { mean: number; sd: number } {
    let s = 0;
    for (const i of a.trainSource) for (const v of direct.images[i]!) s += v;
    const mean = s / (a.train.count * P);
    let q = 0;
    for (const i of a.trainSource) for (const v of direct.images[i]!) q += (v - mean) ** 2;
    return { mean, sd: Math.sqrt(q / (a.train.count * P)) };
  }

  it('one mean and one sd over all training pixels, applied to both splits', () => {
    expect(a.standardise).toBe('global');
    const { mean, sd } = pooledStats();
    expect(new Set(a.pixelMean).size).toBe(1);
    expect(new Set(a.pixelScale).size).toBe(1);
    expect(a.pixelMean[0]).toBeCloseTo(mean, 12);
    expect(a.pixelScale[0]).toBeCloseTo(sd, 10); // 6.3 million terms summed in another order
    let maxError = 0;
    for (const [split, source] of [[a.train, a.trainSource], [a.test, a.testSource]] as const) {
      for (let r = 0; r < split.count; r += 13) {
        const img = direct.images[source[r]!]!;
        for (let p = 0; p < P; p++) maxError = Math.max(maxError, Math.abs(split.x[r * P + p]! - (img[p]! - mean) / sd));
      }
    }
    expect(maxError).toBeLessThan(1e-5);
    expect(a.description).toContain('one mean and one population sd over all training pixels');
  });

  it('keeps every input small: at most (1 − mean)/sd < 4, where per-pixel gives inputs above 80', () => {
    const largest = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const bound = (1 - a.pixelMean[0]!) / a.pixelScale[0]!;
    expect(bound).toBeLessThan(4);
    expect(largest(a.train.x)).toBeLessThanOrEqual(bound + 1e-5);
    expect(largest(a.test.x)).toBeLessThanOrEqual(bound + 1e-5);
    expect(largest(perPixel.train.x)).toBeGreaterThan(80);
  });

  it('refuses an unknown standardisation, naming the choices', () => {
    expect(() => loadMnist({ seed: 1, standardise: 'pixel' as never })).toThrow(/global, per-pixel/);
  });
});

describe('MNIST per-pixel standardisation (the sensitivity check)', () => {
  /** Mean and population sd of raw pixel p over the training images, in float64, from the files. */
  function trainStats(p: number): { mean: number; sd: number } {
    let s = 0;
    for (const i of a.trainSource) s += direct.images[i]![p]!;
    const mean = s / a.train.count;
    let v = 0;
    for (const i of a.trainSource) v += (direct.images[i]![p]! - mean) ** 2;
    return { mean, sd: Math.sqrt(v / a.train.count) };
  }

  it('training split: per-pixel mean ≈ 0 and sd ≈ 1 where the pixel varies; exactly 0 where it does not', () => {
    let varying = 0;
    let constant = 0;
    let nonZeroAtConstant = 0;
    let worstMean = 0;
    let worstSd = 0;
    for (let p = 0; p < P; p++) {
      let s = 0;
      let s2 = 0;
      let allSame = true;
      const first = direct.images[a.trainSource[0]!]![p]!;
      for (const i of a.trainSource) if (direct.images[i]![p] !== first) allSame = false;
      for (let r = 0; r < a.train.count; r++) s += perPixel.train.x[r * P + p]!;
      const mean = s / a.train.count;
      for (let r = 0; r < a.train.count; r++) s2 += (perPixel.train.x[r * P + p]! - mean) ** 2;
      const sd = Math.sqrt(s2 / a.train.count);
      if (allSame) {
        constant++;
        for (let r = 0; r < a.train.count; r++) if (!Object.is(perPixel.train.x[r * P + p], 0)) nonZeroAtConstant++;
      } else {
        varying++;
        worstMean = Math.max(worstMean, Math.abs(mean));
        worstSd = Math.max(worstSd, Math.abs(sd - 1));
      }
    }
    expect(nonZeroAtConstant).toBe(0);
    expect(worstMean).toBeLessThan(1e-5);
    expect(worstSd).toBeLessThan(1e-5);
    expect(constant).toBe(perPixel.constantPixels);
    expect(constant).toBeGreaterThan(50); // the empty border
    expect(varying + constant).toBe(P);
    expect(perPixel.description).toContain(`${perPixel.constantPixels} pixels constant over the training split`);
  });

  it('test split uses the TRAINING statistics (one pixel by hand, then all pixels)', () => {
    const p = 14 * 28 + 14; // the centre pixel
    const { mean, sd } = trainStats(p);
    expect(sd).toBeGreaterThan(0.1);
    const r = 0;
    const rawValue = direct.images[a.testSource[r]!]![p]!;
    expect(perPixel.test.x[r * P + p]).toBeCloseTo((rawValue - mean) / sd, 6);
    // The test split's own statistics would centre it exactly; the training ones do not.
    let s = 0;
    for (let i = 0; i < perPixel.test.count; i++) s += perPixel.test.x[i * P + p]!;
    expect(Math.abs(s / perPixel.test.count)).toBeGreaterThan(1e-4);

    // Every test value against the independent statistics.
    let maxError = 0;
    for (let q = 0; q < P; q++) {
      const st = trainStats(q);
      const divisor = st.sd > 0 ? st.sd : 1;
      for (let i = 0; i < perPixel.test.count; i += 7) {
        const expected = (direct.images[a.testSource[i]!]![q]! - st.mean) / divisor;
        maxError = Math.max(maxError, Math.abs(perPixel.test.x[i * P + q]! - expected) / Math.max(1, Math.abs(expected)));
      }
    }
    expect(maxError).toBeLessThan(1e-6);
  });
});
