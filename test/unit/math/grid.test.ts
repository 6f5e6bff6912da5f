import { describe, expect, it } from 'vitest';
import { linearGrid, logGrid } from '../../../src/lib/math/grid.ts';

describe('grids', () => {
  it('a linear grid hits both ends exactly and is evenly spaced', () => {
    const xs = linearGrid(-3, 3, 241);
    expect(xs).toHaveLength(241);
    expect(xs[0]).toBe(-3);
    expect(xs[240]).toBe(3);
    expect(xs[120]).toBe(0);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeCloseTo(0.025, 12);
  });

  it('a log grid hits both ends exactly and has a constant ratio', () => {
    const xs = logGrid(0.05, 5, 161);
    expect(xs[0]).toBe(0.05);
    expect(xs[160]).toBe(5);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! / xs[i - 1]!).toBeCloseTo(100 ** (1 / 160), 12);
  });

  it('rejects degenerate arguments', () => {
    expect(() => linearGrid(0, 1, 1)).toThrow(RangeError);
    expect(() => logGrid(0, 1, 5)).toThrow(RangeError);
  });
});
