/**
 * The depth-product widget's view: control grids, the histogram's geometry (SVG user units) and
 * how its numbers are printed (as the article prints them with <Num>). Pure and small: it ships
 * to the browser with the island, and the e2e test uses it to predict what should be drawn.
 */

import { formatNumber } from '../../../lib/articles/format-number';
import type { Log10Histogram, ProductPicture } from '../../../lib/math/slope-products-histogram';

/** A range control: min, max and step. */
export interface Control {
  min: number;
  max: number;
  step: number;
}

/** value snapped to the control's grid (min + k·step as an exact decimal) and clamped. */
export function snap(value: number, control: Control): number {
  const clamped = Math.min(control.max, Math.max(control.min, value));
  const k = Math.round((clamped - control.min) / control.step);
  return Number((control.min + k * control.step).toFixed(10));
}

/** Index of a grid value (for looking up q*(n) in the list the build computed). */
export function gridIndex(value: number, control: Control): number {
  return Math.round((value - control.min) / control.step);
}

/** Natural size of the drawing (SVG user units = CSS px at 1:1, scaled down with the column). */
export const plotSize = { width: 640, height: 320 } as const;
const margin = { left: 64, right: 16, top: 36, bottom: 52 } as const;
export const plotArea = {
  left: margin.left,
  right: plotSize.width - margin.right,
  top: margin.top,
  bottom: plotSize.height - margin.bottom,
} as const;

/** The histogram's x range [from, to] in log10 g. */
export function histogramDomain(h: Log10Histogram): [number, number] {
  return [h.from, h.from + h.counts.length * h.step];
}

/** log10 g → x. */
export function xOf(h: Log10Histogram, log10: number): number {
  const [from, to] = histogramDomain(h);
  return plotArea.left + ((log10 - from) / (to - from)) * (plotArea.right - plotArea.left);
}

/** The y axis top, as a share of samples per bin: the tallest bar rounded up to a multiple of 5% (or 1% below 5%). */
export function shareMax(h: Log10Histogram, samples: number): number {
  const tallest = Math.max(...h.counts) / samples;
  const unit = tallest > 0.05 ? 0.05 : 0.01;
  return Math.max(unit, Math.ceil(tallest / unit - 1e-9) * unit);
}

/** share of samples → y. */
export function yOf(share: number, top: number): number {
  return plotArea.bottom - (share / top) * (plotArea.bottom - plotArea.top);
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** All bars as one SVG path (one rectangle per non-empty bin). */
export function barsPath(h: Log10Histogram, samples: number): string {
  const top = shareMax(h, samples);
  let d = '';
  h.counts.forEach((count, i) => {
    if (count === 0) return;
    const x0 = r1(xOf(h, h.from + i * h.step));
    const x1 = r1(xOf(h, h.from + (i + 1) * h.step));
    const y = r1(yOf(count / samples, top));
    d += `M${x0},${plotArea.bottom}V${y}H${x1}V${plotArea.bottom}Z`;
  });
  return d;
}

/** A fraction as a percentage with two decimals (the article's precision for the widget's numbers). */
export function formatShare(value: number): string {
  return formatNumber(value, { percent: true, digits: 2 });
}

/** log10 of a product with two decimals: the exponent k of 10^k. */
export function formatExponent(log10: number): string {
  return formatNumber(log10, { digits: 2 });
}

/** n with two decimals, σ with three. */
export function formatN(n: number): string {
  return formatNumber(n, { digits: 2 });
}
export function formatSigma(sigma: number): string {
  return formatNumber(sigma, { digits: 3 });
}

/** A tick label of the log10 axis (typographic minus). */
export function formatTick(value: number): string {
  return formatNumber(value, { digits: 0 });
}

/** The initial state as the `products-widget` record stores it (flat, so articles can quote it). */
export interface RecordedPicture {
  n: number;
  q: number;
  depth: number;
  log10Median: number;
  log10MedianLow: number;
  log10MedianHigh: number;
  vanished: number;
  vanishedLow: number;
  vanishedHigh: number;
  exploded: number;
  explodedLow: number;
  explodedHigh: number;
  log10SampleRootMeanSquare: number;
  log10RootMeanSquare: number;
  histogram: Log10Histogram;
}

/** The record's picture in the shape productPicture returns (count = fraction × samples, exact). */
export function pictureFromRecord(r: RecordedPicture, samples: number): ProductPicture {
  const proportion = (estimate: number, low: number, high: number) => ({ count: Math.round(estimate * samples), total: samples, estimate, low, high });
  return {
    n: r.n,
    q: r.q,
    depth: r.depth,
    summary: {
      samples,
      log10Median: r.log10Median,
      log10MedianLow: r.log10MedianLow,
      log10MedianHigh: r.log10MedianHigh,
      vanished: proportion(r.vanished, r.vanishedLow, r.vanishedHigh),
      exploded: proportion(r.exploded, r.explodedLow, r.explodedHigh),
      log10SampleRootMeanSquare: r.log10SampleRootMeanSquare,
    },
    log10RootMeanSquare: r.log10RootMeanSquare,
    histogram: r.histogram,
  };
}
