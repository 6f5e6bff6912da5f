/**
 * The fully connected networks the site trains and measures, described as plain data so the
 * same description drives the float64 reference (mlp64.ts), the TensorFlow.js trainer
 * (src/lib/train) and sweep configs.
 *
 * Layer l (1 ≤ l ≤ depth) computes z_l = h_{l−1}·W_l + b_l and h_l = φ(z_l), with h_0 the input;
 * the readout (layer depth + 1) is linear: logits = h_depth·W_out + b_out.
 */
import { lecunTanh, relu, scaledTanh, tanhN, type Activation } from './activations';

/** The hidden activation, as data. `lecun` is 1.7159·tanh(2x/3). */
export type ActivationSpec =
  | { kind: 'tanhN'; n: number }
  | { kind: 'scaledTanh'; a: number; b: number }
  | { kind: 'lecun' }
  | { kind: 'relu' };

export interface NetworkSpec {
  inputSize: number;
  /** Width of every hidden layer. */
  width: number;
  /** Number of hidden layers (the readout is extra). */
  depth: number;
  outputSize: number;
  activation: ActivationSpec;
  /**
   * Residual hidden layers: layer l ≥ 2 computes h_l = h_{l−1} + α·φ(z_l) (layer 1 maps the
   * input to the width, without a skip). Absent: the plain network. α as `residualBranchScale`.
   */
  residual?: ResidualSpec;
  /**
   * LayerNorm without learnable gain or bias before φ in every hidden layer:
   * h_l = φ(LN(z_l)), LN(z) = (z − mean(z)) / √(var(z) + ε) over the width, per example,
   * ε = LAYER_NORM_EPSILON. Absent or false: none.
   */
  layerNorm?: boolean;
}

/**
 * The residual branch factor α. `one`: the skip of He et al. (2016), whose tanh form
 * h_l = h_{l−1} + φ(h_{l−1}W_l + b_l) is the "full residual network" analysed by Yang &
 * Schoenholz (2017, Mean field residual networks: on the edge of chaos) — what practitioners
 * write. `inverse-sqrt-blocks`: α = 1/√(depth − 1), one over the square root of the number of
 * residual blocks, the scaling of Hayou et al. (2021, Stable ResNet), which keeps the forward
 * variance bounded as depth grows.
 */
export interface ResidualSpec {
  branchScale: 'one' | 'inverse-sqrt-blocks';
}

/** ε of the LayerNorm (PyTorch's default for nn.LayerNorm). */
export const LAYER_NORM_EPSILON = 1e-5;

/** α of a residual network (1 for a network without residual blocks). */
export function residualBranchScale(spec: Pick<NetworkSpec, 'depth' | 'residual'>): number {
  if (!spec.residual || spec.residual.branchScale === 'one') return 1;
  return 1 / Math.sqrt(Math.max(1, spec.depth - 1));
}

/**
 * How initial parameters are drawn. σ_w² is the weight variance times fan-in (so Var W = σ_w²/fan_in),
 * σ_b² the bias variance — the mean-field convention of Poole et al. (2016).
 * - gaussian: W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²)
 * - glorot-uniform: W ~ U(±√(6/(fan_in + fan_out))), b = 0
 * - orthogonal: W = σ_w·Q (Q with orthonormal rows or columns; for square layers σ_w·orthogonal),
 *   b ~ N(0, σ_b²). Note σ_w here multiplies an orthogonal matrix, whose entries have variance
 *   1/fan_in for square layers, so the variance convention matches `gaussian`.
 */
export type InitSpec =
  | { kind: 'gaussian'; sw2: number; sb2: number }
  | { kind: 'glorot-uniform' }
  | { kind: 'orthogonal'; sw2: number; sb2: number };

/**
 * Parameters in float64, one entry per layer (hidden layers 1..depth, then the readout):
 * weights[l] is row-major [fanIn × fanOut], biases[l] has fanOut entries.
 */
export interface Parameters {
  weights: Float64Array[];
  biases: Float64Array[];
}

export type LossKind = 'softmax-cross-entropy' | 'mean-squared-error';

export function activationOf(spec: ActivationSpec): Activation {
  switch (spec.kind) {
    case 'tanhN':
      return tanhN(spec.n);
    case 'scaledTanh':
      return scaledTanh(spec.a, spec.b);
    case 'lecun':
      return lecunTanh;
    case 'relu':
      return relu;
  }
}

/** [fanIn, fanOut] of layer l (0-based: 0..depth−1 hidden, depth = readout). */
export function layerShape(spec: NetworkSpec, l: number): [number, number] {
  const fanIn = l === 0 ? spec.inputSize : spec.width;
  const fanOut = l === spec.depth ? spec.outputSize : spec.width;
  return [fanIn, fanOut];
}

/** Total number of weights (not biases): the FLOP count of a step is 6 × this × batch. */
export function weightCount(spec: NetworkSpec): number {
  let total = 0;
  for (let l = 0; l <= spec.depth; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    total += fanIn * fanOut;
  }
  return total;
}
