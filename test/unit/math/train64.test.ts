/**
 * The float64 trainer (train64.ts): an SGD step moves every parameter by −η times the gradient
 * found by central finite differences of an independent forward pass; Adam's first two steps
 * match the update written out by hand; each group uses its own rate and ε; the test-set
 * evaluation agrees with the reference network's loss.
 */
import { describe, expect, it } from 'vitest';

import { forwardBackward64 } from '../../../src/lib/math/mlp64';
import type { NetworkSpec, Parameters } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';
import { evaluateClassifier64, Trainer64, validateOptimiser64, type Optimiser64 } from '../../../src/lib/math/train64';

const spec: NetworkSpec = { inputSize: 3, width: 4, depth: 2, outputSize: 3, activation: { kind: 'tanhN', n: 2 } };
const BATCH = 5;

function parameters(seed: number): Parameters {
  const random = Random.fromSeed(seed);
  const shapes: Array<[number, number]> = [
    [3, 4],
    [4, 4],
    [4, 3],
  ];
  return {
    weights: shapes.map(([i, o]) => random.fillNormal(new Float64Array(i * o), 0.6)),
    biases: shapes.map(([, o]) => random.fillNormal(new Float64Array(o), 0.3)),
  };
}

const x = Random.fromSeed(99).fillNormal(new Float64Array(BATCH * 3));
const labels = Int32Array.from([0, 2, 1, 1, 0]);

/** Independent forward pass and mean softmax cross-entropy, written from the definitions. */
function lossOf(p: Parameters): number {
  let total = 0;
  for (let b = 0; b < BATCH; b++) {
    let h = Array.from(x.subarray(b * 3, b * 3 + 3));
    for (let l = 0; l <= spec.depth; l++) {
      const fanOut = p.biases[l]!.length;
      const z = Array.from({ length: fanOut }, (_, j) => h.reduce((s, v, i) => s + v * p.weights[l]![i * fanOut + j]!, p.biases[l]![j]!));
      h = l === spec.depth ? z : z.map((v) => Math.tanh(2 * v));
    }
    const max = Math.max(...h);
    const logSumExp = max + Math.log(h.reduce((s, v) => s + Math.exp(v - max), 0));
    total += logSumExp - h[labels[b]!]!;
  }
  return total / BATCH;
}

function finiteDifferenceGradient(p: Parameters): Parameters {
  const h = 1e-6;
  const grad = (values: Float64Array) =>
    values.map((_, i) => {
      const saved = values[i]!;
      values[i] = saved + h;
      const plus = lossOf(p);
      values[i] = saved - h;
      const minus = lossOf(p);
      values[i] = saved;
      return (plus - minus) / (2 * h);
    });
  return { weights: p.weights.map(grad), biases: p.biases.map(grad) };
}

const allEntries = (p: Parameters) => [...p.weights, ...p.biases].flatMap((a) => Array.from(a));

describe('SGD', () => {
  it('one step moves every parameter by −η × the finite-difference gradient (η per group)', () => {
    const start = parameters(1);
    const fd = finiteDifferenceGradient(parameters(1));
    const optimiser: Optimiser64 = { kind: 'sgd', lr: { hidden: 0.3, readout: 0.07 } };
    const trainer = new Trainer64(spec, start, { loss: 'softmax-cross-entropy', optimiser });
    const { loss } = trainer.step(x, { kind: 'labels', labels });
    expect(loss).toBeCloseTo(lossOf(start), 12);
    for (let l = 0; l <= spec.depth; l++) {
      const lr = l === spec.depth ? 0.07 : 0.3;
      for (const [now, before, g] of [
        [trainer.parameters.weights[l]!, start.weights[l]!, fd.weights[l]!],
        [trainer.parameters.biases[l]!, start.biases[l]!, fd.biases[l]!],
      ] as const) {
        for (let i = 0; i < now.length; i++) expect(now[i]! - before[i]!).toBeCloseTo(-lr * g[i]!, 8);
      }
    }
  });

  it('leaves the caller’s parameters alone and a group at rate 0 unchanged', () => {
    const start = parameters(2);
    const copy = allEntries(start);
    const trainer = new Trainer64(spec, start, { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', lr: { hidden: 0, readout: 0.5 } } });
    trainer.step(x, { kind: 'labels', labels });
    expect(allEntries(start)).toEqual(copy);
    for (let l = 0; l < spec.depth; l++) expect(Array.from(trainer.parameters.weights[l]!)).toEqual(Array.from(start.weights[l]!));
    expect(Array.from(trainer.parameters.weights[spec.depth]!)).not.toEqual(Array.from(start.weights[spec.depth]!));
    expect(trainer.steps).toBe(1);
  });
});

describe('Adam', () => {
  it('the first two steps follow Algorithm 1 of Kingma & Ba written out by hand', () => {
    const [beta1, beta2] = [0.9, 0.999];
    const lr = { hidden: 0.01, readout: 0.002 };
    const epsilon = { hidden: 1e-3, readout: 1e-6 };
    const start = parameters(3);
    const trainer = new Trainer64(spec, start, { loss: 'softmax-cross-entropy', optimiser: { kind: 'adam', lr, epsilon, beta1, beta2 } });
    const targets = { kind: 'labels' as const, labels };
    // Gradients at θ0 and (after the first update) at θ1, from the reference network.
    const g0 = forwardBackward64(spec, start, x, targets, 'softmax-cross-entropy', { keepGradients: true }).gradients!;
    trainer.step(x, targets);
    // Step 1: m = (1−β1)g, v = (1−β2)g², m̂ = g, v̂ = g²: θ1 = θ0 − α·g/(|g| + ε).
    const expected1 = (l: number, theta: number, g: number) => {
      const group = l === spec.depth ? 'readout' : 'hidden';
      return theta - lr[group] * (g / (Math.abs(g) + epsilon[group]));
    };
    const theta1 = { weights: trainer.parameters.weights.map((w) => w.slice()), biases: trainer.parameters.biases.map((b) => b.slice()) };
    for (let l = 0; l <= spec.depth; l++) {
      theta1.weights[l]!.forEach((v, i) => expect(v).toBeCloseTo(expected1(l, start.weights[l]![i]!, g0.weights[l]![i]!), 14));
      theta1.biases[l]!.forEach((v, i) => expect(v).toBeCloseTo(expected1(l, start.biases[l]![i]!, g0.biases[l]![i]!), 14));
    }
    const g1 = forwardBackward64(spec, theta1, x, targets, 'softmax-cross-entropy', { keepGradients: true }).gradients!;
    trainer.step(x, targets);
    const expected2 = (l: number, theta: number, a: number, b: number) => {
      const group = l === spec.depth ? 'readout' : 'hidden';
      const m = beta1 * (1 - beta1) * a + (1 - beta1) * b;
      const v = beta2 * (1 - beta2) * a * a + (1 - beta2) * b * b;
      const mHat = m / (1 - beta1 ** 2);
      const vHat = v / (1 - beta2 ** 2);
      return theta - lr[group] * (mHat / (Math.sqrt(vHat) + epsilon[group]));
    };
    for (let l = 0; l <= spec.depth; l++) {
      trainer.parameters.weights[l]!.forEach((v, i) => expect(v).toBeCloseTo(expected2(l, theta1.weights[l]![i]!, g0.weights[l]![i]!, g1.weights[l]![i]!), 14));
      trainer.parameters.biases[l]!.forEach((v, i) => expect(v).toBeCloseTo(expected2(l, theta1.biases[l]![i]!, g0.biases[l]![i]!, g1.biases[l]![i]!), 14));
    }
  });
});

describe('validation', () => {
  it('names the invalid field', () => {
    expect(() => validateOptimiser64({ kind: 'sgd', lr: { hidden: -1, readout: 0.1 } })).toThrow(/optimiser\.lr\.hidden/);
    expect(() =>
      validateOptimiser64({ kind: 'adam', lr: { hidden: 1, readout: 1 }, epsilon: { hidden: 1e-8, readout: 0 }, beta1: 0.9, beta2: 0.999 }),
    ).toThrow(/optimiser\.epsilon\.readout/);
    expect(() =>
      validateOptimiser64({ kind: 'adam', lr: { hidden: 1, readout: 1 }, epsilon: { hidden: 1e-8, readout: 1e-8 }, beta1: 1, beta2: 0.999 }),
    ).toThrow(/optimiser\.beta1/);
    expect(() => validateOptimiser64({ kind: 'rmsprop' } as unknown as Optimiser64)).toThrow(/optimiser\.kind/);
  });
});

describe('evaluateClassifier64', () => {
  it('gives the reference network’s loss and accuracy, whatever the chunk size', () => {
    const p = parameters(4);
    const reference = forwardBackward64(spec, p, x, { kind: 'labels', labels }, 'softmax-cross-entropy');
    for (const chunk of [1, 2, 5, 100]) {
      const result = evaluateClassifier64(spec, p, x, labels, chunk);
      expect(result.loss).toBeCloseTo(reference.loss, 13);
      expect(result.accuracy).toBe(reference.accuracy);
    }
  });

  it('rejects inputs that do not match the labels', () => {
    expect(() => evaluateClassifier64(spec, parameters(4), x.subarray(0, 6), labels)).toThrow(/rows/);
  });
});
