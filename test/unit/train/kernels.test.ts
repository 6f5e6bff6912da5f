/** What the trainer's speed rests on: elu-based tanh, the blocked transpose, no transposed matMul. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { scaledTanh } from '../../../src/lib/math/activations';
import { denseActivation } from '../../../src/lib/train/activation';
import { initBackend } from '../../../src/lib/train/backend';
import { Trainer } from '../../../src/lib/train/trainer';
import { transpose2d } from '../../../src/lib/train/transpose';
import { hostBatch, networkSpec, parametersFor, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

/** Inputs spanning tiny to saturating magnitudes, both signs, and exact zero. */
function inputs(): Float32Array {
  const values = [0, -0, 1e-30, -1e-30, 3e-8, -3e-8];
  for (let e = -12; e <= 2; e += 0.25) values.push(10 ** e, -(10 ** e));
  return Float32Array.from(values);
}

describe.each([
  { name: 'tanh(0.5x)', spec: { kind: 'tanhN', n: 0.5 } as const, a: 1, b: 0.5 },
  { name: 'tanh(2x)', spec: { kind: 'tanhN', n: 2 } as const, a: 1, b: 2 },
  { name: '1.7159·tanh(2x/3)', spec: { kind: 'lecun' } as const, a: 1.7159, b: 2 / 3 },
])('$name on the backend', ({ spec, a, b }) => {
  it('φ has a relative error below 5e-7 at every magnitude, down to 1e-30', () => {
    const z = inputs();
    const activation = denseActivation(spec);
    const h = tf.tidy(() => activation.apply(tf.tensor2d(z, [1, z.length])).dataSync());
    activation.dispose();
    const reference = scaledTanh(a, b);
    z.forEach((value, i) => {
      const exact = reference.f(value);
      expect(Math.abs(h[i]! - exact), `z = ${value}`).toBeLessThanOrEqual(5e-7 * Math.abs(exact));
    });
  });

  it('the backward pass multiplies by φ′ = a·b − (b/a)·h², computed from h', () => {
    const z = inputs();
    const dh = Float32Array.from(z, (_, i) => 1 + (i % 3));
    const activation = denseActivation(spec);
    const dz = tf.tidy(() => {
      const h = activation.apply(tf.tensor2d(z, [1, z.length]));
      return activation.backward(tf.tensor2d(dh, [1, z.length]), h).dataSync();
    });
    activation.dispose();
    const reference = scaledTanh(a, b);
    // 1 − h² cancels for saturated units: the error is absolute, ~ε₃₂·a·b.
    z.forEach((value, i) => expect(Math.abs(dz[i]! - dh[i]! * reference.df(value)), `z = ${value}`).toBeLessThan(1e-6 * a * b * dh[i]!));
  });

  it('propagates NaN and saturates at ±Infinity', () => {
    const activation = denseActivation(spec);
    const h = tf.tidy(() => activation.apply(tf.tensor2d([NaN, Infinity, -Infinity], [1, 3])).dataSync());
    activation.dispose();
    expect(Array.from(h)).toEqual([NaN, Math.fround(a), -Math.fround(a)]);
  });
});

describe('ReLU on the backend', () => {
  it('is fused into the matMul, with φ′ = step(h)', () => {
    const activation = denseActivation({ kind: 'relu' });
    expect(activation.fused).toBe('relu');
    const dz = tf.tidy(() => activation.backward(tf.tensor2d([[2, 3, 4]]), tf.tensor2d([[0, 1e-30, 5]])).dataSync());
    expect(Array.from(dz)).toEqual([0, 3, 4]);
  });
});

describe('transpose2d', () => {
  it.each([
    [256, 256],
    [128, 256],
    [1024, 64],
    [64, 48],
    [32, 10],
    [10, 128],
    [17, 33],
    [16, 5],
    [48, 1],
  ])('equals tf.transpose bit for bit for %i×%i', (rows, cols) => {
    const x = tf.randomNormal([rows, cols], 0, 1, 'float32', rows * 1000 + cols) as tf.Tensor2D;
    const [fast, plain] = [transpose2d(x), tf.transpose(x)];
    expect(fast.shape).toEqual([cols, rows]);
    expect(Array.from(fast.dataSync())).toEqual(Array.from(plain.dataSync()));
    tf.dispose([x, fast, plain]);
  });
});

describe('a training step', () => {
  it('never asks matMul for transposeA/transposeB (the slow path on wasm)', () => {
    const seen: string[] = [];
    const backend = tf.getBackend();
    const originals = ['BatchMatMul', '_FusedMatMul'].map((name) => tf.getKernel(name, backend)!);
    for (const kernel of originals) {
      tf.unregisterKernel(kernel.kernelName, backend);
      tf.registerKernel({
        ...kernel,
        kernelFunc: (args) => {
          const { transposeA, transposeB } = args.attrs as { transposeA?: boolean; transposeB?: boolean };
          seen.push(`${kernel.kernelName}:${Boolean(transposeA)}:${Boolean(transposeB)}`);
          return kernel.kernelFunc(args);
        },
      });
    }
    try {
      const spec = networkSpec({ kind: 'tanhN', n: 1 }, 3, 128, 128, 10);
      const data = tensorBatch(spec, hostBatch(spec, 32, 1));
      const trainer = new Trainer(spec, parametersFor(spec), { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: 0.1, readoutLr: 0.1 } });
      trainer.step(data.x, data.labels);
      trainer.dispose();
      tf.dispose(data);
    } finally {
      for (const kernel of originals) {
        tf.unregisterKernel(kernel.kernelName, backend);
        tf.registerKernel(kernel);
      }
    }
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.filter((call) => !call.endsWith(':false:false'))).toEqual([]);
  });
});
