/**
 * The activation functions discussed in the thread: tanh(n·x) and its generalisation a·tanh(b·x),
 * including LeCun's 1.7159·tanh(2x/3), each with its first and second derivative in float64.
 */

import { sech2 } from './stable';
import { requireAbove } from './validate';

export interface Activation {
  /** Stable identifier, e.g. "tanh-n2", "tanh-n0p5", "lecun-tanh". */
  id: string;
  /** Plain-text label, e.g. "tanh(2x)", "1.7159·tanh(2x/3)". */
  label: string;
  /** KaTeX source, e.g. "\\tanh(2x)". */
  tex: string;
  /** The activation f(x). */
  f(x: number): number;
  /** Its slope f′(x). */
  df(x: number): number;
  /** Its curvature f″(x). */
  d2f(x: number): number;
}

/**
 * A coefficient written compactly: shortest decimal form at 6 significant digits
 * (0.5 → "0.5", 1 → "1", 2 → "2", 1.8101705 → "1.81017").
 */
export function formatCoefficient(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** "k·x" written compactly: 1 → "x", 2 → "2x", 0.5 → "0.5x". */
function scaledArgument(k: number): string {
  const text = formatCoefficient(k);
  return text === '1' ? 'x' : `${text}x`;
}

/** "a·" written compactly, empty for a = 1. */
function prefactor(a: number, separator: string): string {
  const text = formatCoefficient(a);
  return text === '1' ? '' : `${text}${separator}`;
}

/** "." → "p" so ids are safe in URLs, DOM ids and CSS selectors (0.5 → "0p5"). */
function idPart(value: number): string {
  return formatCoefficient(value).replace('.', 'p').replace('+', '');
}

/**
 * a·tanh(b·x), with
 *   f′(x) = a·b·sech²(bx),
 *   f″(x) = −2·a·b²·sech²(bx)·tanh(bx),
 * sech² computed without the 1 − tanh² cancellation (see stable.ts). a > 0, b > 0.
 */
export function scaledTanh(a: number, b: number): Activation {
  requireAbove('a', a, 0);
  requireAbove('b', b, 0);
  return Object.freeze({
    id: `tanh-a${idPart(a)}-b${idPart(b)}`,
    label: `${prefactor(a, '·')}tanh(${scaledArgument(b)})`,
    tex: `${prefactor(a, '\\,')}\\tanh(${scaledArgument(b)})`,
    f: (x: number) => a * Math.tanh(b * x),
    df: (x: number) => a * b * sech2(b * x),
    d2f: (x: number) => {
      const u = b * x;
      return -2 * a * b * b * sech2(u) * Math.tanh(u);
    },
  });
}

/** tanh(n·x) = scaledTanh(1, n): slope n·sech²(nx), at most n (at x = 0). n > 0. */
export function tanhN(n: number): Activation {
  requireAbove('n', n, 0);
  return Object.freeze({
    ...scaledTanh(1, n),
    id: `tanh-n${idPart(n)}`,
  });
}

/**
 * LeCun's scaled tanh 1.7159·tanh(2x/3) (LeCun, Bottou, Orr & Müller 1998, "Efficient BackProp",
 * §4.4): the constants make f(±1) ≈ ±1, and the slope at 0 is 1.7159·2/3 ≈ 1.1439.
 */
export const lecunTanh: Activation = Object.freeze({
  ...scaledTanh(1.7159, 2 / 3),
  id: 'lecun-tanh',
  label: '1.7159·tanh(2x/3)',
  tex: '1.7159\\,\\tanh\\!\\left(\\tfrac{2}{3}x\\right)',
});

/** The plain tanh(x), the n = 1 baseline of the thread. */
export const tanh1: Activation = tanhN(1);

/**
 * ReLU max(0, x), the non-saturating comparison. Slope 1 for x > 0 and 0 for x ≤ 0 (the
 * subgradient at 0 taken as 0, as in TensorFlow.js); curvature 0 wherever it exists.
 */
export const relu: Activation = Object.freeze({
  id: 'relu',
  label: 'ReLU',
  tex: '\\max(0, x)',
  f: (x: number) => (x > 0 ? x : 0),
  df: (x: number) => (x > 0 ? 1 : 0),
  d2f: () => 0,
});
