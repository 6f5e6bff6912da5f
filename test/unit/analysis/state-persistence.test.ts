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
