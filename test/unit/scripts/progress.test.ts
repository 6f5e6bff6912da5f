import { describe, expect, it } from 'vitest';
import { estimateRemaining } from '../../../scripts/progress.ts';

describe('the progress estimate', () => {
  it('counts only the work finished in this invocation: a resumed sweep is not "0 s" from the start', () => {
    // 40 of 100 runs were done before; nothing finished yet in this invocation.
    expect(estimateRemaining(5_000, 40, 40, 100)).toBe('estimating');
    // 10 more finished in 60 s: 6 s each, 50 left → 300 s.
    expect(estimateRemaining(60_000, 50, 40, 100)).toBe('5 min');
    expect(estimateRemaining(30_000, 10, 0, 20)).toBe('30 s');
    expect(estimateRemaining(1, 20, 0, 20)).toBe('0 s');
  });
});
