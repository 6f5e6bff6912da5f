/**
 * The what-practitioners-do summary (src/lib/analysis/what-practitioners-do.ts) on hand-made sweep
 * records: the best rate per set-up and depth, its edge, the deepest depth that trains, whether a
 * run was still learning, and the errors for a sweep that cannot be compared.
 */
import { describe, expect, it } from 'vitest';

import { setupOf, stillRising, summariseWhatPractitionersDo } from '../../../src/lib/analysis/what-practitioners-do';
import { fakeRun, sweep, type FakeRun } from './sweep-fixture';

const comparison = { steps: 10, batchSize: 4, width: 8, trainCount: 100, testCount: 50, learningRate: 0.01 };
const options = { trainedAccuracy: 0.5, risingWindowSteps: 5, risingBy: 0.02 };
const curve = (a0: number, a5: number, a10: number) =>
  [0, 5, 10].map((step, i) => ({ step, trainLoss: null, testLoss: null, testAccuracy: [a0, a5, a10][i]! }));

const run = (setup: string, lr: number, depth: number, seed: number, accuracy: number | null, extra: Partial<FakeRun> = {}) =>
  fakeRun({ variant: `${setup}/lr=${lr}`, depth, seed, accuracy, hiddenLr: lr, key: `${setup}-${lr}-${depth}-${seed}`, ...extra });

/** Two set-ups × depths 10, 50 × rates 0.003, 0.01, 0.03 × seeds 1, 2. */
function records() {
  const residual = { network: { residual: { branchScale: 'one' } } };
  const clipped = { optimiser: { clipNorm: 1 }, n: 2 };
  const acc: Record<string, number | null> = {
    // residual: trains at both depths; at depth 50 best at the smallest rate and still rising.
    'res-0.003-10': 0.7, 'res-0.01-10': 0.9, 'res-0.03-10': 0.4,
    'res-0.003-50': 0.6, 'res-0.01-50': 0.3, 'res-0.03-50': null,
    // clipped: fails at depth 10 at every rate, trains at depth 50 at the largest.
    'clip-0.003-10': 0.2, 'clip-0.01-10': 0.3, 'clip-0.03-10': 0.35,
    'clip-0.003-50': 0.1, 'clip-0.01-50': 0.2, 'clip-0.03-50': 0.55,
  };
  const runs = [];
  for (const [setup, extra] of [['res', residual], ['clip', clipped]] as const) {
    for (const depth of [10, 50]) {
      for (const lr of [0.003, 0.01, 0.03]) {
        for (const seed of [1, 2]) {
          const a = acc[`${setup}-${lr}-${depth}`]!;
          const shifted = a === null ? null : a + (seed === 1 ? -0.05 : 0.05);
          const rising = setup === 'res' && depth === 50 && lr === 0.003 && seed === 2;
          runs.push(run(setup, lr, depth, seed, shifted, { ...extra, curve: rising ? curve(0.1, 0.5, 0.65) : [] }));
        }
      }
    }
  }
  return sweep(runs);
}

describe('setupOf', () => {
  it('cuts the rate off the variant name', () => {
    expect(setupOf(run('residual-tanh2x', 0.01, 10, 1, 0.5))).toBe('residual-tanh2x');
  });
  it('names the run whose variant has no rate', () => {
    expect(() => setupOf(fakeRun({ variant: 'residual', depth: 10, seed: 1, accuracy: 0.5, key: 'k1' }))).toThrow(/run k1 has variant "residual"/);
  });
});

describe('stillRising', () => {
  it('is true only for a completed run whose accuracy rose by the margin over the window', () => {
    expect(stillRising(run('a', 0.01, 10, 1, 0.65, { curve: curve(0.1, 0.5, 0.65) }), 5, 0.02)).toBe(true);
    expect(stillRising(run('a', 0.01, 10, 1, 0.51, { curve: curve(0.1, 0.5, 0.51) }), 5, 0.02)).toBe(false);
    expect(stillRising(run('a', 0.01, 10, 1, 0.65, { curve: curve(0.1, 0.5, 0.65), outcome: 'stopped' }), 5, 0.02)).toBe(false);
    expect(stillRising(run('a', 0.01, 10, 1, null, { curve: curve(0.1, 0.5, 0.65) }), 5, 0.02)).toBe(false);
    // A window longer than the curve has nothing to compare with.
    expect(stillRising(run('a', 0.01, 10, 1, 0.65, { curve: curve(0.1, 0.5, 0.65) }), 20, 0.02)).toBe(false);
  });
});

describe('summariseWhatPractitionersDo', () => {
  const s = summariseWhatPractitionersDo(records(), comparison, options);
  const cell = (setup: string, depth: number) => s.cells.find((c) => c.setup === setup && c.depth === depth)!;

  it('reads how each set-up is built from its runs', () => {
    expect(s.setups).toEqual([
      { id: 'res', activationLabel: 'tanh(x)', sw2: 1, sb2: 0, residual: 'one', layerNorm: false, clipNorm: null },
      { id: 'clip', activationLabel: 'tanh(2x)', sw2: 1, sb2: 0, residual: null, layerNorm: false, clipNorm: 1 },
    ]);
    expect(s.rates).toEqual([0.003, 0.01, 0.03]);
    expect(s.depths).toEqual([10, 50]);
    expect(s.referenceRate).toBe(0.01);
    expect(s.budget).toMatchObject({ steps: 10, seeds: 2, width: 8 });
  });

  it('takes the best rate by the mean over seeds, a diverged run counted at chance, and marks an edge', () => {
    expect(cell('res', 10)).toMatchObject({ bestLearningRate: 0.01, bestRateAtEdge: null, trainedAtBestRate: true, trainedAtReferenceRate: true });
    expect(cell('res', 10).bestMeanAccuracy).toBeCloseTo(0.9, 12);
    expect(cell('res', 50)).toMatchObject({ bestLearningRate: 0.003, bestRateAtEdge: 'smallest', trainedAtReferenceRate: false, stillRising: true });
    expect(cell('res', 50).rates.find((r) => r.learningRate === 0.03)!.meanAccuracy).toBeCloseTo(0.1, 12);
    expect(cell('clip', 50)).toMatchObject({ bestLearningRate: 0.03, bestRateAtEdge: 'largest', trainedAtBestRate: true, stillRising: false });
    expect(cell('clip', 10)).toMatchObject({ trainedAtBestRate: false });
  });

  it('does not call a best rate an edge when every seed there stopped at the stop rule', () => {
    const stopped = sweep(records().runs.map((r) => (r.variant === 'clip/lr=0.03' && r.config.network.depth === 50 ? { ...r, result: { ...r.result, outcome: 'stopped' as const } } : r)));
    const c = summariseWhatPractitionersDo(stopped, comparison, options).cells.find((k) => k.setup === 'clip' && k.depth === 50)!;
    expect(c).toMatchObject({ bestLearningRate: 0.03, reachedStop: true, bestRateAtEdge: null });
    expect(cell('clip', 50).reachedStop).toBe(false);
  });

  it('gives the deepest depth that trains and whether every shallower depth trains too', () => {
    expect(s.deepestTrained).toEqual([
      { setup: 'res', depth: 50, trainedAtEveryShallowerDepth: true },
      { setup: 'clip', depth: 50, trainedAtEveryShallowerDepth: false },
    ]);
  });

  it('keeps the curves of the best rate at the deepest depth only', () => {
    expect(s.deepCurves.map((c) => [c.setup, c.depth, c.learningRate, c.seed])).toEqual([
      ['res', 50, 0.003, 1],
      ['res', 50, 0.003, 2],
      ['clip', 50, 0.03, 1],
      ['clip', 50, 0.03, 2],
    ]);
    expect(s.deepCurves[1]!.points.map((p) => p.testAccuracy)).toEqual([0.1, 0.5, 0.65]);
  });

  it('refuses a sweep whose budget differs from the comparison’s, naming the field', () => {
    expect(() => summariseWhatPractitionersDo(records(), { ...comparison, steps: 1000 }, options)).toThrow(/has steps = 10, \/what-fixes-it\/'s comparison 1000/);
    expect(() => summariseWhatPractitionersDo(records(), { ...comparison, width: 128 }, options)).toThrow(/width = 8/);
  });

  it('refuses a set-up missing a rate at some depth', () => {
    const partial = sweep(records().runs.filter((r) => !(r.variant === 'clip/lr=0.01' && r.config.network.depth === 50)));
    expect(() => summariseWhatPractitionersDo(partial, comparison, options)).toThrow(/set-up clip at depth 50 lacks some of the rates/);
  });

  it('refuses an empty sweep', () => {
    expect(() => summariseWhatPractitionersDo(sweep([]), comparison, options)).toThrow(/no runs/);
  });
});
