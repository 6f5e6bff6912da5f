/** The trainer on the plain-JavaScript cpu backend (forced; its own process, as each test file is). */
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';

import { forwardBackward64 } from '../../../src/lib/math/mlp64';
import { initBackend } from '../../../src/lib/train/backend';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, relativeError, roundedToFloat32, tensorBatch } from './helpers';

it('can be forced, and its gradients match the float64 reference within 1e-5', async () => {
  expect(await initBackend({ backend: 'cpu' })).toBe('tfjs-cpu');
  expect(tf.getBackend()).toBe('cpu');
  const spec = networkSpec({ kind: 'tanhN', n: 1 }, 3, 32);
  const parameters = roundedToFloat32(parametersFor(spec, 2));
  const batch = hostBatch(spec, 16, 3);
  const tensors = tensorBatch(spec, batch);
  const trainer = new Trainer(spec, parameters, { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 } });
  const { loss, gradients } = trainer.gradients(tensors.x, tensors.labels);
  trainer.dispose();
  tf.dispose(tensors);
  const reference = forwardBackward64(spec, parameters, Float64Array.from(Float32Array.from(batch.x)), { kind: 'labels', labels: batch.labels }, 'softmax-cross-entropy', {
    keepGradients: true,
  });
  expect(Math.abs(loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
  gradients.weights.forEach((w, l) => expect(relativeError(w, reference.gradients!.weights[l]!)).toBeLessThan(1e-5));
});
