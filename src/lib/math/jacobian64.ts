/**
 * The input–output Jacobian of the hidden stack of a network of network.ts, in float64, at one
 * input: J_L = ∂h_L/∂h_1, the derivative of the last hidden layer's activations with respect to
 * the first's. It is a product of L − 1 square [width × width] factors,
 *
 *   J_L = D_L·W_Lᵀ · D_{L−1}·W_{L−1}ᵀ ⋯ D_2·W_2ᵀ,   D_l = diag(φ′(z_l)),
 *
 * (Wᵀ because layers compute z_l = h_{l−1}·W_l with W_l stored [fan_in × fan_out]). This is the
 * Jacobian whose singular values Pennington, Schoenholz & Ganguli (2017) study; the first layer
 * is left out because it maps the input (784 pixels for MNIST) to the width and is not square.
 *
 * Rounding: each product adds an error of about ε·√width relative to the norms of its factors,
 * so singular values far below σ_max·width·L·ε are not resolved (they are tiny for a Gaussian
 * network at depth, ~1e-100 of σ_max; here they come out as noise near that floor).
 */
import { multiplyAccumulate } from './linalg';
import { validateNetworkSpec } from './init';
import { activationOf, type NetworkSpec, type Parameters } from './network';

export interface HiddenJacobian {
  /** Number of hidden layers L of the network this is the Jacobian of (J_L = ∂h_L/∂h_1). */
  depth: number;
  /** J_L, [width × width] row-major: entry (i, j) = ∂h_L[i]/∂h_1[j]. */
  jacobian: Float64Array;
  /** Mean of z_l² over the units, l = 1..L (index l − 1): the empirical q_l at this input. */
  preActivationMeanSquare: number[];
}

/**
 * J_L at the input x (one example, inputSize values) for every L in `depths` (each 2..spec.depth),
 * built once layer by layer, so the Jacobians of the first L layers of one deep network come at
 * the cost of the deepest. (The first L layers of a network drawn by initParameters are exactly
 * a depth-L network of the same seed: the draws go layer by layer.)
 */
export function hiddenJacobians(spec: NetworkSpec, params: Parameters, x: Float64Array, depths: readonly number[]): HiddenJacobian[] {
  validateNetworkSpec(spec);
  if (x.length !== spec.inputSize) throw new RangeError(`x must be one example of inputSize = ${spec.inputSize} values, got ${x.length}`);
  const wanted = new Set<number>();
  for (const depth of depths) {
    if (!(Number.isInteger(depth) && depth >= 2 && depth <= spec.depth)) {
      throw new RangeError(`depths must be integers from 2 to spec.depth = ${spec.depth}, got ${String(depth)}`);
    }
    wanted.add(depth);
  }
  if (params.weights.length !== spec.depth + 1) {
    throw new RangeError(`params must have depth + 1 = ${spec.depth + 1} weight arrays, got ${params.weights.length}`);
  }
  const act = activationOf(spec.activation);
  const width = spec.width;
  const last = Math.max(...wanted);

  // Layer 1: z_1 = x·W_1 + b_1.
  let z: Float64Array = Float64Array.from(params.biases[0]!);
  multiplyAccumulate(z, x, params.weights[0]!, 1, spec.inputSize, width);
  const meanSquares = [meanSquare(z)];
  let h = z.map(act.f);
  let jacobian = identity(width);
  const results: HiddenJacobian[] = [];
  for (let layer = 2; layer <= last; layer++) {
    const w = params.weights[layer - 1]!;
    z = Float64Array.from(params.biases[layer - 1]!);
    multiplyAccumulate(z, h, w, 1, width, width);
    meanSquares.push(meanSquare(z));
    // J_l = D_l·W_lᵀ·J_{l−1}: multiplyAccumulate forms W_lᵀ·J from W_l stored [in × out].
    const next = new Float64Array(width * width);
    multiplyAccumulate(next, w, jacobian, width, width, width, true);
    for (let i = 0; i < width; i++) {
      const slope = act.df(z[i]!);
      const row = i * width;
      for (let j = 0; j < width; j++) next[row + j]! *= slope;
    }
    jacobian = next;
    h = z.map(act.f);
    if (wanted.has(layer)) results.push({ depth: layer, jacobian: Float64Array.from(jacobian), preActivationMeanSquare: [...meanSquares] });
  }
  return results;
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function meanSquare(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return sum / v.length;
}
