/** The Trainer's contract: determinism, divergence as data, no tensor leaks, input checks. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { NetworkSpec } from '../../../src/lib/math/network';
import { initBackend } from '../../../src/lib/train/backend';
import type { OptimiserSpec } from '../../../src/lib/train/optimiser';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

const spec: NetworkSpec = networkSpec({ kind: 'tanhN', n: 1 }, 4, 32, 16, 10);
const sgd: OptimiserSpec = { kind: 'sgd', hiddenLr: 0.05, readoutLr: 0.05, momentum: 0.9 };
const adam: OptimiserSpec = { kind: 'adam', hiddenLr: 1e-3, readoutLr: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

function batches(count: number) {
  return Array.from({ length: count }, (_, i) => tensorBatch(spec, hostBatch(spec, 16, 100 + i)));
}

function losses(optimiser: OptimiserSpec, data: ReturnType<typeof batches>): number[] {
  const trainer = new Trainer(spec, parametersFor(spec, 1), { loss: 'softmax-cross-entropy', optimiser });
  const curve = data.map((b) => trainer.step(b.x, b.labels).loss);
  trainer.dispose();
  return curve;
}

describe('determinism', () => {
  it.each([
    ['SGD with momentum', sgd],
    ['Adam', adam],
  ] as const)('two trainers from the same parameters and batches give bit-identical losses over 20 steps (%s)', (_, optimiser) => {
    const data = batches(20);
    const first = losses(optimiser, data);
    const second = losses(optimiser, data);
    tf.dispose(data);
    expect(first.every(Number.isFinite)).toBe(true);
    expect(second).toEqual(first);
  });
});

describe('learning', () => {
  it.each([
    ['SGD with momentum', sgd],
    ['Adam', adam],
  ] as const)('repeated steps on one batch drive its loss down (%s)', (_, optimiser) => {
    const data = batches(1);
    const curve = losses(optimiser, Array.from({ length: 30 }, () => data[0]!));
    tf.dispose(data);
    expect(curve[29]!).toBeLessThan(0.7 * curve[0]!);
  });
});

describe('divergence', () => {
  it('a huge learning rate gives a NaN or infinite loss, and later steps still do not throw', () => {
    const reluSpec = networkSpec({ kind: 'relu' }, 4, 32, 16, 10);
    const trainer = new Trainer(reluSpec, parametersFor(reluSpec, 1), { loss: 'mean-squared-error', optimiser: { kind: 'sgd', hiddenLr: 1e3, readoutLr: 1e3 } });
    const data = batches(1)[0]!;
    const curve = Array.from({ length: 20 }, () => trainer.step(data.x, data.values).loss);
    const evaluation = trainer.evaluate(data.x, data.values);
    trainer.dispose();
    tf.dispose(data);
    const firstNonFinite = curve.findIndex((loss) => !Number.isFinite(loss));
    expect(firstNonFinite).toBeGreaterThanOrEqual(0);
    expect(firstNonFinite).toBeLessThan(15);
    expect(Number.isFinite(evaluation.loss)).toBe(false);
  });
});

describe('memory', () => {
  it('holds a constant number of tensors while training and frees them all on dispose', () => {
    const data = batches(3);
    const before = tf.memory().numTensors;
    for (const optimiser of [sgd, adam, { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 } as const]) {
      const trainer = new Trainer(spec, parametersFor(spec, 1), { loss: 'softmax-cross-entropy', optimiser });
      trainer.step(data[0]!.x, data[0]!.labels);
      const afterOneStep = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) trainer.step(data[i % 3]!.x, data[i % 3]!.labels);
      trainer.evaluate(data[1]!.x, data[1]!.labels, 5);
      trainer.gradients(data[2]!.x, data[2]!.labels);
      trainer.parameters();
      expect(tf.memory().numTensors).toBe(afterOneStep);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    const mse = new Trainer(spec, parametersFor(spec, 1), { loss: 'mean-squared-error', optimiser: adam });
    mse.step(data[0]!.x, data[0]!.values);
    mse.evaluate(data[0]!.x, data[0]!.values, 7);
    mse.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(data);
  });
});

describe('evaluate', () => {
  it('does not depend on the evaluation batch size, and reports accuracy only for labels', () => {
    const [data] = batches(1);
    const trainer = new Trainer(spec, parametersFor(spec, 1), { loss: 'mean-squared-error', optimiser: sgd });
    const whole = trainer.evaluate(data!.x, data!.labels);
    const pieces = trainer.evaluate(data!.x, data!.labels, 3);
    expect(pieces.loss).toBeCloseTo(whole.loss, 5);
    expect(pieces.accuracy).toBe(whole.accuracy);
    expect(whole.accuracy).toBeGreaterThanOrEqual(0);
    expect(trainer.evaluate(data!.x, data!.values).accuracy).toBeNull();
    trainer.dispose();
    tf.dispose(data);
  });
});

describe('parameters', () => {
  it('round-trips the float32-rounded initial parameters', () => {
    const initial = parametersFor(spec, 4);
    const trainer = new Trainer(spec, initial, { loss: 'softmax-cross-entropy', optimiser: sgd });
    const copy = trainer.parameters();
    trainer.dispose();
    expect(copy.weights.map((w) => Array.from(w))).toEqual(initial.weights.map((w) => Array.from(Float32Array.from(w))));
    expect(copy.biases.map((b) => Array.from(b))).toEqual(initial.biases.map((b) => Array.from(Float32Array.from(b))));
  });
});

describe('input checks', () => {
  it('rejects parameters of the wrong shape, bad batches and use after dispose', () => {
    const wrong = parametersFor(networkSpec({ kind: 'tanhN', n: 1 }, 3, 32, 16, 10), 1);
    expect(() => new Trainer(spec, wrong, { loss: 'softmax-cross-entropy', optimiser: sgd })).toThrow(/5 layers/);
    const trainer = new Trainer(spec, parametersFor(spec, 1), { loss: 'softmax-cross-entropy', optimiser: sgd });
    const [data] = batches(1);
    const floatLabels = tf.tensor1d(Array.from({ length: 16 }, () => 1));
    expect(() => trainer.step(data!.x, floatLabels)).toThrow(/int32 labels \[16\]/);
    const narrow = tf.zeros([16, 15]) as tf.Tensor2D;
    expect(() => trainer.step(narrow, data!.labels)).toThrow(/float32 \[batch, 16\]/);
    trainer.dispose();
    expect(() => trainer.step(data!.x, data!.labels)).toThrow(/after dispose/);
    tf.dispose([data!.x, data!.labels, data!.values, floatLabels, narrow]);
  });
});
