/**
 * Trainings in lockstep (lockstep.ts): identical members stay at difference 0, a member in other
 * units is compared in the reference's units, evaluations land where asked, a non-finite loss
 * fails naming the member; the growth fit recovers a known rate.
 */
import { describe, expect, it } from 'vitest';

import { exponentialGrowth, firstIndexAbove, trainInLockstep, type LockstepMember } from '../../../src/lib/math/lockstep';
import type { NetworkSpec, Parameters } from '../../../src/lib/math/network';

const spec: NetworkSpec = { inputSize: 1, width: 1, depth: 1, outputSize: 1, activation: { kind: 'tanhN', n: 2 } };

/** A fake training: θ ← θ·factor each step (hidden and readout), loss = hidden weight. */
function member(name: string, hidden: number, factor: number, hiddenScale = 1): LockstepMember<number> & { batches: number[] } {
  const params: Parameters = { weights: [Float64Array.of(hidden), Float64Array.of(1)], biases: [Float64Array.of(0), Float64Array.of(0)] };
  const batches: number[] = [];
  return {
    name,
    hiddenScale,
    batches,
    step(batch) {
      batches.push(batch);
      const loss = params.weights[0]![0]!;
      params.weights[0]![0]! *= factor;
      return loss;
    },
    parameters: () => params,
    evaluate: () => ({ loss: params.weights[0]![0]!, accuracy: 0.5 }),
  };
}

describe('trainInLockstep', () => {
  it('feeds every member the same batches and compares in the reference’s units', () => {
    const a = member('a', 1, 1.1);
    const b = member('b', 3, 1.1, 3); // the same trajectory in units three times larger
    const c = member('c', 1, 1.2);
    const result = trainInLockstep(spec, [a, b, c], { steps: 5, evalEvery: 2, batchAt: (s) => 10 + s });
    expect(a.batches).toEqual([10, 11, 12, 13, 14]);
    expect(b.batches).toEqual(a.batches);
    expect(result.losses[0]).toHaveLength(5);
    expect(result.parameterDifferences[0]).toEqual([]);
    expect(result.parameterDifferences[1]).toHaveLength(6);
    result.parameterDifferences[1]!.forEach((d) => expect(d).toBeLessThan(1e-15));
    expect(result.parameterDifferences[2]![0]).toBe(0);
    expect(result.parameterDifferences[2]![5]).toBeGreaterThan(0.1);
    expect(result.tests[0]!.map((t) => t.step)).toEqual([0, 2, 4, 5]);
  });

  it('fails naming the member and step of a non-finite loss', () => {
    const bad = member('the bad one', 1, Number.POSITIVE_INFINITY);
    expect(() => trainInLockstep(spec, [member('a', 1, 1), bad], { steps: 3, evalEvery: 1, batchAt: () => 0 })).toThrow(/the bad one: loss Infinity at step 1/);
  });
});

describe('exponentialGrowth', () => {
  it('recovers the rate of a geometric series inside the window, ignoring what lies outside', () => {
    const series = Array.from({ length: 60 }, (_, s) => Math.min(1e-16 * 10 ** (0.25 * s), 1e-2));
    const fit = exponentialGrowth(series, { from: 1e-14, to: 1e-4 })!;
    expect(fit.decadesPerStep).toBeCloseTo(0.25, 10);
    expect(fit.firstStep).toBe(8);
    expect(fit.lastStep).toBe(48);
  });

  it('is null with too few points in the window', () => {
    expect(exponentialGrowth([1e-16, 1e-15, 1e-3], { from: 1e-14, to: 1e-4 })).toBeNull();
  });

  it('firstIndexAbove', () => {
    expect(firstIndexAbove([0, 1e-13, 1e-11, 1e-5], 1e-12)).toBe(2);
    expect(firstIndexAbove([0, 1e-13], 1e-12)).toBeNull();
  });
});
