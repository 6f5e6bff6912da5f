/**
 * The two losses, as means over the mini-batch of B examples — the definitions of math/mlp64.ts:
 *   softmax cross-entropy  L = (1/B)·Σ_b −Σ_j y_bj·log softmax(logits_b)_j,  ∂L/∂logits = (Σ_j y_bj·softmax − y)/B
 *   mean squared error     L = (1/B)·Σ_b ½‖logits_b − y_b‖²,                  ∂L/∂logits = (logits − y)/B
 * with y_b the one-hot vector of the label for label targets (then Σ_j y_bj = 1).
 *
 * Targets are either class labels (int32, [B]) or target values (float32, [B, outputs]), for
 * either loss.
 */
import * as tf from '@tensorflow/tfjs';

import type { LossKind } from '../math/network';

/** Class labels (int32, [B]) or target values (float32, [B, outputs]). */
export type Targets = tf.Tensor1D | tf.Tensor2D;

/** Throws unless `targets` fit logits of shape [batch, outputs]. */
export function checkTargets(batch: number, outputs: number, targets: Targets): void {
  const labels = targets.rank === 1 && targets.dtype === 'int32' && targets.shape[0] === batch;
  const values = targets.rank === 2 && targets.dtype === 'float32' && targets.shape[0] === batch && targets.shape[1] === outputs;
  if (!labels && !values) {
    throw new Error(`targets must be int32 labels [${batch}] or float32 values [${batch}, ${outputs}], got ${targets.dtype} [${targets.shape.join(', ')}]`);
  }
}

/** The mean loss over the batch and its gradient with respect to the logits. */
export function lossAndGradient(kind: LossKind, logits: tf.Tensor2D, targets: Targets): { loss: tf.Scalar; dLogits: tf.Tensor2D } {
  return tf.tidy(() => {
    const batch = tf.scalar(logits.shape[0]);
    const y = targetRows(targets, logits.shape[1]);
    if (kind === 'softmax-cross-entropy') {
      const logProbabilities = logSoftmax(logits);
      const loss = tf.div(tf.neg(tf.sum(tf.mul(y, logProbabilities))), batch) as tf.Scalar;
      const probabilities = tf.exp(logProbabilities);
      // Σ_j y_bj = 1 for labels; soft targets may carry another mass.
      const weighted = targets.rank === 1 ? probabilities : tf.mul(tf.sum(y, 1, true), probabilities);
      return { loss, dLogits: tf.div(tf.sub(weighted, y), batch) as tf.Tensor2D };
    }
    const residual = tf.sub(logits, y);
    const loss = tf.div(tf.sum(tf.square(residual)), tf.mul(batch, 2)) as tf.Scalar;
    return { loss, dLogits: tf.div(residual, batch) as tf.Tensor2D };
  });
}

/**
 * Summed (not mean) loss over the rows and, for label targets, the number of rows whose argmax
 * of the logits is the label (null for value targets, as in mlp64).
 */
export function lossSumAndCorrect(kind: LossKind, logits: tf.Tensor2D, targets: Targets): { lossSum: tf.Scalar; correct: tf.Scalar | null } {
  const lossSum = tf.tidy(() => {
    const y = targetRows(targets, logits.shape[1]);
    return kind === 'softmax-cross-entropy'
      ? (tf.neg(tf.sum(tf.mul(y, logSoftmax(logits)))) as tf.Scalar)
      : (tf.div(tf.sum(tf.square(tf.sub(logits, y))), 2) as tf.Scalar);
  });
  const correct =
    targets.rank === 1 ? tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), targets), 'float32')) as tf.Scalar) : null;
  return { lossSum, correct };
}

/**
 * y as rows: the one-hot encoding of labels, or the values themselves. (One-hot as int32, then
 * cast: the wasm OneHot kernel asked for float32 writes int32 bit patterns, i.e. 1 → 1.4e-45.)
 */
function targetRows(targets: Targets, outputs: number): tf.Tensor2D {
  return targets.rank === 1 ? (tf.cast(tf.oneHot(targets as tf.Tensor1D, outputs), 'float32') as tf.Tensor2D) : (targets as tf.Tensor2D);
}

/** log softmax along the last axis, shifted by the row maximum so exp never overflows. */
function logSoftmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 1, true));
    return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)));
  });
}
