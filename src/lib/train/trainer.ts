/**
 * Trains one fully connected network (math/network.ts) with TensorFlow.js: parameters held as
 * float32 variables, created from float64 `Parameters`, so a run starts from the same
 * initialisation as the float64 reference (math/mlp64.ts), rounded to float32.
 *
 *   await initBackend();
 *   const trainer = new Trainer(spec, initParameters(spec, init, seed), { loss, optimiser });
 *   const { loss } = trainer.step(x, labels);        // one optimiser step on a mini-batch
 *   const { loss, accuracy } = trainer.evaluate(xTest, labelsTest);
 *   const now = trainer.parameters();                 // float64 copies, e.g. for mlp64
 *   trainer.dispose();
 *
 * A diverging run is not an error: its loss reads back as NaN or ±Infinity.
 */
import * as tf from '@tensorflow/tfjs';

import { layerShape, residualBranchScale, type LossKind, type NetworkSpec, type Parameters } from '../math/network';
import { denseActivation } from './activation';
import { backendName } from './backend';
import { backward, backwardWithOptions, type DenseNetwork, forward, forwardWithOptions, logitsOf, logitsWithOptions, type NetworkOptions } from './dense';
import { checkTargets, lossAndGradient, lossSumAndCorrect, type Targets } from './loss';
import { clipByGlobalNorm, createOptimiser, type Optimiser, type OptimiserSpec, type ParameterGroup } from './optimiser';

export interface TrainerOptions {
  loss: LossKind;
  optimiser: OptimiserSpec;
}

/** Default rows per forward pass in `evaluate`. */
export const EVALUATION_BATCH = 1000;

export class Trainer {
  readonly spec: NetworkSpec;
  readonly loss: LossKind;
  private readonly weights: tf.Variable<tf.Rank.R2>[];
  private readonly biases: tf.Variable<tf.Rank.R1>[];
  private readonly activation: ReturnType<typeof denseActivation>;
  private readonly optimiser: Optimiser;
  private readonly network: DenseNetwork;
  /** Residual / LayerNorm options, or null for the plain network (which keeps its own code path). */
  private readonly options: NetworkOptions | null;
  private disposed = false;
  private steps = 0;

  /** Needs an initialised backend (`await initBackend()`). */
  constructor(spec: NetworkSpec, parameters: Parameters, options: TrainerOptions) {
    backendName(); // throws if the backend was never chosen, rather than let tfjs pick one
    checkParameters(spec, parameters);
    this.spec = spec;
    this.loss = options.loss;
    this.weights = parameters.weights.map((w, l) => variableOf(tf.tensor2d(Float32Array.from(w), layerShape(spec, l))));
    this.biases = parameters.biases.map((b) => variableOf(tf.tensor1d(Float32Array.from(b))));
    this.activation = denseActivation(spec.activation);
    this.network = { weights: this.weights, biases: this.biases, activation: this.activation };
    this.options =
      spec.residual || spec.layerNorm ? { residualScale: spec.residual ? residualBranchScale(spec) : null, layerNorm: spec.layerNorm === true } : null;
    const group = (l: number): ParameterGroup => (l === spec.depth ? 'readout' : 'hidden');
    this.optimiser = createOptimiser(
      options.optimiser,
      this.weights.flatMap((w, l) => [
        { variable: w as tf.Variable, group: group(l) },
        { variable: this.biases[l] as tf.Variable, group: group(l) },
      ]),
    );
  }

  /**
   * One optimiser step on the mini-batch (x [B, inputSize]; targets as in loss.ts). Returns the
   * mini-batch loss BEFORE the update (the loss the gradient was taken of).
   */
  step(x: tf.Tensor2D, targets: Targets): { loss: number } {
    this.checkBatch(x, targets);
    this.optimiser.beginStep();
    const clipNorm = this.optimiser.clipNorm;
    const loss = this.readScalar(() => {
      if (clipNorm === null) {
        return this.lossAndBackward(x, targets, (l, dW, db) => {
          this.optimiser.update(2 * l, dW);
          this.optimiser.update(2 * l + 1, db);
        });
      }
      // Clipping needs the global norm, hence every gradient, before the first update.
      const gradients: tf.Tensor[] = [];
      const loss = this.lossAndBackward(x, targets, (l, dW, db) => {
        gradients[2 * l] = tf.clone(dW);
        gradients[2 * l + 1] = tf.clone(db);
      });
      clipByGlobalNorm(gradients, clipNorm).forEach((g, i) => this.optimiser.update(i, g));
      return loss;
    });
    this.steps += 1;
    return { loss };
  }

  /** Optimiser steps taken so far. */
  get stepsTaken(): number {
    return this.steps;
  }

  /** Loss and hand-computed gradients at the current parameters, as float64 copies; no update. */
  gradients(x: tf.Tensor2D, targets: Targets): { loss: number; gradients: Parameters } {
    this.checkBatch(x, targets);
    const gradients: Parameters = { weights: [], biases: [] };
    const loss = this.readScalar(() =>
      this.lossAndBackward(x, targets, (l, dW, db) => {
        gradients.weights[l] = Float64Array.from(dW.dataSync());
        gradients.biases[l] = Float64Array.from(db.dataSync());
      }),
    );
    return { loss, gradients };
  }

  /** Forward, loss and backward pass (plain or with the network options), handing each layer's gradients to `onGradient`. */
  private lossAndBackward(x: tf.Tensor2D, targets: Targets, onGradient: (l: number, dW: tf.Tensor2D, db: tf.Tensor1D) => void): tf.Scalar {
    if (this.options === null) {
      const { inputs, logits } = forward(this.network, x);
      const { loss, dLogits } = lossAndGradient(this.loss, logits, targets);
      logits.dispose();
      backward(this.network, inputs, dLogits, onGradient);
      return loss;
    }
    const pass = forwardWithOptions(this.network, this.options, x);
    const { loss, dLogits } = lossAndGradient(this.loss, pass.logits, targets);
    pass.logits.dispose();
    backwardWithOptions(this.network, this.options, pass, dLogits, onGradient);
    return loss;
  }

  /**
   * Mean loss over all rows and, for label targets, the accuracy (fraction of rows whose argmax of
   * the logits is the label; null for value targets, as in mlp64), in batches of `batchSize`.
   */
  evaluate(x: tf.Tensor2D, targets: Targets, batchSize = EVALUATION_BATCH): { loss: number; accuracy: number | null } {
    this.checkBatch(x, targets);
    const rows = x.shape[0];
    const totals = tf.tidy(() => {
      let lossSum: tf.Tensor = tf.scalar(0);
      let correct: tf.Tensor = tf.scalar(0);
      for (let start = 0; start < rows; start += batchSize) {
        const size = Math.min(batchSize, rows - start);
        const xs = x.slice([start, 0], [size, -1]);
        const ts = targets.rank === 1 ? (targets as tf.Tensor1D).slice([start], [size]) : (targets as tf.Tensor2D).slice([start, 0], [size, -1]);
        const logits = this.options === null ? logitsOf(this.network, xs) : logitsWithOptions(this.network, this.options, xs);
        const batch = lossSumAndCorrect(this.loss, logits, ts);
        lossSum = tf.add(lossSum, batch.lossSum);
        if (batch.correct) correct = tf.add(correct, batch.correct);
      }
      return tf.stack([lossSum, correct]);
    });
    const [lossSum, correct] = totals.dataSync();
    totals.dispose();
    return { loss: lossSum! / rows, accuracy: targets.rank === 1 ? correct! / rows : null };
  }

  /** The current parameters as float64 copies (layout of math/network.ts). */
  parameters(): Parameters {
    this.checkAlive();
    return {
      weights: this.weights.map((w) => Float64Array.from(w.dataSync())),
      biases: this.biases.map((b) => Float64Array.from(b.dataSync())),
    };
  }

  /** Frees every tensor the trainer holds; the trainer cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.optimiser.dispose();
    this.activation.dispose();
    for (const v of [...this.weights, ...this.biases]) v.dispose();
  }

  private readScalar(compute: () => tf.Scalar): number {
    const scalar = tf.tidy(compute);
    const value = scalar.dataSync()[0]!;
    scalar.dispose();
    return value;
  }

  private checkBatch(x: tf.Tensor2D, targets: Targets): void {
    this.checkAlive();
    if (x.rank !== 2 || x.shape[1] !== this.spec.inputSize || x.dtype !== 'float32') {
      throw new Error(`x must be float32 [batch, ${this.spec.inputSize}], got ${x.dtype} [${x.shape.join(', ')}]`);
    }
    checkTargets(x.shape[0], this.spec.outputSize, targets);
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error('Trainer: used after dispose()');
  }
}

/** A non-trainable variable holding `initial`'s data (the tensor itself is disposed). */
function variableOf<R extends tf.Rank>(initial: tf.Tensor<R>): tf.Variable<R> {
  const variable = tf.variable(initial, false);
  initial.dispose();
  return variable;
}

/** Throws unless `parameters` has the layer shapes of `spec`. */
function checkParameters(spec: NetworkSpec, parameters: Parameters): void {
  const layers = spec.depth + 1;
  if (parameters.weights.length !== layers || parameters.biases.length !== layers) {
    throw new Error(`parameters must have ${layers} layers (depth ${spec.depth} + readout), got ${parameters.weights.length} weights and ${parameters.biases.length} biases`);
  }
  for (let l = 0; l < layers; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    if (parameters.weights[l]!.length !== fanIn * fanOut || parameters.biases[l]!.length !== fanOut) {
      throw new Error(`layer ${l}: expected ${fanIn}×${fanOut} weights and ${fanOut} biases, got ${parameters.weights[l]!.length} and ${parameters.biases[l]!.length}`);
    }
  }
}
