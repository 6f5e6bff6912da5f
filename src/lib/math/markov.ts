/**
 * Estimating a discrete-time Markov chain from observed paths: counts of one-step transitions
 * i → j pooled over all paths, the maximum-likelihood transition probabilities
 * P(i → j) = n_ij / Σ_j n_ij, and a Wilson interval for each (each row is a multinomial; each
 * entry's marginal is binomial). Pooling assumes the chain is the same at every step and in
 * every path, which the caller should check rather than assume.
 */
import { wilsonInterval } from './binomial-interval';

export interface TransitionEstimate<S extends string> {
  from: S;
  /** Observed transitions out of `from` (including i → i). */
  total: number;
  to: Array<{
    state: S;
    count: number;
    /** n_ij / total; null when nothing was observed leaving `from`. */
    probability: number | null;
    low: number | null;
    high: number | null;
  }>;
}

/** n_ij: how often state j followed state i in consecutive entries of a path. */
export function transitionCounts<S extends string>(states: readonly S[], paths: ReadonlyArray<readonly S[]>): number[][] {
  const index = stateIndex(states);
  const counts = states.map(() => states.map(() => 0));
  paths.forEach((path, p) => {
    path.forEach((state, t) => {
      if (!index.has(state)) throw new RangeError(`path ${p}, position ${t}: unknown state "${String(state)}" (states: ${states.join(', ')})`);
    });
    for (let t = 1; t < path.length; t++) counts[index.get(path[t - 1]!)!]![index.get(path[t]!)!]! += 1;
  });
  return counts;
}

/** Maximum-likelihood transition probabilities with Wilson intervals, one row per state. */
export function estimateTransitions<S extends string>(states: readonly S[], counts: number[][], confidence = 0.95): TransitionEstimate<S>[] {
  if (counts.length !== states.length || counts.some((row) => row.length !== states.length)) {
    throw new RangeError(`counts must be ${states.length}×${states.length}, one row and column per state`);
  }
  return states.map((from, i) => {
    const row = counts[i]!;
    const total = row.reduce((a, b) => a + b, 0);
    return {
      from,
      total,
      to: states.map((state, j) => {
        if (total === 0) return { state, count: 0, probability: null, low: null, high: null };
        const { estimate, low, high } = wilsonInterval(row[j]!, total, confidence);
        return { state, count: row[j]!, probability: estimate, low, high };
      }),
    };
  });
}

export interface StateVisits {
  /** The path was in the state at least once (starting in it counts). */
  entered: boolean;
  /** After first being in the state, the path was somewhere else at least once. */
  left: boolean;
  /** The path's last entry is the state. */
  endedIn: boolean;
}

/** Whether a path ever was in `state`, ever left it, and ended in it: "is the state absorbing in practice?" */
export function visitsOf<S extends string>(path: readonly S[], state: S): StateVisits {
  const first = path.indexOf(state);
  const entered = first >= 0;
  const left = entered && path.slice(first + 1).some((s) => s !== state);
  return { entered, left, endedIn: entered && path.at(-1) === state };
}

function stateIndex<S extends string>(states: readonly S[]): Map<S, number> {
  const index = new Map<S, number>();
  states.forEach((s, i) => {
    if (index.has(s)) throw new RangeError(`state "${s}" is listed twice`);
    index.set(s, i);
  });
  return index;
}
