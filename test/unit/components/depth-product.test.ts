// The depth-product island rendered on the server (as Astro does at build time) shows exactly the
// numbers of the products-widget record, in the article's formats; and its view helpers.
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import DepthProduct, { type DepthProductProps } from '../../../src/components/islands/DepthProduct';
import {
  type RecordedPicture,
  barsPath,
  formatExponent,
  formatShare,
  gridIndex,
  pictureFromRecord,
  plotArea,
  shareMax,
  snap,
} from '../../../src/components/islands/depth-product/view';
import { slopeMoments } from '../../../src/lib/math/slope-products';
import { exactStatistics, logSlopeLattice } from '../../../src/lib/math/slope-products-exact';

const record = JSON.parse(readFileSync('content/data/products-widget.json', 'utf8')) as {
  provenance: { config: Omit<DepthProductProps, 'qStars' | 'standard' | 'initialPicture'> & { sw2: number; sb2: number } };
  data: { qStars: { n: number; qStar: number }[]; initial: RecordedPicture };
};
const config = record.provenance.config;


describe('the recorded initial picture', () => {
  // Checked against an independent computation: the exact distribution of the log-product
  // (lattice + FFT, slope-products-exact.ts), not the Monte Carlo code that made the record.
  it('brackets the exact median and the exact vanished and exploded fractions with its 95% intervals', () => {
    const { n, depth } = config.initial;
    const r = record.data.initial;
    const moments = slopeMoments(n, r.q);
    const exact = exactStatistics(logSlopeLattice(n, r.q, Math.sqrt(moments.varianceLog) / 64), depth);
    expect(exact.log10Median).toBeGreaterThanOrEqual(r.log10MedianLow);
    expect(exact.log10Median).toBeLessThanOrEqual(r.log10MedianHigh);
    expect(exact.vanished).toBeGreaterThanOrEqual(r.vanishedLow);
    expect(exact.vanished).toBeLessThanOrEqual(r.vanishedHigh);
    expect(exact.exploded).toBeGreaterThanOrEqual(r.explodedLow);
    expect(exact.exploded).toBeLessThanOrEqual(r.explodedHigh);
    // Its mean square is recorded from the closed form E[s²]^K, not from the sample.
    expect(r.log10RootMeanSquare).toBeCloseTo((depth / 2) * Math.log10(moments.meanSquare), 10);
  });
});

describe('DepthProduct, server-rendered', () => {
  const html = renderToString(
    h(DepthProduct, {
      samples: config.samples,
      seed: config.seed,
      n: config.n,
      sigma: config.sigma,
      depth: config.depth,
      qStars: record.data.qStars.map((r) => r.qStar),
      standard: `σ_w² = ${config.sw2}, σ_b² = ${config.sb2}`,
      initial: config.initial,
      initialPicture: pictureFromRecord(record.data.initial, config.samples),
    }),
  );
  const readout = (name: string) => {
    const m = new RegExp(`<data data-readout="${name}" value="([^"]*)">([^<]*)</data>`).exec(html);
    if (!m) throw new Error(`no readout ${name}`);
    return { value: Number(m[1]), text: m[2] };
  };
  const initial = record.data.initial;

  it('prints the record’s initial numbers in the article’s formats', () => {
    expect(readout('vanished')).toEqual({ value: initial.vanished, text: formatShare(initial.vanished) });
    expect(readout('exploded')).toEqual({ value: initial.exploded, text: formatShare(initial.exploded) });
    expect(readout('median')).toEqual({ value: initial.log10Median, text: formatExponent(initial.log10Median) });
    expect(readout('rms')).toEqual({ value: initial.log10RootMeanSquare, text: formatExponent(initial.log10RootMeanSquare) });
  });

  it('draws the record’s histogram', () => {
    expect(html).toContain(`data-counts="${initial.histogram.counts.join(',')}"`);
  });

  it('has labelled controls for n, the spread and K', () => {
    for (const id of ['depth-product-n', 'depth-product-sigma', 'depth-product-depth']) {
      expect(html).toContain(`<label for="${id}"`);
      expect(html).toMatch(new RegExp(`<input id="${id}" type="range"`));
    }
    expect(html.match(/type="radio"/g)?.length).toBe(2);
  });
});

describe('depth-product view', () => {
  it('snaps to the control grid as exact decimals and indexes the grid', () => {
    const n = { min: 0.5, max: 4, step: 0.05 };
    expect(snap(2.049, n)).toBe(2.05);
    expect(snap(9, n)).toBe(4);
    expect(gridIndex(2, n)).toBe(30);
  });

  it('scales bars to the tallest bin, rounded up to a 5% (or 1%) step', () => {
    const h1 = { from: 0, step: 1, counts: [10, 0, 37], ticks: [0, 5] };
    expect(shareMax(h1, 100)).toBeCloseTo(0.4, 12);
    expect(shareMax({ ...h1, counts: [2, 3] }, 100)).toBeCloseTo(0.03, 12);
    const d = barsPath(h1, 100);
    expect(d.match(/M/g)?.length).toBe(2); // empty bins draw nothing
    expect(d).toContain(`M${plotArea.left},${plotArea.bottom}`);
  });
});
