/**
 * Residual layers, LayerNorm before φ and gradient clipping (issue 14, item 6):
 * - the float64 reference (mlp64) against central finite differences of its own loss;
 * - the float32 trainer's hand-written backward against the float64 reference, to float32 tolerance;
 * - one clipped SGD step against the same step computed in float64;
 * - the plain network unchanged: trajectories byte-identical to a fixture written by the engine
 *   before these options existed (main at e7a749e), and configs without the options parse
 *   without new keys (so run keys and caches are unchanged).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { forwardBackward64 } from '../../../src/lib/math/mlp64';
import { residualBranchScale, type ActivationSpec, type NetworkSpec, type Parameters } from '../../../src/lib/math/network';
import { runConfigSchema } from '../../../src/lib/records/schemas/run';
import { initBackend } from '../../../src/lib/train/backend';
import { Trainer } from '../../../src/lib/train/trainer';
import { hostBatch, networkSpec, parametersFor, relativeError, tensorBatch } from './helpers';

beforeAll(async () => {
  await initBackend();
});

type Options = Pick<NetworkSpec, 'residual' | 'layerNorm'>;
const OPTIONS: Array<[string, Options]> = [
  ['residual (α = 1)', { residual: { branchScale: 'one' } }],
  ['residual (α = 1/√(depth − 1))', { residual: { branchScale: 'inverse-sqrt-blocks' } }],
  ['LayerNorm before φ', { layerNorm: true }],
  ['residual and LayerNorm', { residual: { branchScale: 'one' }, layerNorm: true }],
];
const ACTIVATIONS: Array<[string, ActivationSpec]> = [
  ['tanh(2x)', { kind: 'tanhN', n: 2 }],
  ['ReLU', { kind: 'relu' }],
];

const flat = (p: Parameters) => Float64Array.from(p.weights.flatMap((w, l) => [...w, ...p.biases[l]!]));

describe('float64 reference with the options: gradients match central finite differences', () => {
  it.each(OPTIONS)('%s', (_, options) => {
    const spec: NetworkSpec = { ...networkSpec({ kind: 'tanhN', n: 2 }, 4, 6, 5, 3), ...options };
    const params = parametersFor(spec, 11);
    const { x, labels } = hostBatch(spec, 4, 5);
    const targets = { kind: 'labels' as const, labels };
    const loss = (p: Parameters) => forwardBackward64(spec, p, x, targets, 'softmax-cross-entropy').loss;
    const analytic = forwardBackward64(spec, params, x, targets, 'softmax-cross-entropy', { keepGradients: true }).gradients!;
    const h = 1e-6;
    const numeric: Parameters = { weights: [], biases: [] };
    for (const kind of ['weights', 'biases'] as const) {
      numeric[kind] = params[kind].map((values, l) =>
        Float64Array.from(values, (_, i) => {
          const shifted = (delta: number) => {
            const copy: Parameters = { weights: params.weights.map((w) => w.slice()), biases: params.biases.map((b) => b.slice()) };
            copy[kind][l]![i]! += delta;
            return loss(copy);
          };
          return (shifted(h) - shifted(-h)) / (2 * h);
        }),
      );
    }
    expect(relativeError(flat(analytic), flat(numeric))).toBeLessThan(1e-7);
  });

  it('the residual branch factor is 1 or 1/√(depth − 1)', () => {
    expect(residualBranchScale({ depth: 10, residual: { branchScale: 'one' } })).toBe(1);
    expect(residualBranchScale({ depth: 10, residual: { branchScale: 'inverse-sqrt-blocks' } })).toBeCloseTo(1 / 3, 15);
    expect(residualBranchScale({ depth: 10 })).toBe(1);
  });

  it('the options change the function (a residual or normalised network is not the plain one)', () => {
    const plain = networkSpec({ kind: 'tanhN', n: 2 }, 4, 6, 5, 3);
    const params = parametersFor(plain, 11);
    const { x, labels } = hostBatch(plain, 4, 5);
    const lossOf = (spec: NetworkSpec) => forwardBackward64(spec, params, x, { kind: 'labels', labels }, 'softmax-cross-entropy').loss;
    for (const [, options] of OPTIONS) expect(lossOf({ ...plain, ...options })).not.toBe(lossOf(plain));
  });
});

describe('float32 trainer with the options against the float64 reference', () => {
  for (const [activationName, activation] of ACTIVATIONS) {
    it.each(OPTIONS)(`${activationName}, %s: loss and every gradient to float32 tolerance`, (_, options) => {
      const spec: NetworkSpec = { ...networkSpec(activation, 6, 32, 20, 10), ...options };
      const params = parametersFor(spec, 3);
      const host = hostBatch(spec, 16, 9);
      const batch = tensorBatch(spec, host);
      const trainer = new Trainer(spec, params, { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01 } });
      const before = tf.memory().numTensors;
      const ours = trainer.gradients(batch.x, batch.labels);
      const evaluated = trainer.evaluate(batch.x, batch.labels);
      expect(tf.memory().numTensors).toBe(before); // no tensor leaks
      trainer.dispose();
      tf.dispose(batch);
      const x32 = Float64Array.from(Float32Array.from(host.x)); // the trainer sees float32 inputs
      const params32: Parameters = { weights: params.weights.map((w) => Float64Array.from(Float32Array.from(w))), biases: params.biases.map((b) => Float64Array.from(Float32Array.from(b))) };
      const reference = forwardBackward64(spec, params32, x32, { kind: 'labels', labels: host.labels }, 'softmax-cross-entropy', { keepGradients: true });
      expect(Math.abs(ours.loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
      expect(Math.abs(evaluated.loss - reference.loss) / reference.loss).toBeLessThan(1e-5);
      expect(evaluated.accuracy).toBe(reference.accuracy);
      for (let l = 0; l <= spec.depth; l++) {
        expect(relativeError(ours.gradients.weights[l]!, reference.gradients!.weights[l]!)).toBeLessThan(1e-4);
        expect(relativeError(ours.gradients.biases[l]!, reference.gradients!.biases[l]!)).toBeLessThan(1e-4);
      }
    });
  }
});

describe('gradient clipping by global norm', () => {
  const spec = networkSpec({ kind: 'tanhN', n: 2 }, 4, 32, 20, 10);
  const lr = 0.1;

  function oneStep(clipNorm: number | undefined) {
    const params = parametersFor(spec, 5);
    const host = hostBatch(spec, 16, 21);
    const batch = tensorBatch(spec, host);
    const trainer = new Trainer(spec, params, { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: lr, readoutLr: lr, ...(clipNorm ? { clipNorm } : {}) } });
    const before = tf.memory().numTensors;
    trainer.step(batch.x, batch.labels);
    expect(tf.memory().numTensors).toBe(before);
    const after = trainer.parameters();
    trainer.dispose();
    tf.dispose(batch);
    return { params, host, after };
  }

  it('one clipped SGD step equals θ − η·min(1, c/(‖g‖ + 1e-6))·g computed in float64, to float32 tolerance', () => {
    const { params, host, after } = oneStep(0.05);
    const g = forwardBackward64(spec, params, Float64Array.from(Float32Array.from(host.x)), { kind: 'labels', labels: host.labels }, 'softmax-cross-entropy', { keepGradients: true }).gradients!;
    const gFlat = flat(g);
    const norm = Math.sqrt(gFlat.reduce((s, v) => s + v * v, 0));
    expect(norm).toBeGreaterThan(0.05 * 2); // the clip is active here
    const coefficient = Math.min(1, 0.05 / (norm + 1e-6));
    const theta0 = flat(params);
    const step = flat(after).map((v, i) => v - theta0[i]!);
    const expectedStep = gFlat.map((g) => -lr * coefficient * g);
    expect(relativeError(step, expectedStep)).toBeLessThan(1e-3); // the step itself, not just θ
    const stepNorm = Math.sqrt(step.reduce((s, v) => s + v * v, 0));
    expect(stepNorm / (lr * 0.05)).toBeCloseTo(1, 3); // ‖Δθ‖ = η·c
  });

  it('a clip far above the gradient norm leaves the step byte-identical to unclipped SGD', () => {
    expect(flat(oneStep(1e6).after)).toEqual(flat(oneStep(undefined).after));
  });

  it('clipNorm must be positive', () => {
    expect(() => new Trainer(spec, parametersFor(spec, 5), { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: lr, readoutLr: lr, clipNorm: 0 } })).toThrow(/clipNorm/);
  });
});

describe('determinism with the options', () => {
  it('two trainers with residual, LayerNorm and clipping give bit-identical losses and parameters over 10 steps', () => {
    const spec: NetworkSpec = { ...networkSpec({ kind: 'tanhN', n: 2 }, 4, 32, 20, 10), residual: { branchScale: 'one' }, layerNorm: true };
    const train = () => {
      const trainer = new Trainer(spec, parametersFor(spec, 3), { loss: 'softmax-cross-entropy', optimiser: { kind: 'sgd', hiddenLr: 0.05, readoutLr: 0.05, clipNorm: 0.5 } });
      const losses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const b = tensorBatch(spec, hostBatch(spec, 16, 300 + i));
        losses.push(trainer.step(b.x, b.labels).loss);
        tf.dispose(b);
      }
      const p = flat(trainer.parameters());
      trainer.dispose();
      return { losses, p };
    };
    const first = train();
    expect(first.losses.every(Number.isFinite)).toBe(true);
    expect(first.losses.at(-1)!).not.toBe(first.losses[0]!);
    expect(train()).toEqual(first);
  });
});

describe('the plain network is unchanged when the options are absent', () => {
  it('trajectories, parameters, float64 statistics and evaluation are byte-identical to the engine before the options (fixture)', () => {
    const golden = JSON.parse(readFileSync(new URL('./fixtures/plain-network-golden.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, activation] of [['tanh2', { kind: 'tanhN', n: 2 }], ['relu', { kind: 'relu' }]] as const) {
      const spec = networkSpec(activation, 5, 32, 20, 10);
      for (const [oname, optimiser] of [['sgd', { kind: 'sgd', hiddenLr: 0.05, readoutLr: 0.05 }], ['momentum', { kind: 'sgd', hiddenLr: 0.05, readoutLr: 0.05, momentum: 0.9 }]] as const) {
        const trainer = new Trainer(spec, parametersFor(spec, 3), { loss: 'softmax-cross-entropy', optimiser });
        const losses: number[] = [];
        for (let i = 0; i < 15; i++) {
          const b = tensorBatch(spec, hostBatch(spec, 16, 200 + i));
          losses.push(trainer.step(b.x, b.labels).loss);
          tf.dispose(b);
        }
        const p = trainer.parameters();
        const hash = createHash('sha256');
        for (const w of [...p.weights, ...p.biases]) hash.update(Buffer.from(w.buffer));
        const hb = hostBatch(spec, 16, 999);
        const m = forwardBackward64(spec, p, hb.x, { kind: 'labels', labels: hb.labels }, 'softmax-cross-entropy');
        const tb = tensorBatch(spec, hb);
        const ev = trainer.evaluate(tb.x, tb.labels);
        tf.dispose(tb);
        trainer.dispose();
        out[`${name}/${oname}`] = { losses, parameters: hash.digest('hex'), mlp64: m, evaluate: ev };
      }
    }
    expect(JSON.parse(JSON.stringify(out))).toEqual(golden);
  });

  it('a run config without the options parses without residual, layerNorm or clipNorm keys (run keys unchanged)', () => {
    const config = runConfigSchema.parse({
      task: { kind: 'mnist', trainCount: 10, testCount: 10, seed: 1 },
      network: { width: 8, depth: 2, activation: { kind: 'tanhN', n: 2 } },
      init: { kind: 'gaussian', sw2: 1, sb2: 0 },
      optimiser: { kind: 'sgd', hiddenLr: 0.01, readoutLr: 0.01 },
      loss: 'softmax-cross-entropy',
      batchSize: 4,
      steps: 1,
      evalEvery: 1,
      seed: 1,
    });
    expect(Object.keys(config.network).sort()).toEqual(['activation', 'depth', 'width']);
    expect(Object.keys(config.optimiser).sort()).toEqual(['hiddenLr', 'hiddenLrOverNSquared', 'kind', 'momentum', 'readoutLr']);
  });
});
