/**
 * The near-critical summary (src/lib/analysis/near-critical.ts) on a small hand-made sweep: the
 * mean-field values per set-up against independent calls, the deepest trained depth, n = 1
 * against the best n, and the refusals (a "critical" variant that is not, two seeds, no n = 1).
 */
import { describe, expect, it } from 'vitest';

import { summariseNearCritical } from '../../../src/lib/analysis/near-critical';
import { chi1, criticalWeightVariance, depthScaleC, qStar } from '../../../src/lib/math/meanfield';
import { tanh1, tanhN } from '../../../src/lib/math/activations';
import { fakeRun, sweep } from './sweep-fixture';

const run = (variant: string, n: number, depth: number, accuracy: number | null, init = { kind: 'gaussian', sw2: 1, sb2: 0 }, seed = 1) =>
  fakeRun({
    variant,
    n,
    depth,
    seed,
    accuracy,
    init,
    curve: [
      { step: 0, trainLoss: null, testLoss: 2.3, testAccuracy: 0.1 },
      { step: 5, trainLoss: 2, testLoss: 2, testAccuracy: accuracy === null ? null : Math.min(0.95, accuracy + 0.2) },
      { step: 10, trainLoss: 2, testLoss: 2, testAccuracy: accuracy },
    ],
  });
const sw2Crit = criticalWeightVariance(tanh1, 0.05);
const biasedInit = { kind: 'gaussian', sw2: sw2Crit, sb2: 0.05 };
const records = () =>
  sweep([
    run('n=1', 1, 50, 0.6),
    run('n=1', 1, 50, 0.58, undefined, 2),
    run('n=1', 1, 100, 0.2),
    run('n=1', 1, 100, 0.3, undefined, 2),
    run('n=1.1', 1.1, 50, 0.9),
    run('n=1.1', 1.1, 50, 0.7, undefined, 2),
    run('n=1.1', 1.1, 100, 0.7),
    run('n=1.1', 1.1, 100, 0.6, undefined, 2),
    run('n=1.2', 1.2, 50, 0.62),
    run('n=1.2', 1.2, 50, 0.4, undefined, 2),
    run('n=1.2', 1.2, 100, null),
    run('n=1.2', 1.2, 100, 0.5, undefined, 2),
    run('biased', 1, 50, 0.8, biasedInit),
    run('biased', 1, 50, 0.8, biasedInit, 2),
    run('biased', 1, 100, 0.3, biasedInit),
    run('biased', 1, 100, 0.2, biasedInit, 2),
  ]);

describe('summariseNearCritical', () => {
  it('gives every set-up its mean-field values, computed independently', () => {
    const s = summariseNearCritical(records(), 0.5);
    expect(s.ray.map((r) => r.n)).toEqual([1, 1.1, 1.2]);
    const n11 = s.ray[1]!;
    expect(n11.chi1).toBe(chi1(tanhN(1.1), 1, 0));
    expect(n11.qStar).toBe(qStar(tanhN(1.1), 1, 0));
    expect(n11.xiC).toBe(depthScaleC(tanhN(1.1), 1, 0));
    // n = 1 at σ_b² = 0 sits on the critical line: an infinite depth scale is stored as null.
    expect(s.ray[0]!.xiC).toBeNull();
    expect(s.biased).toHaveLength(1);
    expect(s.biased[0]!.chi1).toBeCloseTo(1, 10);
    expect(s.setup.nStep).toBeCloseTo(0.1, 12);
    expect(s.setup.depths).toEqual([50, 100]);
    expect(s.setup.seeds).toEqual([1, 2]);
  });

  it('summarises each cell over seeds, counting a diverged run at chance', () => {
    const s = summariseNearCritical(records(), 0.5);
    const n12at100 = s.ray[2]!.cells[1]!;
    expect(n12at100).toMatchObject({ depth: 100, seeds: [1, 2], accuracies: [null, 0.5], diverged: 1, seedsTrained: 1, verdict: 'undecided' });
    expect(n12at100.meanAccuracy).toBeCloseTo((0.1 + 0.5) / 2, 12);
    expect([n12at100.minAccuracy, n12at100.maxAccuracy]).toEqual([0.1, 0.5]);
    expect(s.ray[1]!.cells[0]!.peakAccuracy).toBe(0.95);
    expect(s.ray[1]!.cells[0]!.curves).toHaveLength(2);
    expect(s.ray[0]!.cells[1]!.verdict).toBe('failed');
  });

  it('finds the deepest depth where every seed trained, the best n by mean, and the n clearly better than n = 1', () => {
    const s = summariseNearCritical(records(), 0.5);
    // n = 1.2 trained at depth 50 with one seed only (0.62, 0.4): undecided, so no trained depth.
    expect(s.ray.map((r) => r.deepestTrained)).toEqual([50, 100, null]);
    const d100 = s.byDepth.find((d) => d.depth === 100)!;
    expect(d100).toMatchObject({ bestN: 1.1, bestNRange: [0.6, 0.7], n1Range: [0.2, 0.3], nsClearlyBetterThanN1: [1.1], nsTrained: [1.1], bestBiasedName: 'biased' });
    expect(d100.n1Accuracy).toBeCloseTo(0.25, 12);
    expect(d100.bestNMargin).toBeCloseTo(0.6 - 0.3, 12);
    // At depth 100 n = 1.2 is undecided (diverged, 0.5), so no failing run of the largest n: null;
    // at depth 50 n = 1.2 is undecided too.
    expect(s.byDepth.map((d) => d.failsFromN)).toEqual([null, null]);
    expect(d100.bestBiasedAccuracy).toBeCloseTo(0.25, 12);
    // At depth 50 n = 1.1's seeds (0.9, 0.7) beat n = 1's best (0.6) by 0.1: clearly better;
    // n = 1.2 (0.62, 0.4) overlaps n = 1 (0.58, 0.6): not.
    expect(s.byDepth.find((d) => d.depth === 50)!.nsClearlyBetterThanN1).toEqual([1.1]);
  });

  it('finds the smallest n from which every larger n failed', () => {
    const scan = (a11: number, a12: number) =>
      sweep([run('n=1', 1, 50, 0.6), run('n=1.1', 1.1, 50, a11), run('n=1.2', 1.2, 50, a12)]);
    expect(summariseNearCritical(scan(0.2, 0.1), 0.5).byDepth[0]!.failsFromN).toBe(1.1);
    expect(summariseNearCritical(scan(0.7, 0.1), 0.5).byDepth[0]!.failsFromN).toBe(1.2);
    expect(summariseNearCritical(scan(0.2, 0.7), 0.5).byDepth[0]!.failsFromN).toBeNull();
  });

  it('refuses a "critical" variant that is not critical, a cell missing a seed, and a scan without n = 1', () => {
    const offLine = sweep([run('n=1', 1, 50, 0.5), run('biased', 1, 50, 0.5, { kind: 'gaussian', sw2: 1.7, sb2: 0.05 })]);
    expect(() => summariseNearCritical(offLine, 0.5)).toThrow(/"biased" is meant to be critical but has χ1/);
    expect(() => summariseNearCritical(sweep([run('n=1', 1, 50, 0.5), run('n=1', 1, 50, 0.5, undefined, 2), run('n=1', 1, 100, 0.5)]), 0.5)).toThrow(
      /"n=1" at depth 100 has 1 run\(s\), the sweep has 2 seed\(s\)/,
    );
    expect(() => summariseNearCritical(sweep([run('n=1.1', 1.1, 50, 0.5)]), 0.5)).toThrow(/no n = 1/);
  });
});
