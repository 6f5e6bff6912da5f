/**
 * The hand-written backward pass against TensorFlow.js autodiff (tf.grads) of the same loss,
 * written independently with tf.tanh / tf.relu, tf.losses.softmaxCrossEntropy and a plain sum of
 * squares, on a small network.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ActivationSpec, LossKind, NetworkSpec, Parameters } from '../../../src/lib/math/network';
import { initBackend } from '../../../src/lib/train/backend';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, relativeError, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

function activate(activation: ActivationSpec, z: tf.Tensor2D): tf.Tensor {
  switch (activation.kind) {
    case 'tanhN':
      return tf.tanh(tf.mul(z, activation.n));
    case 'scaledTanh':
      return tf.mul(tf.tanh(tf.mul(z, activation.b)), activation.a);
    case 'lecun':
      return tf.mul(tf.tanh(tf.mul(z, 2 / 3)), 1.7159);
    case 'relu':
      return tf.relu(z);
  }
}

/** One-hot rows built in JavaScript (independent of the backend's OneHot kernel). */
function oneHotOnHost(labels: tf.Tensor1D, outputs: number): tf.Tensor2D {
  const rows = labels.shape[0];
  const data = new Float32Array(rows * outputs);
  labels.dataSync().forEach((label, row) => (data[row * outputs + label] = 1));
  return tf.tensor2d(data, [rows, outputs]);
}

/** Loss and gradients (weights then biases of each layer) by autodiff. */
function autodiff(spec: NetworkSpec, parameters: Parameters, x: tf.Tensor2D, y: tf.Tensor1D | tf.Tensor2D, loss: LossKind) {
  return tf.tidy(() => {
    const weights = parameters.weights.map((w, l) => tf.tensor2d(Float32Array.from(w), [l === 0 ? spec.inputSize : spec.width, l === spec.depth ? spec.outputSize : spec.width]));
    const biases = parameters.biases.map((b) => tf.tensor1d(Float32Array.from(b)));
    const lossOf = (...variables: tf.Tensor[]) => {
      let h: tf.Tensor2D = x;
      for (let l = 0; l <= spec.depth; l++) {
        const z = tf.add(tf.matMul(h, variables[l] as tf.Tensor2D), variables[spec.depth + 1 + l]!) as tf.Tensor2D;
        h = l < spec.depth ? (activate(spec.activation, z) as tf.Tensor2D) : z;
      }
      const targets = y.rank === 1 ? oneHotOnHost(y as tf.Tensor1D, spec.outputSize) : y;
      if (loss === 'softmax-cross-entropy') {
        return y.rank === 1
          ? tf.losses.softmaxCrossEntropy(targets, h)
          : tf.div(tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(h)))), x.shape[0]);
      }
      return tf.div(tf.sum(tf.square(tf.sub(h, targets))), 2 * x.shape[0]);
    };
    const { value, grads } = tf.valueAndGrads(lossOf)([...weights, ...biases]);
    return { loss: value.dataSync()[0]!, gradients: grads.map((g) => g.dataSync().slice()) };
  });
}

const activations: { name: string; activation: ActivationSpec }[] = [
  { name: 'tanh(0.5x)', activation: { kind: 'tanhN', n: 0.5 } },
  { name: 'tanh(2x)', activation: { kind: 'tanhN', n: 2 } },
  { name: '1.5·tanh(0.8x)', activation: { kind: 'scaledTanh', a: 1.5, b: 0.8 } },
  { name: 'LeCun tanh', activation: { kind: 'lecun' } },
  { name: 'ReLU', activation: { kind: 'relu' } },
];
const targetCases: { name: string; loss: LossKind; targets: 'labels' | 'values' }[] = [
  { name: 'softmax cross-entropy, labels', loss: 'softmax-cross-entropy', targets: 'labels' },
  { name: 'mean squared error, values', loss: 'mean-squared-error', targets: 'values' },
  { name: 'mean squared error, labels', loss: 'mean-squared-error', targets: 'labels' },
  { name: 'softmax cross-entropy, soft values', loss: 'softmax-cross-entropy', targets: 'values' },
];

describe.each(activations)('$name, depth 3, width 8', ({ activation }) => {
  it.each(targetCases)('hand-written gradients equal autodiff within 1e-5 ($name)', ({ loss, targets }) => {
    const spec = networkSpec(activation, 3, 8, 5, 4);
    const parameters = parametersFor(spec, 3);
    const batch = hostBatch(spec, 6, 11);
    const tensors = tensorBatch(spec, batch);
    const y = targets === 'labels' ? tensors.labels : tensors.values;
    const trainer = new Trainer(spec, parameters, { loss, optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 } });
    const hand = trainer.gradients(tensors.x, y);
    const reference = autodiff(spec, parameters, tensors.x, y, loss);
    trainer.dispose();
    tf.dispose(tensors);

    expect(Math.abs(hand.loss - reference.loss) / Math.abs(reference.loss)).toBeLessThan(1e-6);
    for (let l = 0; l <= spec.depth; l++) {
      expect(relativeError(hand.gradients.weights[l]!, reference.gradients[l]!), `∂L/∂W of layer ${l}`).toBeLessThan(1e-5);
      expect(relativeError(hand.gradients.biases[l]!, reference.gradients[spec.depth + 1 + l]!), `∂L/∂b of layer ${l}`).toBeLessThan(1e-5);
    }
  });
});
