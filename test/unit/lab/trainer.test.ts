// The lab's trainer takes the same steps as the site's float64 trainer (Trainer64), bit for bit,
// and its per-layer gradient norms are those of forwardBackward64 on the same parameters.
import { describe, expect, it } from 'vitest';
import { initParameters } from '../../../src/lib/math/init';
import { forwardBackward64, type Targets } from '../../../src/lib/math/mlp64';
import type { NetworkSpec } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';
import { Trainer64, type Optimiser64 } from '../../../src/lib/math/train64';
import { LabTrainer } from '../../../src/lib/lab/trainer';

const spec: NetworkSpec = { inputSize: 5, width: 7, depth: 4, outputSize: 3, activation: { kind: 'tanhN', n: 2 } };
const rng = Random.fromSeed(3);
const batches = Array.from({ length: 12 }, () => ({
  x: rng.fillNormal(new Float64Array(8 * 5)),
  targets: { kind: 'labels', labels: Array.from({ length: 8 }, () => rng.int(3)) } as Targets,
}));
const optimisers: Optimiser64[] = [
  { kind: 'sgd', lr: { hidden: 0.05, readout: 0.02 } },
  { kind: 'adam', lr: { hidden: 0.01, readout: 0.003 }, epsilon: { hidden: 1e-8, readout: 1e-7 }, beta1: 0.9, beta2: 0.999 },
];

describe('LabTrainer', () => {
  for (const optimiser of optimisers) {
    it(`takes Trainer64's ${optimiser.kind} steps bit for bit and reports the gradient norms of the batch`, () => {
      const initial = initParameters(spec, { kind: 'gaussian', sw2: 1.5, sb2: 0.1 }, 7);
      const lab = new LabTrainer(spec, initial, optimiser);
      const reference = new Trainer64(spec, initial, { loss: 'softmax-cross-entropy', optimiser });
      for (const batch of batches) {
        const expectedNorms = forwardBackward64(spec, reference.parameters, batch.x, batch.targets, 'softmax-cross-entropy').layers.map((l) => l.gradHNorm);
        const got = lab.step(batch.x, batch.targets);
        const want = reference.step(batch.x, batch.targets);
        expect(got.loss).toBe(want.loss);
        expect(got.accuracy).toBe(want.accuracy);
        expect(got.layers.map((l) => l.gradHNorm)).toEqual(expectedNorms);
        expect(got.gradients).toBeUndefined();
      }
      expect(lab.steps).toBe(batches.length);
      lab.parameters.weights.forEach((w, l) => expect(Array.from(w)).toEqual(Array.from(reference.parameters.weights[l]!)));
      lab.parameters.biases.forEach((b, l) => expect(Array.from(b)).toEqual(Array.from(reference.parameters.biases[l]!)));
    });
  }
});
