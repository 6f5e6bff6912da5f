/**
 * The near-critical summary (src/lib/analysis/near-critical.ts) on a small hand-made sweep: the
 * mean-field values per set-up against independent calls, the deepest trained depth, n = 1
 * against the best n, and the refusals (a "critical" variant that is not, two seeds, no n = 1).
 */
import { describe, expect, it } from 'vitest';

import { summariseNearCritical, summariseNearCriticalRateCheck } from '../../../src/lib/analysis/near-critical';
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

describe('summariseNearCriticalRateCheck', () => {
  const at = (variant: string, n: number, lr: number, seed: number, accuracy: number | null, init?: { kind: string; sw2: number; sb2: number }) =>
    fakeRun({ variant, n, depth: 100, seed, accuracy, init, hiddenLr: lr, key: `${variant}-${lr}-${seed}` });
  const check = sweep([
    at('n=1', 1, 0.003, 1, 0.35), at('n=1', 1, 0.003, 2, 0.4),
    at('n=1.1', 1.1, 0.003, 1, 0.5), at('n=1.1', 1.1, 0.003, 2, 0.45),
    at('n=1.2', 1.2, 0.003, 1, 0.9), at('n=1.2', 1.2, 0.003, 2, 0.88),
    at('biased', 1, 0.003, 1, 0.7, biasedInit), at('biased', 1, 0.003, 2, 0.6, biasedInit),
  ]);

  it('joins the scan’s runs at the check’s depth (its rate) to the check’s, and compares every n with n = 1 at their best rates', () => {
    const c = summariseNearCriticalRateCheck(records(), check, 0.5);
    expect(c).toMatchObject({ depth: 100, referenceRate: 0.01, rates: [0.003, 0.01], rescuedByRate: 2 });
    // n = 1 is best at 0.003 (0.35, 0.4) rather than 0.01 (0.2, 0.3).
    expect(c.n1AtBestRate).toMatchObject({ learningRate: 0.003, minAccuracy: 0.35, maxAccuracy: 0.4 });
    // n = 1.1 is best at 0.01 (0.7, 0.6): clearly better; n = 1.2 at 0.003 (0.9, 0.88): clearly better.
    expect(c.nsClearlyBetterThanN1AtBestRates).toEqual([1.1, 1.2]);
    expect(c.bestMarginAtBestRates).toBeCloseTo(0.88 - 0.4, 12);
    const biased = c.cells.find((x) => x.setup === 'biased')!;
    expect(biased).toMatchObject({ n: 1, sb2: 0.05, bestLearningRate: 0.003, trainedAtReferenceRate: false, trainedAtBestRate: true });
    expect(c.cells.find((x) => x.setup === 'n=1.2')!.rates[1]).toMatchObject({ learningRate: 0.01, seeds: 2, minAccuracy: 0.1, maxAccuracy: 0.5 });
  });

  it('refuses a check variant the scan did not run at that depth, and a check without n = 1', () => {
    expect(() => summariseNearCriticalRateCheck(records(), sweep([at('n=1.5', 1.5, 0.003, 1, 0.5)]), 0.5)).toThrow(/"n=1.5" has no run in the near-critical scan at depth 100/);
    expect(() => summariseNearCriticalRateCheck(records(), sweep([at('n=1.1', 1.1, 0.003, 1, 0.5)]), 0.5)).toThrow(/no n = 1 variant/);
  });
});
