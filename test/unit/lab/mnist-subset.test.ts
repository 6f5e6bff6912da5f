// The lab's MNIST subset: encode → gzip → gunzip → decode gives back the same images; inputs are
// globally standardised (one mean and sd over all training pixels: mean 0, mean square 1 over the
// training split), and the images are the site's MNIST split order.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { loadMnistRaw } from '../../../src/lib/tasks/mnist';
import { Random } from '../../../src/lib/math/random';
import { buildMnistSubset } from '../../../src/lib/lab/mnist-subset-file';
import { decodeMnistSubset, encodeMnistSubset, gunzip, mnistLabData } from '../../../src/lib/lab/mnist-subset';

describe('the lab MNIST subset', () => {
  const subset = buildMnistSubset({ seed: 1, trainCount: 300, testCount: 50 });

  it('round-trips through its binary format and gzip', async () => {
    const decoded = decodeMnistSubset(await gunzip(gzipSync(encodeMnistSubset(subset))));
    expect(decoded).toEqual(subset);
  });

  it('holds the first images of the site’s seeded split, with their labels', () => {
    const raw = loadMnistRaw();
    const order = Random.stream(1, 'mnist-split').shuffle(Array.from({ length: raw.count }, (_, i) => i));
    expect(Array.from(subset.labels)).toEqual(order.slice(0, 350).map((i) => raw.labels[i]));
    expect(Array.from(subset.codes.subarray(784 * 5, 784 * 6))).toEqual(Array.from(raw.codes.subarray(784 * order[5]!, 784 * (order[5]! + 1))));
  });

  it('is globally standardised over the training pixels', () => {
    const data = mnistLabData(subset);
    let sum = 0;
    let squares = 0;
    for (const v of data.train.x) {
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / data.train.x.length)).toBeLessThan(1e-6);
    expect(squares / data.train.x.length).toBeCloseTo(1, 5);
    // One affine map for every pixel: a blank pixel is the same value everywhere.
    expect(new Set(Array.from(data.train.x).filter((_, i) => subset.codes[i] === 0)).size).toBe(1);
  });

  it('refuses a file that is not a subset', () => {
    expect(() => decodeMnistSubset(new Uint8Array(3000))).toThrow(/magic/);
    const bytes = encodeMnistSubset(subset);
    expect(() => decodeMnistSubset(bytes.subarray(0, bytes.length - 1))).toThrow(/bytes, expected/);
  });
});
