/**
 * Several trainings driven on the same mini-batches, one step at a time, each compared after
 * every step with the first (the reference) in the reference's units — so that two set-ups that
 * should be the same computation can be told apart from two that are not, step by step, without
 * storing whole parameter trajectories.
 */
import { relativeUnitsDifference } from './change-of-units';
import type { NetworkSpec, Parameters } from './network';

/** One training in the lockstep: anything that takes a step on a batch and shows its parameters. */
export interface LockstepMember<B> {
  /** A name for error messages. */
  name: string;
  /** One optimiser step on `batch`; returns the batch loss before the update. */
  step(batch: B): number;
  /** The current parameters, in float64. */
  parameters(): Parameters;
  /** Test loss and accuracy of the current parameters (optional). */
  evaluate?(): { loss: number; accuracy: number };
  /**
   * This member's hidden parameters are `hiddenScale` × the reference's when the two agree:
   * n for a tanh network matched to a tanh(n·x) reference, 1 for another tanh(n·x) network.
   */
  hiddenScale: number;
}

export interface TestPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export interface LockstepResult {
  /** losses[r][s]: member r's loss on batch s, at its parameters after s steps (s = 0..steps−1). */
  losses: number[][];
  /** tests[r]: test metrics every `evalEvery` steps and after the last (empty without `evaluate`). */
  tests: TestPoint[][];
  /**
   * parameterDifferences[r][s]: ‖θ_r − S·θ_0‖/‖S·θ_0‖ after s steps (s = 0..steps; see
   * relativeUnitsDifference), with S = hiddenScale_r on the hidden layers; [] for the reference.
   */
  parameterDifferences: number[][];
}

/**
 * Runs `steps` steps of every member on `batchAt(step)`. Member 0 is the reference. A non-finite
 * loss fails naming the member and step: the comparisons assume every run stays finite.
 */
export function trainInLockstep<B>(
  spec: NetworkSpec,
  members: readonly LockstepMember<B>[],
  options: { steps: number; evalEvery: number; batchAt(step: number): B },
): LockstepResult {
  const { steps, evalEvery } = options;
  if (members.length === 0) throw new RangeError('trainInLockstep needs at least one member');
  if (!(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`steps must be an integer ≥ 1, got ${steps}`);
  if (!(Number.isInteger(evalEvery) && evalEvery >= 1)) throw new RangeError(`evalEvery must be an integer ≥ 1, got ${evalEvery}`);
  const losses = members.map(() => [] as number[]);
  const tests = members.map(() => [] as TestPoint[]);
  const parameterDifferences = members.map(() => [] as number[]);
  const compare = () => {
    const reference = members[0]!.parameters();
    for (let r = 1; r < members.length; r++) {
      parameterDifferences[r]!.push(relativeUnitsDifference(spec, reference, members[r]!.parameters(), members[r]!.hiddenScale));
    }
  };
  const evaluate = (step: number) =>
    members.forEach((member, r) => {
      if (member.evaluate) tests[r]!.push({ step, ...member.evaluate() });
    });
  compare();
  evaluate(0);
  for (let step = 0; step < steps; step++) {
    const batch = options.batchAt(step);
    members.forEach((member, r) => {
      const loss = member.step(batch);
      if (!Number.isFinite(loss)) throw new Error(`${member.name}: loss ${loss} at step ${step}`);
      losses[r]!.push(loss);
    });
    compare();
    const taken = step + 1;
    if (taken % evalEvery === 0 || taken === steps) evaluate(taken);
  }
  return { losses, tests, parameterDifferences };
}

/**
 * The exponential growth of a positive series d_s (s = 0, 1, …): the least-squares slope of
 * log10 d_s against s over the entries inside [from, to], in decades per step. Null with fewer
 * than `minPoints` such entries.
 */
export function exponentialGrowth(
  series: readonly number[],
  window: { from: number; to: number },
  minPoints = 5,
): { decadesPerStep: number; points: number; firstStep: number; lastStep: number } | null {
  const points = series.flatMap((d, s) => (d >= window.from && d <= window.to ? [{ s, y: Math.log10(d) }] : []));
  if (points.length < Math.max(2, minPoints)) return null;
  const meanS = points.reduce((sum, p) => sum + p.s, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.s - meanS) * (p.y - meanY);
    sxx += (p.s - meanS) ** 2;
  }
  return { decadesPerStep: sxy / sxx, points: points.length, firstStep: points[0]!.s, lastStep: points.at(-1)!.s };
}

/** The first index at which series exceeds `threshold`, or null. */
export function firstIndexAbove(series: readonly number[], threshold: number): number | null {
  const index = series.findIndex((d) => d > threshold);
  return index === -1 ? null : index;
}
