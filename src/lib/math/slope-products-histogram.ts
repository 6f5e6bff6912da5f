/**
 * One picture of the slope-product model at (n, q, K): a seeded Monte Carlo sample of log10 g
 * binned into a histogram on a "nice" axis, with the sample's median and vanished/exploded
 * fractions (slope-products-stats.ts) and the exact √E[g²] (quadrature). The depth-product
 * widget draws it in the browser, and the `products-widget` dataset records it at the widget's
 * initial state, with the same function, so the page and the widget print the same numbers.
 */

import { EXPLODED_ABOVE, VANISHED_BELOW, log10RootMeanSquareProduct, slopeMoments } from './slope-products';
import { type LayeredNormals, sampleLogProducts } from './slope-products-sampler';
import { type SampleSummary, summariseLogProducts } from './slope-products-stats';

/** A histogram of log10 g: bin i is [from + i·step, from + (i + 1)·step); the end bins also hold what lies beyond. */
export interface Log10Histogram {
  from: number;
  step: number;
  counts: number[];
  /** Axis tick positions (log10 g). */
  ticks: number[];
}

export interface ProductPicture {
  n: number;
  q: number;
  depth: number;
  summary: SampleSummary;
  /** log10 √E[g²] = (K/2)·log10 E[s²], exact (quadrature). */
  log10RootMeanSquare: number;
  histogram: Log10Histogram;
}

/** Tick steps tried, smallest first: 1, 2, 5, 10, 20, 50, … decades. */
function tickStep(span: number, maxTicks: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const m of [1, 2, 5]) if (span / (m * scale) <= maxTicks) return m * scale;
  }
}

/** At most this many ticks, and this many bins per tick interval (so bins stay ≥ ~8 px wide at 640 px). */
const MAX_TICKS = 8;
const BINS_PER_TICK = 5;

/**
 * The axis for a sorted sample of ln g: covering its 0.1% to 99.9% quantiles, both thresholds
 * (10^∓6) with a decade to spare, and `mark` (√E[g²]), extended outwards to whole ticks.
 */
export function histogramAxis(sortedLogs: Float64Array, mark: number): { from: number; to: number; tick: number } {
  const count = sortedLogs.length;
  const quantile = (p: number) => sortedLogs[Math.min(count - 1, Math.floor(p * count))]! / Math.LN10;
  const lo = Math.min(Math.log10(VANISHED_BELOW) - 1, quantile(0.001), mark - 0.5);
  const hi = Math.max(Math.log10(EXPLODED_ABOVE) + 1, quantile(0.999), mark + 0.5);
  const tick = tickStep(hi - lo, MAX_TICKS);
  return { from: Math.floor(lo / tick) * tick, to: Math.ceil(hi / tick) * tick, tick };
}

/** Bins sorted ln g on [from, to) in steps of tick/BINS_PER_TICK; values outside go to the end bins. */
export function binLog10(sortedLogs: Float64Array, axis: { from: number; to: number; tick: number }): Log10Histogram {
  const step = axis.tick / BINS_PER_TICK;
  const bins = Math.round((axis.to - axis.from) / step);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sortedLogs.length; i++) {
    const b = Math.floor((sortedLogs[i]! / Math.LN10 - axis.from) / step);
    counts[b < 0 ? 0 : b >= bins ? bins - 1 : b]!++;
  }
  const ticks: number[] = [];
  for (let t = axis.from; t <= axis.to + 1e-9; t += axis.tick) ticks.push(Number(t.toFixed(6)));
  return { from: axis.from, step, counts, ticks };
}

/**
 * The picture at (n, q, K) from the widget's samples. `scratch` (normals.samples long) avoids an
 * allocation per update.
 */
export function productPicture(normals: LayeredNormals, n: number, q: number, depth: number, scratch?: Float64Array): ProductPicture {
  const logs = sampleLogProducts(normals, n, q, depth, scratch);
  const summary = summariseLogProducts(logs); // sorts logs
  const log10RootMeanSquare = log10RootMeanSquareProduct(slopeMoments(n, q), depth);
  const histogram = binLog10(logs, histogramAxis(logs, log10RootMeanSquare));
  return { n, q, depth, summary, log10RootMeanSquare, histogram };
}
