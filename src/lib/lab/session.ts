/**
 * One lab training run: the task's data, the tanh(n·x) network drawn from the seed, its trainer,
 * the seeded mini-batch order, and (with `twin`) the rescaled plain-tanh network trained on the
 * same batches. Pure TypeScript on the site's float64 math, so it runs the same in the worker
 * and in Node (the tests compare the two).
 *
 * Random streams: initial weights `Random.stream(seed, 'init')` (initParameters); batch order
 * `Random.stream(seed, 'batches:' + epoch)` (BatchSampler, the same order the site's sweeps use).
 */
import { activationOf, type NetworkSpec, type Parameters } from '../math/network';
import { initParameters } from '../math/init';
import { chi1 } from '../math/meanfield';
import { matchedOptimiser, relativeUnitsDifference, toTanhUnits } from '../math/change-of-units';
import { evaluateClassifier64, type Optimiser64 } from '../math/train64';
import type { Targets } from '../math/mlp64';
import { BatchSampler, gather, type Split } from '../tasks/dataset';
import { ADAM, type LabConfig, configProblems } from './config';
import { LabTrainer } from './trainer';

/** A classification task as the lab trains it. */
export interface LabData {
  inputSize: number;
  outputSize: number;
  train: Split;
  test: Split;
  description: string;
}

export interface StepRecord {
  /** 0-based index of the step (the loss is that of batch `step` before its update). */
  step: number;
  loss: number;
  accuracy: number;
  /** ‖∂L/∂h_l‖ for l = 1..depth (index 0 = layer 1), on this step's batch. */
  gradHNorms: number[];
  /** With the twin: its loss on the same batch and ‖θ′ − S·θ‖/‖S·θ‖ after this step's update. */
  twin?: { loss: number; difference: number };
}

/** The optimiser of the tanh(n·x) network: one rate for every layer. */
export function labOptimiser(config: LabConfig): Optimiser64 {
  const lr = { hidden: config.lr, readout: config.lr };
  if (config.optimiser === 'sgd') return { kind: 'sgd', lr };
  return { kind: 'adam', lr, epsilon: { hidden: ADAM.epsilon, readout: ADAM.epsilon }, beta1: ADAM.beta1, beta2: ADAM.beta2 };
}

export function labSpec(config: LabConfig, data: Pick<LabData, 'inputSize' | 'outputSize'>, n = config.n): NetworkSpec {
  return { inputSize: data.inputSize, outputSize: data.outputSize, width: config.width, depth: config.depth, activation: { kind: 'tanhN', n } };
}

/**
 * The mean-field prediction for ‖∂L/∂h_l‖ at initialisation: anchored at the last hidden layer's
 * measured norm, growing by √χ1 per layer towards the input, ‖g_l‖ = ‖g_L‖·χ1^((L − l)/2).
 */
export function predictedGradientNorms(config: LabConfig, lastLayerNorm: number): { chi1: number; norms: number[] } {
  const c = chi1(activationOf({ kind: 'tanhN', n: config.n }), config.sw2, config.sb2);
  const norms: number[] = [];
  for (let l = 1; l <= config.depth; l++) norms.push(lastLayerNorm * c ** ((config.depth - l) / 2));
  return { chi1: c, norms };
}

export class LabSession {
  readonly spec: NetworkSpec;
  readonly initial: Parameters;
  readonly trainer: LabTrainer;
  readonly twin: LabTrainer | null;
  private readonly sampler: BatchSampler;
  private epochBatches: Int32Array[] = [];
  private readonly testX: Float64Array;
  private readonly testLabels: Int32Array;

  constructor(
    readonly config: LabConfig,
    readonly data: LabData,
  ) {
    const problems = configProblems(config);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    if (config.batchSize > data.train.count) throw new RangeError(`batchSize must not exceed the ${data.train.count} training examples`);
    this.spec = labSpec(config, data);
    this.initial = initParameters(this.spec, { kind: 'gaussian', sw2: config.sw2, sb2: config.sb2 }, config.seed);
    const optimiser = labOptimiser(config);
    this.trainer = new LabTrainer(this.spec, this.initial, optimiser);
    this.twin = config.twin
      ? new LabTrainer(labSpec(config, data, 1), toTanhUnits(this.spec, this.initial, config.n), matchedOptimiser(optimiser, config.n))
      : null;
    this.sampler = new BatchSampler(data.train.count, config.batchSize, config.seed);
    this.testX = Float64Array.from(data.test.x);
    this.testLabels = data.test.labels!;
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.trainer.steps;
  }

  /** Mini-batch `step` (0-based) of the seeded order, in float64. */
  batch(step: number): { x: Float64Array; targets: Targets } {
    const perEpoch = this.sampler.batchesPerEpoch;
    const epoch = Math.floor(step / perEpoch);
    if (step % perEpoch === 0 || this.epochBatches.length === 0) this.epochBatches = this.sampler.epoch(epoch);
    const batch = gather(this.data.train, this.epochBatches[step % perEpoch]!);
    return { x: Float64Array.from(batch.x), targets: { kind: 'labels', labels: batch.labels!.slice() } };
  }

  /** One step of the network (and its twin) on the next batch. */
  step(): StepRecord {
    const step = this.trainer.steps;
    const { x, targets } = this.batch(step);
    const result = this.trainer.step(x, targets);
    const record: StepRecord = {
      step,
      loss: result.loss,
      accuracy: result.accuracy!,
      gradHNorms: result.layers.map((layer) => layer.gradHNorm),
    };
    if (this.twin) {
      const twin = this.twin.step(x, targets);
      record.twin = {
        loss: twin.loss,
        difference: relativeUnitsDifference(this.spec, this.trainer.parameters, this.twin.parameters, this.config.n),
      };
    }
    return record;
  }

  /** Test-set loss and accuracy of the current tanh(n·x) network. */
  evaluate(): { loss: number; accuracy: number } {
    return evaluateClassifier64(this.spec, this.trainer.parameters, this.testX, this.testLabels);
  }
}
