/**
 * The near-critical scan, summarised: which n near 1 trains at depth, with the mean-field
 * quantities that explain it. σ_b² = 0 makes n = 1 degenerate (q* = 0), so the comparison that
 * matters is n = 1 against slightly larger n, and against critical points that have bias variance.
 */
import { chi1, depthScaleC, qStar } from '../math/meanfield';
import { tanhN } from '../math/activations';
import type { SweepRecordData } from '../records/schemas/sweep.ts';
import type { z } from 'zod';
import type { nearCriticalCell, nearCriticalRateCheck, nearCriticalSchema, nearCriticalSetup } from '../records/contracts/near-critical-analysis.ts';
import { CHANCE_ACCURACY } from './chance.ts';
import { variantLrCheck } from './lr-check.ts';

type Analysis = Omit<z.infer<typeof nearCriticalSchema>, 'rateCheck'>;
type RateCheck = z.infer<typeof nearCriticalRateCheck>;
type Setup = z.infer<typeof nearCriticalSetup>;
type Cell = z.infer<typeof nearCriticalCell>;
type Run = SweepRecordData['runs'][number];

/** χ1 of a "critical" variant may differ from 1 by the rounding of its σ_w² in the experiment file. */
export const CRITICAL_CHI1_TOLERANCE = 1e-4;
/**
 * An n "clearly" beats n = 1 at a depth when every seed of it beats every seed of n = 1 by at
 * least this much (absolute accuracy): with two seeds per cell, overlapping ranges rank nothing.
 */
export const CLEARLY_BETTER = 0.05;

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const best = (values: Array<number | null>) => values.reduce<number | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);

function cellOf(depth: number, runs: Run[], trainedAccuracy: number): Cell {
  const bySeed = [...runs].sort((a, b) => a.seed - b.seed);
  const accuracies = bySeed.map((r) => r.result.final.testAccuracy);
  const counted = accuracies.map((a) => a ?? CHANCE_ACCURACY);
  const seedsTrained = accuracies.filter((a) => a !== null && a >= trainedAccuracy).length;
  return {
    depth,
    seeds: bySeed.map((r) => r.seed),
    accuracies,
    meanAccuracy: counted.reduce((sum, a) => sum + a, 0) / counted.length,
    minAccuracy: Math.min(...counted),
    maxAccuracy: Math.max(...counted),
    peakAccuracy: best(bySeed.flatMap((r) => r.result.curve.map((p) => p.testAccuracy))),
    diverged: accuracies.filter((a) => a === null).length,
    stepsRun: bySeed.map((r) => r.result.stepsRun),
    seedsTrained,
    verdict: seedsTrained === bySeed.length ? 'trained' : seedsTrained === 0 ? 'failed' : 'undecided',
    curves: bySeed.map((r) => r.result.curve.map(({ step, testAccuracy }) => ({ step, testAccuracy }))),
  };
}

function setupOf(name: string, runs: Run[], trainedAccuracy: number): Setup {
  const { activation } = runs[0]!.config.network;
  const n = activation.kind === 'tanhN' ? activation.n : 1;
  const init = runs[0]!.config.init as { sw2: number; sb2: number };
  const act = tanhN(n);
  const depths = [...new Set(runs.map((r) => r.config.network.depth))].sort((a, b) => a - b);
  const cells = depths.map((depth) => cellOf(depth, runs.filter((r) => r.config.network.depth === depth), trainedAccuracy));
  const trainedDepths = cells.filter((c) => c.verdict === 'trained').map((c) => c.depth);
  return {
    name,
    n,
    sw2: init.sw2,
    sb2: init.sb2,
    chi1: chi1(act, init.sw2, init.sb2),
    qStar: qStar(act, init.sw2, init.sb2),
    xiC: finite(depthScaleC(act, init.sw2, init.sb2)),
    cells,
    deepestTrained: trainedDepths.length ? Math.max(...trainedDepths) : null,
  };
}

/** The smallest n of the scan from which every larger n failed at `depth` (null if the largest did not fail). */
function failsFrom(ray: Setup[], depth: number): number | null {
  let from: number | null = null;
  for (const s of [...ray].reverse()) {
    if (s.cells.find((c) => c.depth === depth)!.verdict !== 'failed') break;
    from = s.n;
  }
  return from;
}

export function summariseNearCritical(sweep: SweepRecordData, trainedAccuracy: number): Analysis {
  if (sweep.runs.length === 0) throw new Error('near-critical: the sweep has no runs');
  const seeds = [...new Set(sweep.runs.map((r) => r.seed))].sort((a, b) => a - b);
  for (const run of sweep.runs) {
    const twins = sweep.runs.filter((r) => r.variant === run.variant && r.config.network.depth === run.config.network.depth);
    if (twins.length !== seeds.length) {
      throw new Error(`near-critical: variant "${run.variant}" at depth ${run.config.network.depth} has ${twins.length} run(s), the sweep has ${seeds.length} seed(s)`);
    }
  }
  const byVariant = new Map<string, Run[]>();
  for (const run of sweep.runs) {
    const name = run.variant ?? 'base';
    byVariant.set(name, [...(byVariant.get(name) ?? []), run]);
  }
  const setups = [...byVariant].map(([name, runs]) => setupOf(name, runs, trainedAccuracy));
  const ray = setups.filter((s) => s.sb2 === 0 && s.sw2 === 1).sort((a, b) => a.n - b.n);
  const biased = setups.filter((s) => s.sb2 > 0);
  for (const s of biased) {
    if (Math.abs(s.chi1 - 1) > CRITICAL_CHI1_TOLERANCE) {
      throw new Error(`near-critical: variant "${s.name}" is meant to be critical but has χ1 = ${s.chi1} (σ_w² = ${s.sw2}, σ_b² = ${s.sb2})`);
    }
  }
  const n1 = ray.find((s) => s.n === 1);
  if (!n1) throw new Error('near-critical: the scan has no n = 1 variant');
  if (ray.length + biased.length !== setups.length) throw new Error('near-critical: a variant is neither on the σ_b² = 0 ray nor biased');
  const depths = n1.cells.map((c) => c.depth);
  for (const s of setups) {
    if (s.cells.map((c) => c.depth).join() !== depths.join()) throw new Error(`near-critical: variant "${s.name}" has depths ${s.cells.map((c) => c.depth).join(', ')}, n = 1 has ${depths.join(', ')}`);
  }
  const cellAt = (s: Setup, depth: number) => s.cells.find((c) => c.depth === depth)!;
  const byMean = (depth: number) => (a: Setup, b: Setup) => cellAt(b, depth).meanAccuracy - cellAt(a, depth).meanAccuracy;
  const byDepth = depths.map((depth) => {
    const n1Cell = cellAt(n1, depth);
    const ranked = [...ray].sort(byMean(depth));
    const rankedBiased = [...biased].sort(byMean(depth));
    return {
      depth,
      n1Accuracy: n1Cell.meanAccuracy,
      n1Range: [n1Cell.minAccuracy, n1Cell.maxAccuracy] as [number, number],
      bestN: ranked[0]!.n,
      bestNAccuracy: cellAt(ranked[0]!, depth).meanAccuracy,
      bestNRange: [cellAt(ranked[0]!, depth).minAccuracy, cellAt(ranked[0]!, depth).maxAccuracy] as [number, number],
      bestNMargin: cellAt(ranked[0]!, depth).minAccuracy - n1Cell.maxAccuracy,
      nsClearlyBetterThanN1: ray.filter((s) => cellAt(s, depth).minAccuracy >= n1Cell.maxAccuracy + CLEARLY_BETTER).map((s) => s.n),
      nsTrained: ray.filter((s) => cellAt(s, depth).verdict === 'trained').map((s) => s.n),
      failsFromN: failsFrom(ray, depth),
      bestBiasedName: rankedBiased[0]?.name ?? '',
      bestBiasedAccuracy: rankedBiased[0] ? cellAt(rankedBiased[0], depth).meanAccuracy : null,
    };
  });
  const first = sweep.runs[0]!.config;
  const ns = ray.map((s) => s.n);
  const steps = ns.slice(1).map((n, i) => n - ns[i]!);
  return {
    trainedAccuracy,
    setup: {
      width: first.network.width,
      steps: first.steps,
      batchSize: first.batchSize,
      learningRate: first.optimiser.hiddenLr,
      evalEvery: first.evalEvery,
      stopAtTestAccuracy: first.stopAtTestAccuracy ?? null,
      seeds,
      clearlyBetter: CLEARLY_BETTER,
      chance: CHANCE_ACCURACY,
      depths,
      ns,
      nStep: Math.max(...steps),
    },
    ray,
    biased,
    byDepth,
  };
}

/**
 * The learning-rate check at one depth: the scan's runs there (at its one rate) beside the
 * check's runs of the same variants at other rates, and whether the larger n that beat n = 1 still
 * beat it when each set-up gets its best rate.
 */
export function summariseNearCriticalRateCheck(scan: SweepRecordData, check: SweepRecordData, trainedAccuracy: number): RateCheck {
  if (check.runs.length === 0) throw new Error('near-critical-lr-check: the check has no runs');
  const depth = check.runs[0]!.config.network.depth;
  const names = new Set(check.runs.map((r) => r.variant));
  const atReference = scan.runs.filter((r) => names.has(r.variant) && r.config.network.depth === depth);
  for (const name of names) {
    if (!atReference.some((r) => r.variant === name)) throw new Error(`near-critical-lr-check: variant "${name}" has no run in the near-critical scan at depth ${depth}`);
  }
  const referenceRates = [...new Set(atReference.map((r) => r.config.optimiser.hiddenLr))];
  if (referenceRates.length !== 1) throw new Error(`near-critical-lr-check: the scan's runs at depth ${depth} use ${referenceRates.length} rates, expected one`);
  const joined = variantLrCheck([...atReference, ...check.runs], referenceRates[0]!, trainedAccuracy);
  const runOf = (name: string) => atReference.find((r) => r.variant === name)!;
  const nOf = (name: string) => {
    const { activation } = runOf(name).config.network;
    return activation.kind === 'tanhN' ? activation.n : 1;
  };
  const sb2Of = (name: string) => (runOf(name).config.init as { sb2: number }).sb2;
  const onRay = (name: string) => sb2Of(name) === 0;
  const atBest = (cell: RateCheck['cells'][number]) => cell.rates.find((r) => r.learningRate === cell.bestLearningRate)!;
  const cells = joined.cells.map(({ setup, ...rest }) => ({ setup, n: nOf(setup), sb2: sb2Of(setup), ...rest }));
  const n1 = cells.find((c) => onRay(c.setup) && c.n === 1);
  if (!n1) throw new Error('near-critical-lr-check: the check has no n = 1 variant');
  const n1Best = atBest(n1);
  const others = cells.filter((c) => onRay(c.setup) && c.n !== 1);
  if (others.length === 0) throw new Error('near-critical-lr-check: the check has no n other than 1 on the σ_b² = 0 ray');
  return {
    ...joined,
    cells,
    n1AtBestRate: { learningRate: n1Best.learningRate, meanAccuracy: n1Best.meanAccuracy, minAccuracy: n1Best.minAccuracy, maxAccuracy: n1Best.maxAccuracy },
    nsClearlyBetterThanN1AtBestRates: others
      .filter((c) => atBest(c).minAccuracy >= n1Best.maxAccuracy + CLEARLY_BETTER)
      .map((c) => c.n)
      .sort((a, b) => a - b),
    bestMarginAtBestRates: Math.max(...others.map((c) => atBest(c).minAccuracy - n1Best.maxAccuracy)),
  };
}
