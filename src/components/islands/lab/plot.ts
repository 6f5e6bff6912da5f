/**
 * The lab's small SVG charts: linear and log10 scales, tick positions and line paths. Pure
 * functions (the e2e test redraws the paths from the values it expects and compares).
 */

export const PLOT = { width: 360, height: 200, left: 52, right: 10, top: 10, bottom: 34 } as const;

export type Scale = (value: number) => number;

export interface Axis {
  domain: [number, number];
  log: boolean;
}

/** Maps `axis.domain` onto [r0, r1] (log10 for a log axis). */
export function scaleOf(axis: Axis, r0: number, r1: number): Scale {
  const t = axis.log ? Math.log10 : (v: number) => v;
  const d0 = t(axis.domain[0]);
  const d1 = t(axis.domain[1]);
  const span = d1 - d0 || 1;
  return (value) => r0 + ((t(value) - d0) / span) * (r1 - r0);
}

export const xRange = (): [number, number] => [PLOT.left, PLOT.width - PLOT.right];
export const yRange = (): [number, number] => [PLOT.height - PLOT.bottom, PLOT.top];

/** Plottable on the axis: finite, and positive on a log axis. */
export const plottable = (value: number, log: boolean): boolean => Number.isFinite(value) && (!log || value > 0);

/** A log axis covering the positive finite values in whole decades (1 decade when there are none). */
export function logDomain(values: Iterable<number>, floor = 1e-300): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(Number.isFinite(v) && v > 0)) continue;
    const w = Math.max(v, floor);
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  if (lo === Infinity) return [0.1, 1];
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(Math.ceil(Math.log10(hi)), a + 1);
  return [10 ** a, 10 ** b];
}

/** Ticks of a log domain: powers of ten, at most `max` of them (every k-th decade). */
export function logTicks([lo, hi]: [number, number], max = 6): number[] {
  const a = Math.round(Math.log10(lo));
  const b = Math.round(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a) / (max - 1)));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += every) ticks.push(10 ** e);
  return ticks;
}

/** Linear ticks at a round step, about `count` of them. */
export function linearTicks([lo, hi]: [number, number], count = 5): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Every `stride`-th index of 0..length−1 (and the last), so a long run draws at most `max` points. */
export function thinnedIndices(length: number, max = 400): number[] {
  const stride = Math.max(1, Math.ceil(length / max));
  const out: number[] = [];
  for (let i = 0; i < length; i += stride) out.push(i);
  if (length > 0 && out[out.length - 1] !== length - 1) out.push(length - 1);
  return out;
}

/**
 * An SVG path through the points, broken where a value cannot be drawn (non-finite, or ≤ 0 on
 * a log axis). Coordinates to 0.1 px.
 */
export function linePath(points: readonly (readonly [number, number])[], x: Scale, y: Scale, yLog: boolean): string {
  let d = '';
  let pen = false;
  for (const [px, py] of points) {
    if (!plottable(py, yLog)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A tick label: 10^k as "1e-3" … "1e3" (plain for 0.01 … 100), others with up to 3 significant digits. */
export function tickLabel(value: number, log: boolean): string {
  if (log) {
    const e = Math.round(Math.log10(value));
    return e >= -2 && e <= 2 ? String(Number((10 ** e).toPrecision(1))) : `1e${e}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** A readout number: 4 significant digits, exponent form outside [1e-3, 1e5). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(3).replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}
