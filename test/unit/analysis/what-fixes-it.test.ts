/**
 * The what-fixes-it summary (src/lib/analysis/what-fixes-it.ts) on small hand-made sweep records: means
 * over seeds with diverged runs counted as chance, the deepest trained depth, and the check
 * against trainability-ray's copy of the shared runs.
 */
import { describe, expect, it } from 'vitest';

import { summariseWhatFixesIt } from '../../../src/lib/analysis/what-fixes-it';
import { fakeRun, sweep } from './sweep-fixture';

const run = (variant: string, depth: number, seed: number, accuracy: number | null, init = { kind: 'gaussian', sw2: 1, sb2: 0 }, key?: string, lr = 0.01) =>
  fakeRun({ variant, depth, seed, accuracy, n: 2, init, key, hiddenLr: lr });

describe('summariseWhatFixesIt', () => {
  const critical = { kind: 'gaussian', sw2: 0.25, sb2: 0 };
  const records = sweep([
    run('standard', 10, 1, 0.8, undefined, 'shared-10'),
    run('standard', 10, 2, 0.6),
    run('standard', 50, 1, null, undefined, 'shared-50'),
    run('standard', 50, 2, 0.3),
    run('critical', 10, 1, 0.9, critical),
    run('critical', 10, 2, 0.7, critical),
    run('critical', 50, 1, null, critical),
    run('critical', 50, 2, null, critical),
  ]);
  const ray = sweep([run('x', 10, 1, 0.8, undefined, 'shared-10'), run('x', 50, 1, null, undefined, 'shared-50'), run('x', 20, 1, 0.5, undefined, 'other')]);
  const rates = sweep([
    run('standard', 50, 1, 0.45, undefined, 'rate-1', 0.001),
    run('standard', 50, 1, null, undefined, 'shared-50', 0.01),
    run('critical', 50, 1, null, critical, 'rate-3', 0.001),
    run('critical', 50, 1, null, critical, 'rate-4', 0.01),
  ]);
  // The deep check: smaller rates at the sweep's deepest depth, 50, where the sweep ran η = 0.01.
  const deepRates = sweep([
    run('standard', 50, 1, 0.2, undefined, 'deep-1', 0.001),
    run('critical', 50, 1, 0.65, critical, 'deep-2', 0.001),
  ]);
  const summarise = (r = ray, required = true, deep = deepRates) => summariseWhatFixesIt(records, rates, deep, r, 0.5, required);

  it('averages over seeds, counting a diverged run as chance (0.1), and null when every run diverged', () => {
    const s = summarise();
    const cell = (setup: string, depth: number) => s.cells.find((c) => c.setup === setup && c.depth === depth)!;
    expect(cell('standard', 10).meanAccuracy).toBeCloseTo(0.7, 15);
    expect(cell('standard', 50)).toMatchObject({ minAccuracy: 0.1, maxAccuracy: 0.3, diverged: 1, trained: false });
    expect(cell('standard', 50).meanAccuracy).toBeCloseTo(0.2, 15);
    expect(cell('critical', 50)).toMatchObject({ meanAccuracy: null, diverged: 2, trained: false });
    expect(s.deepestTrained).toEqual([
      { setup: 'standard', depth: 10 },
      { setup: 'critical', depth: 10 },
    ]);
  });

  it('reads each set-up’s configuration, with χ1 = 1 for tanh(2x) at σ_w² = 1/4', () => {
    const s = summarise();
    expect(s.setups.map((x) => [x.id, x.activationLabel, x.sw2])).toEqual([
      ['standard', 'tanh(2x)', 1],
      ['critical', 'tanh(2x)', 0.25],
    ]);
    expect(s.setups[1]!.chi1).toBeCloseTo(1, 10);
    expect(s.setups[0]!.chi1).toBeGreaterThan(1.3);
    expect(s.budget).toEqual({ steps: 10, batchSize: 4, learningRate: 0.01, width: 8, trainCount: 100, testCount: 50, seeds: 2 });
  });

  it('compares the runs it shares with trainability-ray by key', () => {
    expect(summarise().reproduction).toEqual({ depths: [10, 50], maxAbsoluteDifference: 0 });
    const changed = sweep([run('x', 10, 1, 0.75, undefined, 'shared-10')]);
    expect(summarise(changed).reproduction!.maxAbsoluteDifference).toBeCloseTo(0.05, 15);
  });

  it('fails loudly when a shared run diverged in only one record, or (when required) nothing is shared', () => {
    const diverging = sweep([run('x', 10, 1, null, undefined, 'shared-10')]);
    expect(() => summarise(diverging)).toThrow(/diverged in one record and not in the other/);
    expect(() => summarise(sweep([run('x', 10, 1, 0.8, undefined, 'none')]))).toThrow(/nothing to compare/);
    expect(summarise(sweep([run('x', 10, 1, 0.8, undefined, 'none')]), false).reproduction).toBeNull();
  });

  it('summarises the learning-rate check: the best rate per set-up, and its runs shared with the main sweep', () => {
    const { rateCheck } = summarise();
    expect(rateCheck.depth).toBe(50);
    expect(rateCheck.runs.map((r) => [r.setup, r.learningRate, r.accuracy])).toEqual([
      ['standard', 0.001, 0.45],
      ['standard', 0.01, null],
      ['critical', 0.001, null],
      ['critical', 0.01, null],
    ]);
    // All diverged: the first rate wins the tie at chance.
    expect(rateCheck.best).toEqual([
      { setup: 'standard', learningRate: 0.001, accuracy: 0.45 },
      { setup: 'critical', learningRate: 0.001, accuracy: 0.1 },
    ]);
    expect(rateCheck.sharedRuns).toBe(1);
    expect(rateCheck.maxAbsoluteDifference).toBe(0);
  });

  it('puts the deep check beside the sweep’s own runs at that depth, every seed of them at the sweep’s rate', () => {
    const { deepRateCheck } = summarise();
    expect(deepRateCheck).toMatchObject({ depth: 50, steps: 10, referenceRate: 0.01, rates: [0.001, 0.01], rescuedByRate: 1 });
    const critical = deepRateCheck.cells.find((c) => c.setup === 'critical')!;
    expect(critical).toMatchObject({ bestLearningRate: 0.001, bestMeanAccuracy: 0.65, trainedAtReferenceRate: false, trainedAtBestRate: true });
    // Both seeds at η = 0.01 diverged: counted at chance.
    expect(critical.rates[1]).toMatchObject({ learningRate: 0.01, seeds: 2, meanAccuracy: 0.1 });
    const standard = deepRateCheck.cells.find((c) => c.setup === 'standard')!;
    expect(standard.rates[1]!.meanAccuracy).toBeCloseTo(0.2, 15);
    expect(standard.trainedAtBestRate).toBe(false);
  });

  it('refuses a deep check whose set-up the sweep did not run at that depth, or at another depth than its own runs', () => {
    expect(() => summarise(ray, true, sweep([run('orthogonal', 50, 1, 0.5, undefined, 'deep-x', 0.001)]))).toThrow(/set-up "orthogonal" has no run in the what-fixes-it sweep at depth 50/);
    expect(() => summarise(ray, true, sweep([run('standard', 20, 1, 0.5, undefined, 'deep-y', 0.001)]))).toThrow(/no run in the what-fixes-it sweep at depth 20/);
  });
});
