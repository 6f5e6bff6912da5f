/**
 * A learning-rate check, summarised: for every set-up of a set of runs that differ in their
 * learning rate, the accuracy at each rate over seeds, the best rate, and whether the verdict
 * "trained" at the rate a map or comparison used survives a search over rates. A "does not train"
 * is only as strong as this check.
 */
import type { SweepRecordData } from '../records/schemas/sweep.ts';
import { CHANCE_ACCURACY } from './chance.ts';

type Run = SweepRecordData['runs'][number];


export interface RateResult {
  learningRate: number;
  meanAccuracy: number;
  minAccuracy: number;
  maxAccuracy: number;
  seeds: number;
  trained: boolean;
}

export interface LrCheckCell {
  /** The set-up, as `setupOf` names it (by default its grid values as JSON, e.g. {"network.depth":60,"init.sw2":3}). */
  setup: string;
  rates: RateResult[];
  bestLearningRate: number;
  bestMeanAccuracy: number;
  trainedAtReferenceRate: boolean;
  trainedAtBestRate: boolean;
}

export interface LrCheck {
  referenceRate: number;
  rates: number[];
  cells: LrCheckCell[];
  /** Set-ups that train at some rate of the check but not at the reference rate. */
  rescuedByRate: number;
}

const accuracyOf = (run: Run) => run.result.final.testAccuracy ?? CHANCE_ACCURACY;

/** A sweep whose variants are learning rates: its set-ups are its grid points. */
export const byGridPoint = (run: Run): string => JSON.stringify(run.point);

/**
 * The check over `runs`, grouped into set-ups by `setupOf`. The runs may come from several
 * records (a comparison's runs at its one rate beside a check's at other rates); every set-up
 * must have runs at every rate.
 */
export function summariseLrCheck(runs: readonly Run[], referenceRate: number, trainedAccuracy: number, setupOf: (run: Run) => string = byGridPoint): LrCheck {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const { hiddenLr, readoutLr } = run.config.optimiser;
    if (hiddenLr !== readoutLr) throw new Error(`lr check: run ${run.key} trains its hidden layers at ${hiddenLr} and its readout at ${readoutLr}; the check varies one rate`);
    const key = setupOf(run);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const rates = [...new Set(runs.map((r) => r.config.optimiser.hiddenLr))].sort((a, b) => a - b);
  if (!rates.includes(referenceRate)) throw new Error(`lr check: the reference rate ${referenceRate} is not among the checked rates ${rates.join(', ')}`);
  const cells = [...groups].map(([key, setupRuns]) => {
    const byRate = rates.map((learningRate) => {
      const accuracies = setupRuns.filter((r) => r.config.optimiser.hiddenLr === learningRate).map(accuracyOf);
      if (accuracies.length === 0) throw new Error(`lr check: set-up ${key} has no run at η = ${learningRate}`);
      const meanAccuracy = accuracies.reduce((s, a) => s + a, 0) / accuracies.length;
      return {
        learningRate,
        meanAccuracy,
        minAccuracy: Math.min(...accuracies),
        maxAccuracy: Math.max(...accuracies),
        seeds: accuracies.length,
        trained: meanAccuracy >= trainedAccuracy,
      };
    });
    const best = byRate.reduce((b, r) => (r.meanAccuracy > b.meanAccuracy ? r : b));
    return {
      setup: key,
      rates: byRate,
      bestLearningRate: best.learningRate,
      bestMeanAccuracy: best.meanAccuracy,
      trainedAtReferenceRate: byRate.find((r) => r.learningRate === referenceRate)!.trained,
      trainedAtBestRate: best.trained,
    };
  });
  return { referenceRate, rates, cells, rescuedByRate: cells.filter((c) => c.trainedAtBestRate && !c.trainedAtReferenceRate).length };
}

/**
 * A check whose set-ups are variants (by name): the comparison's runs at its one rate and the
 * check's runs at the others, which must all share one depth and one step budget.
 */
export function variantLrCheck(runs: readonly Run[], referenceRate: number, trainedAccuracy: number) {
  const depths = [...new Set(runs.map((r) => r.config.network.depth))];
  const budgets = [...new Set(runs.map((r) => r.config.steps))];
  if (depths.length !== 1 || budgets.length !== 1) {
    throw new Error(`lr check: the runs must share one depth and one budget, got depths ${depths.join(', ')} and budgets of ${budgets.join(', ')} steps`);
  }
  const unnamed = runs.find((r) => r.variant === null);
  if (unnamed) throw new Error(`lr check: run ${unnamed.key} has no variant name, which names its set-up`);
  return { depth: depths[0]!, steps: budgets[0]!, ...summariseLrCheck(runs, referenceRate, trainedAccuracy, (r) => r.variant!) };
}
