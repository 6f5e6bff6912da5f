/**
 * Gaussian expectations E_{z~N(0,1)}[g(z)] (and over two independent standard normals) in float64,
 * for the mean-field theory of meanfield.ts.
 *
 * Two families of rules:
 * - Gauss–Hermite (probabilists' form, weights summing to 1): `hermiteRule`, `gaussianExpectation`,
 *   `gaussianExpectation2`. Exponentially accurate for integrands analytic in a wide strip
 *   around the real axis, e.g. g(z) = φ(√q·z) with q ≲ 1.
 * - Graded composite Gauss–Legendre: `gradedGaussianExpectation`, `gradedGaussianExpectation2`.
 *   For integrands that are sharp or kinked at a known place, as φ(√q·z) is at z = 0 once q is
 *   large (tanh(n√q·z) turns over on a z-scale 1/(n√q), with complex poles at ±iπ/(2n√q)).
 *   No polynomial rule resolves that cheaply — Gauss–Hermite of order 200 has its central nodes
 *   ~0.2 apart — so these split the line at the sharp point and refine the panels geometrically
 *   towards it (panel ends at distances 0, 2⁻ᵈ, 2⁻ᵈ⁺¹, …, ½, 1; depth d = 10 by default), 8
 *   Gauss–Legendre nodes per panel; beyond distance 1, panels of width ≤ 2 (10 nodes) for the
 *   Gaussian itself. On a panel [a, 2a] a pole at distance ≥ a keeps the Bernstein-ellipse
 *   parameter ≥ 3 + √8, so each panel is accurate to ~(3 + √8)⁻¹⁶ ≈ 6e-13 of its own
 *   contribution whatever the scale of the feature, down to z-widths ~2⁻ᵈ. Measured on
 *   tanh(a·z)², tanh′(a·z)², tanh′(a·z)⁴ and tanh″·tanh at d = 10: ≤ 2e-11 relative for
 *   a = n√q ≤ 300, 1e-9 at a = 1000. `resolvingDepth` picks a smaller d where it suffices.
 *   The line is truncated at |z| ≤ 9, where the Gaussian tail beyond is ~2e-19.
 */

import { requireFinite } from './validate';

/** Nodes and weights of a quadrature rule: ∫ g ≈ Σ weights[i]·g(nodes[i]). */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/** Largest Gauss–Hermite order served (nodes up to |x| ≈ 43; beyond, the weights underflow). */
export const MAX_HERMITE_ORDER = 500;

/** Default order of `gaussianExpectation`: exact for polynomials of degree ≤ 127. */
export const DEFAULT_HERMITE_ORDER = 64;

/** Default order per axis of `gaussianExpectation2` (48² = 2304 evaluations). */
export const DEFAULT_HERMITE_ORDER_2D = 48;

const hermiteCache = new Map<number, QuadratureRule>();

function requireOrder(order: number, max: number): void {
  if (!Number.isInteger(order) || order < 1 || order > max) {
    throw new RangeError(`order must be an integer in [1, ${max}], got ${String(order)}`);
  }
}

/**
 * Orthonormal probabilists' Hermite polynomials p_k = He_k/√(k!) at x, by the recurrence
 * p_{k+1} = (x·p_k − √k·p_{k−1})/√(k+1); returns [p_{N−1}(x), p_N(x)].
 */
function orthonormalHermite(order: number, x: number): [number, number] {
  let previous = 0;
  let current = 1; // p_0
  for (let k = 0; k < order; k++) {
    const next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
    previous = current;
    current = next;
  }
  return [previous, current];
}

/**
 * Number of eigenvalues below x of the Jacobi matrix of the Hermite recurrence (zero diagonal,
 * off-diagonal √1, …, √(N−1)), by the Sturm sequence of its leading minors.
 */
function eigenvaluesBelow(order: number, x: number): number {
  let count = 0;
  let d = -x;
  if (d < 0) count++;
  for (let k = 1; k < order; k++) {
    d = -x - k / (d === 0 ? Number.EPSILON : d);
    if (d < 0) count++;
  }
  return count;
}

/**
 * Probabilists' Gauss–Hermite rule of the given order N (1 ≤ N ≤ 500): Σ wᵢ·g(xᵢ) ≈ E[g(z)],
 * z ~ N(0, 1), exact for polynomials of degree ≤ 2N − 1. Golub–Welsch: the nodes are the
 * eigenvalues of the Jacobi matrix (here by Sturm-sequence bisection, each to full precision),
 * polished by a Newton step on p_N; the weights are the Christoffel numbers wᵢ = 1/(N·p_{N−1}(xᵢ)²)
 * (full relative accuracy even where they are tiny). Nodes ascending, exactly symmetric. Cached.
 */
export function hermiteRule(order: number): QuadratureRule {
  requireOrder(order, MAX_HERMITE_ORDER);
  const cached = hermiteCache.get(order);
  if (cached) return cached;
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  const bound = 2 * Math.sqrt(order); // Gershgorin: every eigenvalue lies in [−2√N, 2√N]
  const half = Math.floor(order / 2);
  for (let i = 0; i < half; i++) {
    // The (order − 1 − i)-th eigenvalue (0-based, ascending) is the i-th largest, positive.
    const index = order - 1 - i;
    let lo = 0;
    let hi = bound;
    while (hi - lo > 2 * Number.EPSILON * hi) {
      const mid = 0.5 * (lo + hi);
      if (mid === lo || mid === hi) break;
      if (eigenvaluesBelow(order, mid) > index) hi = mid;
      else lo = mid;
    }
    let x = 0.5 * (lo + hi);
    const [pPrevious, pN] = orthonormalHermite(order, x);
    x -= pN / (Math.sqrt(order) * pPrevious); // p_N′ = √N·p_{N−1}
    const [p] = orthonormalHermite(order, x);
    const root = 1 / (Math.sqrt(order) * p);
    nodes[index] = x;
    nodes[i] = -x;
    weights[index] = root * root;
    weights[i] = root * root;
  }
  if (order % 2 === 1) {
    const [p] = orthonormalHermite(order, 0);
    const root = 1 / (Math.sqrt(order) * p);
    nodes[half] = 0;
    weights[half] = root * root;
  }
  const rule = Object.freeze({ nodes, weights });
  hermiteCache.set(order, rule);
  return rule;
}

const legendreCache = new Map<number, QuadratureRule>();

/**
 * Gauss–Legendre rule on [−1, 1] (weights summing to 2), by Newton's method on the Legendre
 * recurrence from the usual cosine initial guesses. Nodes ascending, exactly symmetric. Cached.
 */
export function legendreRule(order: number): QuadratureRule {
  requireOrder(order, 200);
  const cached = legendreCache.get(order);
  if (cached) return cached;
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  const half = Math.ceil(order / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (order + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      let previous = 1;
      let current = x;
      for (let k = 2; k <= order; k++) {
        const next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
        previous = current;
        current = next;
      }
      const p = order === 1 ? x : current;
      const pPrevious = order === 1 ? 1 : previous;
      derivative = (order * (x * p - pPrevious)) / (x * x - 1);
      const step = p / derivative;
      x -= step;
      if (Math.abs(step) <= 2 * Number.EPSILON) break;
    }
    if (order % 2 === 1 && i === half - 1) x = 0;
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[order - 1 - i] = x;
    nodes[i] = -x;
    weights[order - 1 - i] = w;
    weights[i] = w;
  }
  const rule = Object.freeze({ nodes, weights });
  legendreCache.set(order, rule);
  return rule;
}

/** E_{z~N(0,1)}[g(z)] by Gauss–Hermite of the given order (default 64), summed in ± pairs. */
export function gaussianExpectation(g: (z: number) => number, order = DEFAULT_HERMITE_ORDER): number {
  const { nodes, weights } = hermiteRule(order);
  const last = order - 1;
  let sum = order % 2 === 1 ? weights[last / 2]! * g(0) : 0;
  for (let i = 0; i < Math.floor(order / 2); i++) {
    const x = nodes[last - i]!;
    sum += weights[last - i]! * (g(x) + g(-x));
  }
  return sum;
}

/** E[g(z1, z2)] for independent z1, z2 ~ N(0, 1), by the tensor product of Gauss–Hermite rules. */
export function gaussianExpectation2(g: (z1: number, z2: number) => number, order = DEFAULT_HERMITE_ORDER_2D): number {
  const { nodes, weights } = hermiteRule(order);
  let sum = 0;
  for (let i = 0; i < order; i++) {
    const z1 = nodes[i]!;
    let inner = 0;
    for (let j = 0; j < order; j++) inner += weights[j]! * g(z1, nodes[j]!);
    sum += weights[i]! * inner;
  }
  return sum;
}

/** Default depth of the graded rules: finest panel width 2⁻¹⁰ next to the sharp point. */
export const GRADED_DEPTH = 10;

/** Largest depth served (finest panel 2⁻²⁰). */
export const MAX_GRADED_DEPTH = 20;

/** The graded rules integrate over |z| ≤ GRADED_TRUNCATION; the N(0,1) mass beyond is 2.3e-19. */
export const GRADED_TRUNCATION = 9;

/** 1/√(2π), the standard normal density at 0. */
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** How a graded rule resolves its sharp point. */
export interface GradedOptions {
  /**
   * Finest panel width 2^−depth next to the sharp point (an integer in [0, 20]; default 10).
   * A feature of z-width w needs 2^−depth ≲ w; `resolvingDepth` finds the smallest that does.
   */
  depth?: number;
  /**
   * Fewer nodes per panel (4 near the sharp point, 6 elsewhere, instead of 8 and 10): ~1e-6
   * relative (1e-4 for the sharpest integrands) instead of ~1e-11, at half the cost in 1-D (a
   * quarter to a third in 2-D) — for first guesses that an accurate rule then polishes.
   */
  coarse?: boolean;
}

/** A graded rule: its panels, and the centred (sharp point 0) half-line rule precomputed. */
interface GradedRule {
  /** Distances from the sharp point of the geometric panel ends: 0, 2^−depth, …, ½, 1. */
  nearEnds: readonly number[];
  /** Gauss–Legendre rule on each geometric panel. */
  near: QuadratureRule;
  /** Gauss–Legendre rule on each panel beyond distance 1. */
  far: QuadratureRule;
  /**
   * Panel ends beyond distance 1 from the sharp point, in absolute z (each used where it is
   * more than 1 from the sharp point): the Gaussian varies on scale 1, so panels of width ≤ 2.
   */
  farGrid: readonly number[];
  /** For a sharp point at 0: E[g] ≈ Σ wᵢ·(g(xᵢ) + g(−xᵢ)), xᵢ ∈ (0, 9], density in the weights. */
  centred: QuadratureRule;
}

const FAR_GRID: readonly number[] = [-9, -6, -4, -2.5, -1, 0, 1, 2.5, 4, 6, 9];

const gradedRuleCache = new Map<string, GradedRule>();

function gradedRule(options: GradedOptions = {}): GradedRule {
  const depth = options.depth ?? GRADED_DEPTH;
  const coarse = options.coarse ?? false;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_GRADED_DEPTH) {
    throw new RangeError(`depth must be an integer in [0, ${MAX_GRADED_DEPTH}], got ${String(depth)}`);
  }
  const key = `${depth}${coarse ? 'c' : ''}`;
  const cached = gradedRuleCache.get(key);
  if (cached) return cached;
  const nearEnds = [0, ...Array.from({ length: depth + 1 }, (_, i) => 2 ** (i - depth))];
  const rule: GradedRule = {
    nearEnds,
    near: legendreRule(coarse ? 4 : 8),
    far: legendreRule(coarse ? 6 : 10),
    farGrid: FAR_GRID,
    centred: { nodes: new Float64Array(0), weights: new Float64Array(0) },
  };
  const nodes: number[] = [];
  const weights: number[] = [];
  sumOverPanels(rule, 0, 1, (from, to, panelRule) => {
    const mid = 0.5 * (from + to);
    const halfWidth = 0.5 * (to - from);
    for (let j = 0; j < panelRule.nodes.length; j++) {
      const z = mid + halfWidth * panelRule.nodes[j]!;
      nodes.push(z);
      weights.push(halfWidth * panelRule.weights[j]! * INV_SQRT_2PI * Math.exp(-0.5 * z * z));
    }
    return 0;
  });
  rule.centred = Object.freeze({ nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) });
  gradedRuleCache.set(key, Object.freeze(rule));
  return rule;
}

/** halfWidth·Σⱼ wⱼ·e^(−zⱼ²/2)·h(zⱼ) over one panel, zⱼ = mid + halfWidth·tⱼ. */
function panelSum(h: (z: number) => number, mid: number, halfWidth: number, rule: QuadratureRule): number {
  const { nodes, weights } = rule;
  let part = 0;
  for (let j = 0; j < nodes.length; j++) {
    const z = mid + halfWidth * nodes[j]!;
    part += weights[j]! * Math.exp(-0.5 * z * z) * h(z);
  }
  return halfWidth * part;
}

/**
 * Calls panel(from, to, rule) for the panels on one side of the sharp point `at` (direction +1:
 * up to 9; −1: down to −9), given as distances from it: geometric out to distance 1, then the
 * far grid, the last panel cut at the truncation. Returns the sum of the calls' results.
 */
function sumOverPanels(
  rule: GradedRule,
  at: number,
  direction: 1 | -1,
  panel: (from: number, to: number, panelRule: QuadratureRule) => number,
): number {
  const room = GRADED_TRUNCATION - direction * at;
  const { nearEnds, farGrid } = rule;
  let sum = 0;
  for (let i = 0; i + 1 < nearEnds.length && nearEnds[i]! < room; i++) {
    sum += panel(nearEnds[i]!, Math.min(nearEnds[i + 1]!, room), rule.near);
  }
  let from = 1;
  for (let i = 0; i < farGrid.length && from < room; i++) {
    const distance = direction * (farGrid[direction === 1 ? i : farGrid.length - 1 - i]! - at);
    if (distance > from) {
      sum += panel(from, Math.min(distance, room), rule.far);
      from = distance;
    }
  }
  return sum;
}

/** ∫ h(z)·N(z; 0, 1) dz over the panels on one side of `at`. */
function gradedSide(rule: GradedRule, h: (z: number) => number, at: number, direction: 1 | -1): number {
  const sum = sumOverPanels(rule, at, direction, (from, to, panelRule) =>
    panelSum(h, at + direction * 0.5 * (from + to), 0.5 * (to - from), panelRule),
  );
  return sum * INV_SQRT_2PI;
}

function expectationWithRule(rule: GradedRule, g: (z: number) => number, at: number): number {
  if (at === 0) {
    const { nodes, weights } = rule.centred;
    let sum = 0;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const x = nodes[i]!;
      sum += weights[i]! * (g(x) + g(-x));
    }
    return sum;
  }
  const centre = Math.min(GRADED_TRUNCATION, Math.max(-GRADED_TRUNCATION, at));
  return gradedSide(rule, g, centre, 1) + gradedSide(rule, g, centre, -1);
}

/** Evaluations of g made by one `gradedGaussianExpectation` with its sharp point at 0. */
export function gradedEvaluations(options: GradedOptions = {}): number {
  return 2 * gradedRule(options).centred.nodes.length;
}

/**
 * E_{z~N(0,1)}[g(z)] for a g that may be sharp, or kinked, at z = `at` (default 0) — e.g.
 * φ(√q·z) for an activation φ that turns over (tanh) or bends (ReLU) at 0, up to n√q ~ 1000
 * at the default depth (for tanh(n·x)). Graded composite Gauss–Legendre on |z| ≤ 9 (module comment); 256
 * evaluations of g for at = 0 at the default depth, summed there in ± pairs (so an odd g gives
 * exactly 0). A sharp point outside [−9, 9] is moved to the nearer end.
 */
export function gradedGaussianExpectation(g: (z: number) => number, at = 0, options?: GradedOptions): number {
  requireFinite('at', at);
  return expectationWithRule(gradedRule(options), g, at);
}

/**
 * E[g(z1, z2)] for independent z1, z2 ~ N(0, 1), for a g that may be sharp along the line
 * z1 = 0 and along the line z2 = ridgeSlope·z1 — e.g. φ(u1)·φ(u2) with u1 = √q·z1 and
 * u2 = √q·(c·z1 + √(1 − c²)·z2), sharp where u1 = 0 and where u2 = 0
 * (ridgeSlope = −c/√(1 − c²)). g is curried, g(z1)(z2), so work that depends on z1 only is done
 * once per outer node. Nested graded rules: the outer one in z1 graded towards 0, for each of
 * its nodes an inner one in z2 graded towards ridgeSlope·z1 (256² ≈ 6.6e4 evaluations at the
 * default depth; pass the `resolvingDepth` of the sharpest 1-D section to save most of them).
 */
export function gradedGaussianExpectation2(
  g: (z1: number) => (z2: number) => number,
  ridgeSlope: number,
  options?: GradedOptions,
): number {
  requireFinite('ridgeSlope', ridgeSlope);
  const rule = gradedRule(options);
  return expectationWithRule(
    rule,
    (z1) => {
      const at = ridgeSlope * z1;
      return expectationWithRule(rule, g(z1), at === 0 ? 0 : at);
    },
    0,
  );
}

/**
 * The smallest depth (plus one, as margin) at which the graded expectation of g, sharp at 0,
 * agrees with the one at the default depth to 1e-13 relative: how finely g's feature at 0 must
 * be resolved. 1 for g smooth on scale 1 (or kinked exactly at 0), ~log2(n√q) + 3 for
 * g = tanh′(n√q·z)².
 */
export function resolvingDepth(g: (z: number) => number): number {
  const reference = gradedGaussianExpectation(g);
  const tolerance = 1e-13 * Math.abs(reference) + 1e-300;
  for (let depth = 0; depth < GRADED_DEPTH; depth++) {
    if (Math.abs(gradedGaussianExpectation(g, 0, { depth }) - reference) <= tolerance) {
      return Math.min(depth + 1, GRADED_DEPTH);
    }
  }
  return GRADED_DEPTH;
}
