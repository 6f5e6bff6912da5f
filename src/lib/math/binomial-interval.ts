/**
 * Confidence intervals for a binomial proportion k/n: the Wilson score interval (Wilson 1927),
 * which unlike the textbook p̂ ± z·√(p̂(1−p̂)/n) stays inside [0, 1] and has a non-zero width at
 * k = 0 and k = n, where transition counts of a rarely visited state often sit.
 */
import { erf } from './normal';
import { requireAbove } from './validate';

/**
 * The standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error
 * < 1.2e−9), polished by two Newton steps on Φ(z) = ½(1 + erf(z/√2)) to near double precision.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be a number in (0, 1), got ${String(p)}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let z: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    z = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    z = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    z = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    const cdf = 0.5 * (1 + erf(z / Math.SQRT2));
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    z -= (cdf - p) / density;
  }
  return z;
}

export interface ProportionInterval {
  /** k/n */
  estimate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval for k successes in n trials with normal quantile z:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). The one implementation on the site
 * (the depth-product widget ships it to the browser, so it needs no quantile function).
 */
export function wilsonScoreInterval(k: number, n: number, z: number): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${String(n)}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`k must be an integer in [0, n = ${n}], got ${String(k)}`);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding must not move it off.
  return { estimate: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Wilson score interval at two-sided confidence `confidence` (e.g. 0.95) for k successes in n
 * trials. Throws for n = 0: with no trials there is no estimate, and the caller must say so
 * rather than print [0, 1].
 */
export function wilsonInterval(k: number, n: number, confidence = 0.95): ProportionInterval {
  requireAbove('confidence', confidence, 0);
  if (!(confidence < 1)) throw new RangeError(`confidence must be < 1, got ${String(confidence)}`);
  return wilsonScoreInterval(k, n, normalQuantile(0.5 + confidence / 2));
}
