import { describe, expect, it } from 'vitest';
import { gainSpread, isLearning, persistentPath, withLearning } from '../../../src/lib/analysis/state-persistence';

describe('persistentPath', () => {
  it('ignores a one-checkpoint flicker at k = 2 and accepts a change that persists, from its first checkpoint', () => {
    const raw = ['healthy', 'vanished', 'healthy', 'vanished', 'vanished', 'vanished', 'healthy'] as const;
    expect(persistentPath(raw, 2)).toEqual(['healthy', 'healthy', 'healthy', 'vanished', 'vanished', 'vanished', 'vanished']);
  });
  it('k = 1 is the raw path; a change in the last k − 1 checkpoints is not accepted', () => {
    const raw = ['a', 'b', 'a', 'b'];
    expect(persistentPath(raw, 1)).toEqual(raw);
    expect(persistentPath(raw, 3)).toEqual(['a', 'a', 'a', 'a']);
  });
  it('counts 23 back-and-forth flickers as no transition', () => {
    const raw = Array.from({ length: 47 }, (_, i) => (i % 2 === 0 ? 'healthy' : 'vanished'));
    expect(new Set(persistentPath(raw, 2))).toEqual(new Set(['healthy']));
  });
  it('refuses k < 1', () => expect(() => persistentPath(['a'], 0)).toThrow(/k must be/));
});

describe('learning', () => {
  const c = { chance: 0.1, accuracyMargin: 0.1, lossDrop: 0.02 };
  it('above chance by the margin, or loss falling, is learning; a run at chance with a flat loss is not', () => {
    expect(isLearning({ testAccuracy: 0.25, trainLoss: 2.3 }, 2.3, c)).toBe(true);
    expect(isLearning({ testAccuracy: 0.12, trainLoss: 2.0 }, 2.3, c)).toBe(true);
    expect(isLearning({ testAccuracy: 0.12, trainLoss: 2.3 }, 2.31, c)).toBe(false);
    expect(isLearning({ testAccuracy: null, trainLoss: null }, 2.3, c)).toBe(false);
  });
  it('a healthy gain without learning is stalled; other states are kept', () => {
    expect(withLearning('healthy', false)).toBe('stalled');
    expect(withLearning('healthy', true)).toBe('healthy');
    expect(withLearning('vanished', false)).toBe('vanished');
  });
});

describe('gainSpread', () => {
  it('median and range of per-batch gains', () => {
    expect(gainSpread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(gainSpread([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(() => gainSpread([])).toThrow();
  });
});

describe('persistentSummary on a constructed sweep', async () => {
  const { persistentSummary } = await import('../../../src/lib/analysis/one-way-street-persistent');
  const cfg = { k: 2, learning: { chance: 0.1, accuracyMargin: 0.1, lossDrop: 0.02 } };
  /** A run whose per-batch gains at steps 0,100,… are `gains` (4 equal batches) and accuracies `acc`. */
  const run = (index: number, n: number, gains: number[], acc: number[], loss: number[]) => ({
    index, key: `k${index}`, variant: null, point: {}, seed: 1,
    config: { network: { depth: 50, width: 8, activation: { kind: 'tanhN', n } }, init: { kind: 'gaussian', sw2: 1, sb2: 0 } },
    result: {
      outcome: 'completed', stepsRun: 100 * (gains.length - 1), divergedAtStep: null,
      curve: acc.map((a, i) => ({ step: 100 * i, trainLoss: i === 0 ? null : loss[i]!, testLoss: null, testAccuracy: a })),
      gradients: gains.map((g, i) => ({ step: 100 * i, loss: null, gradHNorm: [1], gradWNorm: [g], preActivationMeanSquare: [1],
        perBatch: [0.8, 1, 1, 1.25].map((f) => ({ loss: null, firstGradWNorm: g * f, lastGradHNorm: 1 })) })),
      final: { trainLoss: null, testLoss: null, testAccuracy: acc.at(-1)! },
    },
  });
  const sweep = { description: '', runs: [
    run(0, 1, [4, 40, 40, 40, 40], [0.1, 0.6, 0.8, 0.9, 0.9], [0, 2, 1, 0.5, 0.4]),
    // explodes, then vanishes for good, never learning
    run(1, 2, [4e4, 1e-5, 1e-5, 1e-5, 1e-5], [0.1, 0.1, 0.1, 0.1, 0.1], [0, 2.3, 2.3, 2.3, 2.3]),
    // vanishes, then learns again
    run(2, 3, [4, 1e-5, 1e-5, 40, 40], [0.1, 0.1, 0.1, 0.5, 0.7], [0, 2.3, 2.3, 1.5, 1.0]),
  ] } as never;
  const s = persistentSummary(sweep, { n: 1, sw2: 1 }, { vanishedBelow: 0.01, explodedAbove: 100 }, cfg, 0.95, 'test.json');
  it('classifies with the median per-batch gain, persistence and learning', () => {
    expect(s.runs[0]!.path).toEqual(['healthy', 'healthy', 'healthy', 'healthy', 'healthy']);
    expect(s.runs[1]!.path).toEqual(['exploded', 'vanished', 'vanished', 'vanished', 'vanished']);
    expect(s.runs[2]!.path).toEqual(['healthy', 'vanished', 'vanished', 'healthy', 'healthy']);
    expect(s.runs[1]!.checkpoints[0]!.relativeGainMin).toBeCloseTo(0.8e4, 6);
  });
  it('counts runs that entered the vanished state and resumed learning', () => {
    expect(s.enteredVanished).toBe(2);
    expect(s.resumedLearningAfterVanished).toBe(1);
  });
});
