/**
 * The (σ_w², σ_b²) plane of the phase-diagram explorer: its view, the controls' ranges and steps,
 * the map from variances to SVG user units and back, and how the readouts are printed. Pure and
 * tiny: it ships to the browser with the island.
 */

import { formatNumber } from '../../../lib/articles/format-number';

/** Natural size of the plot in SVG user units (= CSS px at 1:1, scaled down with CSS). */
export const plotSize = { width: 640, height: 360 } as const;
const margin = { left: 72, right: 20, top: 16, bottom: 60 } as const;

/** The view: σ_w² ∈ [0, 5], σ_b² ∈ [0, 0.5] (both variances, not standard deviations). */
export const view = { sw2: [0, 5], sb2: [0, 0.5] } as const;

/** Control ranges. σ_w² must be > 0 for the mean-field functions, hence its minimum. */
export const sw2Control = { min: 0.05, max: 5, step: 0.05 } as const;
export const sb2Control = { min: 0, max: 0.5, step: 0.005 } as const;
/** n of tanh(n·x): at the standard initialisation σ_w² = n² must stay inside the view. */
export const nControl = { min: 0.25, max: 2.2, step: 0.05 } as const;
/** Base σ_b² of the standard initialisation (σ_w² = 1): the ray is (n², n²·s). */
export const rayBases: readonly number[] = [0, 0.05];

/** The reader's starting point: tanh(2x) at (1, 0), i.e. plain tanh at (4, 0). */
export const initialN = 2;
export const initialBase = 0;

export interface PlanePoint {
  /** σ_w², weight variance × fan-in. */
  sw2: number;
  /** σ_b², bias variance. */
  sb2: number;
}

const plotLeft = margin.left;
const plotRight = plotSize.width - margin.right;
const plotTop = margin.top;
const plotBottom = plotSize.height - margin.bottom;
export const plotArea = { left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom } as const;

/** σ_w² → x in SVG user units. */
export function sw2ToX(sw2: number): number {
  return plotLeft + ((sw2 - view.sw2[0]) / (view.sw2[1] - view.sw2[0])) * (plotRight - plotLeft);
}

/** σ_b² → y in SVG user units (up is larger σ_b²). */
export function sb2ToY(sb2: number): number {
  return plotBottom - ((sb2 - view.sb2[0]) / (view.sb2[1] - view.sb2[0])) * (plotBottom - plotTop);
}

/** x in SVG user units → σ_w². */
export function xToSw2(x: number): number {
  return view.sw2[0] + ((x - plotLeft) / (plotRight - plotLeft)) * (view.sw2[1] - view.sw2[0]);
}

/** y in SVG user units → σ_b². */
export function yToSb2(y: number): number {
  return view.sb2[0] + ((plotBottom - y) / (plotBottom - plotTop)) * (view.sb2[1] - view.sb2[0]);
}

/** value clamped to [min, max] and rounded to the control's step (no float dust: 4.05, not 4.0500000001). */
export function snapToControl(value: number, control: { min: number; max: number; step: number }): number {
  const clamped = Math.min(control.max, Math.max(control.min, value));
  const steps = Math.round((clamped - control.min) / control.step);
  return Number((control.min + steps * control.step).toFixed(6));
}

/** The point of the tanh(n·x) ray with base σ_b² = s: plain tanh at (n², n²·s). */
export function pointOnRay(n: number, base: number): PlanePoint {
  return { sw2: n * n, sb2: n * n * base };
}

/** Whether the point lies on the ray of base s (to rounding). */
export function isOnRay(point: PlanePoint, base: number): boolean {
  return Math.abs(point.sb2 - base * point.sw2) <= 1e-9;
}

export type Phase = 'ordered' | 'critical' | 'chaotic';

/** |χ1 − 1| below this prints as 1.000 (three decimals) and reads "critical". */
export const CRITICAL_BAND = 5e-4;

/** The phase named from χ1: ordered below 1, chaotic above, critical where χ1 prints as 1.000. */
export function phaseOf(chi1: number): Phase {
  if (Math.abs(chi1 - 1) < CRITICAL_BAND) return 'critical';
  return chi1 < 1 ? 'ordered' : 'chaotic';
}

/** χ1 with 3 decimals, as the article prints it. */
export function formatChi1(chi1: number): string {
  return formatNumber(chi1, { digits: 3 });
}

/** q* with 4 significant digits. */
export function formatQStar(qStar: number): string {
  return qStar === 0 ? '0' : formatNumber(qStar, { sig: 4 });
}

/** ξ_c in layers with 3 significant digits; Infinity (on the critical line) as "∞". */
export function formatDepthScale(xi: number): string {
  return xi === Number.POSITIVE_INFINITY ? '∞' : formatNumber(xi, { sig: 3 });
}

/** A coordinate as printed next to the plot: σ_w² with 2 decimals, σ_b² with 3. */
export function formatSw2(sw2: number): string {
  return formatNumber(sw2, { digits: 2 });
}
export function formatSb2(sb2: number): string {
  return formatNumber(sb2, { digits: 3 });
}
