/**
 * Optimiser updates against a hand computation in float64 from the gradients the trainer reports:
 * two steps each (so momentum and Adam's moments carry over), with different learning rates for
 * the hidden layers and the readout.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Parameters } from '../../../src/lib/math/network';
import { initBackend } from '../../../src/lib/train/backend';
import { type OptimiserSpec, validateOptimiser } from '../../../src/lib/train/optimiser';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

const spec = networkSpec({ kind: 'tanhN', n: 1 }, 2, 4, 3, 2);
const HIDDEN_LR = 0.05;
const READOUT_LR = 0.2;

/** Parameters flattened in the optimiser's order: W_0, b_0, W_1, b_1, … (readout last). */
function flat(parameters: Parameters): Float64Array[] {
  return parameters.weights.flatMap((w, l) => [w, parameters.biases[l]!]);
}

/** Learning rate of flattened parameter i (the last two are the readout's). */
function rate(i: number, count: number): number {
  return i >= count - 2 ? READOUT_LR : HIDDEN_LR;
}

/** Runs two steps, returning the parameters and gradients seen before each step and the final parameters. */
function twoSteps(optimiser: OptimiserSpec) {
  const batches = [hostBatch(spec, 5, 1), hostBatch(spec, 5, 2)].map((b) => tensorBatch(spec, b));
  const trainer = new Trainer(spec, parametersFor(spec, 9), { loss: 'softmax-cross-entropy', optimiser });
  const seen: { before: Float64Array[]; gradient: Float64Array[] }[] = [];
  for (const batch of batches) {
    const before = flat(trainer.parameters());
    const gradient = flat(trainer.gradients(batch.x, batch.labels).gradients);
    trainer.step(batch.x, batch.labels);
    seen.push({ before, gradient });
  }
  const after = flat(trainer.parameters());
  trainer.dispose();
  tf.dispose(batches);
  return { seen, after };
}

/**
 * Largest |actual − expected| / max(|expected|, 1): float32 rounding of parameters of order 1 and
 * of updates of order η is ~1e-7, while a wrong formula (say, without bias correction) moves a
 * parameter by a sizeable fraction of η ≥ 0.05.
 */
function worstError(actual: Float64Array[], expected: Float64Array[]): number {
  let worst = 0;
  actual.forEach((a, i) => a.forEach((value, j) => (worst = Math.max(worst, Math.abs(value - expected[i]![j]!) / Math.max(Math.abs(expected[i]![j]!), 1)))));
  return worst;
}

describe('SGD with momentum', () => {
  it('v ← μv + g, θ ← θ − η·v, with the hidden and readout rates', () => {
    const mu = 0.9;
    const { seen, after } = twoSteps({ kind: 'sgd', hiddenLr: HIDDEN_LR, readoutLr: READOUT_LR, momentum: mu });
    const count = seen[0]!.before.length;
    const velocity = seen[0]!.gradient.map((g) => new Float64Array(g.length));
    let expected: Float64Array[] = [];
    for (const { before, gradient } of seen) {
      expected = before.map((theta, i) =>
        theta.map((t, j) => {
          velocity[i]![j] = mu * velocity[i]![j]! + gradient[i]![j]!;
          return t - rate(i, count) * velocity[i]![j]!;
        }),
      );
    }
    // The step's own gradient equals the reported one bit for bit, so only float32 rounding of the update remains.
    expect(worstError(after, expected)).toBeLessThan(1e-6);
  });

  it('plain SGD: θ ← θ − η·g', () => {
    const { seen, after } = twoSteps({ kind: 'sgd', hiddenLr: HIDDEN_LR, readoutLr: READOUT_LR });
    const { before, gradient } = seen[1]!;
    const expected = before.map((theta, i) => theta.map((t, j) => t - rate(i, before.length) * gradient[i]![j]!));
    expect(worstError(after, expected)).toBeLessThan(1e-6);
  });
});

describe('Adam', () => {
  it('follows Kingma & Ba, Algorithm 1, with bias correction', () => {
    const [beta1, beta2, epsilon] = [0.8, 0.95, 1e-3];
    const { seen, after } = twoSteps({ kind: 'adam', hiddenLr: HIDDEN_LR, readoutLr: READOUT_LR, beta1, beta2, epsilon });
    const count = seen[0]!.before.length;
    const m = seen[0]!.gradient.map((g) => new Float64Array(g.length));
    const v = seen[0]!.gradient.map((g) => new Float64Array(g.length));
    let expected: Float64Array[] = [];
    seen.forEach(({ before, gradient }, step) => {
      const t = step + 1;
      expected = before.map((theta, i) =>
        theta.map((value, j) => {
          const g = gradient[i]![j]!;
          m[i]![j] = beta1 * m[i]![j]! + (1 - beta1) * g;
          v[i]![j] = beta2 * v[i]![j]! + (1 - beta2) * g * g;
          const mHat = m[i]![j]! / (1 - beta1 ** t);
          const vHat = v[i]![j]! / (1 - beta2 ** t);
          return value - rate(i, count) * (mHat / (Math.sqrt(vHat) + epsilon));
        }),
      );
    });
    expect(worstError(after, expected)).toBeLessThan(1e-6);
  });
});

describe('validateOptimiser', () => {
  it('names the invalid field', () => {
    expect(() => validateOptimiser({ kind: 'sgd', hiddenLr: -1, readoutLr: 0.1 })).toThrow(/optimiser\.hiddenLr/);
    expect(() => validateOptimiser({ kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1, momentum: 1 })).toThrow(/optimiser\.momentum/);
    expect(() => validateOptimiser({ kind: 'adam', hiddenLr: 0.1, readoutLr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 0 })).toThrow(/optimiser\.epsilon/);
  });
});
