/**
 * The common shape of every training task (MNIST, teacher–student, …), the seeded mini-batch
 * order for SGD, and gathering a mini-batch into preallocated buffers.
 *
 * Pure TypeScript, no Node or browser APIs: safe to import anywhere.
 */
import { Random } from '../math/random';

/** One split of a task: `count` examples, row-major. */
export interface Split {
  /** Inputs, row-major [count × inputSize]. */
  x: Float32Array;
  /** Class indices in [0, outputSize), for classification. */
  labels?: Int32Array;
  /** Targets, row-major [count × outputSize], for regression. */
  targets?: Float32Array;
  count: number;
}

export interface TaskData {
  name: string;
  inputSize: number;
  outputSize: number;
  kind: 'classification' | 'regression';
  train: Split;
  test: Split;
  /** Provenance: source, split sizes, seed, preprocessing. */
  description: string;
}

/** A gathered mini-batch: the same layout as a Split, `count` rows. */
export interface Batch {
  x: Float32Array;
  labels?: Int32Array;
  targets?: Float32Array;
  count: number;
}

/**
 * What to do with the last `count mod batchSize` examples of an epoch's shuffled order:
 * - `drop` (default): leave them out, so every step sees exactly `batchSize` examples (constant
 *   gradient-noise scale, constant tensor shapes). The order is reshuffled every epoch, so which
 *   examples are left out changes from epoch to epoch; over many epochs every example is used
 *   equally often in expectation.
 * - `partial`: keep them as a final, smaller batch, so every epoch visits every example exactly once.
 * When `batchSize` divides `count` the two agree: each epoch is a permutation of all indices.
 */
export type Remainder = 'drop' | 'partial';

/** The order in which epoch `epoch` visits the `count` examples: a permutation of 0..count−1. */
export function epochPermutation(count: number, seed: number, epoch: number): Int32Array {
  requireCount('count', count, 0);
  if (!Number.isInteger(epoch) || epoch < 0) throw new RangeError(`epoch must be an integer ≥ 0, got ${epoch}`);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Fisher–Yates, the same algorithm as Random.shuffle, on a typed array.
  const rng = Random.stream(seed, `batches:${epoch}`);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Number of batches per epoch under the given remainder policy. */
export function batchesPerEpoch(count: number, batchSize: number, remainder: Remainder = 'drop'): number {
  return remainder === 'drop' ? Math.floor(count / batchSize) : Math.ceil(count / batchSize);
}

/**
 * The mini-batches of epoch `epoch`: consecutive slices (subarray views of one Int32Array) of
 * `epochPermutation(count, seed, epoch)`, reshuffled every epoch from `Random.stream(seed,
 * 'batches:' + epoch)`. Deterministic in (count, batchSize, seed, epoch, remainder). See `Remainder`
 * for what happens to the last `count mod batchSize` examples.
 */
export function batchIndices(
  count: number,
  batchSize: number,
  seed: number,
  epoch: number,
  remainder: Remainder = 'drop',
): Int32Array[] {
  validateBatching(count, batchSize, remainder);
  const order = epochPermutation(count, seed, epoch);
  const n = batchesPerEpoch(count, batchSize, remainder);
  const batches: Int32Array[] = [];
  for (let b = 0; b < n; b++) batches.push(order.subarray(b * batchSize, Math.min((b + 1) * batchSize, count)));
  return batches;
}

/** `batchIndices` bound to one split size, batch size and seed. */
export class BatchSampler {
  readonly batchesPerEpoch: number;

  constructor(
    readonly count: number,
    readonly batchSize: number,
    readonly seed: number,
    readonly remainder: Remainder = 'drop',
  ) {
    validateBatching(count, batchSize, remainder);
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.batchesPerEpoch = batchesPerEpoch(count, batchSize, remainder);
  }

  /** The batches of one epoch (0-based). */
  epoch(epoch: number): Int32Array[] {
    return batchIndices(this.count, this.batchSize, this.seed, epoch, this.remainder);
  }
}

/** Buffers for mini-batches of up to `capacity` rows of `split` (reuse them across steps). */
export function allocateBatch(split: Split, capacity: number): Batch {
  requireCount('capacity', capacity, 1);
  const inputSize = rowSize(split.x.length, split.count, 'x');
  const batch: Batch = { x: new Float32Array(capacity * inputSize), count: capacity };
  if (split.labels) batch.labels = new Int32Array(capacity);
  if (split.targets) batch.targets = new Float32Array(capacity * rowSize(split.targets.length, split.count, 'targets'));
  return batch;
}

/**
 * Copies rows `indices` of `split` into `out` (from `allocateBatch`; allocated here when omitted)
 * and returns a Batch of views of length `indices.length` onto out's buffers — no allocation
 * beyond the small result object when `out` is given.
 */
export function gather(split: Split, indices: ArrayLike<number>, out?: Batch): Batch {
  const n = indices.length;
  const buffers = out ?? allocateBatch(split, Math.max(n, 1));
  if (n > buffers.count) throw new RangeError(`gather: ${n} indices but the batch buffers hold ${buffers.count} rows`);
  const inputSize = rowSize(split.x.length, split.count, 'x');
  const x = buffers.x.subarray(0, n * inputSize);
  for (let r = 0; r < n; r++) {
    const i = checkIndex(indices[r]!, split.count);
    x.set(split.x.subarray(i * inputSize, (i + 1) * inputSize), r * inputSize);
  }
  const batch: Batch = { x, count: n };
  if (split.labels) {
    if (!buffers.labels) throw new Error('gather: split has labels but the batch buffers do not');
    const labels = buffers.labels.subarray(0, n);
    for (let r = 0; r < n; r++) labels[r] = split.labels[indices[r]!]!;
    batch.labels = labels;
  }
  if (split.targets) {
    if (!buffers.targets) throw new Error('gather: split has targets but the batch buffers do not');
    const outputSize = rowSize(split.targets.length, split.count, 'targets');
    const targets = buffers.targets.subarray(0, n * outputSize);
    for (let r = 0; r < n; r++) {
      const i = indices[r]!;
      targets.set(split.targets.subarray(i * outputSize, (i + 1) * outputSize), r * outputSize);
    }
    batch.targets = targets;
  }
  return batch;
}

function validateBatching(count: number, batchSize: number, remainder: Remainder): void {
  requireCount('count', count, 1);
  requireCount('batchSize', batchSize, 1);
  if (remainder !== 'drop' && remainder !== 'partial') throw new RangeError(`remainder must be 'drop' or 'partial', got ${String(remainder)}`);
  if (remainder === 'drop' && batchSize > count) {
    throw new RangeError(`batchSize (${batchSize}) > count (${count}) with remainder 'drop' leaves no batches`);
  }
}

function rowSize(length: number, count: number, what: string): number {
  if (count <= 0) throw new RangeError(`split has count ${count}`);
  const size = length / count;
  if (!Number.isInteger(size)) throw new RangeError(`${what}.length (${length}) is not a multiple of count (${count})`);
  return size;
}

function checkIndex(i: number, count: number): number {
  if (!(Number.isInteger(i) && i >= 0 && i < count)) throw new RangeError(`index ${i} out of range [0, ${count})`);
  return i;
}

function requireCount(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}
