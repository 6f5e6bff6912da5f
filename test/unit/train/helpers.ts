/** Shared fixtures for the trainer tests: small networks, seeded batches, error measures. */
import * as tf from '@tensorflow/tfjs';

import { initParameters } from '../../../src/lib/math/init';
import type { ActivationSpec, InitSpec, NetworkSpec, Parameters } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';

export function networkSpec(activation: ActivationSpec, depth: number, width: number, inputSize = width, outputSize = 10): NetworkSpec {
  return { inputSize, width, depth, outputSize, activation };
}

/** φ′(0) (for ReLU: the root mean square slope, 1/√2, so that σ_w² = 2 is He initialisation). */
function slopeAtZero(activation: ActivationSpec): number {
  switch (activation.kind) {
    case 'tanhN':
      return activation.n;
    case 'scaledTanh':
      return activation.a * activation.b;
    case 'lecun':
      return 1.7159 * (2 / 3);
    case 'relu':
      return Math.SQRT1_2;
  }
}

/** Near-critical Gaussian initialisation, σ_w²·φ′(0)² = 1, with small random biases. */
export function criticalInit(activation: ActivationSpec): InitSpec {
  return { kind: 'gaussian', sw2: 1 / slopeAtZero(activation) ** 2, sb2: 0.05 };
}

export function parametersFor(spec: NetworkSpec, seed = 7): Parameters {
  return initParameters(spec, criticalInit(spec.activation), seed);
}

export interface HostBatch {
  x: Float64Array;
  labels: Int32Array;
  values: Float64Array;
}

/** A batch drawn from `seed`: standard normal inputs, uniform labels, normal target values. */
export function hostBatch(spec: NetworkSpec, batch: number, seed: number): HostBatch {
  const random = Random.stream(seed, 'test-batch');
  const x = random.fillNormal(new Float64Array(batch * spec.inputSize));
  const labels = Int32Array.from({ length: batch }, () => random.int(spec.outputSize));
  const values = random.fillNormal(new Float64Array(batch * spec.outputSize));
  return { x, labels, values };
}

/** The batch as tensors (the caller disposes them). Inputs and values are rounded to float32. */
export function tensorBatch(spec: NetworkSpec, batch: HostBatch): { x: tf.Tensor2D; labels: tf.Tensor1D; values: tf.Tensor2D } {
  const rows = batch.labels.length;
  return {
    x: tf.tensor2d(Float32Array.from(batch.x), [rows, spec.inputSize]),
    labels: tf.tensor1d(batch.labels, 'int32'),
    values: tf.tensor2d(Float32Array.from(batch.values), [rows, spec.outputSize]),
  };
}

/** ‖a − b‖ / ‖b‖ (Euclidean). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch ${a.length} vs ${b.length}`);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    norm += b[i]! ** 2;
  }
  return Math.sqrt(diff / norm);
}

/** float64 copies with every entry rounded to float32 (what the trainer holds). */
export function roundedToFloat32(parameters: Parameters): Parameters {
  const round = (a: Float64Array) => Float64Array.from(Float32Array.from(a));
  return { weights: parameters.weights.map(round), biases: parameters.biases.map(round) };
}
