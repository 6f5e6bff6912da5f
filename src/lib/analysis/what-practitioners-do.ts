/**
 * The what-practitioners-do sweep, per set-up and depth, at each set-up's best learning rate of
 * the check: whether it trains, whether that best rate is at the edge of the rates tried, and
 * whether its runs were still learning when the budget ran out — what a "does not train beyond
 * depth D" needs before it can be said.
 */
import { activationOf } from '../math/network.ts';
import type { DataOf } from '../records/contract.ts';
import type whatPractitionersDoSummary from '../records/contracts/what-practitioners-do-summary.ts';
import type { SweepRecordData as SweepDataset } from '../records/schemas/sweep.ts';
import { summariseLrCheck } from './lr-check.ts';

type Summary = DataOf<typeof whatPractitionersDoSummary>;
type Run = SweepDataset['runs'][number];

/** The budget of /what-fixes-it/'s comparison, which this sweep must share to be compared with it. */
export interface ComparisonBudget {
  steps: number;
  batchSize: number;
  width: number;
  trainCount: number;
  testCount: number;
  learningRate: number;
}

export interface PractitionersOptions {
  trainedAccuracy: number;
  risingWindowSteps: number;
  risingBy: number;
}

/** "residual-tanh/lr=0.01" → "residual-tanh": the set-up a run belongs to, without its rate. */
export function setupOf(run: Run): string {
  const name = run.variant;
  const cut = name?.lastIndexOf('/lr=') ?? -1;
  if (name === null || cut <= 0) throw new Error(`what-practitioners-do: run ${run.key} has variant ${JSON.stringify(name)}, not "<set-up>/lr=<rate>"`);
  return name.slice(0, cut);
}

/** Every run must share the budget of the comparison it is shown beside; names the first field that differs. */
function checkBudget(runs: readonly Run[], comparison: ComparisonBudget): void {
  for (const run of runs) {
    const { config } = run;
    const own: Record<keyof Omit<ComparisonBudget, 'learningRate'>, number> = {
      steps: config.steps,
      batchSize: config.batchSize,
      width: config.network.width,
      trainCount: config.task.kind === 'mnist' ? config.task.trainCount : -1,
      testCount: config.task.kind === 'mnist' ? config.task.testCount : -1,
    };
    for (const [field, value] of Object.entries(own) as Array<[keyof typeof own, number]>) {
      if (value !== comparison[field]) {
        throw new Error(`what-practitioners-do: run ${run.key} has ${field} = ${value}, /what-fixes-it/'s comparison ${comparison[field]}; the two are shown side by side and must share a budget`);
      }
    }
  }
}

/** A completed run whose test accuracy rose by at least `by` over its last `window` steps. */
export function stillRising(run: Run, window: number, by: number): boolean {
  if (run.result.outcome !== 'completed') return false;
  const points = run.result.curve.filter((p) => p.testAccuracy !== null);
  const last = points.at(-1);
  if (!last) return false;
  const earlier = points.filter((p) => p.step <= last.step - window).at(-1);
  return earlier !== undefined && last.testAccuracy! - earlier.testAccuracy! >= by;
}

export function summariseWhatPractitionersDo(sweep: SweepDataset, comparison: ComparisonBudget, options: PractitionersOptions): Summary {
  const { runs } = sweep;
  if (runs.length === 0) throw new Error('what-practitioners-do: the sweep has no runs');
  checkBudget(runs, comparison);
  const setupIds = [...new Set(runs.map(setupOf))];
  const depths = [...new Set(runs.map((r) => r.config.network.depth))].sort((a, b) => a - b);
  const rates = [...new Set(runs.map((r) => r.config.optimiser.hiddenLr))].sort((a, b) => a - b);

  const setups = setupIds.map((id) => {
    const { network, init, optimiser } = runs.find((r) => setupOf(r) === id)!.config;
    if (init.kind === 'glorot-uniform') throw new Error(`what-practitioners-do: set-up ${id} uses glorot-uniform, which has no σ_w²`);
    return {
      id,
      activationLabel: activationOf(network.activation).label,
      sw2: init.sw2,
      sb2: init.sb2,
      residual: network.residual?.branchScale ?? null,
      layerNorm: network.layerNorm === true,
      clipNorm: optimiser.kind === 'sgd' ? (optimiser.clipNorm ?? null) : null,
    };
  });

  const cells = setupIds.flatMap((setup) =>
    depths.map((depth) => {
      const here = runs.filter((r) => setupOf(r) === setup && r.config.network.depth === depth);
      const missing = rates.filter((lr) => !here.some((r) => r.config.optimiser.hiddenLr === lr));
      if (missing.length > 0) throw new Error(`what-practitioners-do: set-up ${setup} at depth ${depth} lacks some of the rates: no run at η = ${missing.join(', ')}`);
      const check = summariseLrCheck(here, comparison.learningRate, options.trainedAccuracy, () => setup).cells[0]!;
      const atBest = here.filter((r) => r.config.optimiser.hiddenLr === check.bestLearningRate);
      const reachedStop = atBest.every((r) => r.result.outcome === 'stopped');
      const edge = reachedStop ? null : check.bestLearningRate === rates[0] ? 'smallest' : check.bestLearningRate === rates.at(-1) ? 'largest' : null;
      const { setup: _, ...fields } = check;
      return { setup, depth, ...fields, reachedStop, bestRateAtEdge: edge, stillRising: atBest.some((r) => stillRising(r, options.risingWindowSteps, options.risingBy)) } as const;
    }),
  );

  const deepestTrained = setupIds.map((setup) => {
    const own = cells.filter((c) => c.setup === setup);
    const trained = own.filter((c) => c.trainedAtBestRate).map((c) => c.depth);
    const depth = trained.length === 0 ? null : Math.max(...trained);
    return { setup, depth, trainedAtEveryShallowerDepth: depth !== null && own.every((c) => c.depth > depth || c.trainedAtBestRate) };
  });

  const deepest = depths.at(-1)!;
  const deepCurves = cells
    .filter((c) => c.depth === deepest)
    .flatMap((c) =>
      runs
        .filter((r) => setupOf(r) === c.setup && r.config.network.depth === deepest && r.config.optimiser.hiddenLr === c.bestLearningRate)
        .map((r) => ({
          setup: c.setup,
          depth: deepest,
          learningRate: c.bestLearningRate,
          seed: r.seed,
          outcome: r.result.outcome,
          points: r.result.curve.map((p) => ({ step: p.step, testAccuracy: p.testAccuracy })),
        })),
    );

  const first = runs[0]!.config;
  return {
    ...options,
    budget: {
      steps: first.steps,
      batchSize: first.batchSize,
      evalEvery: first.evalEvery,
      width: first.network.width,
      trainCount: comparison.trainCount,
      testCount: comparison.testCount,
      seeds: new Set(runs.map((r) => r.seed)).size,
      stopAtTestAccuracy: first.stopAtTestAccuracy ?? null,
    },
    rates,
    referenceRate: comparison.learningRate,
    depths,
    setups,
    cells,
    deepestTrained,
    deepCurves,
  };
}
