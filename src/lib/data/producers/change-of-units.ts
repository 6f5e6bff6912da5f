import { z } from 'zod';
import { ROLES } from '../../records/contracts/change-of-units.ts';
import changeOfUnitsContract from '../../records/contracts/change-of-units.ts';
import { defineProducer } from '../producer.ts';
import { matchedOptimiser, nudgeHiddenByOneUlp, scalingRounding, toTanhUnits } from '../../math/change-of-units';
import { tanh1 } from '../../math/activations';
import { initParameters } from '../../math/init';
import { chi1 } from '../../math/meanfield';
import { firstIndexAbove, trainInLockstep, type LockstepMember } from '../../math/lockstep';
import { compareLockstep } from '../../analysis/lockstep-comparison.ts';
import { forward64, forwardBackward64, type Targets } from '../../math/mlp64';
import type { NetworkSpec, Parameters } from '../../math/network';
import { evaluateClassifier64, Trainer64, type Optimiser64 } from '../../math/train64';
import { BatchSampler, gather } from '../../tasks/dataset';
import { loadMnist } from '../../tasks/mnist';

const positive = z.number().positive();

const configSchema = z.object({
  /** The MNIST split of the training sweeps (src/lib/tasks/mnist.ts); the test metrics use its test part. */
  mnist: z.object({ seed: z.number().int(), trainCount: z.number().int().positive(), testCount: z.number().int().positive() }),
  network: z.object({ depth: z.number().int().positive(), width: z.number().int().positive() }),
  /** The n of tanh(n·x) compared with their rescaled tanh networks. */
  ns: z.array(z.number().gt(1)).min(1),
  /**
   * Initialisations W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) of the tanh(n·x) network. `of: "tanh"`
   * gives (σ_w², σ_b²) of the rescaled tanh network instead: the tanh(n·x) network then draws
   * at (σ_w²/n², σ_b²/n²).
   */
  initialisations: z.array(z.object({ name: z.string().min(1), of: z.enum(['tanhN', 'tanh']), sw2: positive, sb2: z.number().nonnegative() })).min(1),
  sgd: z.object({ lr: positive }),
  adam: z.object({ lr: positive, beta1: z.number().min(0).lt(1), beta2: z.number().min(0).lt(1), epsilon: positive }),
  batchSize: z.number().int().positive(),
  steps: z.number().int().positive(),
  /** Test loss and accuracy every this many steps. */
  evalEvery: z.number().int().positive(),
  /** Seed of the initial parameters and of the mini-batch order (as in a training run config). */
  seed: z.number().int(),
  /** Range of relative parameter differences over which their exponential growth is fitted. */
  growthWindow: z.object({ from: positive, to: positive }),
});
type Config = z.infer<typeof configSchema>;





function optimiserOf(config: Config, kind: 'sgd' | 'adam'): Optimiser64 {
  if (kind === 'sgd') return { kind: 'sgd', lr: { hidden: config.sgd.lr, readout: config.sgd.lr } };
  const { lr, beta1, beta2, epsilon } = config.adam;
  return { kind: 'adam', lr: { hidden: lr, readout: lr }, epsilon: { hidden: epsilon, readout: epsilon }, beta1, beta2 };
}

/** Quantiles of the non-zero |gradient| entries of the hidden layers on one batch. */
function hiddenGradientQuantiles(spec: NetworkSpec, params: Parameters, batch: { x: Float64Array; targets: Targets }) {
  const { gradients } = forwardBackward64(spec, params, batch.x, batch.targets, 'softmax-cross-entropy', { keepGradients: true });
  const magnitudes: number[] = [];
  for (let l = 0; l < spec.depth; l++) {
    for (const values of [gradients!.weights[l]!, gradients!.biases[l]!]) for (const g of values) if (g !== 0) magnitudes.push(Math.abs(g));
  }
  magnitudes.sort((a, b) => a - b);
  const quantile = (q: number) => magnitudes[Math.min(magnitudes.length - 1, Math.floor(q * magnitudes.length))]!;
  return { quantile01: quantile(0.01), quantile10: quantile(0.1), median: quantile(0.5) };
}

/** The runs of one (optimiser, n) comparison: what network, which parameters, which optimiser. */
function plannedRuns(kind: 'sgd' | 'adam', n: number, base: Optimiser64, tanhN: Parameters, tanh: Parameters, control: Parameters) {
  const matched = matchedOptimiser(base, n);
  const runs: Array<{ role: (typeof ROLES)[number]; network: 'tanh(n·x)' | 'tanh'; initial: Parameters; optimiser: Optimiser64 }> = [
    { role: 'tanhN', network: 'tanh(n·x)', initial: tanhN, optimiser: base },
    { role: 'matched', network: 'tanh', initial: tanh, optimiser: matched },
    { role: 'unmatched', network: 'tanh', initial: tanh, optimiser: base },
    { role: 'control', network: 'tanh(n·x)', initial: control, optimiser: base },
  ];
  if (kind === 'sgd') runs.push({ role: 'rate-n', network: 'tanh', initial: tanh, optimiser: { kind: 'sgd', lr: { hidden: base.lr.hidden * n, readout: base.lr.readout } } });
  if (matched.kind === 'adam' && base.kind === 'adam') runs.push({ role: 'same-epsilon', network: 'tanh', initial: tanh, optimiser: { ...matched, epsilon: base.epsilon } });
  return runs;
}

const FULL: Config = {
  mnist: { seed: 1, trainCount: 8000, testCount: 1000 },
  network: { depth: 6, width: 96 },
  ns: [2, 3],
  initialisations: [
    // The tanh(n·x) network at the usual σ_w² = 1 (with a little bias variance)…
    { name: 'standard', of: 'tanhN', sw2: 1, sb2: 0.05 },
    // …and the tanh(n·x) network whose rescaled tanh network is at σ_w² = 1, on the ordered side.
    { name: 'ordered', of: 'tanh', sw2: 1, sb2: 0.05 },
  ],
  sgd: { lr: 0.05 },
  adam: { lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  batchSize: 64,
  steps: 300,
  evalEvery: 50,
  seed: 1,
  growthWindow: { from: 1e-14, to: 1e-4 },
};

const SMOKE: Config = {
  ...FULL,
  mnist: { seed: 1, trainCount: 512, testCount: 64 },
  network: { depth: 2, width: 16 },
  batchSize: 16,
  steps: 12,
  evalEvery: 6,
};

/**
 * "Just a change of units", checked by training in float64: a tanh(n·x) network against the tanh
 * network with every hidden weight and bias multiplied by n, on the same MNIST mini-batches, with
 * SGD and Adam at matched and unmatched learning rates, plus a control that measures how fast a
 * one-rounding-error difference grows in the same training.
 */
export default defineProducer({
  contract: changeOfUnitsContract,
  configSchema,
  config: FULL,
  profiles: { smoke: SMOKE },
  seeds: (config) => [config.seed, config.mnist.seed],
  produce(config, _upstream, context) {
    const mnist = loadMnist({ seed: config.mnist.seed, trainCount: config.mnist.trainCount, testCount: config.mnist.testCount });
    const testX = Float64Array.from(mnist.test.x);
    const testLabels = mnist.test.labels!;
    const sampler = new BatchSampler(mnist.train.count, config.batchSize, config.seed);
    const batches: { x: Float64Array; targets: Targets }[] = [];
    const batchAt = (step: number) => {
      while (batches.length <= step) {
        const epoch = sampler.epoch(batches.length / sampler.batchesPerEpoch);
        for (const indices of epoch) {
          const batch = gather(mnist.train, indices);
          batches.push({ x: Float64Array.from(batch.x), targets: { kind: 'labels', labels: batch.labels!.slice() } });
        }
      }
      return batches[step]!;
    };

    const setups = [];
    const total = config.initialisations.length * config.ns.length * 2;
    for (const init of config.initialisations) {
      for (const n of config.ns) {
        const divisor = init.of === 'tanh' ? n * n : 1;
        const tanhNInit = { sw2: init.sw2 / divisor, sb2: init.sb2 / divisor };
        const specN: NetworkSpec = { inputSize: mnist.inputSize, outputSize: mnist.outputSize, ...config.network, activation: { kind: 'tanhN', n } };
        const spec1: NetworkSpec = { ...specN, activation: { kind: 'tanhN', n: 1 } };
        const tanhN = initParameters(specN, { kind: 'gaussian', ...tanhNInit }, config.seed);
        const tanh = toTanhUnits(specN, tanhN, n);
        const control = nudgeHiddenByOneUlp(specN, tanhN, config.seed);
        const first = batchAt(0).x;
        const logitsN = forward64(specN, tanhN, first).logits;
        const logits1 = forward64(spec1, tanh, first).logits;
        const initialLogitDifference = logitsN.reduce((m, v, i) => Math.max(m, Math.abs(v - logits1[i]!)), 0);
        const rescaledHiddenGradient = hiddenGradientQuantiles(spec1, tanh, batchAt(0));
        for (const kind of ['sgd', 'adam'] as const) {
          const base = optimiserOf(config, kind);
          const planned = plannedRuns(kind, n, base, tanhN, tanh, control);
          const members: LockstepMember<{ x: Float64Array; targets: Targets }>[] = planned.map((run) => {
            const spec = run.network === 'tanh' ? spec1 : specN;
            const trainer = new Trainer64(spec, run.initial, { loss: 'softmax-cross-entropy', optimiser: run.optimiser });
            return {
              name: `${kind}, n = ${n}, ${init.name}, ${run.role}`,
              hiddenScale: run.network === 'tanh' ? n : 1,
              step: (batch) => trainer.step(batch.x, batch.targets).loss,
              parameters: () => trainer.parameters,
              evaluate: () => evaluateClassifier64(spec, trainer.parameters, testX, testLabels),
            };
          });
          const result = trainInLockstep(specN, members, { steps: config.steps, evalEvery: config.evalEvery, batchAt });
          const reference = result.losses[0]!;
          const epsilonOf = (o: Optimiser64, group: 'hidden' | 'readout') => (o.kind === 'adam' ? o.epsilon[group] : null);
          setups.push({
            optimiser: kind,
            n,
            init: init.name,
            tanhNInit,
            tanhInit: { sw2: tanhNInit.sw2 * n * n, sb2: tanhNInit.sb2 * n * n },
            tanhChi1: chi1(tanh1, tanhNInit.sw2 * n * n, tanhNInit.sb2 * n * n),
            rounding: scalingRounding(specN, tanhN, n),
            initialLogitDifference,
            rescaledHiddenGradient,
            controlNudge: result.parameterDifferences[planned.findIndex((run) => run.role === 'control')]![0]!,
            runs: planned.map((run, r) => ({
              role: run.role,
              network: run.network,
              hiddenLr: run.optimiser.lr.hidden,
              readoutLr: run.optimiser.lr.readout,
              hiddenEpsilon: epsilonOf(run.optimiser, 'hidden'),
              readoutEpsilon: epsilonOf(run.optimiser, 'readout'),
              losses: result.losses[r]!,
              tests: result.tests[r]!,
            })),
            comparisons: planned.slice(1).map((run, i) => {
              const r = i + 1;
              const differences = result.parameterDifferences[r]!;
              const { growth, ...differs } = compareLockstep(reference, result.losses[r]!, differences, config.growthWindow, 10);
              return {
                role: run.role,
                ...differs,
                stepAbove1e12: firstIndexAbove(differences, 1e-12),
                stepAbove1e6: firstIndexAbove(differences, 1e-6),
                growth,
              };
            }),
          });
          context.progress(setups.length, total);
          context.log(`${kind}, n = ${n}, ${init.name}: ${setups.at(-1)!.comparisons.map((c) => `${c.role} ${c.largestLossDifference.toExponential(1)}`).join(', ')}`);
        }
      }
    }
    return { setups };
  },
});
