import { describe, expect, it } from 'vitest';
import { fitDepthScaleConstant, misclassifiedCells } from '../../../src/lib/math/boundary-fit.ts';
import { linearGrid } from '../../../src/lib/math/grid.ts';

const grid = linearGrid(0.5, 20, 1951);

describe('fitting the trainability boundary depth = c·ξ_c', () => {
  it('recovers the constant of cells generated from a known boundary, with its range of ambiguity', () => {
    // Cells at depths 10..100 and ξ_c from 2 to 20, trained exactly when depth ≤ 4·ξ_c.
    const cells = [2, 5, 8, 12, 20].flatMap((xiC) =>
      Array.from({ length: 10 }, (_, i) => ({ depth: 10 * (i + 1), xiC, trained: 10 * (i + 1) <= 4 * xiC })),
    );
    const fit = fitDepthScaleConstant(cells, grid);
    expect(fit.misclassified).toBe(0);
    // Depths come in steps of 10, so a range of c fits perfectly: ξ_c = 5 needs 4 ≤ c < 6,
    // ξ_c = 12 needs 40/12 ≤ c < 50/12, ξ_c = 20 needs 4 ≤ c < 4.5 … together 4 ≤ c < 4.1667.
    expect(fit.low).toBeCloseTo(4, 10);
    expect(fit.high).toBeCloseTo(4.16, 10);
    expect(misclassifiedCells(cells, fit.c)).toBe(0);
  });

  it('counts the cells a constant gets wrong, and treats ξ_c = ∞ as trainable at every depth', () => {
    const cells = [
      { depth: 50, xiC: 10, trained: true },
      { depth: 100, xiC: 10, trained: false },
      { depth: 100, xiC: null, trained: false },
    ];
    expect(misclassifiedCells(cells, 6)).toBe(1); // only the critical cell: predicted trainable
    expect(misclassifiedCells(cells, 4)).toBe(2); // 50 > 40 as well
    expect(fitDepthScaleConstant(cells, grid).misclassified).toBe(1);
  });
});
