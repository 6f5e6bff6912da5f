import { describe, expect, it } from 'vitest';

import { type Activation, lecunTanh, relu, scaledTanh, tanh1, tanhN } from '../../../src/lib/math/activations';
import {
  chi1,
  correlationFixedPoint,
  correlationMap,
  criticalWeightVariance,
  depthScaleC,
  depthScaleQ,
  jacobianMomentRatio,
  lengthMap,
  meanFieldSummary,
  qStar,
} from '../../../src/lib/math/meanfield';

// ---------------------------------------------------------------------------------------------
// Independent reference: adaptive Simpson (with Richardson's correction) on |z| ≤ 12, split into
// unit pieces and at the integrand's known sharp points; bisection for fixed points. Nothing here
// uses quadrature.ts or stable.ts.

/** Evaluations left before a reference integration gives up (so a mistake fails, not hangs). */
const SIMPSON_BUDGET = 2e7;

function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  const fa = f(a);
  const fb = f(b);
  const fm = f(0.5 * (a + b));
  const budget = { left: SIMPSON_BUDGET };
  return simpsonRefine(f, a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), tolerance, 40, budget);
}

function simpsonRefine(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fm: number,
  fb: number,
  whole: number,
  tolerance: number,
  depth: number,
  budget: { left: number },
): number {
  if ((budget.left -= 2) < 0) throw new Error('adaptive Simpson: evaluation budget exhausted');
  const m = 0.5 * (a + b);
  const flm = f(0.5 * (a + m));
  const frm = f(0.5 * (m + b));
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const delta = left + right - whole;
  if (depth === 0 || Math.abs(delta) <= 15 * tolerance) return left + right + delta / 15;
  return (
    simpsonRefine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1, budget) +
    simpsonRefine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1, budget)
  );
}

const LIMIT = 12;

/** ∫ g(z)·N(z; 0, 1) dz over [−12, 12] by adaptive Simpson, split at the integers and at `breaks`. */
function simpsonGaussianIntegral(g: (z: number) => number, breaks: number[], tolerance: number): number {
  const points = [...new Set([...Array.from({ length: 2 * LIMIT + 1 }, (_, i) => i - LIMIT), ...breaks])]
    .filter((x) => Math.abs(x) <= LIMIT)
    .sort((x, y) => x - y);
  const piece = (z: number) => (g(z) * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    sum += adaptiveSimpson(piece, points[i]!, points[i + 1]!, tolerance / (points.length - 1));
  }
  return sum;
}

/** E[g(z)], z ~ N(0, 1), to 1e-13 relative: a first estimate at 1e-6 sets the tolerance. */
function simpsonExpectation(g: (z: number) => number, breaks: number[] = [0]): number {
  let scale = 0;
  for (let z = -LIMIT; z <= LIMIT; z += 1 / 64) scale = Math.max(scale, Math.abs(g(z)) * Math.exp(-0.5 * z * z));
  const rough = simpsonGaussianIntegral(g, breaks, 1e-6 * scale);
  return simpsonGaussianIntegral(g, breaks, 1e-13 * (Math.abs(rough) || scale));
}

/**
 * E[F(u1, u2)] for (u1, u2) with variances q and correlation c (u1 = √q·z1, u2 = √q·(c·z1 + √(1 − c²)·z2)),
 * by nested adaptive Simpson split where u1 = 0 and u2 = 0, to ~1e-10·bound absolute (|F| ≤ bound).
 */
function simpsonPairExpectation(F: (u1: number, u2: number) => number, q: number, c: number, bound: number): number {
  const s = Math.sqrt(1 - c * c);
  const r = Math.sqrt(q);
  return simpsonGaussianIntegral(
    (z1) => simpsonGaussianIntegral((z2) => F(r * z1, r * (c * z1 + s * z2)), [(-c * z1) / s], 1e-11 * bound),
    [0],
    1e-10 * bound,
  );
}

const reference = {
  lengthMap: (act: Activation, sw2: number, sb2: number, q: number) =>
    sw2 * simpsonExpectation((z) => act.f(Math.sqrt(q) * z) ** 2) + sb2,
  /** q* by bisection in ln q on L(q)/q − 1 (decreasing through 0), to ~1e-15 relative. */
  qStar(act: Activation, sw2: number, sb2: number): number {
    const r = (q: number) => this.lengthMap(act, sw2, sb2, q) / q - 1;
    let lo = 1;
    let hi = 1;
    for (let i = 0; i < 60 && r(hi) > 0; i++) hi *= 2;
    for (let i = 0; i < 60 && r(lo) < 0; i++) lo /= 2;
    // The bracket [lo, hi] spans a factor ≤ 2^60; 60 + 52 halvings of ln(hi/lo) reach rounding.
    for (let i = 0; i < 112 && hi / lo - 1 > 1e-15; i++) {
      const mid = Math.sqrt(lo * hi);
      if (r(mid) > 0) lo = mid;
      else hi = mid;
    }
    return Math.sqrt(lo * hi);
  },
  mean: (q: number, h: (x: number) => number) => simpsonExpectation((z) => h(Math.sqrt(q) * z)),
};

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

interface Point {
  label: string;
  act: Activation;
  sw2: number;
  sb2: number;
}

const point = (label: string, act: Activation, sw2: number, sb2: number): Point => ({ label, act, sw2, sb2 });

/** Rows for it.each: the label and parameters for the test name, the activation last. */
const rows = (list: Point[]) => list.map(({ label, sw2, sb2, act }) => [label, sw2, sb2, act] as const);

/** Points across the site's ranges: both phases, n from 0.25 to 4, q* from 0.014 to 49. */
const points: Point[] = [
  point('tanh, ordered near the edge', tanh1, 1.5, 0.05),
  point('tanh, chaotic', tanh1, 4, 0.5),
  point('tanh, small q*', tanh1, 0.3, 0.01),
  point('tanh(4x), sharp (n√q* ≈ 13.5)', tanhN(4), 10, 2),
  point('tanh(x/4), wide', tanhN(0.25), 10, 2),
  point('LeCun’s tanh, q* ≈ 25', lecunTanh, 10, 2),
  point('2.2·tanh(4x), large q* ≈ 49 (b√q* ≈ 28)', scaledTanh(2.2, 4), 10, 2),
  point('ReLU', relu, 1.5, 0.3),
];

describe('mean-field quantities against adaptive Simpson (an independent integration), to 1e-8', () => {
  describe.each(rows(points))('%s (σ_w² = %s, σ_b² = %s)', (_, sw2, sb2, act) => {
    const qRef = reference.qStar(act, sw2, sb2);
    const chiRef = sw2 * reference.mean(qRef, (x) => act.df(x) ** 2);

    it('q*: the fixed point of the length map', () => {
      expect(relativeError(qStar(act, sw2, sb2), qRef)).toBeLessThan(1e-8);
    });

    it('χ1 = σ_w²·E[φ′(√q*·z)²]', () => {
      expect(relativeError(chi1(act, sw2, sb2), chiRef)).toBeLessThan(1e-8);
    });

    it('ξ_q = −1/ln(χ1 + σ_w²·E[φ″·φ])', () => {
      const chiQ = chiRef + sw2 * reference.mean(qRef, (x) => act.d2f(x) * act.f(x));
      expect(relativeError(depthScaleQ(act, sw2, sb2), -1 / Math.log(chiQ))).toBeLessThan(1e-8);
    });

    it('μ2/μ1² with μk = E[φ′(√q*·z)^(2k)]', () => {
      const m1 = reference.mean(qRef, (x) => act.df(x) ** 2);
      const m2 = reference.mean(qRef, (x) => act.df(x) ** 4);
      expect(relativeError(jacobianMomentRatio(act, sw2, sb2), m2 / (m1 * m1))).toBeLessThan(1e-8);
    });

    it('the length map itself at q = 0.3, 3 and 40', () => {
      for (const q of [0.3, 3, 40]) {
        expect(relativeError(lengthMap(act, sw2, sb2, q), reference.lengthMap(act, sw2, sb2, q))).toBeLessThan(1e-10);
      }
    });
  });

  /** Chaotic points: c* < 1, the 2-D integrals matter. */
  const chaotic: Point[] = [
    point('tanh', tanh1, 4, 0.5),
    point('tanh(4x), sharp', tanhN(4), 10, 2),
    point('2.2·tanh(4x), q* ≈ 49', scaledTanh(2.2, 4), 10, 2),
  ];

  it.each(rows(chaotic))(
    '%s (σ_w² = %s, σ_b² = %s): c* is the Simpson map’s fixed point and ξ_c = −1/ln(σ_w²·E[φ′(u1)φ′(u2)]) at it',
    (_, sw2, sb2, act) => {
      const summary = meanFieldSummary(act, sw2, sb2);
      const qRef = reference.qStar(act, sw2, sb2);
      const cStar = summary.cStar;
      const fBound = Math.abs(act.f(1e3));
      const dfBound = act.df(0);
      const mapRef =
        (sw2 * simpsonPairExpectation((u1, u2) => act.f(u1) * act.f(u2), qRef, cStar, fBound ** 2) + sb2) / qRef;
      const slopeRef = sw2 * simpsonPairExpectation((u1, u2) => act.df(u1) * act.df(u2), qRef, cStar, dfBound ** 2);
      // One Newton step on the Simpson map from our c*: the Simpson map's own fixed point.
      const cRef = cStar + (mapRef - cStar) / (1 - slopeRef);
      expect(relativeError(cStar, cRef)).toBeLessThan(1e-8);
      expect(cStar).toBeGreaterThan(0);
      expect(cStar).toBeLessThan(1);
      expect(relativeError(summary.chiC, slopeRef)).toBeLessThan(1e-8);
      expect(relativeError(summary.depthScaleC, -1 / Math.log(slopeRef))).toBeLessThan(1e-8);
      expect(depthScaleC(act, sw2, sb2)).toBe(summary.depthScaleC);
      expect(correlationFixedPoint(act, sw2, sb2)).toBe(cStar);
    },
  );
});

describe('closed forms', () => {
  it.each([0.1, 0.5, 0.9, 1])('tanh, σ_b² = 0, σ_w² = %s ≤ 1: q* = 0 and χ1 = σ_w² (the map contracts to 0)', (sw2) => {
    expect(qStar(tanh1, sw2, 0)).toBe(0);
    expect(relativeError(chi1(tanh1, sw2, 0), sw2)).toBeLessThan(1e-14);
  });

  it.each([0.5, 2, 3])('tanh(n·x), σ_b² = 0, σ_w² ≤ 1/n²: q* = 0 and χ1 = n²σ_w² (n = %s)', (n) => {
    for (const fraction of [0.3, 0.99]) {
      const sw2 = fraction / (n * n);
      expect(qStar(tanhN(n), sw2, 0)).toBe(0);
      expect(relativeError(chi1(tanhN(n), sw2, 0), fraction)).toBeLessThan(1e-14);
    }
  });

  it('ReLU’s length map is linear, q ↦ σ_w²·q/2 + σ_b²', () => {
    for (const [sw2, sb2] of [
      [1.5, 0.3],
      [0.4, 0],
      [2.5, 1],
    ] as const) {
      expect(lengthMap(relu, sw2, sb2, 0)).toBe(sb2);
      for (const q of [1e-3, 1, 7.5, 1e4]) {
        expect(relativeError(lengthMap(relu, sw2, sb2, q), (sw2 * q) / 2 + sb2)).toBeLessThan(1e-14);
      }
    }
  });

  it.each([
    [1.5, 0.3],
    [0.5, 1],
    [1.99, 0.01],
  ])('ReLU at σ_w² = %s, σ_b² = %s: q* = σ_b²/(1 − σ_w²/2), χ1 = σ_w²/2, μ2/μ1² = 2', (sw2, sb2) => {
    // (q* is conditioned by 1/(1 − σ_w²/2), up to 200 here)
    expect(relativeError(qStar(relu, sw2, sb2), sb2 / (1 - sw2 / 2))).toBeLessThan(1e-12);
    expect(relativeError(chi1(relu, sw2, sb2), sw2 / 2)).toBeLessThan(1e-14);
    expect(relativeError(jacobianMomentRatio(relu, sw2, sb2), 2)).toBeLessThan(1e-14);
  });

  it('ReLU’s correlation map is the arc-cosine kernel (√(1 − c²) + (π − arccos c)·c)/π at σ_b² = 0', () => {
    for (const c of [-0.9, -0.3, 0, 0.4, 0.8, 0.999]) {
      const expected = (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / Math.PI;
      expect(Math.abs(correlationMap(relu, 1.5, 0, c, 1) - expected)).toBeLessThan(1e-12);
    }
  });

  it('the critical σ_w² of tanh at σ_b² = 0 is 1', () => {
    expect(criticalWeightVariance(tanh1, 0)).toBeCloseTo(1, 14);
  });

  it.each([0.25, 0.5, 2, 3, 4])('the critical σ_w² of tanh(n·x) at σ_b² = 0 is 1/n² (n = %s)', (n) => {
    expect(relativeError(criticalWeightVariance(tanhN(n), 0), 1 / (n * n))).toBeLessThan(1e-14);
    // χ1 crosses 1 there: below, q* = 0 and χ1 = n²σ_w²; above, χ1 − 1 = ε²/3 + O(ε³), ε = n²σ_w² − 1.
    expect(chi1(tanhN(n), 0.99 / (n * n), 0)).toBeLessThan(1);
    expect(relativeError(chi1(tanhN(n), 1.01 / (n * n), 0) - 1, 1e-4 / 3)).toBeLessThan(0.03);
  });

  it.each([0, 0.05, 0.5])('the critical σ_w² of ReLU is 2 whatever σ_b² (χ1 = σ_w²/2), σ_b² = %s', (sb2) => {
    expect(relativeError(criticalWeightVariance(relu, sb2), 2)).toBeLessThan(1e-13);
  });

  it('the critical σ_w² of tanh at σ_b² = 0.05 is ≈ 1.76, as read off Schoenholz et al. 2017 (Fig. 1) / Poole et al. 2016', () => {
    expect(Math.abs(criticalWeightVariance(tanh1, 0.05) - 1.76)).toBeLessThan(0.01);
  });

  it.each([0.05, 0.5, 2])(
    'at the critical σ_w² for σ_b² = %s, χ1 computed by Simpson (with Simpson’s own q*) is 1 to 1e-9',
    (sb2) => {
      const sw2 = criticalWeightVariance(tanh1, sb2);
      const q = reference.qStar(tanh1, sw2, sb2);
      expect(Math.abs(sw2 * reference.mean(q, (x) => tanh1.df(x) ** 2) - 1)).toBeLessThan(1e-9);
    },
  );
});

describe('change of units: tanh(n·x) is tanh with its pre-activations measured n× larger', () => {
  const cases = [
    [0.5, 1.2, 0.1],
    [2, 0.2, 0.01],
    [2, 1.5, 0.3],
    [3, 0.5, 0.05],
  ] as const;

  it.each(cases)(
    'tanh(%s·x) at (σ_w² = %s, σ_b² = %s) has the χ1, c*, ξ_c and ξ_q of tanh at (n²σ_w², n²σ_b²), and q* n² times smaller: q*(tanh(n·)) = q*(tanh)/n²',
    (n, sw2, sb2) => {
      const scaled = meanFieldSummary(tanhN(n), sw2, sb2);
      const plain = meanFieldSummary(tanh1, n * n * sw2, n * n * sb2);
      expect(relativeError(scaled.chi1, plain.chi1)).toBeLessThan(1e-10);
      expect(relativeError(scaled.cStar, plain.cStar)).toBeLessThan(1e-10);
      expect(relativeError(scaled.depthScaleC, plain.depthScaleC)).toBeLessThan(1e-9);
      expect(relativeError(scaled.depthScaleQ, plain.depthScaleQ)).toBeLessThan(1e-10);
      expect(relativeError(scaled.qStar, plain.qStar / (n * n))).toBeLessThan(1e-10);
    },
  );

  it('so the critical σ_w² of tanh(n·x) is that of tanh at σ_b²·n², divided by n²', () => {
    const n = 2;
    const sb2 = 0.05;
    expect(
      relativeError(criticalWeightVariance(tanhN(n), sb2), criticalWeightVariance(tanh1, n * n * sb2) / (n * n)),
    ).toBeLessThan(1e-10);
  });
});

describe('phases: the stable fixed point of the correlation map', () => {
  it.each(
    rows([point('tanh', tanh1, 4, 0.5), point('tanh', tanh1, 1.8, 0.05), point('LeCun’s tanh', lecunTanh, 3, 0.1)]),
  )(
    'chaotic (%s, σ_w² = %s, σ_b² = %s): c* < 1, C(c*) = c*, and the map’s slope there is χ_c < 1',
    (_, sw2, sb2, act) => {
      const summary = meanFieldSummary(act, sw2, sb2);
      expect(summary.chi1).toBeGreaterThan(1);
      expect(summary.cStar).toBeLessThan(1);
      expect(Math.abs(correlationMap(act, sw2, sb2, summary.cStar) - summary.cStar)).toBeLessThan(1e-10);
      const h = 1e-4;
      const slope =
        (correlationMap(act, sw2, sb2, summary.cStar + h) - correlationMap(act, sw2, sb2, summary.cStar - h)) / (2 * h);
      expect(slope).toBeLessThan(1);
      expect(relativeError(slope, summary.chiC)).toBeLessThan(1e-6);
    },
  );

  it.each(rows([point('tanh', tanh1, 1.5, 0.05), point('tanh(x/2)', tanhN(0.5), 3, 1), point('ReLU', relu, 1.5, 0.3)]))(
    'ordered (%s, σ_w² = %s, σ_b² = %s): c* = 1, χ_c = χ1 < 1, and the map lies above the diagonal',
    (_, sw2, sb2, act) => {
      const summary = meanFieldSummary(act, sw2, sb2);
      expect(summary.cStar).toBe(1);
      expect(summary.chiC).toBe(summary.chi1);
      expect(summary.chi1).toBeLessThan(1);
      for (const c of [0, 0.5, 0.99]) expect(correlationMap(act, sw2, sb2, c)).toBeGreaterThan(c);
      expect(correlationMap(act, sw2, sb2, 1)).toBe(1);
    },
  );

  it('with σ_b² = 0 an odd φ maps c = 0 to 0, so in the chaotic phase c* = 0 (tanh, σ_w² = 2)', () => {
    expect(correlationFixedPoint(tanh1, 2, 0)).toBe(0);
    expect(Math.abs(correlationMap(tanh1, 2, 0, 0))).toBeLessThan(1e-15);
    expect(correlationMap(tanh1, 2, 0, 0.3)).toBeLessThan(0.3);
  });

  it('q* is the fixed point reached by iterating the length map from q = 1', () => {
    for (const [act, sw2, sb2] of [
      [tanh1, 4, 0.5],
      [tanh1, 0.7, 0.2],
      [lecunTanh, 10, 2],
      [tanh1, 2, 0],
    ] as const) {
      let q = 1;
      for (let layer = 0; layer < 300; layer++) q = lengthMap(act, sw2, sb2, q);
      expect(relativeError(qStar(act, sw2, sb2), q)).toBeLessThan(1e-12);
    }
  });
});

describe('documented values where a quantity is infinite or degenerate', () => {
  it('tanh at σ_b² = 0, σ_w² = 1 (the end of the critical line): q* = 0, χ1 = 1, ξ_c = ξ_q = Infinity, c* = 1', () => {
    const summary = meanFieldSummary(tanh1, 1, 0);
    expect(summary.qStar).toBe(0);
    expect(summary.chi1).toBeCloseTo(1, 15);
    expect(summary.cStar).toBe(1);
    expect(summary.depthScaleC).toBe(Number.POSITIVE_INFINITY);
    expect(summary.depthScaleQ).toBe(Number.POSITIVE_INFINITY);
    expect(depthScaleC(tanh1, 1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('on the order–chaos line (χ1 = 1) ξ_c is Infinity: tanh at its critical σ_w² for σ_b² = 0.05 and 0.5', () => {
    for (const sb2 of [0.05, 0.5]) {
      const sw2 = criticalWeightVariance(tanh1, sb2);
      expect(depthScaleC(tanh1, sw2, sb2)).toBe(Number.POSITIVE_INFINITY);
      expect(correlationFixedPoint(tanh1, sw2, sb2)).toBe(1);
    }
  });

  it('ξ_c grows without bound approaching the critical line from both sides (tanh, σ_b² = 0.05)', () => {
    const critical = criticalWeightVariance(tanh1, 0.05);
    const xi = [0.9, 0.99, 0.999, 1.001, 1.01, 1.1].map((f) => depthScaleC(tanh1, f * critical, 0.05));
    expect(xi[0]!).toBeLessThan(xi[1]!);
    expect(xi[1]!).toBeLessThan(xi[2]!);
    expect(xi[5]!).toBeLessThan(xi[4]!);
    expect(xi[4]!).toBeLessThan(xi[3]!);
    expect(Math.min(xi[2]!, xi[3]!)).toBeGreaterThan(100);
  });

  it('ReLU with σ_w² > 2 (lengths diverge): q* = Infinity, χ1 = σ_w²/2, c* = 1, ξ_q = ξ_c = Infinity', () => {
    const summary = meanFieldSummary(relu, 2.5, 0.3);
    expect(summary.qStar).toBe(Number.POSITIVE_INFINITY);
    expect(relativeError(summary.chi1, 1.25)).toBeLessThan(1e-14);
    expect(summary.cStar).toBe(1);
    expect(summary.depthScaleQ).toBe(Number.POSITIVE_INFINITY);
    expect(summary.depthScaleC).toBe(Number.POSITIVE_INFINITY);
    expect(qStar(relu, 2, 0.1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('ReLU at σ_w² = 2, σ_b² = 0 (every q is fixed): q* = 1, where the iteration from q = 1 stays', () => {
    expect(qStar(relu, 2, 0)).toBe(1);
  });

  it('ReLU at σ_b² = 0, σ_w² < 2: q* = 0, χ1 = σ_w²/2 (the limit q → 0⁺, not the subgradient at 0)', () => {
    expect(qStar(relu, 1, 0)).toBe(0);
    expect(relativeError(chi1(relu, 1, 0), 0.5)).toBeLessThan(1e-14);
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => qStar(tanh1, 0, 0.1)).toThrow(/sw2/);
    expect(() => chi1(tanh1, Number.NaN, 0.1)).toThrow(/sw2/);
    expect(() => depthScaleC(tanh1, 1, -0.1)).toThrow(/sb2/);
    expect(() => criticalWeightVariance(tanh1, Number.POSITIVE_INFINITY)).toThrow(/sb2/);
    expect(() => lengthMap(tanh1, 1, 0, -1)).toThrow(/\bq\b/);
    expect(() => correlationMap(tanh1, 1, 0, 1.5)).toThrow(/\bc\b/);
    expect(() => correlationMap(tanh1, 1, 0, Number.NaN)).toThrow(RangeError);
    expect(() => meanFieldSummary(tanh1, -2, 0)).toThrow(RangeError);
  });
});
