/**
 * The hidden-stack Jacobian J_L = ∂h_L/∂h_1 (jacobian64.ts), checked against central finite
 * differences of an independent forward pass written here, and its pre-activation statistics
 * against the reference network's forward pass (mlp64.ts).
 */
import { describe, expect, it } from 'vitest';

import { initParameters } from '../../../src/lib/math/init';
import { hiddenJacobians } from '../../../src/lib/math/jacobian64';
import { forward64 } from '../../../src/lib/math/mlp64';
import { activationOf, type ActivationSpec, type NetworkSpec, type Parameters } from '../../../src/lib/math/network';
import { Random } from '../../../src/lib/math/random';

function spec(activation: ActivationSpec, depth: number, width = 5, inputSize = 7): NetworkSpec {
  return { inputSize, width, depth, outputSize: 3, activation };
}

/** h_L from h_1, by plain loops: h_l = φ(h_{l−1}·W_l + b_l) for l = 2..L. */
function hiddenFromFirst(s: NetworkSpec, params: Parameters, h1: Float64Array, depth: number): Float64Array {
  const act = activationOf(s.activation);
  let h = h1;
  for (let l = 2; l <= depth; l++) {
    const w = params.weights[l - 1]!;
    const b = params.biases[l - 1]!;
    const next = new Float64Array(s.width);
    for (let j = 0; j < s.width; j++) {
      let z = b[j]!;
      for (let i = 0; i < s.width; i++) z += h[i]! * w[i * s.width + j]!;
      next[j] = act.f(z);
    }
    h = next;
  }
  return h;
}

function firstHidden(s: NetworkSpec, params: Parameters, x: Float64Array): Float64Array {
  const z1 = forward64(s, params, x).preActivations[0]!;
  return z1.map(activationOf(s.activation).f);
}

describe('hiddenJacobians', () => {
  for (const activation of [{ kind: 'tanhN', n: 2 }, { kind: 'lecun' }] as ActivationSpec[]) {
    it(`matches central finite differences of h_L in h_1 (${activation.kind})`, () => {
      const s = spec(activation, 6);
      const params = initParameters(s, { kind: 'gaussian', sw2: 1.5, sb2: 0.1 }, 3);
      const x = Random.fromSeed(5).fillNormal(new Float64Array(s.inputSize));
      const h1 = firstHidden(s, params, x);
      const [j4, j6] = hiddenJacobians(s, params, x, [4, 6]);
      const step = 1e-6;
      for (const { depth, jacobian } of [j4!, j6!]) {
        for (let col = 0; col < s.width; col++) {
          const plus = h1.slice();
          const minus = h1.slice();
          plus[col]! += step;
          minus[col]! -= step;
          const hp = hiddenFromFirst(s, params, plus, depth);
          const hm = hiddenFromFirst(s, params, minus, depth);
          for (let row = 0; row < s.width; row++) {
            const fd = (hp[row]! - hm[row]!) / (2 * step);
            expect(Math.abs(jacobian[row * s.width + col]! - fd)).toBeLessThan(1e-8);
          }
        }
      }
    });
  }

  it('records the mean square of z_l per layer, as the reference forward pass computes it', () => {
    const s = spec({ kind: 'relu' }, 5, 8, 6);
    const params = initParameters(s, { kind: 'gaussian', sw2: 2, sb2: 0 }, 11);
    const x = Random.fromSeed(1).fillNormal(new Float64Array(s.inputSize));
    const [result] = hiddenJacobians(s, params, x, [5]);
    const reference = forward64(s, params, x).preActivations.map((z) => z.reduce((sum, v) => sum + v * v, 0) / z.length);
    expect(result!.preActivationMeanSquare.length).toBe(5);
    result!.preActivationMeanSquare.forEach((q, l) => expect(q).toBeCloseTo(reference[l]!, 13));
  });

  it('the first L layers of a deeper network give the Jacobian of a depth-L network of the same seed', () => {
    const deep = spec({ kind: 'tanhN', n: 1 }, 9);
    const shallow = spec({ kind: 'tanhN', n: 1 }, 4);
    const x = Random.fromSeed(8).fillNormal(new Float64Array(deep.inputSize));
    const fromDeep = hiddenJacobians(deep, initParameters(deep, { kind: 'orthogonal', sw2: 1, sb2: 0 }, 2), x, [4])[0]!;
    const fromShallow = hiddenJacobians(shallow, initParameters(shallow, { kind: 'orthogonal', sw2: 1, sb2: 0 }, 2), x, [4])[0]!;
    expect(Array.from(fromDeep.jacobian)).toEqual(Array.from(fromShallow.jacobian));
  });

  it('returns the depths asked for, in increasing order, and rejects impossible ones', () => {
    const s = spec({ kind: 'tanhN', n: 1 }, 6);
    const params = initParameters(s, { kind: 'gaussian', sw2: 1, sb2: 0 }, 1);
    const x = new Float64Array(s.inputSize).fill(0.3);
    expect(hiddenJacobians(s, params, x, [6, 2, 3]).map((j) => j.depth)).toEqual([2, 3, 6]);
    expect(() => hiddenJacobians(s, params, x, [7])).toThrow(/from 2 to spec.depth = 6/);
    expect(() => hiddenJacobians(s, params, x, [1])).toThrow(/from 2/);
    expect(() => hiddenJacobians(s, params, new Float64Array(3), [2])).toThrow(/inputSize = 7/);
  });
});
