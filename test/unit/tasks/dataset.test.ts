import { describe, expect, it } from 'vitest';
import {
  allocateBatch,
  BatchSampler,
  batchesPerEpoch,
  batchIndices,
  epochPermutation,
  gather,
  type Split,
} from '../../../src/lib/tasks/dataset';

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const flat = (batches: Int32Array[]) => batches.flatMap((b) => Array.from(b));

describe('mini-batch order', () => {
  it('each epoch is a permutation of all indices when the batch size divides the count', () => {
    for (let epoch = 0; epoch < 5; epoch++) {
      const batches = batchIndices(120, 8, 3, epoch);
      expect(batches).toHaveLength(15);
      for (const b of batches) expect(b).toHaveLength(8);
      expect(sorted(flat(batches))).toEqual(range(120));
    }
  });

  it('is deterministic, differs between epochs and between seeds', () => {
    expect(flat(batchIndices(100, 10, 3, 2))).toEqual(flat(batchIndices(100, 10, 3, 2)));
    expect(flat(batchIndices(100, 10, 3, 2))).not.toEqual(flat(batchIndices(100, 10, 3, 3)));
    expect(flat(batchIndices(100, 10, 3, 2))).not.toEqual(flat(batchIndices(100, 10, 4, 2)));
    expect(Array.from(epochPermutation(100, 3, 2))).toEqual(flat(batchIndices(100, 10, 3, 2)));
    expect(Array.from(epochPermutation(100, 3, 0))).not.toEqual(range(100));
  });

  it("remainder 'drop' (default): only full batches; the left-out examples change with the epoch", () => {
    expect(batchesPerEpoch(10, 4)).toBe(2);
    const left = new Set<string>();
    const used = new Set<number>();
    for (let epoch = 0; epoch < 20; epoch++) {
      const batches = batchIndices(10, 4, 9, epoch);
      expect(batches.map((b) => b.length)).toEqual([4, 4]);
      const seen = flat(batches);
      expect(new Set(seen).size).toBe(8); // no repeats within an epoch
      seen.forEach((i) => used.add(i));
      const permutation = Array.from(epochPermutation(10, 9, epoch));
      expect(permutation.slice(0, 8)).toEqual(seen); // the last count mod batchSize are dropped
      left.add(sorted(permutation.slice(8)).join(','));
    }
    expect(left.size).toBeGreaterThan(1);
    expect(sorted([...used])).toEqual(range(10));
    expect(() => batchIndices(3, 4, 1, 0)).toThrow(RangeError);
  });

  it("remainder 'partial': a final short batch, so every epoch is still a permutation", () => {
    expect(batchesPerEpoch(10, 4, 'partial')).toBe(3);
    const batches = batchIndices(10, 4, 9, 0, 'partial');
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(sorted(flat(batches))).toEqual(range(10));
    expect(batchIndices(3, 4, 1, 0, 'partial').map((b) => b.length)).toEqual([3]);
  });

  it('BatchSampler wraps the same order', () => {
    const s = new BatchSampler(50, 5, 11);
    expect(s.batchesPerEpoch).toBe(10);
    expect(flat(s.epoch(4))).toEqual(flat(batchIndices(50, 5, 11, 4)));
    expect(() => new BatchSampler(50, 0, 11)).toThrow(RangeError);
  });
});

describe('gather', () => {
  const split: Split = {
    x: Float32Array.from(range(5 * 3), (v) => v + 0.5), // row i = [3i + 0.5, 3i + 1.5, 3i + 2.5]
    labels: Int32Array.from([0, 1, 2, 3, 4]),
    targets: Float32Array.from(range(5 * 2), (v) => -v), // row i = [−2i, −2i − 1]
    count: 5,
  };

  it('copies the requested rows into preallocated buffers', () => {
    const buffers = allocateBatch(split, 3);
    const batch = gather(split, [4, 0, 2], buffers);
    expect(Array.from(batch.x)).toEqual([12.5, 13.5, 14.5, 0.5, 1.5, 2.5, 6.5, 7.5, 8.5]);
    expect(Array.from(batch.labels!)).toEqual([4, 0, 2]);
    expect(Array.from(batch.targets!)).toEqual([-8, -9, -0, -1, -4, -5]);
    expect(batch.count).toBe(3);
    expect(batch.x.buffer).toBe(buffers.x.buffer); // no new memory
    // A short (remainder) batch: views of the first rows of the same buffers.
    const short = gather(split, Int32Array.from([1]), buffers);
    expect(Array.from(short.x)).toEqual([3.5, 4.5, 5.5]);
    expect(short.labels).toHaveLength(1);
    expect(short.x.buffer).toBe(buffers.x.buffer);
    expect(() => gather(split, [0, 1, 2, 3], buffers)).toThrow(RangeError);
    expect(() => gather(split, [5], buffers)).toThrow(RangeError);
  });

  it('allocates when no buffers are given, and omits what the split lacks', () => {
    const batch = gather({ x: split.x, labels: split.labels!, count: 5 }, [3]);
    expect(Array.from(batch.x)).toEqual([9.5, 10.5, 11.5]);
    expect(batch.targets).toBeUndefined();
  });
});
