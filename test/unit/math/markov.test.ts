import { describe, expect, it } from 'vitest';
import { estimateTransitions, transitionCounts, visitsOf } from '../../../src/lib/math/markov.ts';
import { Random } from '../../../src/lib/math/random.ts';

const states = ['a', 'b'] as const;
type S = (typeof states)[number];

/** A path of a two-state chain with P(a→b) = p, P(b→a) = q, from a seeded generator. */
function simulate(p: number, q: number, length: number, seed: number): S[] {
  const random = Random.fromSeed(seed);
  const path: S[] = ['a'];
  for (let t = 1; t < length; t++) {
    const here = path[t - 1]!;
    const u = random.uniform();
    path.push(here === 'a' ? (u < p ? 'b' : 'a') : u < q ? 'a' : 'b');
  }
  return path;
}

describe('counting transitions', () => {
  it('counts consecutive pairs within each path, never across paths', () => {
    const counts = transitionCounts(states, [
      ['a', 'a', 'b'],
      ['b', 'a'],
    ]);
    // a→a once, a→b once, b→a once; the end of path 1 and the start of path 2 are not a transition.
    expect(counts).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });

  it('gives nothing for empty and one-entry paths', () => {
    expect(transitionCounts(states, [[], ['a']])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(transitionCounts(states, [])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('fails naming the path and position of an unknown state', () => {
    expect(() => transitionCounts(states, [['a'], ['a', 'c' as S]])).toThrow(/path 1, position 1: unknown state "c"/);
  });
});

describe('estimating transition probabilities', () => {
  it('recovers a known chain within its 95 % intervals', () => {
    const paths = Array.from({ length: 40 }, (_, i) => simulate(0.1, 0.3, 100, i + 1));
    const [fromA, fromB] = estimateTransitions(states, transitionCounts(states, paths));
    expect(fromA!.total + fromB!.total).toBe(40 * 99);
    const ab = fromA!.to[1]!;
    const ba = fromB!.to[0]!;
    expect(ab.low!).toBeLessThan(0.1);
    expect(ab.high!).toBeGreaterThan(0.1);
    expect(ba.low!).toBeLessThan(0.3);
    expect(ba.high!).toBeGreaterThan(0.3);
    expect(ab.probability!).toBeCloseTo(0.1, 1);
    // Each row is a probability distribution.
    expect(fromA!.to[0]!.probability! + ab.probability!).toBeCloseTo(1, 12);
  });

  it('shows an absorbing state as P(stay) = 1 with an upper-bounded escape probability', () => {
    const paths: S[][] = [
      ['a', 'b', 'b', 'b'],
      ['b', 'b', 'b'],
    ];
    const [, fromB] = estimateTransitions(states, transitionCounts(states, paths));
    expect(fromB!.total).toBe(4);
    expect(fromB!.to[1]).toMatchObject({ count: 4, probability: 1, high: 1 });
    expect(fromB!.to[0]!.probability).toBe(0);
    expect(fromB!.to[0]!.low).toBe(0);
    expect(fromB!.to[0]!.high!).toBeGreaterThan(0.3); // four observations cannot rule much out
  });

  it('reports no estimate (nulls, total 0) for a state nothing was seen leaving', () => {
    const [fromA, fromB] = estimateTransitions(states, transitionCounts(states, [['a', 'a', 'b']]));
    expect(fromA!.total).toBe(2);
    expect(fromB).toEqual({
      from: 'b',
      total: 0,
      to: [
        { state: 'a', count: 0, probability: null, low: null, high: null },
        { state: 'b', count: 0, probability: null, low: null, high: null },
      ],
    });
  });

  it('rejects a count matrix of the wrong shape and duplicate states', () => {
    expect(() => estimateTransitions(states, [[1, 2]])).toThrow(/2×2/);
    expect(() => transitionCounts(['a', 'a'], [])).toThrow(/listed twice/);
  });
});

describe('visits to a state', () => {
  it('tells entering, leaving and ending apart', () => {
    expect(visitsOf(['a', 'a'], 'b')).toEqual({ entered: false, left: false, endedIn: false });
    expect(visitsOf(['a', 'b', 'b'], 'b')).toEqual({ entered: true, left: false, endedIn: true });
    expect(visitsOf(['b', 'a', 'b'], 'b')).toEqual({ entered: true, left: true, endedIn: true });
    expect(visitsOf(['a', 'b', 'a'], 'b')).toEqual({ entered: true, left: true, endedIn: false });
    expect(visitsOf([], 'b')).toEqual({ entered: false, left: false, endedIn: false });
  });
});
