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
import { LAYER_NORM_EPSILON } from '../math/network';
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

/**
 * The options of math/network.ts — residual hidden layers and LayerNorm before φ — with the
 * same hand-written structure (explicit transposes, plain matMuls). Layer k (0-based hidden
 * index) computes z_k = h_k·W_k + b_k, u_k = LN(z_k) (or z_k), a_k = φ(u_k), and
 * h_{k+1} = h_k + α·a_k when it has a skip (residual, k ≥ 1), else a_k. Backward, with
 * g = ∂L/∂h_{k+1}:  ∂L/∂a_k = (α or 1)·g,  ∂L/∂u_k = ∂L/∂a_k ⊙ φ′ (from a_k),
 * ∂L/∂z_k = r·(∂L/∂u − mean(∂L/∂u) − u·mean(∂L/∂u ⊙ u)) (LayerNorm, means over the width,
 * r = 1/√(var + ε)),  ∂L/∂h_k = ∂L/∂z_k·W_kᵀ (+ g through the skip).
 * The plain network never comes here (forward/backward above stay as they were).
 */
export interface NetworkOptions {
  /** α of the residual branch; null: no skips. */
  residualScale: number | null;
  layerNorm: boolean;
}

interface LayerCache {
  /** a_k = φ(u_k) (may be the same tensor as h_{k+1}). */
  a: tf.Tensor2D;
  /** u_k and r_k (LayerNorm only). */
  u: tf.Tensor2D | null;
  invStd: tf.Tensor2D | null;
}

export interface GeneralForward {
  inputs: tf.Tensor2D[];
  caches: LayerCache[];
  logits: tf.Tensor2D;
}

/** One hidden layer with the options; returns the layer output and what backward needs. */
function hiddenLayer(network: DenseNetwork, options: NetworkOptions, k: number, h: tf.Tensor2D, alpha: tf.Scalar | null): { out: tf.Tensor2D; cache: LayerCache } {
  const { weights, biases, activation } = network;
  const z = affine(h, weights[k]!, biases[k]!, options.layerNorm ? 'linear' : activation.fused);
  let u: tf.Tensor2D | null = null;
  let invStd: tf.Tensor2D | null = null;
  let a: tf.Tensor2D;
  if (options.layerNorm) {
    ({ u, invStd } = layerNorm(z));
    z.dispose();
    // ReLU's apply is the identity (the matMul fuses it), and here the matMul ran linear.
    a = activation.fused === 'relu' ? (tf.relu(u) as tf.Tensor2D) : activation.apply(u);
  } else {
    a = activation.apply(z);
    if (a !== z) z.dispose();
  }
  const skip = options.residualScale !== null && k >= 1;
  const out = skip ? tf.tidy(() => (alpha ? tf.add(h, tf.mul(a, alpha)) : tf.add(h, a)) as tf.Tensor2D) : a;
  return { out, cache: { a, u, invStd } };
}

/** Forward with the options, keeping every layer input and cache for `backwardWithOptions`. */
export function forwardWithOptions(network: DenseNetwork, options: NetworkOptions, x: tf.Tensor2D): GeneralForward {
  const depth = network.weights.length - 1;
  const alpha = options.residualScale !== null && options.residualScale !== 1 ? tf.scalar(options.residualScale) : null;
  const inputs = [x];
  const caches: LayerCache[] = [];
  let h = x;
  for (let k = 0; k < depth; k++) {
    const { out, cache } = hiddenLayer(network, options, k, h, alpha);
    caches.push(cache);
    inputs.push(out);
    h = out;
  }
  alpha?.dispose();
  const logits = affine(h, network.weights[depth]!, network.biases[depth]!, 'linear');
  return { inputs, caches, logits };
}

/** The logits alone with the options, freeing each layer as soon as the next exists. */
export function logitsWithOptions(network: DenseNetwork, options: NetworkOptions, x: tf.Tensor2D): tf.Tensor2D {
  const depth = network.weights.length - 1;
  const alpha = options.residualScale !== null && options.residualScale !== 1 ? tf.scalar(options.residualScale) : null;
  let h = x;
  for (let k = 0; k < depth; k++) {
    const { out, cache } = hiddenLayer(network, options, k, h, alpha);
    if (cache.a !== out) cache.a.dispose();
    cache.u?.dispose();
    cache.invStd?.dispose();
    if (h !== x) h.dispose();
    h = out;
  }
  alpha?.dispose();
  const logits = affine(h, network.weights[depth]!, network.biases[depth]!, 'linear');
  if (h !== x) h.dispose();
  return logits;
}

/** As `backward`, for a forward pass made by `forwardWithOptions`; disposes what it made. */
export function backwardWithOptions(
  network: DenseNetwork,
  options: NetworkOptions,
  forwardPass: GeneralForward,
  dLogits: tf.Tensor2D,
  onGradient: (layer: number, dW: tf.Tensor2D, db: tf.Tensor1D) => void,
): void {
  const { weights, activation } = network;
  const { inputs, caches } = forwardPass;
  const alpha = options.residualScale !== null && options.residualScale !== 1 ? tf.scalar(options.residualScale) : null;
  const ones = tf.ones([1, dLogits.shape[0]]) as tf.Tensor2D;
  let delta = dLogits;
  let carry: tf.Tensor2D | null = null; // ∂L/∂h_{l}, passed down the skip of layer l − 1
  for (let l = weights.length - 1; l >= 0; l--) {
    const h = inputs[l]!;
    const hT = transpose2d(h);
    const dW: tf.Tensor2D = tf.matMul(hT, delta);
    hT.dispose();
    const db = biasGradient(ones, delta);
    let below: tf.Tensor2D | null = null;
    if (l > 0) {
      const wT = transpose2d(weights[l]!);
      let g: tf.Tensor2D = tf.matMul(delta, wT);
      wT.dispose();
      if (carry) {
        const sum = tf.add(g, carry) as tf.Tensor2D;
        g.dispose();
        carry.dispose();
        g = sum;
      }
      const k = l - 1;
      const skip = options.residualScale !== null && k >= 1;
      const { a, u, invStd } = caches[k]!;
      const ga = skip && alpha ? (tf.mul(g, alpha) as tf.Tensor2D) : g;
      let d = activation.backward(ga, a);
      if (ga !== g) ga.dispose();
      if (u && invStd) {
        const dz = layerNormBackward(d, u, invStd);
        d.dispose();
        d = dz;
        u.dispose();
        invStd.dispose();
      }
      if (a !== h) a.dispose();
      h.dispose();
      if (skip) carry = g;
      else g.dispose();
      below = d;
    }
    onGradient(l, dW, db);
    dW.dispose();
    db.dispose();
    delta.dispose();
    if (below) delta = below;
  }
  ones.dispose();
  alpha?.dispose();
}

/** u = (z − mean)·r, r = 1/√(var + ε), per row (population variance over the width). */
function layerNorm(z: tf.Tensor2D): { u: tf.Tensor2D; invStd: tf.Tensor2D } {
  return tf.tidy(() => {
    const centred = tf.sub(z, tf.mean(z, 1, true));
    const invStd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), 1, true), tf.scalar(LAYER_NORM_EPSILON))) as tf.Tensor2D;
    return { u: tf.mul(centred, invStd) as tf.Tensor2D, invStd };
  });
}

/** ∂L/∂z = r·(∂L/∂u − mean(∂L/∂u) − u·mean(∂L/∂u ⊙ u)), means over the width. */
function layerNormBackward(du: tf.Tensor2D, u: tf.Tensor2D, invStd: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.mul(invStd, tf.sub(tf.sub(du, tf.mean(du, 1, true)), tf.mul(u, tf.mean(tf.mul(du, u), 1, true)))) as tf.Tensor2D);
}
