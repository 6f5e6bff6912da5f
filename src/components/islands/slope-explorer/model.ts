/**
 * What the slope explorer shows for one n: the curves tanh(n·x) and n·sech²(n·x) over
 * x ∈ [−3, 3], the good interval (slope ≥ 1/n, |x| ≤ t₁(n)) and the exploding interval
 * (slope > 1, |x| < explodingThreshold(n)), with the numbers printed as the articles print them.
 * Computed with the same src/lib/math functions as the build.
 */

import { tanhN } from '../../../lib/math/activations';
import { explodingThreshold, t1, tanhNSlope } from '../../../lib/math/thresholds';
import { formatNumber } from '../../../lib/articles/format-number';

/** Range and step of the n control. */
export const N_MIN = 0.25;
export const N_MAX = 4;
export const N_STEP = 0.05;
/** The article's worked example (the good-interval dataset uses n = 2). */
export const N_INITIAL = 2;

/** The plotted x range, [−X_MAX, X_MAX]. */
export const X_MAX = 3;
/** Samples per curve: enough for a smooth peak at n = 4 (half-width ≈ 0.22 spans ≈ 9 samples). */
export const SAMPLES = 241;

/** Digits after the decimal point for thresholds, as in the article (`<Num … digits={3} />`). */
export const THRESHOLD_DIGITS = 3;
/** n (and the peak slope n) moves in steps of 0.05: two decimals. */
export const N_DIGITS = 2;

/** n snapped to the control's grid (k·0.05, computed as k/20 so 2.05 is the double "2.05") and clamped. */
export function snapN(value: number): number {
  const k = Math.round(value / N_STEP);
  const snapped = k / Math.round(1 / N_STEP);
  return Math.min(N_MAX, Math.max(N_MIN, snapped));
}

export interface SlopeState {
  n: number;
  /** Sample points: x, tanh(n·x), n·sech²(n·x). */
  xs: number[];
  values: number[];
  slopes: number[];
  /** Half-width of the interval where the slope is ≥ 1/n; null for n ≤ 1 (no such interval). */
  t1: number | null;
  /** Half-width of the interval where the slope exceeds 1; null for n ≤ 1 (the slope never does). */
  exploding: number | null;
  /** The slope at x = 0, its maximum: n. */
  peakSlope: number;
}

/** Everything drawn and printed for one n. */
export function slopeState(n: number): SlopeState {
  const activation = tanhN(n);
  const xs: number[] = [];
  const values: number[] = [];
  const slopes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const x = -X_MAX + (2 * X_MAX * i) / (SAMPLES - 1);
    xs.push(x);
    values.push(activation.f(x));
    slopes.push(tanhNSlope(n, x));
  }
  const steep = n > 1;
  return {
    n,
    xs,
    values,
    slopes,
    t1: steep ? t1(n) : null,
    exploding: steep ? explodingThreshold(n) : null,
    peakSlope: tanhNSlope(n, 0),
  };
}

/** A threshold as the article prints it (typographic minus, fixed decimals). */
export function formatThreshold(value: number): string {
  return formatNumber(value, { digits: THRESHOLD_DIGITS });
}

/** n (or the peak slope n) with two decimals: 2 → "2.00". */
export function formatN(value: number): string {
  return formatNumber(value, { digits: N_DIGITS });
}

/** One sentence describing the current state, for the SVG's accessible name. */
export function describeState(state: SlopeState): string {
  const n = formatN(state.n);
  const head = `tanh(${n}·x) and its slope ${n}·sech²(${n}·x) for x from −3 to 3; peak slope ${formatN(state.peakSlope)} at x = 0.`;
  if (state.t1 === null || state.exploding === null) {
    return `${head} The slope never exceeds 1 and there is no interval where it stays at or above 1/n.`;
  }
  return (
    `${head} Slope at least 1/n for |x| ≤ ${formatThreshold(state.t1)} (shaded green); ` +
    `slope above 1 for |x| < ${formatThreshold(state.exploding)} (shaded red).`
  );
}
