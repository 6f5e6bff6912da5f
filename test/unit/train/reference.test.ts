/**
 * The float32 TensorFlow.js trainer against the float64 reference (math/mlp64.ts) on the same
 * weights and batch, where float32 is accurate: n ≤ 1 (PLATFORM.md, "Float32 accuracy").
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { forwardBackward64 } from '../../../src/lib/math/mlp64';
import type { ActivationSpec, LossKind } from '../../../src/lib/math/network';
import { initBackend } from '../../../src/lib/train/backend';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, relativeError, roundedToFloat32, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

const cases: { name: string; activation: ActivationSpec; loss: LossKind }[] = [
  { name: 'tanh(0.5x), cross-entropy', activation: { kind: 'tanhN', n: 0.5 }, loss: 'softmax-cross-entropy' },
  { name: 'tanh(x), cross-entropy', activation: { kind: 'tanhN', n: 1 }, loss: 'softmax-cross-entropy' },
  { name: 'ReLU, cross-entropy', activation: { kind: 'relu' }, loss: 'softmax-cross-entropy' },
  { name: 'tanh(x), squared error', activation: { kind: 'tanhN', n: 1 }, loss: 'mean-squared-error' },
];

describe.each(cases)('$name, depth 10, width 64', ({ activation, loss }) => {
  it('loss, gradients and evaluation match the float64 reference within 1e-5', () => {
    const spec = networkSpec(activation, 10, 64);
    // The reference sees exactly the float32-rounded weights and inputs the trainer holds.
    const parameters = roundedToFloat32(parametersFor(spec, 5));
    const batch = hostBatch(spec, 32, 17);
    const x64 = Float64Array.from(Float32Array.from(batch.x));
    const tensors = tensorBatch(spec, batch);
    const useLabels = loss === 'softmax-cross-entropy';
    const reference = forwardBackward64(
      spec,
      parameters,
      x64,
      useLabels ? { kind: 'labels', labels: batch.labels } : { kind: 'values', values: Float64Array.from(Float32Array.from(batch.values)) },
      loss,
      { keepGradients: true },
    );

    const trainer = new Trainer(spec, parameters, { loss, optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 } });
    const y = useLabels ? tensors.labels : tensors.values;
    const { loss: value, gradients } = trainer.gradients(tensors.x, y);
    const evaluation = trainer.evaluate(tensors.x, y, 10);
    trainer.dispose();
    tf.dispose(tensors);

    expect(Math.abs(value - reference.loss) / reference.loss).toBeLessThan(1e-5);
    expect(Math.abs(evaluation.loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
    expect(evaluation.accuracy).toBe(reference.accuracy);
    for (let l = 0; l <= spec.depth; l++) {
      expect(relativeError(gradients.weights[l]!, reference.gradients!.weights[l]!), `∂L/∂W of layer ${l}`).toBeLessThan(1e-5);
      expect(relativeError(gradients.biases[l]!, reference.gradients!.biases[l]!), `∂L/∂b of layer ${l}`).toBeLessThan(1e-5);
    }
  });
});
