/**
 * The near-critical scan, summarised: which n near 1 trains at depth, with the mean-field
 * quantities that explain it. σ_b² = 0 makes n = 1 degenerate (q* = 0), so the comparison that
 * matters is n = 1 against slightly larger n, and against critical points that have bias variance.
 */
import { chi1, depthScaleC, qStar } from '../math/meanfield';
import { tanhN } from '../math/activations';
import type { SweepRecordData } from '../records/schemas/sweep.ts';
import type { z } from 'zod';
import type { nearCriticalSchema, nearCriticalSetup } from '../records/contracts/near-critical-analysis.ts';

type Analysis = z.infer<typeof nearCriticalSchema>;
type Setup = z.infer<typeof nearCriticalSetup>;
type Run = SweepRecordData['runs'][number];

/** χ1 of a "critical" variant may differ from 1 by the rounding of its σ_w² in the experiment file. */
export const CRITICAL_CHI1_TOLERANCE = 1e-4;
/** An n "clearly" beats n = 1 when its accuracy is higher by this much (one seed: differences below it are noise-level). */
export const CLEARLY_BETTER = 0.05;

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const best = (values: Array<number | null>) => values.reduce<number | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);

function setupOf(name: string, runs: Run[], trainedAccuracy: number): Setup {
  const { activation } = runs[0]!.config.network;
  const n = activation.kind === 'tanhN' ? activation.n : 1;
  const init = runs[0]!.config.init as { sw2: number; sb2: number };
  const act = tanhN(n);
  const cells = runs
    .map((run) => {
      const accuracy = run.result.final.testAccuracy;
      return {
        depth: run.config.network.depth,
        accuracy,
        peakAccuracy: best(run.result.curve.map((p) => p.testAccuracy)),
        outcome: run.result.outcome,
        stepsRun: run.result.stepsRun,
        trained: accuracy !== null && accuracy >= trainedAccuracy,
        curve: run.result.curve.map(({ step, testAccuracy }) => ({ step, testAccuracy })),
      };
    })
    .sort((a, b) => a.depth - b.depth);
  const trainedDepths = cells.filter((c) => c.trained).map((c) => c.depth);
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

export function summariseNearCritical(sweep: SweepRecordData, trainedAccuracy: number): Analysis {
  if (sweep.runs.length === 0) throw new Error('near-critical: the sweep has no runs');
  const seeds = new Set(sweep.runs.map((r) => r.seed));
  if (seeds.size !== 1) throw new Error(`near-critical: the summary expects one seed per cell, found ${seeds.size}`);
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
  const accuracyAt = (s: Setup, depth: number) => s.cells.find((c) => c.depth === depth)?.accuracy ?? null;
  const byDepth = depths.map((depth) => {
    const n1Accuracy = accuracyAt(n1, depth);
    const ranked = [...ray].sort((a, b) => (accuracyAt(b, depth) ?? -1) - (accuracyAt(a, depth) ?? -1));
    const rankedBiased = [...biased].sort((a, b) => (accuracyAt(b, depth) ?? -1) - (accuracyAt(a, depth) ?? -1));
    return {
      depth,
      n1Accuracy,
      bestN: ranked[0]!.n,
      bestNAccuracy: accuracyAt(ranked[0]!, depth),
      nsClearlyBetterThanN1: ray
        .filter((s) => (accuracyAt(s, depth) ?? -1) >= (n1Accuracy ?? 0) + CLEARLY_BETTER)
        .map((s) => s.n),
      bestBiasedName: rankedBiased[0]?.name ?? '',
      bestBiasedAccuracy: rankedBiased[0] ? accuracyAt(rankedBiased[0], depth) : null,
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
      seeds: seeds.size,
      depths,
      ns,
      nStep: Math.max(...steps),
    },
    ray,
    biased,
    byDepth,
  };
}
