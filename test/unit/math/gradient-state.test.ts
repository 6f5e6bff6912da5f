import { describe, expect, it } from 'vitest';
import { classifyRelativeGain, firstLayerGain, referenceGain } from '../../../src/lib/math/gradient-state.ts';

const thresholds = { vanishedBelow: 0.01, explodedAbove: 100 };

describe('the first-layer gain', () => {
  it('is the first layer’s weight-gradient norm per unit of error signal at the last hidden layer', () => {
    expect(firstLayerGain(3, 0.5)).toBe(6);
  });

  it('treats a non-finite measurement (recorded as null) as an overflow, and 0/0 as no signal', () => {
    expect(firstLayerGain(null, 0.1)).toBe(Infinity);
    expect(firstLayerGain(1, null)).toBe(Infinity);
    expect(firstLayerGain(0, 0)).toBe(0);
    expect(firstLayerGain(1e-300, 0)).toBe(Infinity);
  });

  it('rejects negative norms', () => {
    expect(() => firstLayerGain(-1, 1)).toThrow(RangeError);
  });
});

describe('classifying a checkpoint', () => {
  it('splits the relative gain at the two thresholds (the thresholds themselves are healthy)', () => {
    expect(classifyRelativeGain(1, thresholds)).toBe('healthy');
    expect(classifyRelativeGain(0.01, thresholds)).toBe('healthy');
    expect(classifyRelativeGain(100, thresholds)).toBe('healthy');
    expect(classifyRelativeGain(0.00999, thresholds)).toBe('vanished');
    expect(classifyRelativeGain(0, thresholds)).toBe('vanished');
    expect(classifyRelativeGain(100.1, thresholds)).toBe('exploded');
    expect(classifyRelativeGain(Infinity, thresholds)).toBe('exploded');
  });

  it('fails on thresholds in the wrong order and on a meaningless gain', () => {
    expect(() => classifyRelativeGain(1, { vanishedBelow: 10, explodedAbove: 1 })).toThrow(/thresholds/);
    expect(() => classifyRelativeGain(1, { vanishedBelow: 0, explodedAbove: 1 })).toThrow(/thresholds/);
    expect(() => classifyRelativeGain(NaN, thresholds)).toThrow(/relative gain/);
  });
});

describe('the reference gain', () => {
  it('is the geometric mean over seeds', () => {
    expect(referenceGain([2, 8])).toBeCloseTo(4, 14);
    expect(referenceGain([5])).toBe(5);
  });

  it('fails when the reference set-up is missing or degenerate', () => {
    expect(() => referenceGain([])).toThrow(/no reference gains/);
    expect(() => referenceGain([1, 0])).toThrow(/finite and > 0/);
    expect(() => referenceGain([Infinity])).toThrow(/finite and > 0/);
  });
});
