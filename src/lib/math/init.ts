/**
 * Initial parameters (float64) for the networks of network.ts, drawn deterministically from a seed.
 *
 * Draw order — everything comes from the one stream `Random.stream(seed, 'init')`, layer by layer
 * for l = 0, 1, …, depth (hidden layers 1..depth, then the readout), and within a layer:
 *   1. the weights: fanIn·fanOut draws in row-major order (W[i][j], i the input unit, j the
 *      output unit) — standard normals for `gaussian` and `orthogonal`, uniforms for `glorot-uniform`;
 *   2. the biases: fanOut standard normals for `gaussian` and `orthogonal` (drawn even when σ_b² = 0,
 *      and then multiplied by σ_b = 0 into exact +0); no draws for `glorot-uniform`.
 * So for a given seed and network shape the underlying standard normals do not depend on σ_w² or
 * σ_b² (a sweep over the (σ_w², σ_b²) plane uses common random numbers), and `gaussian` and
 * `orthogonal` start from the same Gaussian matrix G in every layer: W = σ_w·G/√fan_in for the
 * one, W = σ_w·Q(G) for the other.
 */
import { orthonormalColumns, transpose } from './linalg';
import { activationOf, layerShape, type InitSpec, type NetworkSpec, type Parameters } from './network';
import { Random } from './random';
import { requireAtLeast } from './validate';

/** Parameters of `spec` drawn as `init` says, from `Random.stream(seed, 'init')` in the order documented above. */
export function initParameters(spec: NetworkSpec, init: InitSpec, seed: number): Parameters {
  validateNetworkSpec(spec);
  validateInitSpec(init);
  // (Random.stream itself truncates a fractional seed silently.)
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  const random = Random.stream(seed, 'init');
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l <= spec.depth; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    switch (init.kind) {
      case 'gaussian':
        weights.push(gaussianWeights(random, fanIn, fanOut, init.sw2));
        biases.push(gaussianBiases(random, fanOut, init.sb2));
        break;
      case 'glorot-uniform':
        weights.push(glorotUniformWeights(random, fanIn, fanOut));
        biases.push(new Float64Array(fanOut));
        break;
      case 'orthogonal':
        weights.push(orthogonalWeights(random, fanIn, fanOut, init.sw2));
        biases.push(gaussianBiases(random, fanOut, init.sb2));
        break;
    }
  }
  return { weights, biases };
}

/** W ~ N(0, σ_w²/fan_in), entry by entry: W = (σ_w/√fan_in)·G. */
function gaussianWeights(random: Random, fanIn: number, fanOut: number, sw2: number): Float64Array {
  return random.fillNormal(new Float64Array(fanIn * fanOut), Math.sqrt(sw2 / fanIn));
}

/** b ~ N(0, σ_b²); exact +0 for σ_b² = 0 (the normals are still drawn, see the module comment). */
function gaussianBiases(random: Random, fanOut: number, sb2: number): Float64Array {
  const b = random.fillNormal(new Float64Array(fanOut), Math.sqrt(sb2));
  if (sb2 === 0) b.fill(0); // 0·(negative draw) would be −0
  return b;
}

/** W ~ U(−L, L) with L = √(6/(fan_in + fan_out)) (Glorot & Bengio 2010, eq. 16). */
function glorotUniformWeights(random: Random, fanIn: number, fanOut: number): Float64Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float64Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = limit * (2 * random.uniform() - 1);
  return w;
}

/**
 * W = σ_w·c·Q with Q Haar-distributed (the sign-corrected QR of a Gaussian G, see linalg.ts):
 * - fan_in ≥ fan_out: Q [fan_in × fan_out] has orthonormal columns (QR of G), c = 1;
 * - fan_in < fan_out: Q has orthonormal rows (Q = Q̃ᵀ with Q̃ from the QR of Gᵀ), c = √(fan_out/fan_in).
 * Square layers get exactly W = σ_w·Q. The factor c keeps the variance convention of `gaussian`
 * in both cases: every entry of W has mean square σ_w²/fan_in, and a layer maps inputs of mean
 * square q to pre-activations of mean square σ_w²·q (on average over directions for c = 1,
 * exactly for c > 1, since then W·Wᵀ = σ_w²·c²·I). Note that this c differs from the `gain`
 * convention of PyTorch's `orthogonal_` and Keras' `Orthogonal` (always c = 1) for layers that
 * widen, e.g. a 2-D input into 256 units: there those give σ_w²·fan_in/fan_out times less.
 */
function orthogonalWeights(random: Random, fanIn: number, fanOut: number, sw2: number): Float64Array {
  const g = random.fillNormal(new Float64Array(fanIn * fanOut));
  const sw = Math.sqrt(sw2);
  if (fanIn >= fanOut) {
    const q = orthonormalColumns(g, fanIn, fanOut);
    for (let i = 0; i < q.length; i++) q[i]! *= sw;
    return q;
  }
  const qt = orthonormalColumns(transpose(g, fanIn, fanOut), fanOut, fanIn); // [fanOut × fanIn]
  const w = transpose(qt, fanOut, fanIn);
  const scale = sw * Math.sqrt(fanOut / fanIn);
  for (let i = 0; i < w.length; i++) w[i]! *= scale;
  return w;
}

/**
 * Checks a NetworkSpec: inputSize, width and outputSize integers ≥ 1, depth an integer ≥ 0
 * (depth 0 is a linear readout of the input), and an activation activationOf accepts.
 * Throws a RangeError naming the field.
 */
export function validateNetworkSpec(spec: NetworkSpec): void {
  requireCount('spec.inputSize', spec.inputSize, 1);
  requireCount('spec.width', spec.width, 1);
  requireCount('spec.depth', spec.depth, 0);
  requireCount('spec.outputSize', spec.outputSize, 1);
  const kind = (spec.activation as { kind?: unknown } | undefined)?.kind;
  if (!['tanhN', 'scaledTanh', 'lecun', 'relu'].includes(kind as string)) {
    throw new RangeError(`spec.activation.kind must be tanhN, scaledTanh, lecun or relu, got ${String(kind)}`);
  }
  activationOf(spec.activation); // checks n, a, b
  if (spec.residual !== undefined && !['one', 'inverse-sqrt-blocks'].includes(spec.residual?.branchScale as string)) {
    throw new RangeError(`spec.residual.branchScale must be one or inverse-sqrt-blocks, got ${String(spec.residual?.branchScale)}`);
  }
}

/** Checks an InitSpec: a known kind, σ_w² and σ_b² finite and ≥ 0. Throws a RangeError naming the field. */
export function validateInitSpec(init: InitSpec): void {
  switch (init.kind) {
    case 'gaussian':
    case 'orthogonal':
      requireAtLeast('init.sw2', init.sw2, 0);
      requireAtLeast('init.sb2', init.sb2, 0);
      return;
    case 'glorot-uniform':
      return;
    default:
      throw new RangeError(
        `init.kind must be gaussian, glorot-uniform or orthogonal, got ${String((init as { kind?: unknown }).kind)}`,
      );
  }
}

function requireCount(name: string, value: number, min: number): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}
