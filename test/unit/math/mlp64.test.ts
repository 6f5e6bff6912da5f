/**
 * The float64 reference network (mlp64.ts). Gradients are checked against central finite
 * differences of the loss, the change of units tanh(n·x) ↔ tanh(x) against its exact algebra,
 * per-layer statistics against the mean-field length map (evaluated by quadrature here), and
 * losses against hand computations.
 */
import { describe, expect, it } from 'vitest';

import { tanh1 } from '../../../src/lib/math/activations';
import { initParameters } from '../../../src/lib/math/init';
import { forward64, forwardBackward64, fractionInside, type Targets } from '../../../src/lib/math/mlp64';
import {
  activationOf,
  type ActivationSpec,
  type LossKind,
  type NetworkSpec,
  type Parameters,
} from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';

function normals(seed: number, count: number, sd = 1): Float64Array {
  return Random.fromSeed(seed).fillNormal(new Float64Array(count), sd);
}

function clone(params: Parameters): Parameters {
  return { weights: params.weights.map((w) => w.slice()), biases: params.biases.map((b) => b.slice()) };
}

function norm(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return Math.sqrt(s);
}

const FD_STEP = 1e-6;

/** Central difference (L(θ + h) − L(θ − h))/2h of `lossAt` in entry i of `values` (restored afterwards). */
function centralDifference(values: Float64Array, i: number, lossAt: () => number): number {
  const saved = values[i]!;
  values[i] = saved + FD_STEP;
  const plus = lossAt();
  values[i] = saved - FD_STEP;
  const minus = lossAt();
  values[i] = saved;
  return (plus - minus) / (2 * FD_STEP);
}

/**
 * |analytic − finite difference| ≤ 1e-6·max(|fd|, floor): relative error below 1e-6, except for
 * entries far below the largest gradient, where the O(ε·L/h) ≈ 1e-10 rounding of the difference
 * quotient dominates and the bound becomes 1e-6·floor.
 */
function expectClose(analytic: number, fd: number, floor: number, what: string): void {
  const bound = 1e-6 * Math.max(Math.abs(fd), floor);
  if (!(Math.abs(analytic - fd) <= bound)) {
    throw new Error(`${what}: analytic ${analytic} vs finite difference ${fd} (bound ${bound})`);
  }
}

describe('gradients match central finite differences of the loss', () => {
  const small = { inputSize: 4, width: 5, depth: 3, outputSize: 3 };
  const batch = 6;
  const activations: { name: string; activation: ActivationSpec }[] = [
    { name: 'tanh(0.5x)', activation: { kind: 'tanhN', n: 0.5 } },
    { name: 'tanh(2x)', activation: { kind: 'tanhN', n: 2 } },
    { name: 'LeCun 1.7159·tanh(2x/3)', activation: { kind: 'lecun' } },
    { name: 'ReLU', activation: { kind: 'relu' } },
  ];
  const cases: { loss: LossKind; targets: Targets }[] = [
    { loss: 'softmax-cross-entropy', targets: { kind: 'labels', labels: [0, 2, 1, 1, 0, 2] } },
    { loss: 'mean-squared-error', targets: { kind: 'values', values: normals(77, batch * 3) } },
  ];
  const x = normals(5, batch * small.inputSize);

  describe.each(activations)('$name', ({ activation }) => {
    const spec: NetworkSpec = { ...small, activation };
    const params = initParameters(spec, { kind: 'gaussian', sw2: 2, sb2: 0.1 }, 21);

    it('ReLU test points stay away from the kink (|z| > 1e-3 ≫ the finite-difference step)', () => {
      const { preActivations } = forward64(spec, params, x);
      for (const z of preActivations) for (const v of z) expect(Math.abs(v)).toBeGreaterThan(1e-3);
    });

    it.each(cases)('∂L/∂W and ∂L/∂b of every parameter, $loss', ({ loss, targets }) => {
      const result = forwardBackward64(spec, params, x, targets, loss, { keepGradients: true });
      const gradients = result.gradients!;
      const lossAt = () => forwardBackward64(spec, params, x, targets, loss).loss;
      let largest = 0;
      for (const g of [...gradients.weights, ...gradients.biases])
        for (const v of g) largest = Math.max(largest, Math.abs(v));
      const floor = 1e-3 * largest;
      for (let l = 0; l <= spec.depth; l++) {
        for (let i = 0; i < params.weights[l]!.length; i++) {
          expectClose(
            gradients.weights[l]![i]!,
            centralDifference(params.weights[l]!, i, lossAt),
            floor,
            `W[${l}][${i}]`,
          );
        }
        for (let j = 0; j < params.biases[l]!.length; j++) {
          expectClose(
            gradients.biases[l]![j]!,
            centralDifference(params.biases[l]!, j, lossAt),
            floor,
            `b[${l}][${j}]`,
          );
        }
      }
      // The reported norms are the Frobenius norms of these gradients.
      for (let l = 0; l < spec.depth; l++)
        expect(result.layers[l]!.gradWNorm).toBeCloseTo(norm(gradients.weights[l]!), 15);
      expect(result.readoutGradWNorm).toBeCloseTo(norm(gradients.weights[spec.depth]!), 15);
    });

    it.each(cases)('‖∂L/∂h_l‖ of every hidden layer, $loss', ({ loss, targets }) => {
      // The loss as a function of h_l is the network above layer l: a network of depth − l
      // whose input is h_l = φ(z_l), with the parameters of layers l + 1 .. readout.
      const act = activationOf(activation);
      const result = forwardBackward64(spec, params, x, targets, loss);
      const { preActivations } = forward64(spec, params, x);
      for (let l = 1; l <= spec.depth; l++) {
        const above: NetworkSpec = { ...spec, inputSize: spec.width, depth: spec.depth - l };
        const aboveParams = { weights: params.weights.slice(l), biases: params.biases.slice(l) };
        const h = preActivations[l - 1]!.map((z) => act.f(z));
        const lossAt = () => forwardBackward64(above, aboveParams, h, targets, loss).loss;
        expect(lossAt()).toBeCloseTo(result.loss, 14);
        const fd = new Float64Array(h.length);
        for (let i = 0; i < h.length; i++) fd[i] = centralDifference(h, i, lossAt);
        expect(Math.abs(result.layers[l - 1]!.gradHNorm - norm(fd)) / norm(fd)).toBeLessThan(1e-6);
      }
    });
  });
});

describe('the change of units: tanh(n·x) with (W, b) is tanh(x) with (n·W_l, n·b_l) in the hidden layers', () => {
  // z′_l = h_{l−1}·(n·W_l) + n·b_l = n·z_l, so h′_l = tanh(z′_l) = tanh(n·z_l) = h_l: same logits, same loss.
  // With L_n(W) = L_1(n·W) (hidden W only): ∂L_n/∂W_l = n·(∂L_1/∂W′_l) evaluated at W′ = n·W, same for b_l;
  // readout gradients and ∂L/∂h_l are the same in both.
  const batch = 10;
  const base = { inputSize: 8, width: 16, depth: 6, outputSize: 4 };
  const x = normals(31, batch * base.inputSize);
  const targets: Targets = { kind: 'labels', labels: [0, 1, 2, 3, 0, 1, 2, 3, 0, 1] };

  function pair(n: number) {
    const specN: NetworkSpec = { ...base, activation: { kind: 'tanhN', n } };
    const spec1: NetworkSpec = { ...base, activation: { kind: 'tanhN', n: 1 } };
    const params = initParameters(specN, { kind: 'gaussian', sw2: 1, sb2: 0.05 }, 2);
    const scaled = clone(params);
    for (let l = 0; l < base.depth; l++) {
      scaled.weights[l] = scaled.weights[l]!.map((w) => n * w);
      scaled.biases[l] = scaled.biases[l]!.map((b) => n * b);
    }
    const options = { keepGradients: true };
    return {
      tanhN: forwardBackward64(specN, params, x, targets, 'softmax-cross-entropy', options),
      tanh1: forwardBackward64(spec1, scaled, x, targets, 'softmax-cross-entropy', options),
      logitsN: forward64(specN, params, x).logits,
      logits1: forward64(spec1, scaled, x).logits,
    };
  }

  it.each([2, 0.5, 4])('is exact to the last bit for n = %s (a power of 2 commutes with rounding)', (n) => {
    const { tanhN, tanh1: t1, logitsN, logits1 } = pair(n);
    expect(logits1).toEqual(logitsN);
    expect(t1.loss).toBe(tanhN.loss);
    for (let l = 0; l < base.depth; l++) {
      expect(tanhN.gradients!.weights[l]).toEqual(t1.gradients!.weights[l]!.map((g) => n * g));
      expect(tanhN.gradients!.biases[l]).toEqual(t1.gradients!.biases[l]!.map((g) => n * g));
      expect(tanhN.layers[l]!.gradHNorm).toBe(t1.layers[l]!.gradHNorm);
    }
    expect(tanhN.gradients!.weights[base.depth]).toEqual(t1.gradients!.weights[base.depth]);
  });

  it.each([1.7, 3])('holds to ~1e-15 relative for n = %s (rounding only)', (n) => {
    const { tanhN, tanh1: t1, logitsN, logits1 } = pair(n);
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    for (let i = 0; i < logitsN.length; i++) expect(relative(logits1[i]!, logitsN[i]!)).toBeLessThan(1e-13);
    expect(relative(t1.loss, tanhN.loss)).toBeLessThan(1e-14);
    for (let l = 0; l < base.depth; l++) {
      const gN = tanhN.gradients!.weights[l]!;
      const g1 = t1.gradients!.weights[l]!.map((g) => n * g);
      const difference = norm(gN.map((g, i) => g - g1[i]!));
      expect(difference / norm(gN)).toBeLessThan(1e-13);
    }
  });
});

/** E[g(u)] for u ~ N(0, 1), trapezoid rule on [−12, 12] (spectrally accurate for smooth g). */
function gaussianExpectation(g: (u: number) => number): number {
  const steps = 4000;
  const h = 24 / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const u = -12 + i * h;
    s += (i === 0 || i === steps ? 0.5 : 1) * g(u) * Math.exp(-0.5 * u * u);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

describe('per-layer statistics follow the mean-field length map q_l = σ_w²·E[φ(√q_{l−1}·u)²] + σ_b²', () => {
  const width = 512;
  const depth = 20;
  const batch = 32;
  const spec: NetworkSpec = { inputSize: width, width, depth, outputSize: 10, activation: { kind: 'tanhN', n: 1 } };
  const x = normals(8, batch * width); // mean square 1 per entry
  const labels = Array.from({ length: batch }, (_, b) => b % 10);

  function run(sw2: number) {
    const params = initParameters(spec, { kind: 'gaussian', sw2, sb2: 0 }, 17);
    const result = forwardBackward64(spec, params, x, { kind: 'labels', labels }, 'softmax-cross-entropy');
    const q = result.layers.map((s) => s.preActivationMeanSquare);
    // Mean field from the empirical q_1 (layer 1 sees the input itself, not φ of anything).
    const meanField = [q[0]!];
    for (let l = 1; l < depth; l++)
      meanField.push(sw2 * gaussianExpectation((u) => Math.tanh(Math.sqrt(meanField[l - 1]!) * u) ** 2));
    return { result, q, meanField };
  }

  it('tanh(x) at σ_w² = 1, σ_b² = 0 (q* = 0): q_l decays monotonically, following the map within 10%', () => {
    const { q, meanField } = run(1);
    for (let l = 1; l < depth; l++) expect(q[l]).toBeLessThan(q[l - 1]!);
    expect(q[depth - 1]).toBeLessThan(0.1 * q[0]!);
    for (let l = 0; l < depth; l++) expect(Math.abs(q[l]! / meanField[l]! - 1)).toBeLessThan(0.1);
  });

  it('tanh(x) at σ_w² = 4 (q* > 0): q_l stays bounded away from 0, near the map within 10%', () => {
    const { q, meanField } = run(4);
    for (let l = 0; l < depth; l++) {
      expect(q[l]).toBeGreaterThan(1);
      expect(Math.abs(q[l]! / meanField[l]! - 1)).toBeLessThan(0.1);
    }
  });

  it('mean, std and mean square are consistent (mean² + std² = mean square) and the mean is ≈ 0', () => {
    const { result } = run(2);
    for (const s of result.layers) {
      expect(s.preActivationMean ** 2 + s.preActivationStd ** 2).toBeCloseTo(s.preActivationMeanSquare, 12);
      expect(Math.abs(s.preActivationMean)).toBeLessThan(0.1 * s.preActivationStd);
    }
  });
});

describe('loss values against a hand computation (one hidden layer, tanh(x))', () => {
  // inputs x = [[1, −1], [0.5, 2]]; W1 = [[0.3, −0.2], [0.1, 0.4]], b1 = [0.05, −0.1];
  // readout W2 = [[1, −1], [0.5, 2]], b2 = [0.2, 0]
  const spec: NetworkSpec = { inputSize: 2, width: 2, depth: 1, outputSize: 2, activation: { kind: 'tanhN', n: 1 } };
  const params: Parameters = {
    weights: [Float64Array.from([0.3, -0.2, 0.1, 0.4]), Float64Array.from([1, -1, 0.5, 2])],
    biases: [Float64Array.from([0.05, -0.1]), Float64Array.from([0.2, 0])],
  };
  const x = Float64Array.from([1, -1, 0.5, 2]);
  // h = tanh(x·W1 + b1), row by row
  const h0 = [Math.tanh(1 * 0.3 - 1 * 0.1 + 0.05), Math.tanh(1 * -0.2 - 1 * 0.4 - 0.1)];
  const h1 = [Math.tanh(0.5 * 0.3 + 2 * 0.1 + 0.05), Math.tanh(0.5 * -0.2 + 2 * 0.4 - 0.1)];
  const logit = (h: number[]) => [h[0]! * 1 + h[1]! * 0.5 + 0.2, h[0]! * -1 + h[1]! * 2];
  const l0 = logit(h0);
  const l1 = logit(h1);

  it('softmax cross-entropy is the batch mean of log(Σ e^logit) − logit[label]; accuracy counts argmax hits', () => {
    const expected =
      (Math.log(Math.exp(l0[0]!) + Math.exp(l0[1]!)) -
        l0[1]! +
        Math.log(Math.exp(l1[0]!) + Math.exp(l1[1]!)) -
        l1[0]!) /
      2;
    const result = forwardBackward64(
      spec,
      params,
      x,
      { kind: 'labels', labels: Int32Array.from([1, 0]) },
      'softmax-cross-entropy',
    );
    expect(result.loss).toBeCloseTo(expected, 15);
    const hits = (l0[1]! > l0[0]! ? 1 : 0) + (l1[0]! > l1[1]! ? 1 : 0);
    expect(result.accuracy).toBe(hits / 2);
    expect(forward64(spec, params, x).logits).toEqual(Float64Array.from([...l0, ...l1]));
  });

  it('mean-squared-error is the batch mean of ½·Σ_j (logit_j − y_j)² (summed over outputs, not averaged)', () => {
    const y = [0.5, -1, 2, 0.25];
    const expected =
      (0.5 * ((l0[0]! - 0.5) ** 2 + (l0[1]! + 1) ** 2) + 0.5 * ((l1[0]! - 2) ** 2 + (l1[1]! - 0.25) ** 2)) / 2;
    const result = forwardBackward64(
      spec,
      params,
      x,
      { kind: 'values', values: Float64Array.from(y) },
      'mean-squared-error',
    );
    expect(result.loss).toBeCloseTo(expected, 15);
    expect(result.accuracy).toBeNull();
  });

  it('label targets under mean-squared-error mean one-hot rows; value rows under cross-entropy are soft labels', () => {
    const labels: Targets = { kind: 'labels', labels: [1, 0] };
    const oneHot: Targets = { kind: 'values', values: Float64Array.from([0, 1, 1, 0]) };
    for (const loss of ['mean-squared-error', 'softmax-cross-entropy'] as const) {
      const a = forwardBackward64(spec, params, x, labels, loss, { keepGradients: true });
      const b = forwardBackward64(spec, params, x, oneHot, loss, { keepGradients: true });
      expect(b.loss).toBeCloseTo(a.loss, 15);
      expect(b.gradients).toEqual(a.gradients);
    }
  });

  it('cross-entropy is stable for huge logits: logits (1000, 0), label 1 → loss 1000, gradient finite', () => {
    const linear: NetworkSpec = { ...spec, depth: 0 };
    const p: Parameters = { weights: [Float64Array.from([1000, 0, 0, 0])], biases: [new Float64Array(2)] };
    const result = forwardBackward64(
      linear,
      p,
      Float64Array.from([1, 0]),
      { kind: 'labels', labels: [1] },
      'softmax-cross-entropy',
      {
        keepGradients: true,
      },
    );
    expect(result.loss).toBe(1000);
    expect(result.gradients!.weights[0]).toEqual(Float64Array.from([1, -1, 0, 0]));
  });
});

describe('ReLU networks', () => {
  it('a unit with z = 0 exactly passes no gradient (df(0) = 0) and nothing is NaN', () => {
    const spec: NetworkSpec = { inputSize: 1, width: 2, depth: 1, outputSize: 1, activation: { kind: 'relu' } };
    const params: Parameters = {
      weights: [Float64Array.from([1, 1]), Float64Array.from([1, 1])],
      biases: [Float64Array.from([0, -1]), new Float64Array(1)],
    };
    // x = 1: z = (1, 0) → h = (1, 0); logit 1, target 3: ∂L/∂logit = −2
    const result = forwardBackward64(
      spec,
      params,
      Float64Array.from([1]),
      { kind: 'values', values: Float64Array.from([3]) },
      'mean-squared-error',
      {
        keepGradients: true,
      },
    );
    expect(result.loss).toBe(2);
    expect(result.gradients!.weights[0]).toEqual(Float64Array.from([-2, 0]));
    expect(result.gradients!.biases[0]).toEqual(Float64Array.from([-2, 0]));
    expect(result.gradients!.weights[1]).toEqual(Float64Array.from([-2, 0]));
  });
});

describe('fractionInside', () => {
  it('counts |z| < halfWidth strictly', () => {
    expect(fractionInside(Float64Array.from([-2, -0.5, 0, 0.5, 1, 1.5]), 1)).toBe(3 / 6);
    expect(fractionInside(Float64Array.from([0.1]), 0)).toBe(0);
  });

  it('rejects a negative or NaN halfWidth', () => {
    expect(() => fractionInside(new Float64Array(1), -1)).toThrow(RangeError);
    expect(() => fractionInside(new Float64Array(1), Number.NaN)).toThrow(RangeError);
  });
});

describe('forwardBackward64 options and validation', () => {
  const spec: NetworkSpec = { inputSize: 3, width: 4, depth: 2, outputSize: 2, activation: { kind: 'tanhN', n: 2 } };
  const params = initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0 }, 1);
  const x = normals(2, 2 * 3);
  const targets: Targets = { kind: 'labels', labels: [0, 1] };

  it('keeps gradients only on request, with the same statistics either way', () => {
    const without = forwardBackward64(spec, params, x, targets, 'softmax-cross-entropy');
    const withGradients = forwardBackward64(spec, params, x, targets, 'softmax-cross-entropy', { keepGradients: true });
    expect(without.gradients).toBeUndefined();
    expect(withGradients.gradients!.weights).toHaveLength(3);
    const { gradients: _, ...rest } = withGradients;
    expect(rest).toEqual(without);
  });

  it('tanh1 (the imported constant) and the spec tanhN(1) are the same activation', () => {
    expect(activationOf({ kind: 'tanhN', n: 1 }).f(0.3)).toBe(tanh1.f(0.3));
  });

  it.each([
    ['x must hold', () => forwardBackward64(spec, params, new Float64Array(5), targets, 'softmax-cross-entropy')],
    [
      'targets.labels',
      () => forwardBackward64(spec, params, x, { kind: 'labels', labels: [0] }, 'softmax-cross-entropy'),
    ],
    [
      'targets.labels[1]',
      () => forwardBackward64(spec, params, x, { kind: 'labels', labels: [0, 2] }, 'softmax-cross-entropy'),
    ],
    [
      'targets.values',
      () => forwardBackward64(spec, params, x, { kind: 'values', values: new Float64Array(3) }, 'mean-squared-error'),
    ],
    [
      'params.weights[1]',
      () =>
        forwardBackward64(
          spec,
          { ...params, weights: [params.weights[0]!, new Float64Array(3), params.weights[2]!] },
          x,
          targets,
          'mean-squared-error',
        ),
    ],
    ['depth + 1', () => forward64(spec, { weights: params.weights.slice(1), biases: params.biases.slice(1) }, x)],
    ['loss', () => forwardBackward64(spec, params, x, targets, 'hinge' as LossKind)],
  ])('rejects bad input with a RangeError mentioning %s', (field, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(field);
  });
});
