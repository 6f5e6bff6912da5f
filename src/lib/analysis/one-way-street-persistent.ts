/**
 * The one-way street measured so it can be believed (issue 14, item 4): the gain of a checkpoint
 * is the median over several fixed batches (with its range), a state counts only once it persists
 * for k checkpoints, and a healthy gain without learning is "stalled". Then: did any run that
 * entered the vanished state ever resume learning?
 */
import { z } from 'zod';
import { DatasetError } from '../io/errors.ts';
import { classifyRelativeGain, firstLayerGain, referenceGain, type StateThresholds } from '../math/gradient-state.ts';
import { estimateTransitions, transitionCounts } from '../math/markov.ts';
import type { SweepRecordData as SweepDataset } from '../records/schemas/sweep.ts';
import { gainSpread, isLearning, persistentPath, withLearning, type LearningCriterion, type PersistentState } from './state-persistence.ts';

export const PERSISTENT_STATES = ['healthy', 'stalled', 'vanished', 'exploded'] as const satisfies readonly PersistentState[];

export const persistenceConfigSchema = z
  .object({
    /** A new state counts once seen at this many consecutive checkpoints. */
    k: z.number().int().min(1),
    learning: z.object({ chance: z.number().min(0).max(1), accuracyMargin: z.number().min(0), lossDrop: z.number().min(0).lt(1) }).strict(),
  })
  .strict();
export type PersistenceConfig = z.infer<typeof persistenceConfigSchema>;

type SweepRun = SweepDataset['runs'][number];

/** Per-batch gains of every checkpoint (one value when the run measured a single batch). */
function batchGains(r: SweepRun): Array<{ step: number; gains: number[] }> {
  return r.result.gradients.map((g) => ({
    step: g.step,
    gains: g.perBatch
      ? g.perBatch.map((b) => firstLayerGain(b.firstGradWNorm, b.lastGradHNorm))
      : [firstLayerGain(g.gradWNorm[0] ?? null, g.gradHNorm.at(-1) ?? null)],
  }));
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

const setupOf = (r: SweepRun) => {
  const a = r.config.network.activation;
  const i = r.config.init;
  if (a.kind !== 'tanhN' || i.kind !== 'gaussian') throw new Error(`run ${r.index}: expected tanhN and gaussian init`);
  return { depth: r.config.network.depth, n: a.n, sw2: i.sw2 };
};

export function persistentSummary(
  sweep: SweepDataset,
  reference: { n: number; sw2: number },
  thresholds: StateThresholds,
  persistence: PersistenceConfig,
  confidence: number,
  file: string,
) {
  const criterion: LearningCriterion = persistence.learning;
  // G_ref per depth: geometric mean over the reference runs of their median gain at step 0.
  const refs = new Map<number, number[]>();
  for (const r of sweep.runs) {
    const s = setupOf(r);
    if (s.n !== reference.n || s.sw2 !== reference.sw2) continue;
    const first = batchGains(r)[0];
    if (!first || first.step !== 0) throw new DatasetError(file, `run ${r.index}: no gradient checkpoint at step 0`);
    refs.set(s.depth, [...(refs.get(s.depth) ?? []), gainSpread(first.gains).median]);
  }
  const runs = sweep.runs.map((r) => {
    const s = setupOf(r);
    const gains = refs.get(s.depth);
    if (!gains) throw new DatasetError(file, `no reference run (n = ${reference.n}, σ_w² = ${reference.sw2}) at depth ${s.depth}`);
    const gRef = referenceGain(gains);
    const curve = new Map(r.result.curve.map((p, i) => [p.step, { point: p, previous: r.result.curve[i - 1] ?? null }]));
    const checkpoints = batchGains(r).map(({ step, gains: gs }) => {
      const spread = gainSpread(gs);
      const gainState = classifyRelativeGain(spread.median / gRef, thresholds);
      const at = curve.get(step);
      if (!at) throw new DatasetError(file, `run ${r.index}: gradient checkpoint at step ${step} has no evaluation; set evalEvery to gradientStats.every`);
      // At initialisation nothing has been learned yet: the state is the gain's alone.
      const learning = step === 0 ? null : isLearning(at.point, at.previous?.trainLoss ?? null, criterion);
      const raw: PersistentState = learning === null ? gainState : withLearning(gainState, learning);
      return {
        step,
        relativeGain: finite(spread.median / gRef),
        relativeGainMin: finite(spread.min / gRef),
        relativeGainMax: finite(spread.max / gRef),
        testAccuracy: at.point.testAccuracy,
        learning,
        raw,
      };
    });
    const path = persistentPath(
      checkpoints.map((c) => c.raw),
      persistence.k,
    );
    const learningFlags = checkpoints.map((c) => c.learning === true);
    const firstVanished = path.indexOf('vanished');
    // Resumed: after first entering "vanished", k consecutive learning checkpoints.
    const resumed = firstVanished >= 0 && persistentPath(learningFlags.slice(firstVanished).map(String), persistence.k).includes('true');
    return { ...s, seed: r.seed, finalTestAccuracy: r.result.final.testAccuracy, path, checkpoints, enteredVanished: firstVanished >= 0, resumedLearning: resumed };
  });
  const rows = estimateTransitions(PERSISTENT_STATES, transitionCounts(PERSISTENT_STATES, runs.map((r) => r.path)), confidence);
  return {
    k: persistence.k,
    learning: persistence.learning,
    runs,
    transitions: rows,
    enteredVanished: runs.filter((r) => r.enteredVanished).length,
    resumedLearningAfterVanished: runs.filter((r) => r.resumedLearning).length,
    // How large the gain of a network that is healthy and learning gets: the evidence that the
    // healthy band is not wider than learning needs.
    learningGain: rangeOf(runs.flatMap((r) => r.checkpoints.filter((c, i) => r.path[i] === 'healthy' && c.learning === true).map((c) => c.relativeGain))),
  };
}

/** Smallest and largest of the finite values (null when there are none). */
function rangeOf(values: Array<number | null>): { min: number; max: number } | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length === 0 ? null : { min: Math.min(...finite), max: Math.max(...finite) };
}
