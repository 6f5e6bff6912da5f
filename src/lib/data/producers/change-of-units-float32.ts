import type * as tf from '@tensorflow/tfjs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { DatasetError } from '../../io/errors';
import changeOfUnitsFloat32Contract, { ROLES } from '../../records/contracts/change-of-units-float32.ts';
import changeOfUnitsContract from '../../records/contracts/change-of-units.ts';
import { configFor, defineProducer } from '../producer.ts';
import { compareLockstep } from '../../analysis/lockstep-comparison.ts';
import { nudgeHiddenByOneUlp, toTanhUnits } from '../../math/change-of-units';
import { initParameters } from '../../math/init';
import { firstIndexAbove, trainInLockstep, type LockstepMember } from '../../math/lockstep';
import type { NetworkSpec, Parameters } from '../../math/network';
import { BatchSampler, gather } from '../../tasks/dataset';
import { loadMnist } from '../../tasks/mnist';
import type { OptimiserSpec } from '../../train/optimiser';
import changeOfUnits from './change-of-units.ts';

/**
 * The float64 experiment's set-up, run again with the site's float32 TensorFlow.js trainer
 * (src/lib/train/trainer.ts). `setup` must equal the configuration of the change-of-units record
 * of the same profile: the float32 runs are compared with its float64 losses.
 */
const configSchema = z.object({
  setup: changeOfUnits.configSchema,
  /** Runs compared with the float32 tanh(n·x) network (a subset of the float64 roles). */
  roles: z.array(z.enum(['matched', 'unmatched', 'control'])).min(1),
});

const COMPARED: z.infer<typeof configSchema>['roles'] = ['matched', 'unmatched', 'control'];
const nineDigits = (x: number) => Number(x.toPrecision(9)); // enough to give back the float32 value exactly
const threeDigits = (x: number) => Number(x.toPrecision(3));

interface PlannedRun {
  role: (typeof ROLES)[number];
  spec: NetworkSpec;
  initial: Parameters;
  optimiser: OptimiserSpec;
  /** n for the rescaled tanh network, 1 for a tanh(n·x) network. */
  hiddenScale: number;
}

/**
 * The change-of-units comparison in float32 with the site's TensorFlow.js trainer: the same
 * networks, initial parameters, mini-batches and rates as the float64 record, to show how large
 * the float32 discrepancy between set-ups that are mathematically the same is and how it grows.
 */
export default defineProducer({
  contract: changeOfUnitsFloat32Contract,
  configSchema,
  config: { setup: changeOfUnits.config, roles: COMPARED },
  profiles: { smoke: { setup: configFor(changeOfUnits, 'smoke'), roles: COMPARED } },
  trains: true,
  // The trainer is imported lazily (so that listing the producers never loads TensorFlow.js) and
  // listed here so that it stays part of the input hash.
  runtimeEntries: ['src/lib/train/trainer.ts'],
  seeds: (config) => [config.setup.seed, config.setup.mnist.seed],
  async produce(config, upstream, context) {
    const { initBackend } = await import('../../train/backend');
    context.log(`TensorFlow.js backend: ${await initBackend({ backend: context.backend })}`);
    const tf = await import('@tensorflow/tfjs');
    const { Trainer } = await import('../../train/trainer');
    const reference = upstream.record(changeOfUnitsContract);
    if (!isDeepStrictEqual(reference.provenance.config, config.setup)) {
      throw new DatasetError(
        `content/data/change-of-units.json (${context.profile})`,
        'field provenance.config differs from change-of-units-float32 config.setup: regenerate change-of-units first',
      );
    }
    const float64 = reference.data;
    const setup = config.setup;
    const mnist = loadMnist({ seed: setup.mnist.seed, trainCount: setup.mnist.trainCount, testCount: setup.mnist.testCount });
    const sampler = new BatchSampler(mnist.train.count, setup.batchSize, setup.seed);
    let epoch: Int32Array[] = [];
    let current: { x: tf.Tensor2D; y: tf.Tensor1D } | null = null;
    const batchAt = (step: number) => {
      const b = step % sampler.batchesPerEpoch;
      if (b === 0) epoch = sampler.epoch(step / sampler.batchesPerEpoch);
      const batch = gather(mnist.train, epoch[b]!);
      current?.x.dispose();
      current?.y.dispose();
      current = { x: tf.tensor2d(batch.x, [batch.count, mnist.inputSize]), y: tf.tensor1d(batch.labels!, 'int32') };
      return current;
    };

    const setups = [];
    const total = setup.initialisations.length * setup.ns.length * 2;
    for (const init of setup.initialisations) {
      for (const n of setup.ns) {
        const divisor = init.of === 'tanh' ? n * n : 1;
        const specN: NetworkSpec = { inputSize: mnist.inputSize, outputSize: mnist.outputSize, ...setup.network, activation: { kind: 'tanhN', n } };
        const spec1: NetworkSpec = { ...specN, activation: { kind: 'tanhN', n: 1 } };
        const tanhN = initParameters(specN, { kind: 'gaussian', sw2: init.sw2 / divisor, sb2: init.sb2 / divisor }, setup.seed);
        for (const kind of ['sgd', 'adam'] as const) {
          const lr = kind === 'sgd' ? setup.sgd.lr : setup.adam.lr;
          // The float32 optimiser has one ε for both groups: the matched Adam run takes ε/n everywhere,
          // right for the hidden layers, where gradients as small as ε occur (first-layer weights of
          // rarely inked pixels), and off by a factor n on the readout.
          const optimiser = (hiddenLr: number, epsilon = setup.adam.epsilon): OptimiserSpec =>
            kind === 'sgd' ? { kind, hiddenLr, readoutLr: lr } : { kind, hiddenLr, readoutLr: lr, beta1: setup.adam.beta1, beta2: setup.adam.beta2, epsilon };
          const matchedLr = kind === 'sgd' ? lr * (n * n) : lr * n;
          const planned: PlannedRun[] = [
            { role: 'tanhN', spec: specN, initial: tanhN, optimiser: optimiser(lr), hiddenScale: 1 },
            ...config.roles.map((role): PlannedRun =>
              role === 'control'
                ? { role, spec: specN, initial: nudgeHiddenByOneUlp(specN, tanhN, setup.seed, 'float32'), optimiser: optimiser(lr), hiddenScale: 1 }
                : { role, spec: spec1, initial: toTanhUnits(specN, tanhN, n), optimiser: role === 'matched' ? optimiser(matchedLr, setup.adam.epsilon / n) : optimiser(lr), hiddenScale: n },
            ),
          ];
          const trainers = planned.map((run) => new Trainer(run.spec, run.initial, { loss: 'softmax-cross-entropy', optimiser: run.optimiser }));
          try {
            const members: LockstepMember<{ x: tf.Tensor2D; y: tf.Tensor1D }>[] = planned.map((run, r) => ({
              name: `float32 ${kind}, n = ${n}, ${init.name}, ${run.role}`,
              hiddenScale: run.hiddenScale,
              step: (batch) => trainers[r]!.step(batch.x, batch.y).loss,
              parameters: () => trainers[r]!.parameters(),
            }));
            const result = trainInLockstep(specN, members, { steps: setup.steps, evalEvery: setup.steps, batchAt });
            const float64Setup = float64.setups.find((s) => s.optimiser === kind && s.n === n && s.init === init.name);
            const float64Losses = float64Setup?.runs.find((r) => r.role === 'tanhN')?.losses;
            const float64Matched = float64Setup?.comparisons.find((c) => c.role === 'matched')?.parameterDifference;
            if (!float64Losses || float64Losses.length !== setup.steps || !float64Matched) {
              throw new DatasetError('content/data/change-of-units.json', `no tanhN losses for ${kind}, n = ${n}, ${init.name}: regenerate change-of-units`);
            }
            const lossDifference = result.losses[0]!.map((loss, s) => Math.abs(loss - float64Losses[s]!));
            setups.push({
              optimiser: kind,
              n,
              init: init.name,
              runs: planned.map((run, r) => ({
                role: run.role,
                hiddenLr: run.optimiser.hiddenLr,
                readoutLr: run.optimiser.readoutLr,
                epsilon: run.optimiser.kind === 'adam' ? run.optimiser.epsilon : null,
                losses: result.losses[r]!.map(nineDigits),
              })),
              comparisons: planned.slice(1).map((run, i) => {
                const differences = result.parameterDifferences[i + 1]!;
                const { growth, ...differs } = compareLockstep(result.losses[0]!, result.losses[i + 1]!, differences, { from: 1e-7, to: 1e-3 }, 5);
                return {
                  role: run.role,
                  ...differs,
                  stepAbove1e6: firstIndexAbove(differences, 1e-6),
                  stepAbove1e3: firstIndexAbove(differences, 1e-3),
                  growth,
                };
              }),
              againstFloat64: {
                lossDifference: lossDifference.map(threeDigits),
                largestLossDifference: Math.max(...lossDifference),
                stepAbove1e3: firstIndexAbove(lossDifference, 1e-3),
              },
              float64Matched,
            });
          } finally {
            trainers.forEach((t) => t.dispose());
          }
          context.progress(setups.length, total);
          context.log(`float32 ${kind}, n = ${n}, ${init.name}: ${setups.at(-1)!.comparisons.map((c) => `${c.role} ${c.largestLossDifference.toExponential(1)}`).join(', ')}`);
        }
      }
    }
    const last = current as { x: tf.Tensor2D; y: tf.Tensor1D } | null;
    last?.x.dispose();
    last?.y.dispose();
    return { setups };
  },
});

