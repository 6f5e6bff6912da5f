/**
 * Fitting the trainability boundary "a network of depth L trains iff L ≤ c·ξ_c" to observed
 * trained/untrained cells: the c that misclassifies the fewest cells. Cells on the critical
 * line (ξ_c infinite, given as null) are predicted trainable at every depth.
 */
export interface BoundaryCell {
  depth: number;
  /** ξ_c at the cell; null where it is infinite. */
  xiC: number | null;
  trained: boolean;
}

export interface BoundaryFit {
  /** The middle of the range of c with the fewest misclassified cells. */
  c: number;
  low: number;
  high: number;
  misclassified: number;
}

export function misclassifiedCells(cells: readonly BoundaryCell[], c: number): number {
  return cells.filter((k) => (k.xiC === null || k.depth <= c * k.xiC) !== k.trained).length;
}

/** Scans `cGrid` (ascending); ties are resolved by reporting the whole best range and its middle. */
export function fitDepthScaleConstant(cells: readonly BoundaryCell[], cGrid: readonly number[]): BoundaryFit {
  if (cells.length === 0 || cGrid.length === 0) throw new RangeError('fitDepthScaleConstant: no cells or no candidate constants');
  const counts = cGrid.map((c) => misclassifiedCells(cells, c));
  const misclassified = Math.min(...counts);
  const best = cGrid.filter((_, i) => counts[i] === misclassified);
  const low = best[0]!;
  const high = best.at(-1)!;
  return { c: (low + high) / 2, low, high, misclassified };
}
