/**
 * Matrix transpose, blocked where the wasm backend's own kernel is slow.
 *
 * The wasm Transpose kernel reads the input row by row and writes each element one output row
 * (= `rows` floats) further on. When `rows` is a multiple of 128 that stride is a multiple of
 * 512 bytes, the stores fall into a handful of cache sets and evict each other: 256×256 takes
 * ≈ 190 µs (0.34 G elements/s) against ≈ 2 G elements/s for awkward sizes like 784 rows. Done in
 * two passes through 3-D views — transpose each band of 16 rows, [R/16, 16, C] → [R/16, C, 16]
 * (stores 64 bytes apart), then move the 16-float runs, [R/16, C, 16] → [C, R/16, 16] — it is
 * bit-identical and ~4× faster there (256×256: ≈ 45 µs), but slower for other sizes (two
 * kernel calls; measured on this machine, see scripts/bench.ts), which keep the plain kernel, as
 * do the other backends.
 */
import * as tf from '@tensorflow/tfjs';

const BAND = 16;

/** xᵀ. */
export function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  const [rows, cols] = x.shape;
  if (rows % 128 !== 0 || cols < 32 || tf.getBackend() !== 'wasm') return tf.transpose(x);
  return tf.tidy(() => {
    const bands = tf.transpose(tf.reshape(x, [rows / BAND, BAND, cols]), [0, 2, 1]);
    return tf.reshape(tf.transpose(bands, [1, 0, 2]), [cols, rows]);
  });
}
