/**
 * The what-fixes-it sweep per set-up and depth: mean, smallest and largest test accuracy over
 * seeds, the deepest depth that trains, the learning-rate check, and a check against the
 * trainability-ray record, which holds the same tanh(2x) reference runs.
 */
import { chi1, qStar } from '../math/meanfield.ts';
import { activationOf } from '../math/network.ts';
import type { DataOf } from '../records/contract.ts';
import type whatFixesItSummary from '../records/contracts/what-fixes-it-summary.ts';
import type { SweepRecordData as SweepDataset } from '../records/schemas/sweep.ts';
import { CHANCE_ACCURACY } from './chance.ts';
import { variantLrCheck } from './lr-check.ts';

type Summary = DataOf<typeof whatFixesItSummary>;


/**
 * The summary from the sweep's record and trainability-ray's. With `requireReproduction`, fails
 * unless some runs of the sweep are also in trainability-ray (they are, for the published
 * profile: the standard tanh(2x) runs at seed 1 share its configuration).
 */
export function summariseWhatFixesIt(
  sweep: SweepDataset,
  rateCheck: SweepDataset,
  deepRateCheck: SweepDataset,
  ray: SweepDataset,
  trainedAccuracy: number,
  requireReproduction: boolean,
): Summary {
  const first = sweep.runs[0]!.config;
  const setupIds = [...new Set(sweep.runs.map((r) => r.variant!))];
  const setups = setupIds.map((id) => {
    const { network, init, optimiser } = sweep.runs.find((r) => r.variant === id)!.config;
    if (init.kind === 'glorot-uniform') throw new Error(`what-fixes-it: set-up ${id} uses glorot-uniform, which has no σ_w²`);
    const act = activationOf(network.activation);
    return {
      id,
      activationLabel: act.label,
      initKind: init.kind,
      sw2: init.sw2,
      sb2: init.sb2,
      hiddenLr: optimiser.hiddenLr,
      readoutLr: optimiser.readoutLr,
      chi1: chi1(act, init.sw2, init.sb2),
      qStar: qStar(act, init.sw2, init.sb2),
    };
  });

  const runs = sweep.runs.map((r) => ({
    setup: r.variant!,
    depth: r.config.network.depth,
    seed: r.seed,
    outcome: r.result.outcome,
    accuracy: r.result.final.testAccuracy,
  }));
  const depths = [...new Set(runs.map((r) => r.depth))].sort((a, b) => a - b);
  const cells = setupIds.flatMap((setup) =>
    depths.map((depth) => {
      const here = runs.filter((r) => r.setup === setup && r.depth === depth);
      const diverged = here.filter((r) => r.accuracy === null).length;
      const accuracies = here.map((r) => r.accuracy ?? CHANCE_ACCURACY);
      const meanAccuracy = diverged === here.length ? null : accuracies.reduce((s, a) => s + a, 0) / accuracies.length;
      return {
        setup,
        depth,
        meanAccuracy,
        minAccuracy: meanAccuracy === null ? null : Math.min(...accuracies),
        maxAccuracy: meanAccuracy === null ? null : Math.max(...accuracies),
        diverged,
        trained: meanAccuracy !== null && meanAccuracy >= trainedAccuracy,
      };
    }),
  );
  const deepestTrained = setupIds.map((setup) => {
    const trained = cells.filter((c) => c.setup === setup && c.trained).map((c) => c.depth);
    return { setup, depth: trained.length === 0 ? null : Math.max(...trained) };
  });

  // The reference runs whose configuration trainability-ray also ran (matched by run key).
  const withRay = compareShared(sweep, ray, 'trainability-ray');
  if (withRay.shared.length === 0 && requireReproduction) {
    throw new Error('what-fixes-it-summary: no run of the sweep is also in trainability-ray; the reproduction check has nothing to compare');
  }
  const withSweep = compareShared(rateCheck, sweep, 'what-fixes-it');
  const rateRuns = rateCheck.runs.map((r) => ({
    setup: r.variant!,
    learningRate: r.config.optimiser.hiddenLr,
    outcome: r.result.outcome,
    accuracy: r.result.final.testAccuracy,
  }));
  const best = [...new Set(rateRuns.map((r) => r.setup))].map((setup) => {
    const top = rateRuns.filter((r) => r.setup === setup).reduce((a, b) => ((b.accuracy ?? CHANCE_ACCURACY) > (a.accuracy ?? CHANCE_ACCURACY) ? b : a));
    return { setup, learningRate: top.learningRate, accuracy: top.accuracy ?? CHANCE_ACCURACY };
  });

  return {
    trainedAccuracy,
    budget: {
      steps: first.steps,
      batchSize: first.batchSize,
      learningRate: first.optimiser.readoutLr,
      width: first.network.width,
      trainCount: first.task.kind === 'mnist' ? first.task.trainCount : 0,
      testCount: first.task.kind === 'mnist' ? first.task.testCount : 0,
      seeds: new Set(sweep.runs.map((r) => r.seed)).size,
    },
    setups,
    runs,
    cells,
    deepestTrained,
    reproduction:
      withRay.shared.length === 0
        ? null
        : { depths: withRay.shared.map((r) => r.config.network.depth).sort((a, b) => a - b), maxAbsoluteDifference: withRay.maxAbsoluteDifference },
    rateCheck: {
      depth: rateCheck.runs[0]!.config.network.depth,
      steps: rateCheck.runs[0]!.config.steps,
      runs: rateRuns,
      best,
      sharedRuns: withSweep.shared.length,
      maxAbsoluteDifference: withSweep.maxAbsoluteDifference,
    },
    deepRateCheck: deepRateCheckOf(sweep, deepRateCheck, trainedAccuracy),
  };
}

/**
 * The check at the deepest depth: the sweep's runs there (at its one rate, every seed) beside the
 * check's runs of the same set-ups at other rates.
 */
function deepRateCheckOf(sweep: SweepDataset, check: SweepDataset, trainedAccuracy: number): Summary['deepRateCheck'] {
  if (check.runs.length === 0) throw new Error('what-fixes-it-deep-lr-check: the check has no runs');
  const depth = check.runs[0]!.config.network.depth;
  const names = new Set(check.runs.map((r) => r.variant));
  const atReference = sweep.runs.filter((r) => names.has(r.variant) && r.config.network.depth === depth);
  for (const name of names) {
    if (!atReference.some((r) => r.variant === name)) throw new Error(`what-fixes-it-deep-lr-check: set-up "${name}" has no run in the what-fixes-it sweep at depth ${depth}`);
  }
  return variantLrCheck([...atReference, ...check.runs], sweep.runs[0]!.config.optimiser.hiddenLr, trainedAccuracy);
}

/**
 * The runs of `a` whose configuration `b` also ran (same run key), and the largest difference of
 * their final test accuracies; fails if one of a pair diverged and the other did not.
 */
function compareShared(a: SweepDataset, b: SweepDataset, bName: string): { shared: SweepDataset['runs']; maxAbsoluteDifference: number } {
  const byKey = new Map(b.runs.map((r) => [r.key, r]));
  const shared = a.runs.filter((r) => byKey.has(r.key));
  let maxAbsoluteDifference = 0;
  for (const r of shared) {
    const x = r.result.final.testAccuracy;
    const y = byKey.get(r.key)!.result.final.testAccuracy;
    if ((x === null) !== (y === null)) {
      throw new Error(`what-fixes-it-summary: run ${r.key} (depth ${r.config.network.depth}) diverged in one record and not in the other (${x} here, ${y} in ${bName})`);
    }
    if (x !== null && y !== null) maxAbsoluteDifference = Math.max(maxAbsoluteDifference, Math.abs(x - y));
  }
  return { shared, maxAbsoluteDifference };
}
