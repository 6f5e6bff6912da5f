/**
 * Float64 training of the reference network (mlp64.ts): plain SGD and Adam, each with its own
 * learning rate — and, for Adam, its own ε — for the hidden layers (weights and biases of layers
 * 1..depth) and for the readout. For experiments whose point is that two set-ups are the same
 * computation: float32 cannot show that for tanh(n·x) with n ≥ 2, where two equivalent float32
 * implementations drift apart by ~1e-2 within a few steps (PLATFORM.md).
 *
 * SGD    θ ← θ − η_g·g
 * Adam   t ← t + 1                         (Kingma & Ba 2015, Algorithm 1)
 *        m ← β₁·m + (1 − β₁)·g
 *        v ← β₂·v + (1 − β₂)·g²
 *        m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ)
 *        θ ← θ − α_g·(m̂/(√v̂ + ε_g))
 * with g the gradient of the batch-mean loss and _g the parameter's group. The operations are
 * done in the order of the float32 optimiser (src/lib/train/optimiser.ts), so the two differ by
 * precision only.
 */
import { forward64, forwardBackward64, type Targets } from './mlp64';
import type { LossKind, NetworkSpec, Parameters } from './network';
import { requireAbove, requireAtLeast } from './validate';

/** Which learning rate (and ε) a parameter uses: hidden layers 1..depth, or the readout. */
export type ParameterGroup = 'hidden' | 'readout';
export const PARAMETER_GROUPS: readonly ParameterGroup[] = ['hidden', 'readout'];

export type PerGroup = Record<ParameterGroup, number>;

export type Optimiser64 =
  | { kind: 'sgd'; lr: PerGroup }
  | { kind: 'adam'; lr: PerGroup; epsilon: PerGroup; beta1: number; beta2: number };

/** The group of layer l (0-based: 0..depth−1 hidden, depth = readout). */
export const groupOfLayer = (spec: NetworkSpec, l: number): ParameterGroup => (l === spec.depth ? 'readout' : 'hidden');

/** Throws a RangeError naming the first invalid field. */
export function validateOptimiser64(spec: Optimiser64): void {
  if (spec.kind !== 'sgd' && spec.kind !== 'adam') {
    throw new RangeError(`optimiser.kind must be "sgd" or "adam", got ${String((spec as { kind?: unknown }).kind)}`);
  }
  for (const group of PARAMETER_GROUPS) requireAtLeast(`optimiser.lr.${group}`, spec.lr?.[group] as number, 0);
  if (spec.kind === 'adam') {
    for (const group of PARAMETER_GROUPS) requireAbove(`optimiser.epsilon.${group}`, spec.epsilon?.[group] as number, 0);
    requireAtLeast('optimiser.beta1', spec.beta1, 0);
    requireAtLeast('optimiser.beta2', spec.beta2, 0);
    if (!(spec.beta1 < 1)) throw new RangeError(`optimiser.beta1 must be < 1, got ${spec.beta1}`);
    if (!(spec.beta2 < 1)) throw new RangeError(`optimiser.beta2 must be < 1, got ${spec.beta2}`);
  }
}

export const copyParameters = (params: Parameters): Parameters => ({
  weights: params.weights.map((w) => w.slice()),
  biases: params.biases.map((b) => b.slice()),
});

/** What one step reports: the loss and accuracy of the batch BEFORE the update (the loss the gradient was taken of). */
export interface Step64 {
  loss: number;
  accuracy: number | null;
}

/** A network and its optimiser state, trained one mini-batch at a time in float64. */
export class Trainer64 {
  readonly spec: NetworkSpec;
  readonly loss: LossKind;
  readonly optimiser: Optimiser64;
  /** The current parameters (owned by the trainer; read, do not write). */
  readonly parameters: Parameters;
  private readonly m: Parameters | null;
  private readonly v: Parameters | null;
  private t = 0;

  /** Starts from a copy of `initial`. */
  constructor(spec: NetworkSpec, initial: Parameters, options: { loss: LossKind; optimiser: Optimiser64 }) {
    validateOptimiser64(options.optimiser);
    this.spec = spec;
    this.loss = options.loss;
    this.optimiser = options.optimiser;
    this.parameters = copyParameters(initial);
    const zeros = (): Parameters => ({
      weights: initial.weights.map((w) => new Float64Array(w.length)),
      biases: initial.biases.map((b) => new Float64Array(b.length)),
    });
    this.m = options.optimiser.kind === 'adam' ? zeros() : null;
    this.v = options.optimiser.kind === 'adam' ? zeros() : null;
  }

  /** Optimiser steps taken so far. */
  get steps(): number {
    return this.t;
  }

  /** One optimiser step on the batch (x [B × inputSize]). */
  step(x: Float64Array, targets: Targets): Step64 {
    const result = forwardBackward64(this.spec, this.parameters, x, targets, this.loss, { keepGradients: true });
    const gradients = result.gradients!;
    this.t += 1;
    const opt = this.optimiser;
    for (let l = 0; l <= this.spec.depth; l++) {
      const group = groupOfLayer(this.spec, l);
      if (opt.kind === 'sgd') {
        sgdUpdate(this.parameters.weights[l]!, gradients.weights[l]!, opt.lr[group]);
        sgdUpdate(this.parameters.biases[l]!, gradients.biases[l]!, opt.lr[group]);
      } else {
        const c1 = 1 - opt.beta1 ** this.t;
        const c2 = 1 - opt.beta2 ** this.t;
        const update = (theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array) =>
          adamUpdate(theta, g, m, v, opt.beta1, opt.beta2, c1, c2, opt.lr[group], opt.epsilon[group]);
        update(this.parameters.weights[l]!, gradients.weights[l]!, this.m!.weights[l]!, this.v!.weights[l]!);
        update(this.parameters.biases[l]!, gradients.biases[l]!, this.m!.biases[l]!, this.v!.biases[l]!);
      }
    }
    return { loss: result.loss, accuracy: result.accuracy };
  }
}

/** θ ← θ − η·g */
function sgdUpdate(theta: Float64Array, g: Float64Array, lr: number): void {
  for (let i = 0; i < theta.length; i++) theta[i]! -= lr * g[i]!;
}

/** One Adam update in place (see the module comment); c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ. */
function adamUpdate(
  theta: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  beta1: number,
  beta2: number,
  c1: number,
  c2: number,
  lr: number,
  epsilon: number,
): void {
  const oneMinusBeta1 = 1 - beta1;
  const oneMinusBeta2 = 1 - beta2;
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    const mi = beta1 * m[i]! + oneMinusBeta1 * gi;
    const vi = beta2 * v[i]! + oneMinusBeta2 * (gi * gi);
    m[i] = mi;
    v[i] = vi;
    theta[i]! -= lr * (mi / c1 / (Math.sqrt(vi / c2) + epsilon));
  }
}

/**
 * Mean softmax cross-entropy and accuracy of a labelled set, forward passes only, in chunks of
 * `chunk` rows (the same definition as forwardBackward64's loss; the mean is over all rows).
 */
export function evaluateClassifier64(
  spec: NetworkSpec,
  params: Parameters,
  x: Float64Array,
  labels: Int32Array,
  chunk = 500,
): { loss: number; accuracy: number } {
  const count = labels.length;
  if (count === 0 || x.length !== count * spec.inputSize) {
    throw new RangeError(`x must hold ${count} rows of ${spec.inputSize} inputs (one per label), got ${x.length} values`);
  }
  if (!(Number.isInteger(chunk) && chunk >= 1)) throw new RangeError(`chunk must be an integer ≥ 1, got ${chunk}`);
  const k = spec.outputSize;
  let total = 0;
  let correct = 0;
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    const { logits } = forward64(spec, params, x.subarray(start * spec.inputSize, end * spec.inputSize));
    for (let r = 0; r < end - start; r++) {
      const label = labels[start + r]!;
      if (!(Number.isInteger(label) && label >= 0 && label < k)) {
        throw new RangeError(`labels[${start + r}] must be an integer in [0, ${k}), got ${label}`);
      }
      const row = r * k;
      let max = -Infinity;
      let best = 0;
      for (let j = 0; j < k; j++) {
        const value = logits[row + j]!;
        if (value > max) {
          max = value;
          best = j;
        }
      }
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(logits[row + j]! - max);
      total += max + Math.log(sumExp) - logits[row + label]!;
      if (best === label) correct++;
    }
  }
  return { loss: total / count, accuracy: correct / count };
}
