import { describe, expect, it } from 'vitest';
import { stateSegments } from '../../../src/lib/figures/one-way-street.ts';

const checkpoint = (step: number, state: 'healthy' | 'vanished' | 'exploded') => ({ step, state, gain: 1, relativeGain: 1, log10RelativeGain: 0 });

describe('the state timeline', () => {
  it('merges consecutive checkpoints in the same state into one bar centred on its checkpoints', () => {
    const run = { checkpoints: [checkpoint(0, 'exploded'), checkpoint(20, 'vanished'), checkpoint(40, 'vanished'), checkpoint(60, 'healthy')] };
    expect(stateSegments(run, 10)).toEqual([
      { state: 'exploded', from: 0, to: 10 },
      { state: 'vanished', from: 10, to: 50 },
      { state: 'healthy', from: 50, to: 70 },
    ]);
  });

  it('draws a run that never changes state as one bar, and an empty run as none', () => {
    const run = { checkpoints: [checkpoint(0, 'healthy'), checkpoint(20, 'healthy')] };
    expect(stateSegments(run, 10)).toEqual([{ state: 'healthy', from: 0, to: 30 }]);
    expect(stateSegments({ checkpoints: [] }, 10)).toEqual([]);
  });
});
