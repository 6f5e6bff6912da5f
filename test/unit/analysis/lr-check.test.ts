/** The learning-rate check summary (src/lib/analysis/lr-check.ts) on a hand-made sweep. */
import { describe, expect, it } from 'vitest';
import { summariseLrCheck, variantLrCheck } from '../../../src/lib/analysis/lr-check';
import { fakeRun, sweep } from './sweep-fixture';

const run = (depth: number, lr: number, seed: number, accuracy: number | null, readoutLr = lr) =>
  fakeRun({ variant: `η = ${lr}`, depth, seed, accuracy, hiddenLr: lr, readoutLr, key: `${depth}-${lr}-${seed}` });

describe('summariseLrCheck', () => {
  const records = sweep([
    run(20, 0.01, 1, 0.9), run(20, 0.01, 2, 0.8), run(20, 0.03, 1, 0.95), run(20, 0.03, 2, null),
    run(60, 0.01, 1, 0.2), run(60, 0.01, 2, 0.3), run(60, 0.03, 1, 0.6), run(60, 0.03, 2, 0.7),
  ]);
  it('gives mean, range and verdict per rate, counting a diverged run as chance', () => {
    const s = summariseLrCheck(records.runs, 0.01, 0.5);
    expect(s.rates).toEqual([0.01, 0.03]);
    const d20 = s.cells.find((c) => JSON.parse(c.setup)['network.depth'] === 20)!;
    expect(d20.rates[1]).toMatchObject({ learningRate: 0.03, minAccuracy: 0.1, maxAccuracy: 0.95, seeds: 2, trained: true });
    expect(d20.rates[1]!.meanAccuracy).toBeCloseTo(0.525, 12);
    expect(d20.bestLearningRate).toBe(0.01);
  });
  it('counts the set-ups a better rate rescues', () => {
    const s = summariseLrCheck(records.runs, 0.01, 0.5);
    const d60 = s.cells.find((c) => JSON.parse(c.setup)['network.depth'] === 60)!;
    expect(d60).toMatchObject({ bestLearningRate: 0.03, trainedAtReferenceRate: false, trainedAtBestRate: true });
    expect(s.rescuedByRate).toBe(1);
  });
  it('refuses a reference rate that was not checked, and split hidden/readout rates', () => {
    expect(() => summariseLrCheck(records.runs, 0.1, 0.5)).toThrow(/reference rate 0.1/);
    expect(() => summariseLrCheck(sweep([run(20, 0.01, 1, 0.5, 0.02)]).runs, 0.01, 0.5)).toThrow(/one rate/);
  });
});

describe('variantLrCheck', () => {
  const at = (variant: string, depth: number, lr: number, accuracy: number) => fakeRun({ variant, depth, seed: 1, accuracy, hiddenLr: lr, key: `${variant}-${depth}-${lr}` });
  it('names set-ups by variant and reads the one depth and budget', () => {
    const c = variantLrCheck([at('a', 100, 0.01, 0.2), at('a', 100, 0.003, 0.7), at('b', 100, 0.01, 0.6), at('b', 100, 0.003, 0.3)], 0.01, 0.5);
    expect(c).toMatchObject({ depth: 100, steps: 10, rates: [0.003, 0.01], rescuedByRate: 1 });
    expect(c.cells.map((x) => [x.setup, x.bestLearningRate])).toEqual([['a', 0.003], ['b', 0.01]]);
  });
  it('refuses runs at two depths, and a set-up missing a rate', () => {
    expect(() => variantLrCheck([at('a', 100, 0.01, 0.2), at('a', 200, 0.003, 0.7)], 0.01, 0.5)).toThrow(/one depth and one budget, got depths 100, 200/);
    expect(() => variantLrCheck([at('a', 100, 0.01, 0.2), at('a', 100, 0.003, 0.7), at('b', 100, 0.01, 0.6)], 0.01, 0.5)).toThrow(/set-up b has no run at η = 0.003/);
  });
});
