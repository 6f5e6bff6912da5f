/**
 * Measured states that can be believed (issue 14, item 4): a checkpoint's raw state flickers when
 * its gain sits near a threshold, so a run's state changes only when the new state persists for
 * k consecutive checkpoints; and "healthy" must also mean learning, so a checkpoint whose gain is
 * in the healthy band while the run makes no progress is "stalled", not healthy.
 */
import type { GradientState } from '../math/gradient-state.ts';

export type PersistentState = GradientState | 'stalled';

/** Whether a run is learning at a checkpoint: test accuracy above chance by a margin, or the training loss falling. */
export interface LearningCriterion {
  /** Test accuracy of a model that guesses (0.1 for ten classes). */
  chance: number;
  /** Learning when test accuracy exceeds chance + margin… */
  accuracyMargin: number;
  /** …or the training loss fell by at least this fraction since the previous evaluation. */
  lossDrop: number;
}

export function isLearning(
  point: { testAccuracy: number | null; trainLoss: number | null },
  previousTrainLoss: number | null,
  c: LearningCriterion,
): boolean {
  if (point.testAccuracy !== null && point.testAccuracy > c.chance + c.accuracyMargin) return true;
  return point.trainLoss !== null && previousTrainLoss !== null && point.trainLoss <= previousTrainLoss * (1 - c.lossDrop);
}

/** A healthy-gain checkpoint of a run that is not learning is stalled. */
export function withLearning(state: GradientState, learning: boolean): PersistentState {
  return state === 'healthy' && !learning ? 'stalled' : state;
}

/**
 * The path with flicker removed: the state changes only once a new state has been observed at
 * k consecutive checkpoints, and it changes at the first of them. The start is the first
 * checkpoint's state (initialisation is one measurement, not a trend). k = 1 returns the path.
 */
export function persistentPath<S extends string>(raw: readonly S[], k: number): S[] {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  if (raw.length === 0) return [];
  const out: S[] = [raw[0]!];
  let current = raw[0]!;
  for (let i = 1; i < raw.length; i++) {
    const candidate = raw[i]!;
    if (candidate !== current) {
      const run = raw.slice(i, i + k);
      if (run.length === k && run.every((s) => s === candidate)) current = candidate;
    }
    out.push(current);
  }
  return out;
}

/** Median and range of per-batch gains (the spread a single fixed batch hides). */
export function gainSpread(gains: readonly number[]): { median: number; min: number; max: number } {
  if (gains.length === 0) throw new RangeError('no gains');
  const sorted = [...gains].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}
