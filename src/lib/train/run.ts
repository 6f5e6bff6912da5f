/**
 * One training run, start to finish: data, float64 initialisation, TensorFlow.js training on
 * seeded mini-batches, test metrics every `evalEvery` steps, float64 gradient statistics on
 * the current weights every `gradientStats.every` steps, and the outcome. Also the task module
 * of the sweep worker pool (`runTask`).
 *
 * Deterministic: the same config on the same backend gives the same bytes (no times recorded).
 */
import * as tf from '@tensorflow/tfjs';
import { initParameters } from '../math/init';
import { forwardBackward64, type Targets as Targets64 } from '../math/mlp64';
import type { NetworkSpec } from '../math/network';
import { initBackend, type BackendChoice } from './backend';
import { allocateBatch, BatchSampler, gather, type Split, type TaskData } from '../tasks/dataset';
import { loadMnist } from '../tasks/mnist';
import { teacherStudent } from '../tasks/teacher-student';
import type { RunConfig, RunResult, TaskConfig } from '../records/schemas/run';
import { Trainer } from './trainer';

// A worker trains many runs on the same task: build each task's data once per thread.
const taskCache = new Map<string, TaskData>();

export function taskData(task: TaskConfig): TaskData {
  const key = JSON.stringify(task);
  let data = taskCache.get(key);
  if (!data) {
    data =
      task.kind === 'mnist'
        ? loadMnist({ seed: task.seed, trainCount: task.trainCount, testCount: task.testCount, standardise: task.standardise })
        : teacherStudent({
            seed: task.seed,
            inputSize: task.inputSize,
            outputSize: task.outputSize,
            teacher: task.teacher,
            trainCount: task.trainCount,
            testCount: task.testCount,
            kind: task.target,
            noise: task.noise,
          });
    taskCache.set(key, data);
  }
  return data;
}

/** JSON has no NaN or Infinity: a non-finite measurement is recorded as null. */
const finiteOrNull = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

function targetsTensor(split: { labels?: Int32Array; targets?: Float32Array; count: number }, outputSize: number): tf.Tensor1D | tf.Tensor2D {
  if (split.labels) return tf.tensor1d(split.labels, 'int32');
  return tf.tensor2d(split.targets!, [split.count, outputSize]);
}

/** Fixed, disjoint float64 batches (training examples [k·count, (k+1)·count)) for gradient statistics. */
function statisticsBatches(
  split: Split,
  inputSize: number,
  outputSize: number,
  count: number,
  batches: number,
): Array<{ x: Float64Array; targets: Targets64 }> {
  if (batches > 1 && batches * count > split.count) {
    throw new RangeError(`gradientStats: ${batches} batches of ${count} need ${batches * count} training examples, the task has ${split.count}`);
  }
  return Array.from({ length: batches }, (_, k) => {
    const start = k * count;
    const end = Math.min(start + count, split.count);
    const x = Float64Array.from(split.x.subarray(start * inputSize, end * inputSize));
    const targets: Targets64 = split.labels
      ? { kind: 'labels', labels: split.labels.subarray(start, end) }
      : { kind: 'values', values: Float64Array.from(split.targets!.subarray(start * outputSize, end * outputSize)) };
    return { x, targets };
  });
}

/**
 * The optimiser the trainer runs: as configured, except that `hiddenLrOverNSquared` divides the
 * hidden layers' rate by n² of the tanh(n·x) activation.
 */
export function effectiveOptimiser(config: RunConfig): RunConfig['optimiser'] {
  const o = config.optimiser;
  if (o.kind !== 'sgd' || !o.hiddenLrOverNSquared) return o;
  const activation = config.network.activation;
  if (activation.kind !== 'tanhN') {
    throw new RangeError(`optimiser.hiddenLrOverNSquared needs a tanhN activation, got ${activation.kind}`);
  }
  return { ...o, hiddenLr: o.hiddenLr / (activation.n * activation.n) };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rms = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => x * x)));

export function runTraining(config: RunConfig): RunResult {
  const data = taskData(config.task);
  const spec: NetworkSpec = { inputSize: data.inputSize, outputSize: data.outputSize, ...config.network };
  const trainer = new Trainer(spec, initParameters(spec, config.init, config.seed), { loss: config.loss, optimiser: effectiveOptimiser(config) });
  const xTest = tf.tensor2d(data.test.x, [data.test.count, data.inputSize]);
  const yTest = targetsTensor(data.test, data.outputSize);
  const sampler = new BatchSampler(data.train.count, config.batchSize, config.seed);
  const buffers = allocateBatch(data.train, config.batchSize);
  const stats = config.gradientStats && config.gradientStats.every > 0 ? config.gradientStats : null;
  const statsBatches = stats ? statisticsBatches(data.train, data.inputSize, data.outputSize, stats.batchSize, stats.batches) : [];

  const result: RunResult = {
    outcome: 'completed',
    stepsRun: 0,
    divergedAtStep: null,
    curve: [],
    gradients: [],
    final: { trainLoss: null, testLoss: null, testAccuracy: null },
  };
  const evaluate = (step: number, trainLoss: number | null) => {
    const { loss, accuracy } = trainer.evaluate(xTest, yTest);
    result.curve.push({ step, trainLoss: finiteOrNull(trainLoss), testLoss: finiteOrNull(loss), testAccuracy: finiteOrNull(accuracy) });
    return accuracy;
  };
  const measureGradients = (step: number) => {
    const parameters = trainer.parameters();
    const ms = statsBatches.map((b) => forwardBackward64(spec, parameters, b.x, b.targets, config.loss));
    // One batch is recorded as measured; several as RMS (norms) and means (loss, mean squares).
    const across = (pick: (m: (typeof ms)[number]) => number, combine: (xs: number[]) => number) =>
      finiteOrNull(ms.length === 1 ? pick(ms[0]!) : combine(ms.map(pick)));
    const depth = spec.depth;
    result.gradients.push({
      step,
      loss: across((m) => m.loss, mean),
      gradHNorm: Array.from({ length: depth }, (_, l) => across((m) => m.layers[l]!.gradHNorm, rms)),
      gradWNorm: [...Array.from({ length: depth }, (_, l) => across((m) => m.layers[l]!.gradWNorm, rms)), across((m) => m.readoutGradWNorm, rms)],
      preActivationMeanSquare: Array.from({ length: depth }, (_, l) => across((m) => m.layers[l]!.preActivationMeanSquare, mean)),
      ...(ms.length > 1
        ? {
            perBatch: ms.map((m) => ({
              loss: finiteOrNull(m.loss),
              firstGradWNorm: finiteOrNull(m.layers[0]!.gradWNorm),
              lastGradHNorm: finiteOrNull(m.layers[depth - 1]!.gradHNorm),
            })),
          }
        : {}),
    });
  };

  try {
    evaluate(0, null);
    if (stats) measureGradients(0);
    let epochBatches: Int32Array[] = [];
    let windowSum = 0;
    let windowCount = 0;
    for (let step = 0; step < config.steps; step++) {
      const b = step % sampler.batchesPerEpoch;
      if (b === 0) epochBatches = sampler.epoch(step / sampler.batchesPerEpoch);
      const batch = gather(data.train, epochBatches[b]!, buffers);
      const x = tf.tensor2d(batch.x, [batch.count, data.inputSize]);
      const y = targetsTensor(batch, data.outputSize);
      const { loss } = trainer.step(x, y);
      x.dispose();
      y.dispose();
      if (!Number.isFinite(loss)) {
        // The loss of this step's batch, before its update, is NaN or ±Infinity: the weights
        // have already overflowed (or will). Record where, and stop.
        result.outcome = 'diverged';
        result.divergedAtStep = step;
        result.stepsRun = step;
        break;
      }
      windowSum += loss;
      windowCount += 1;
      const taken = step + 1;
      result.stepsRun = taken;
      if (stats && taken % stats.every === 0) measureGradients(taken);
      if (taken % config.evalEvery === 0 || taken === config.steps) {
        const accuracy = evaluate(taken, windowSum / windowCount);
        windowSum = 0;
        windowCount = 0;
        if (config.stopAtTestAccuracy !== undefined && accuracy !== null && accuracy >= config.stopAtTestAccuracy) {
          result.outcome = 'stopped';
          break;
        }
      }
    }
  } finally {
    trainer.dispose();
    xTest.dispose();
    yTest.dispose();
  }
  const last = result.curve.at(-1)!;
  result.final =
    result.outcome === 'diverged'
      ? { trainLoss: null, testLoss: null, testAccuracy: null }
      : { trainLoss: last.trainLoss, testLoss: last.testLoss, testAccuracy: last.testAccuracy };
  return result;
}

/** Entry point for the sweep worker pool: one run per call, backend initialised once per thread. */
export async function runTask(config: RunConfig, options: { backend?: BackendChoice } = {}): Promise<RunResult> {
  await initBackend({ backend: options.backend ?? 'wasm' });
  return runTraining(config);
}
