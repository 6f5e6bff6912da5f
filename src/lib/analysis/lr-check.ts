/**
 * A learning-rate check, summarised: for every set-up of a sweep whose variants are learning
 * rates, the accuracy at each rate over seeds, the best rate, and whether the verdict "trained"
 * at the rate a map used survives a search over rates. A map's "does not train" is only as strong
 * as this check.
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
  /** The set-up's grid values, e.g. { "network.depth": 60, "init.sw2": 3 }. */
  point: Record<string, number>;
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

export function summariseLrCheck(sweep: SweepRecordData, referenceRate: number, trainedAccuracy: number): LrCheck {
  const groups = new Map<string, Run[]>();
  for (const run of sweep.runs) {
    const { hiddenLr, readoutLr } = run.config.optimiser;
    if (hiddenLr !== readoutLr) throw new Error(`lr check: run ${run.index} trains its hidden layers at ${hiddenLr} and its readout at ${readoutLr}; the check varies one rate`);
    const key = JSON.stringify(run.point);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const rates = [...new Set(sweep.runs.map((r) => r.config.optimiser.hiddenLr))].sort((a, b) => a - b);
  if (!rates.includes(referenceRate)) throw new Error(`lr check: the reference rate ${referenceRate} is not among the checked rates ${rates.join(', ')}`);
  const cells = [...groups].map(([key, runs]) => {
    const byRate = rates.map((learningRate) => {
      const accuracies = runs.filter((r) => r.config.optimiser.hiddenLr === learningRate).map(accuracyOf);
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
      point: JSON.parse(key) as Record<string, number>,
      rates: byRate,
      bestLearningRate: best.learningRate,
      bestMeanAccuracy: best.meanAccuracy,
      trainedAtReferenceRate: byRate.find((r) => r.learningRate === referenceRate)!.trained,
      trainedAtBestRate: best.trained,
    };
  });
  return { referenceRate, rates, cells, rescuedByRate: cells.filter((c) => c.trainedAtBestRate && !c.trainedAtReferenceRate).length };
}
