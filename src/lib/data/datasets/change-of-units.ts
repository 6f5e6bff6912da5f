import { z } from 'zod';
import { defineDataset } from '../definition';
import { matchedOptimiser, nudgeHiddenByOneUlp, scalingRounding, toTanhUnits } from '../../math/change-of-units';
import { tanh1 } from '../../math/activations';
import { initParameters } from '../../math/init';
import { chi1 } from '../../math/meanfield';
import { exponentialGrowth, firstIndexAbove, trainInLockstep, type LockstepMember } from '../../math/lockstep';
import { forward64, forwardBackward64, type Targets } from '../../math/mlp64';
import type { NetworkSpec, Parameters } from '../../math/network';
import { evaluateClassifier64, Trainer64, type Optimiser64 } from '../../math/train64';
import { BatchSampler, gather } from '../../train/data/dataset';
import { loadMnist } from '../../train/data/mnist';

const positive = z.number().positive();

const configSchema = z.object({
  /** The MNIST split of the training sweeps (src/lib/train/data/mnist.ts); the test metrics use its test part. */
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

/**
 * The runs of one comparison, all on the same mini-batches:
 * - tanhN: the tanh(n·x) network at rate η (the reference);
 * - matched: the tanh network with parameters n·(W, b), at the matched rates (SGD η·n², Adam α·n and ε/n on the hidden layers);
 * - unmatched: the same tanh network at η (and ε) everywhere;
 * - control: the tanh(n·x) network again, every hidden parameter moved by one float64 ulp;
 * - rate-n (SGD): the tanh network with hidden rate η·n, not η·n²;
 * - same-epsilon (Adam): the tanh network at the matched rates but ε unchanged.
 */
export const ROLES = ['tanhN', 'matched', 'unmatched', 'control', 'rate-n', 'same-epsilon'] as const;
const roleSchema = z.enum(ROLES);

const runSchema = z.object({
  role: roleSchema,
  network: z.enum(['tanh(n·x)', 'tanh']),
  hiddenLr: z.number(),
  readoutLr: z.number(),
  /** Adam's ε per group (null for SGD). */
  hiddenEpsilon: z.number().nullable(),
  readoutEpsilon: z.number().nullable(),
  /** Training-batch loss at step s (before its update), s = 0..steps−1, full precision. */
  losses: z.array(z.number()),
  tests: z.array(z.object({ step: z.number().int(), loss: z.number(), accuracy: z.number() })),
});

const comparisonSchema = z.object({
  /** The run compared with the tanh(n·x) network at η. */
  role: roleSchema,
  /** max over steps of |loss − loss of the tanh(n·x) network| on the same batch. */
  largestLossDifference: z.number(),
  /** max over steps of the relative parameter difference in common units (see relativeUnitsDifference). */
  largestParameterDifference: z.number(),
  finalParameterDifference: z.number(),
  /** Relative parameter difference after s steps, s = 0..steps (3 significant digits). */
  parameterDifference: z.array(z.number()),
  /** First step after which the relative parameter difference exceeds 1e-12 / 1e-6 (null: never). */
  stepAbove1e12: z.number().int().nullable(),
  stepAbove1e6: z.number().int().nullable(),
  /** Exponential growth of the parameter difference inside config.growthWindow (null: too few points there). */
  growth: z.object({ decadesPer100Steps: z.number(), points: z.number().int(), firstStep: z.number().int(), lastStep: z.number().int() }).nullable(),
});

const setupSchema = z.object({
  optimiser: z.enum(['sgd', 'adam']),
  n: z.number(),
  init: z.string(),
  /** Initialisation of the tanh(n·x) network, and what it is in tanh units (n²·σ_w², n²·σ_b²). */
  tanhNInit: z.object({ sw2: z.number(), sb2: z.number() }),
  tanhInit: z.object({ sw2: z.number(), sb2: z.number() }),
  /** χ1 of the tanh network at tanhInit (mean-field): > 1 chaotic phase, < 1 ordered. */
  tanhChi1: z.number(),
  /** How exactly fl(n·θ) stores n·θ (src/lib/math/change-of-units.ts, scalingRounding). */
  rounding: z.object({ entries: z.number().int(), inexactFraction: z.number(), largestRelativeError: z.number(), relativeNormError: z.number() }),
  /** max |logits| difference of the two networks at initialisation on the first batch: the same function. */
  initialLogitDifference: z.number(),
  /** Relative size of the control's one-ulp nudge in common units. */
  controlNudge: z.number(),
  /**
   * |∂L/∂θ′| of the rescaled tanh network's hidden weights and biases on the first batch: the
   * 1%, 10% and 50% quantiles (exact zeros, from pixels blank in every training image, left out).
   * What Adam's ε is compared with.
   */
  rescaledHiddenGradient: z.object({ quantile01: z.number(), quantile10: z.number(), median: z.number() }),
  runs: z.array(runSchema),
  comparisons: z.array(comparisonSchema),
});

const threeDigits = (x: number) => Number(x.toPrecision(3));

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
export default defineDataset({
  id: 'change-of-units',
  title: 'tanh(n·x) networks against rescaled tanh networks trained on the same MNIST batches in float64: SGD and Adam, matched and unmatched rates',
  configSchema,
  config: FULL,
  profiles: { smoke: SMOKE },
  seeds: (config) => [config.seed, config.mnist.seed],
  schema: z.object({ setups: z.array(setupSchema) }),
  produce(config, context) {
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
              const growth = exponentialGrowth(differences, config.growthWindow, 10);
              return {
                role: run.role,
                largestLossDifference: result.losses[r]!.reduce((m, loss, s) => Math.max(m, Math.abs(loss - reference[s]!)), 0),
                largestParameterDifference: Math.max(...differences),
                finalParameterDifference: differences.at(-1)!,
                parameterDifference: differences.map(threeDigits),
                stepAbove1e12: firstIndexAbove(differences, 1e-12),
                stepAbove1e6: firstIndexAbove(differences, 1e-6),
                growth: growth && { decadesPer100Steps: growth.decadesPerStep * 100, points: growth.points, firstStep: growth.firstStep, lastStep: growth.lastStep },
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
