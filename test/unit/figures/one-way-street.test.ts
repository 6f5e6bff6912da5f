import { describe, expect, it } from 'vitest';
import { stateSegments } from '../../../src/lib/figures/one-way-street.ts';

type State = 'healthy' | 'stalled' | 'vanished' | 'exploded';
const checkpoint = (step: number, raw: State) => ({ step, raw, relativeGain: 1, relativeGainMin: 1, relativeGainMax: 1, testAccuracy: 0.5, learning: true });
const run = (steps: Array<[number, State]>) => ({ checkpoints: steps.map(([step, s]) => checkpoint(step, s)), path: steps.map(([, s]) => s) });

describe('the state timeline', () => {
  it('merges consecutive checkpoints in the same persistent state into one bar centred on its checkpoints', () => {
    expect(stateSegments(run([[0, 'exploded'], [20, 'vanished'], [40, 'vanished'], [60, 'stalled']]), 10)).toEqual([
      { state: 'exploded', from: 0, to: 10 },
      { state: 'vanished', from: 10, to: 50 },
      { state: 'stalled', from: 50, to: 70 },
    ]);
  });

  it('follows the persistent path, not the raw state of each checkpoint', () => {
    const r = { checkpoints: [checkpoint(0, 'healthy'), checkpoint(20, 'vanished'), checkpoint(40, 'healthy')], path: ['healthy', 'healthy', 'healthy'] as State[] };
    expect(stateSegments(r, 10)).toEqual([{ state: 'healthy', from: 0, to: 50 }]);
  });

  it('draws a run that never changes state as one bar, and an empty run as none', () => {
    expect(stateSegments(run([[0, 'healthy'], [20, 'healthy']]), 10)).toEqual([{ state: 'healthy', from: 0, to: 30 }]);
    expect(stateSegments({ checkpoints: [], path: [] }, 10)).toEqual([]);
  });
});
