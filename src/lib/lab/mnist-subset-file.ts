/**
 * Build step (Node only): writes the lab's MNIST subset into the built site at MNIST_SUBSET.file.
 * The images are those of the site's MNIST split (Random.stream(seed, 'mnist-split') over the
 * `mnist` package's 10,000 digits): the first trainCount for training, the next testCount for test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Random } from '../math/random';
import { loadMnistRaw, MNIST_CLASSES, MNIST_IMAGE_SIZE } from '../tasks/mnist';
import { MNIST_SUBSET } from './config';
import { encodeMnistSubset, type MnistSubset } from './mnist-subset';

/** The subset, with the mean and population sd over all training pixels (float64, two passes). */
export function buildMnistSubset(options: { seed: number; trainCount: number; testCount: number } = MNIST_SUBSET): MnistSubset {
  const raw = loadMnistRaw();
  const { seed, trainCount, testCount } = options;
  const order = Random.stream(seed, 'mnist-split').shuffle(Array.from({ length: raw.count }, (_, i) => i));
  const chosen = order.slice(0, trainCount + testCount);
  const P = MNIST_IMAGE_SIZE;
  const labels = new Uint8Array(chosen.length);
  const codes = new Uint8Array(chosen.length * P);
  chosen.forEach((image, r) => {
    labels[r] = raw.labels[image]!;
    codes.set(raw.codes.subarray(image * P, (image + 1) * P), r * P);
  });
  const trainCodes = codes.subarray(0, trainCount * P);
  let sum = 0;
  for (const c of trainCodes) sum += raw.levels[c]!;
  const mean = sum / trainCodes.length;
  let squares = 0;
  for (const c of trainCodes) squares += (raw.levels[c]! - mean) ** 2;
  const sd = Math.sqrt(squares / trainCodes.length);
  return { trainCount, testCount, pixels: P, classes: MNIST_CLASSES, mean, sd, levels: raw.levels.slice(), labels, codes };
}

/** Writes the gzipped subset under `outDir`; returns its path and size in bytes. */
export function writeMnistSubset(outDir: string): { path: string; bytes: number } {
  const path = join(outDir, MNIST_SUBSET.file);
  const compressed = gzipSync(encodeMnistSubset(buildMnistSubset()), { level: 9 });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, compressed);
  return { path, bytes: compressed.length };
}
