/** `count` evenly spaced points from `from` to `to`, both included. */
export function linearGrid(from: number, to: number, count: number): number[] {
  if (!(count >= 2)) throw new RangeError(`linearGrid: count must be ≥ 2, got ${count}`);
  // from + i·step accumulates no error, unlike repeated addition.
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? to : from + ((to - from) * i) / (count - 1)));
}

/** `count` log-spaced points from `from` to `to` (both > 0), both included. */
export function logGrid(from: number, to: number, count: number): number[] {
  if (!(from > 0 && to > 0)) throw new RangeError(`logGrid: bounds must be > 0, got ${from}, ${to}`);
  return linearGrid(Math.log(from), Math.log(to), count).map((u, i) =>
    i === 0 ? from : i === count - 1 ? to : Math.exp(u),
  );
}
