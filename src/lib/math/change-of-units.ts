/**
 * The change of units between a tanh(n·x) network and a tanh network.
 *
 * Function. A hidden layer computes tanh(n·(hW + b)) = tanh(h·(nW) + nb), so a tanh(n·x) network
 * with parameters θ = (W_l, b_l for l = 1..depth; W_out, b_out) is the same function as the tanh
 * network with θ′ = S·θ = (n·W_l, n·b_l; W_out, b_out). The readout is linear and keeps its units.
 *
 * Training. L_n(θ) = L_1(S·θ), so ∇L_n(θ) = S·∇L_1(θ′) (S is diagonal: n on hidden, 1 on readout).
 * - SGD at rate η on θ: θ ← θ − η·S·∇L_1(θ′), i.e. θ′ ← θ′ − η·S²·∇L_1(θ′): SGD on the tanh
 *   network with rate η·n² on the hidden layers and η on the readout.
 * - Adam: the hidden gradients in θ′ units are g′ = g/n, so m′ = m/n, v′ = v/n² and
 *   m̂′/(√v̂′ + ε′) = m̂/(√v̂ + n·ε′). The step in θ′ units must be n times the step in θ units:
 *   rate α·n and ε′ = ε/n on the hidden layers, α and ε on the readout. With ε′ = ε the match
 *   is only approximate (good while √v̂ ≫ ε).
 */
import type { NetworkSpec, Parameters } from './network';
import { Random } from './random';
import { copyParameters, groupOfLayer, type Optimiser64 } from './train64';
import { requireAbove } from './validate';

/** The tanh-network parameters S·θ of a tanh(n·x) network's θ: hidden W and b times n, readout unchanged. */
export function toTanhUnits(spec: NetworkSpec, params: Parameters, n: number): Parameters {
  requireAbove('n', n, 0);
  const scale = (values: Float64Array, l: number) => (groupOfLayer(spec, l) === 'hidden' ? values.map((v) => n * v) : values.slice());
  return { weights: params.weights.map(scale), biases: params.biases.map(scale) };
}

/**
 * The optimiser on the tanh network (parameters S·θ) whose steps are exactly those of `optimiser`
 * on the tanh(n·x) network: SGD hidden rate η·n²; Adam hidden rate α·n and ε/n. The readout keeps
 * its rate and ε.
 */
export function matchedOptimiser(optimiser: Optimiser64, n: number): Optimiser64 {
  requireAbove('n', n, 0);
  if (optimiser.kind === 'sgd') return { kind: 'sgd', lr: { hidden: optimiser.lr.hidden * (n * n), readout: optimiser.lr.readout } };
  return {
    ...optimiser,
    lr: { hidden: optimiser.lr.hidden * n, readout: optimiser.lr.readout },
    epsilon: { hidden: optimiser.epsilon.hidden / n, readout: optimiser.epsilon.readout },
  };
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)

/** a = hi + lo with hi holding the upper 26 bits of the significand (Veltkamp's split). */
function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/**
 * p = fl(a·b) and its rounding error e, with p + e = a·b exactly (Dekker 1971), barring
 * overflow and underflow.
 */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * θ′ − n·θ for one entry, with n·θ taken exactly (not rounded): (θ′ − fl(nθ)) − e. The first
 * subtraction is exact when θ′ is within a factor 2 of nθ (Sterbenz), so differences down to
 * the rounding of fl(nθ) itself are seen.
 */
function differenceFromScaled(thetaPrime: number, theta: number, n: number): number {
  const [p, e] = twoProduct(n, theta);
  return thetaPrime - p - e;
}

/**
 * How far the tanh network's parameters θ′ are from S·θ, the tanh(n·x) network's parameters in
 * the same units: ‖θ′ − S·θ‖₂/‖S·θ‖₂ over all weights and biases, with S·θ exact (see
 * differenceFromScaled). 0 means the two networks are the same point.
 */
export function relativeUnitsDifference(spec: NetworkSpec, tanhN: Parameters, tanh: Parameters, n: number): number {
  requireAbove('n', n, 0);
  let difference = 0;
  let size = 0;
  const accumulate = (a: Float64Array, b: Float64Array, l: number, what: string) => {
    if (a.length !== b.length) throw new RangeError(`${what}[${l}]: ${a.length} entries in the tanh(n·x) network, ${b.length} in the tanh network`);
    const scale = groupOfLayer(spec, l) === 'hidden' ? n : 1;
    for (let i = 0; i < a.length; i++) {
      const d = scale === 1 ? b[i]! - a[i]! : differenceFromScaled(b[i]!, a[i]!, scale);
      difference += d * d;
      size += (scale * a[i]!) ** 2;
    }
  };
  if (tanhN.weights.length !== spec.depth + 1 || tanh.weights.length !== spec.depth + 1) {
    throw new RangeError(`both parameter sets must have depth + 1 = ${spec.depth + 1} layers`);
  }
  for (let l = 0; l <= spec.depth; l++) {
    accumulate(tanhN.weights[l]!, tanh.weights[l]!, l, 'weights');
    accumulate(tanhN.biases[l]!, tanh.biases[l]!, l, 'biases');
  }
  return Math.sqrt(difference) / Math.sqrt(size);
}

/** How exactly fl(n·θ) represents n·θ over the hidden parameters. */
export interface ScalingRounding {
  /** Hidden weights and biases. */
  entries: number;
  /** Fraction of them for which fl(n·θ) ≠ n·θ. */
  inexactFraction: number;
  /** Largest |fl(n·θ) − n·θ| / |n·θ| (at most 2⁻⁵³ ≈ 1.1e-16, the unit roundoff). */
  largestRelativeError: number;
  /** ‖fl(S·θ) − S·θ‖₂ / ‖S·θ‖₂ over all parameters (readout included, where it is 0). */
  relativeNormError: number;
}

/** The rounding committed by storing the tanh network's initial parameters as fl(n·θ). */
export function scalingRounding(spec: NetworkSpec, params: Parameters, n: number): ScalingRounding {
  requireAbove('n', n, 0);
  let entries = 0;
  let inexact = 0;
  let largest = 0;
  for (let l = 0; l < spec.depth; l++) {
    for (const values of [params.weights[l]!, params.biases[l]!]) {
      for (const theta of values) {
        entries++;
        const [p, e] = twoProduct(n, theta);
        if (e !== 0) {
          inexact++;
          largest = Math.max(largest, Math.abs(e / p));
        }
      }
    }
  }
  return {
    entries,
    inexactFraction: entries === 0 ? 0 : inexact / entries,
    largestRelativeError: largest,
    relativeNormError: relativeUnitsDifference(spec, params, toTanhUnits(spec, params, n), n),
  };
}

/** The neighbouring float64 of x towards +∞ (up) or −∞ (down); x finite. */
export function nextFloat64(x: number, up: boolean): number {
  if (!Number.isFinite(x)) throw new RangeError(`nextFloat64: ${x} is not finite`);
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  // For x > 0 the next float up has bits + 1; for x < 0 moving up means towards 0, bits − 1.
  view.setBigUint64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The neighbouring float32 of x (itself a float32 value) towards +∞ (up) or −∞ (down). */
export function nextFloat32(x: number, up: boolean): number {
  if (!Number.isFinite(x) || Math.fround(x) !== x) throw new RangeError(`nextFloat32: ${x} is not a finite float32 value`);
  if (x === 0) return up ? 2 ** -149 : -(2 ** -149);
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  view.setUint32(0, (x > 0) === up ? bits + 1 : bits - 1);
  return view.getFloat32(0);
}

/**
 * A copy of `params` with every hidden weight and bias moved by one ulp of `precision`, up or
 * down at random (`Random.stream(seed, 'one-ulp-nudge')`): a perturbation of the size of one
 * rounding error, the control against which the rounding differences of fl(n·θ) are judged.
 * For float32 the parameters are first rounded to float32 (the float32 trainer's starting point).
 */
export function nudgeHiddenByOneUlp(spec: NetworkSpec, params: Parameters, seed: number, precision: 'float64' | 'float32' = 'float64'): Parameters {
  const random = Random.stream(seed, 'one-ulp-nudge');
  const nudged = copyParameters(params);
  for (let l = 0; l <= spec.depth; l++) {
    for (const values of [nudged.weights[l]!, nudged.biases[l]!]) {
      for (let i = 0; i < values.length; i++) {
        const value = precision === 'float32' ? Math.fround(values[i]!) : values[i]!;
        if (groupOfLayer(spec, l) === 'readout') values[i] = value;
        else values[i] = precision === 'float32' ? nextFloat32(value, random.uniform() < 0.5) : nextFloat64(value, random.uniform() < 0.5);
      }
    }
  }
  return nudged;
}
