/**
 * How a training run driven in lockstep with a reference (src/lib/math/lockstep.ts) differs from
 * it: the largest loss difference on the same batches, and how the relative parameter difference
 * in common units grows. Shared by the float64 and float32 change-of-units records.
 */
import { exponentialGrowth } from '../math/lockstep.ts';

const threeDigits = (x: number) => Number(x.toPrecision(3));

export interface LockstepComparison {
  largestLossDifference: number;
  largestParameterDifference: number;
  finalParameterDifference: number;
  /** Relative parameter difference after s = 0..steps steps, to 3 significant digits. */
  parameterDifference: number[];
  growth: { decadesPer100Steps: number; points: number; firstStep: number; lastStep: number } | null;
}

/**
 * `losses` against `referenceLosses` step by step; `differences` the relative parameter
 * difference after each step. Growth is fitted inside `window` with at least `minPoints` steps.
 */
export function compareLockstep(
  referenceLosses: readonly number[],
  losses: readonly number[],
  differences: readonly number[],
  window: { from: number; to: number },
  minPoints: number,
): LockstepComparison {
  const growth = exponentialGrowth([...differences], window, minPoints);
  return {
    largestLossDifference: losses.reduce((m, loss, s) => Math.max(m, Math.abs(loss - referenceLosses[s]!)), 0),
    largestParameterDifference: Math.max(...differences),
    finalParameterDifference: differences.at(-1)!,
    parameterDifference: differences.map(threeDigits),
    growth: growth && { decadesPer100Steps: growth.decadesPerStep * 100, points: growth.points, firstStep: growth.firstStep, lastStep: growth.lastStep },
  };
}
