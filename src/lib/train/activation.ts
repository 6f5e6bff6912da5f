/**
 * The hidden activations of math/network.ts as TensorFlow.js kernels, each with its slope written
 * in terms of the layer's OUTPUT h (so the backward pass keeps only h, never z).
 *
 * a·tanh(b·z) (tanhN: a = 1, b = n; lecun: a = 1.7159, b = 2/3) is computed as
 *   a·sign(z)·(−e / (2 + e)),   e = expm1(−2b|z|) = elu(−2b|z|),
 * the identity tanh(u) = −expm1(−2u) / (2 + expm1(−2u)) for u ≥ 0, extended by oddness. The wasm
 * backend's tanh kernel is scalar libm (≈ 10–14 ns per element: a step of the depth-50, width-256
 * benchmark network takes ~20% longer with it), while its elu is vectorised XNNPACK with an expm1
 * accurate to ~1e-7 RELATIVE error. These nine kernels are ~5× faster than tf.tanh at width 256
 * and, unlike 2·sigmoid(2u) − 1, stay accurate for tiny u (no cancellation: 2·sigmoid(2u) − 1
 * has an absolute error ~1e-7, i.e. relative error 1 at |u| = 1e-7), which matters for the
 * vanishing signals of deep tanh(n·x) networks. The sign comes from 2·step(z) − 1 because the
 * wasm `sign` kernel returns 0 for |z| ≤ 1e-7.
 *
 * Slopes from h:  φ′ = a·b·(1 − (h/a)²) = a·b − (b/a)·h²   (tanh family),
 *                 φ′ = step(h)                             (ReLU: h > 0 ⇔ z > 0; 0 at z = 0).
 */
import * as tf from '@tensorflow/tfjs';

import type { ActivationSpec } from '../math/network';

export interface DenseActivation {
  /** Activation the matMul kernel applies itself (ReLU is fused; tanh has no fused form). */
  fused: 'linear' | 'relu';
  /** h = φ(z) for z = fused matMul output (identity when the matMul already applied φ). */
  apply(z: tf.Tensor2D): tf.Tensor2D;
  /** ∂L/∂z = ∂L/∂h ⊙ φ′, with φ′ computed from h = φ(z). */
  backward(dh: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
}

/** The activation for a spec; its scalar constants are tensors kept until `dispose`. */
export function denseActivation(spec: ActivationSpec): DenseActivation & { dispose(): void } {
  switch (spec.kind) {
    case 'tanhN':
      return scaledTanhKernels(1, spec.n);
    case 'scaledTanh':
      return scaledTanhKernels(spec.a, spec.b);
    case 'lecun':
      return scaledTanhKernels(1.7159, 2 / 3);
    case 'relu':
      return { fused: 'relu', apply: (z) => z, backward: (dh, h) => tf.mul(dh, tf.step(h)), dispose: () => {} };
  }
}

function scaledTanhKernels(a: number, b: number): DenseActivation & { dispose(): void } {
  const minusTwoB = tf.keep(tf.scalar(-2 * b));
  const minusTwo = tf.keep(tf.scalar(-2));
  const twoA = tf.keep(tf.scalar(2 * a));
  const aScalar = tf.keep(tf.scalar(a));
  const ab = tf.keep(tf.scalar(a * b));
  const bOverA = tf.keep(tf.scalar(b / a));
  return {
    fused: 'linear',
    apply: (z) =>
      tf.tidy(() => {
        const e = tf.elu(tf.mul(tf.abs(z), minusTwoB)); // expm1(−2b|z|) ∈ (−1, 0]
        const magnitude = tf.div(e, tf.sub(minusTwo, e)); // tanh(b|z|) = −e / (2 + e)
        const signTimesA = tf.sub(tf.mul(tf.step(z), twoA), aScalar); // a·sign(z) (−a at 0, where magnitude = 0)
        return tf.mul(magnitude, signTimesA);
      }),
    backward: (dh, h) => tf.tidy(() => tf.mul(dh, tf.sub(ab, tf.mul(tf.square(h), bOverA)))),
    dispose: () => {
      for (const t of [minusTwoB, minusTwo, twoA, aScalar, ab, bOverA]) t.dispose();
    },
  };
}
