/**
 * Forward and hand-written backward pass of the fully connected network (math/network.ts), with
 * layers indexed 0..depth (depth = the linear readout):
 *   z_l = h_l·W_l + b_l,   h_{l+1} = φ(z_l),   logits = z_depth,   h_0 = x.
 * Backward, from δ_depth = ∂L/∂logits down:
 *   ∂L/∂W_l = h_lᵀ·δ_l,   ∂L/∂b_l = 1ᵀ·δ_l (Σ over the batch),   δ_{l−1} = (δ_l·W_lᵀ) ⊙ φ′(h_l).
 *
 * Every product is a plain matMul: the transposes are explicit (transpose.ts), because matMul's
 * transposeA/transposeB flags leave the wasm backend's XNNPACK path and run ~10× slower.
 */
import * as tf from '@tensorflow/tfjs';

import type { DenseActivation } from './activation';
import { transpose2d } from './transpose';

export interface DenseNetwork {
  /** W_l, [fanIn, fanOut]. */
  weights: readonly tf.Tensor2D[];
  /** b_l, [fanOut]. */
  biases: readonly tf.Tensor1D[];
  activation: DenseActivation;
}

/** The logits, and every layer's input h_0 = x, h_1, …, h_depth (for the backward pass). */
export function forward(network: DenseNetwork, x: tf.Tensor2D): { inputs: tf.Tensor2D[]; logits: tf.Tensor2D } {
  const { weights, biases, activation } = network;
  const depth = weights.length - 1;
  const inputs = [x];
  let h = x;
  for (let l = 0; l < depth; l++) {
    const z = affine(h, weights[l]!, biases[l]!, activation.fused);
    h = activation.apply(z);
    if (h !== z) z.dispose();
    inputs.push(h);
  }
  const logits = affine(h, weights[depth]!, biases[depth]!, 'linear');
  return { inputs, logits };
}

/** h·W + b (then ReLU when asked), one fused kernel. */
function affine(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: 'linear' | 'relu'): tf.Tensor2D {
  return tf.fused.matMul({ a: h, b: w, bias: b, activation }) as tf.Tensor2D;
}

/** The logits alone, freeing each hidden activation as soon as the next one exists. */
export function logitsOf(network: DenseNetwork, x: tf.Tensor2D): tf.Tensor2D {
  const { weights, biases, activation } = network;
  const depth = weights.length - 1;
  let h = x;
  for (let l = 0; l <= depth; l++) {
    const z = affine(h, weights[l]!, biases[l]!, l < depth ? activation.fused : 'linear');
    if (h !== x) h.dispose();
    h = l < depth ? activation.apply(z) : z;
    if (h !== z) z.dispose();
  }
  return h;
}

/**
 * Backpropagates `dLogits` through the layers, from the readout down, calling
 * `onGradient(l, ∂L/∂W_l, ∂L/∂b_l)` as soon as layer l's gradients exist and W_l is no longer
 * needed, so the callback may update W_l in place. The gradient tensors are disposed when the
 * callback returns. Disposes `dLogits` and `inputs[1..]` (not `inputs[0]`, the caller's x).
 */
export function backward(
  network: DenseNetwork,
  inputs: tf.Tensor2D[],
  dLogits: tf.Tensor2D,
  onGradient: (layer: number, dW: tf.Tensor2D, db: tf.Tensor1D) => void,
): void {
  const { weights, activation } = network;
  const ones = tf.ones([1, dLogits.shape[0]]) as tf.Tensor2D;
  let delta = dLogits;
  for (let l = weights.length - 1; l >= 0; l--) {
    const h = inputs[l]!;
    const hT = transpose2d(h);
    const dW: tf.Tensor2D = tf.matMul(hT, delta);
    hT.dispose();
    const db = biasGradient(ones, delta);
    let below: tf.Tensor2D | null = null;
    if (l > 0) {
      const wT = transpose2d(weights[l]!);
      const dh: tf.Tensor2D = tf.matMul(delta, wT);
      wT.dispose();
      below = activation.backward(dh, h);
      dh.dispose();
      h.dispose();
    }
    onGradient(l, dW, db);
    dW.dispose();
    db.dispose();
    delta.dispose();
    if (below) delta = below;
  }
  ones.dispose();
}

/**
 * Σ_batch δ as the product 1ᵀ·δ. Cheaper than tf.sum(δ, 0) on wasm (which transposes δ first):
 * the XNNPACK matMul caches its packed right operand by tensor, and δ was just packed for
 * ∂L/∂W = hᵀ·δ, so only the 1×B by B×fanOut product remains.
 */
function biasGradient(ones: tf.Tensor2D, delta: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.reshape(tf.matMul(ones, delta), [delta.shape[1]]));
}
