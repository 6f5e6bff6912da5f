/**
 * The standard normal distribution's error function, to near double precision: a Taylor series
 * for |x| < 2.5 and a continued fraction for erfc beyond (where 1 − erf would cancel).
 */

/** erf(x) = (2/√π) Σ (−1)ⁿ x²ⁿ⁺¹ / (n!(2n+1)). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc(x) for x > 0 by the continued fraction e^{−x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) (modified Lentz). */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const value = a < 2.5 ? erfSeries(a) : 1 - erfcContinuedFraction(a);
  return x < 0 ? -value : value;
}

/** P(|z| < t) for z ~ N(0, variance): erf(t / √(2·variance)); 1 for variance 0 and t > 0. */
export function probabilityInside(t: number, variance: number): number {
  if (variance === 0) return t > 0 ? 1 : 0;
  return erf(t / Math.sqrt(2 * variance));
}
