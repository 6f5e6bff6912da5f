import { describe, expect, it } from 'vitest';
import { binLog10, histogramAxis, productPicture } from '../../../src/lib/math/slope-products-histogram';
import { LayeredNormals, sampleLogProducts } from '../../../src/lib/math/slope-products-sampler';
import { log10RootMeanSquareProduct, slopeMoments } from '../../../src/lib/math/slope-products';

const ln10 = Math.LN10;

describe('histogramAxis', () => {
  it('covers both thresholds with a decade to spare, the bulk of the sample and the √E[g²] mark, on whole ticks', () => {
    const logs = Float64Array.from([-3, -1, 0, 2].map((v) => v * ln10));
    const axis = histogramAxis(logs, 12.3);
    expect(axis.from).toBeLessThanOrEqual(-7);
    expect(axis.to).toBeGreaterThanOrEqual(12.8);
    expect(axis.from % axis.tick).toBeCloseTo(0, 12);
    expect(axis.to % axis.tick).toBeCloseTo(0, 12);
    expect((axis.to - axis.from) / axis.tick).toBeLessThanOrEqual(8);
  });

  it('grows its tick step (1, 2, 5, 10, …) with the range', () => {
    const wide = histogramAxis(Float64Array.from([-300 * ln10, 0]), 5);
    expect([1, 2, 5, 10, 20, 50, 100]).toContain(wide.tick);
    expect(wide.tick).toBe(50);
  });
});

describe('binLog10', () => {
  it('counts every sample once, putting those beyond the axis in the end bins', () => {
    const logs = Float64Array.from([-50, -6.5, -6.4, 0, 0.05, 9.99, 40].map((v) => v * ln10));
    const h = binLog10(logs, { from: -10, to: 10, tick: 5 });
    expect(h.step).toBe(1);
    expect(h.counts.length).toBe(20);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(h.counts[0]).toBe(1); // −50 clamped
    expect(h.counts[3]).toBe(2); // −6.5, −6.4 in [−7, −6)
    expect(h.counts[10]).toBe(2); // 0, 0.05 in [0, 1)
    expect(h.counts[19]).toBe(2); // 9.99 and the clamped 40
    expect(h.ticks).toEqual([-10, -5, 0, 5, 10]);
  });
});

describe('productPicture', () => {
  it('is the sample summary, histogram and exact √E[g²] of the widget’s samples', () => {
    const normals = new LayeredNormals(2000, 3);
    const p = productPicture(normals, 2, 0.53, 30);
    expect(p.histogram.counts.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(p.log10RootMeanSquare).toBeCloseTo(log10RootMeanSquareProduct(slopeMoments(2, 0.53), 30), 14);
    const logs = Array.from(sampleLogProducts(normals, 2, 0.53, 30)).sort((a, b) => a - b);
    expect(p.summary.log10Median).toBeCloseTo((0.5 * (logs[999]! + logs[1000]!)) / ln10, 12);
    expect(p.summary.vanished.count).toBe(logs.filter((l) => l < Math.log(1e-6)).length);
  });
});
