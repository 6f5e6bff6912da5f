/**
 * The two drawing primitives the slope explorer needs, written out instead of imported from
 * d3-scale / d3-shape: `scaleLinear` alone pulls d3-interpolate, d3-color and d3-format into
 * the bundle (≈ 10 KB gz), which would break the 15 KB-per-page JavaScript budget.
 */

/** A linear map from [d0, d1] to [r0, r1] (d3's scaleLinear without interpolators or ticks). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Coordinates rounded to 0.01 user units: sub-pixel at any scale, and a short `d`. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A polyline through the points (xs[i], ys[i]) as an SVG path `d` (d3-shape's line with curveLinear). */
export function polylinePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) d += `${i === 0 ? 'M' : 'L'}${round(xs[i]!)},${round(ys[i]!)}`;
  return d;
}
