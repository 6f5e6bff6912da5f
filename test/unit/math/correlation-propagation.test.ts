/**
 * Correlation through the layers (src/lib/math/correlation-propagation.ts): the cosine, the
 * layer-1 start of the prediction, the fixed points the iteration approaches in each phase, and
 * one wide float64 network against the prediction.
 */
import { describe, expect, it } from 'vitest';
import { cosine, predictedCorrelations } from '../../../src/lib/math/correlation-propagation';
import { tanhN } from '../../../src/lib/math/activations';
import { correlationFixedPoint } from '../../../src/lib/math/meanfield';
import { initParameters } from '../../../src/lib/math/init';
import { forward64 } from '../../../src/lib/math/mlp64';

const a = Float64Array.from({ length: 400 }, (_, i) => Math.sin(i + 1));
const b = Float64Array.from({ length: 400 }, (_, i) => Math.sin(1.7 * i) + 0.6 * Math.sin(i + 1));

describe('cosine', () => {
  it('is 1 for a vector with itself, −1 with its negative, and reads at offsets', () => {
    expect(cosine(a, a, 0, 0, 400)).toBeCloseTo(1, 14);
    const both = new Float64Array(800);
    both.set(a, 0);
    both.set(a.map((v) => -v), 400);
    expect(cosine(both, both, 0, 400, 400)).toBeCloseTo(-1, 14);
  });
});

describe('predictedCorrelations', () => {
  it('starts at the inputs’ cosine when σ_b² = 0, and at the bias-shifted value otherwise', () => {
    expect(predictedCorrelations(tanhN(2), 1, 0, a, b, 1)[0]).toBeCloseTo(cosine(a, b, 0, 0, 400), 14);
    const q = (v: Float64Array) => (1.5 * v.reduce((s, x) => s + x * x, 0)) / 400 + 0.1;
    const ab = (1.5 * a.reduce((s, x, i) => s + x * b[i]!, 0)) / 400 + 0.1;
    expect(predictedCorrelations(tanhN(1), 1.5, 0.1, a, b, 1)[0]).toBeCloseTo(ab / Math.sqrt(q(a) * q(b)), 14);
  });

  it('approaches c* = 0 in the chaotic phase at σ_b² = 0 and c* = 1 in the ordered phase with bias', () => {
    expect(correlationFixedPoint(tanhN(2), 1, 0)).toBe(0);
    expect(Math.abs(predictedCorrelations(tanhN(2), 1, 0, a, b, 80).at(-1)!)).toBeLessThan(1e-3);
    expect(predictedCorrelations(tanhN(1), 0.5, 0.1, a, b, 80).at(-1)!).toBeGreaterThan(0.999);
  });

  it('agrees with a wide float64 network to the size of its fluctuations', () => {
    const width = 1000;
    const depth = 12;
    const spec = { inputSize: 400, outputSize: 2, width, depth, activation: { kind: 'tanhN' as const, n: 2 } };
    const x = new Float64Array(800);
    x.set(a, 0);
    x.set(b, 400);
    const { preActivations } = forward64(spec, initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0 }, 7), x);
    const predicted = predictedCorrelations(tanhN(2), 1, 0, a, b, depth);
    preActivations.forEach((z, l) => expect(Math.abs(cosine(z, z, 0, width, width) - predicted[l]!)).toBeLessThan(0.1));
    // The prediction itself moves well beyond that tolerance over these layers.
    expect(predicted[0]! - predicted[depth - 1]!).toBeGreaterThan(0.2);
  });
});
