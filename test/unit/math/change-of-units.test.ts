/**
 * The change of units (change-of-units.ts): a tanh(n·x) network and the tanh network with hidden
 * weights and biases times n are the same function; SGD at η on the first is SGD at η·n² (hidden)
 * on the second, Adam at α is Adam at α·n with ε/n; unmatched rates give a different training.
 * Plus the exact-arithmetic helpers, checked against exact decimal products.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';

import {
  matchedOptimiser,
  nextFloat32,
  nextFloat64,
  nudgeHiddenByOneUlp,
  relativeUnitsDifference,
  scalingRounding,
  toTanhUnits,
  twoProduct,
} from '../../../src/lib/math/change-of-units';
import { initParameters } from '../../../src/lib/math/init';
import { forward64 } from '../../../src/lib/math/mlp64';
import type { NetworkSpec } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';
import { Trainer64, type Optimiser64 } from '../../../src/lib/math/train64';
import { exactDecimal } from './decimal-reference';

const specOf = (n: number): NetworkSpec => ({ inputSize: 6, width: 8, depth: 3, outputSize: 4, activation: { kind: 'tanhN', n } });
const BATCH = 8;
const STEPS = 25;

/** A fixed sequence of small random batches (inputs and labels). */
const batches = Array.from({ length: STEPS }, (_, s) => {
  const random = Random.fromSeed(1000 + s);
  return {
    x: random.fillNormal(new Float64Array(BATCH * 6)),
    targets: { kind: 'labels' as const, labels: Int32Array.from({ length: BATCH }, () => random.int(4)) },
  };
});

/** Trains the tanh(n·x) network and a tanh network side by side; returns the largest differences. */
function compare(n: number, base: Optimiser64, rescaledOptimiser: Optimiser64) {
  const specN = specOf(n);
  const spec1 = specOf(1);
  const start = initParameters(specN, { kind: 'gaussian', sw2: 1, sb2: 0.1 }, 5);
  const a = new Trainer64(specN, start, { loss: 'softmax-cross-entropy', optimiser: base });
  const b = new Trainer64(spec1, toTanhUnits(specN, start, n), { loss: 'softmax-cross-entropy', optimiser: rescaledOptimiser });
  let loss = 0;
  let parameters = 0;
  for (const batch of batches) {
    loss = Math.max(loss, Math.abs(a.step(batch.x, batch.targets).loss - b.step(batch.x, batch.targets).loss));
    parameters = Math.max(parameters, relativeUnitsDifference(specN, a.parameters, b.parameters, n));
  }
  return { loss, parameters };
}

const sgd: Optimiser64 = { kind: 'sgd', lr: { hidden: 0.1, readout: 0.1 } };
// ε comparable to the gradients, so that getting it wrong is visible.
const adam: Optimiser64 = { kind: 'adam', lr: { hidden: 0.01, readout: 0.01 }, epsilon: { hidden: 1e-3, readout: 1e-3 }, beta1: 0.9, beta2: 0.999 };

describe('the same function', () => {
  it('tanh(n·(Wh + b)) = tanh((nW)h + nb) with the readout unchanged: equal logits', () => {
    for (const n of [2, 3, 0.5, 1.7]) {
      const specN = specOf(n);
      const start = initParameters(specN, { kind: 'gaussian', sw2: 1, sb2: 0.1 }, 3);
      const tanh = toTanhUnits(specN, start, n);
      expect(Array.from(tanh.weights[specN.depth]!)).toEqual(Array.from(start.weights[specN.depth]!));
      const a = forward64(specN, start, batches[0]!.x).logits;
      const b = forward64(specOf(1), tanh, batches[0]!.x).logits;
      a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(1e-14));
      // A power of two scales exactly, so the two computations are the same bit for bit.
      if (n === 2 || n === 0.5) expect(Array.from(b)).toEqual(Array.from(a));
    }
  });
});

describe('SGD: rate η on tanh(n·x) is rate η·n² on the hidden layers of the tanh network', () => {
  it.each([2, 3, 1.7])('n = %s: matched runs agree to 1e-12 over 25 steps', (n) => {
    const { loss, parameters } = compare(n, sgd, matchedOptimiser(sgd, n));
    expect(loss).toBeLessThanOrEqual(1e-12);
    expect(parameters).toBeLessThanOrEqual(1e-12);
  });

  it('n = 2: the matched runs are identical bit for bit', () => {
    expect(compare(2, sgd, matchedOptimiser(sgd, 2))).toEqual({ loss: 0, parameters: 0 });
  });

  it('the unmatched runs (η everywhere, or η·n on the hidden layers) differ', () => {
    expect(compare(3, sgd, sgd).parameters).toBeGreaterThan(1e-3);
    expect(compare(3, sgd, { kind: 'sgd', lr: { hidden: 0.3, readout: 0.1 } }).parameters).toBeGreaterThan(1e-3);
  });

  it('matchedOptimiser: η·n² on the hidden layers, η on the readout', () => {
    expect(matchedOptimiser(sgd, 3)).toEqual({ kind: 'sgd', lr: { hidden: 0.1 * 9, readout: 0.1 } });
  });
});

describe('Adam: rate α on tanh(n·x) is α·n with ε/n on the hidden layers', () => {
  it.each([2, 3, 1.7])('n = %s: matched runs agree to 1e-12 over 25 steps', (n) => {
    const { loss, parameters } = compare(n, adam, matchedOptimiser(adam, n));
    expect(loss).toBeLessThanOrEqual(1e-12);
    expect(parameters).toBeLessThanOrEqual(1e-12);
  });

  it('keeping ε instead of ε/n breaks the match (ε comparable to √v̂ here)', () => {
    const matched = matchedOptimiser(adam, 3) as Extract<Optimiser64, { kind: 'adam' }>;
    expect(compare(3, adam, { ...matched, epsilon: { hidden: 1e-3, readout: 1e-3 } }).parameters).toBeGreaterThan(1e-6);
  });

  it('the unmatched runs (α everywhere) differ', () => {
    expect(compare(3, adam, adam).parameters).toBeGreaterThan(1e-3);
  });

  it('matchedOptimiser: α·n and ε/n on the hidden layers, α and ε on the readout', () => {
    expect(matchedOptimiser(adam, 4)).toEqual({ ...adam, lr: { hidden: 0.04, readout: 0.01 }, epsilon: { hidden: 2.5e-4, readout: 1e-3 } });
  });
});

describe('exact arithmetic', () => {
  it('twoProduct: p + e is the exact product', () => {
    const random = Random.fromSeed(8);
    for (let i = 0; i < 200; i++) {
      const a = random.normal() * 10 ** random.int(6);
      const b = i % 2 === 0 ? 3 : random.normal();
      const [p, e] = twoProduct(a, b);
      expect(p).toBe(a * b);
      const exact = new Decimal(exactDecimal(a)).times(exactDecimal(b));
      expect(new Decimal(exactDecimal(p)).plus(exactDecimal(e)).equals(exact)).toBe(true);
    }
  });

  it('scalingRounding: multiplying by 2 is exact, by 3 rounds about two-thirds of the entries by at most 2⁻⁵³', () => {
    const spec = specOf(3);
    const start = initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0.1 }, 5);
    expect(scalingRounding(spec, start, 2)).toMatchObject({ inexactFraction: 0, largestRelativeError: 0, relativeNormError: 0 });
    const three = scalingRounding(spec, start, 3);
    expect(three.entries).toBe(6 * 8 + 8 + 8 * 8 + 8 + 8 * 8 + 8);
    expect(three.inexactFraction).toBeGreaterThan(0.4);
    expect(three.largestRelativeError).toBeGreaterThan(0);
    expect(three.largestRelativeError).toBeLessThanOrEqual(2 ** -53);
    expect(three.relativeNormError).toBeGreaterThan(0);
    expect(three.relativeNormError).toBeLessThan(2 ** -53);
  });

  it('relativeUnitsDifference sees a one-ulp change of one hidden weight, and 0 for fl(2θ)', () => {
    const spec = specOf(2);
    const start = initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0.1 }, 5);
    const tanh = toTanhUnits(spec, start, 2);
    expect(relativeUnitsDifference(spec, start, tanh, 2)).toBe(0);
    tanh.weights[1]![3] = nextFloat64(tanh.weights[1]![3]!, true);
    expect(relativeUnitsDifference(spec, start, tanh, 2)).toBeGreaterThan(0);
    expect(relativeUnitsDifference(spec, start, tanh, 2)).toBeLessThan(1e-16);
  });

  it('nextFloat64 and nextFloat32 step by one ulp in either direction', () => {
    expect(nextFloat64(1, true)).toBe(1 + 2 ** -52);
    expect(nextFloat64(1, false)).toBe(1 - 2 ** -53);
    expect(nextFloat64(-1, true)).toBe(-1 + 2 ** -53);
    expect(nextFloat64(0, false)).toBe(-Number.MIN_VALUE);
    expect(nextFloat32(1, true)).toBe(1 + 2 ** -23);
    expect(nextFloat32(-1, false)).toBe(-1 - 2 ** -23);
    expect(() => nextFloat32(0.1, true)).toThrow(/float32/);
  });

  it('nudgeHiddenByOneUlp moves every hidden entry by one ulp and leaves the readout alone', () => {
    const spec = specOf(3);
    const start = initParameters(spec, { kind: 'gaussian', sw2: 1, sb2: 0.1 }, 5);
    for (const precision of ['float64', 'float32'] as const) {
      const nudged = nudgeHiddenByOneUlp(spec, start, 1, precision);
      const next = precision === 'float64' ? nextFloat64 : nextFloat32;
      const round = precision === 'float64' ? (v: number) => v : Math.fround;
      let ups = 0;
      let entries = 0;
      for (let l = 0; l <= spec.depth; l++) {
        for (const [after, before] of [
          [nudged.weights[l]!, start.weights[l]!],
          [nudged.biases[l]!, start.biases[l]!],
        ] as Array<[Float64Array, Float64Array]>) {
          after.forEach((v, i) => {
            const b = round(before[i]!);
            if (l === spec.depth) return expect(v).toBe(b);
            entries++;
            if (v === next(b, true)) ups++;
            else expect(v).toBe(next(b, false));
          });
        }
      }
      expect(ups / entries).toBeGreaterThan(0.3);
      expect(ups / entries).toBeLessThan(0.7);
    }
  });
});

