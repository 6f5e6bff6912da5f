/**
 * The float64 reference network: forward and backward passes of the fully connected networks of
 * network.ts on flat row-major Float64Arrays. Every gradient statistic the site publishes is
 * measured with this, because float32 is not accurate enough for tanh(n·x) with n ≥ 2
 * (PLATFORM.md, "Float32 accuracy").
 *
 * Layer l = 1..depth: z_l = h_{l−1}·W_l + b_l, h_l = φ(z_l) (h_0 = x); logits = h_depth·W_out + b_out.
 * Inputs are [batch × inputSize], row-major.
 * Options of network.ts: residual (h_l = h_{l−1} + α·φ(·) for l ≥ 2) and LayerNorm before φ
 * (h_l = φ(LN(z_l))); statistics of z_l are those of the affine output, before any LayerNorm,
 * and ∂L/∂h_l is the gradient of the layer's output (the residual stream when residual).
 *
 * Losses (both a mean over the batch of B examples, summed over output units):
 * - softmax-cross-entropy: L = (1/B)·Σ_b −Σ_j y_bj·log softmax(logits_b)_j, with y_b the one-hot
 *   vector of the label (or given rows of target values, e.g. soft labels); log-sum-exp with
 *   the maximum subtracted, so any finite logits are safe. ∂L/∂logits = (Σ_j y_bj·softmax − y)/B.
 * - mean-squared-error: L = (1/B)·Σ_b ½·‖logits_b − y_b‖², the ½ included and the squares summed
 *   (not averaged) over the outputs; y_b the one-hot label for label targets. ∂L/∂logits = (logits − y)/B.
 *   NB: tf.losses.meanSquaredError averages over outputs too and has no ½; it equals
 *   (2/outputSize)·this L.
 * Gradient norms are Frobenius norms of the gradient of this batch-mean L.
 */
import { multiplyAccumulate, sumOfSquares, transpose } from './linalg';
import { validateNetworkSpec } from './init';
import { activationOf, LAYER_NORM_EPSILON, layerShape, residualBranchScale, type LossKind, type NetworkSpec, type Parameters } from './network';

/** What the network should output: class labels (0..outputSize−1) or target values [batch × outputSize]. */
export type Targets = { kind: 'labels'; labels: Int32Array | number[] } | { kind: 'values'; values: Float64Array };

export interface LayerStatistics {
  /** Mean of z_l over all units × batch. (Statistics are per hidden layer l = 1..depth; index 0 = layer 1.) */
  preActivationMean: number;
  /** Population standard deviation (divisor units × batch) of z_l. */
  preActivationStd: number;
  /** q_l = mean of z_l², the empirical counterpart of the mean-field length q_l (and its fixed point q*). */
  preActivationMeanSquare: number;
  /** ‖∂L/∂h_l‖, Frobenius over the whole batch × width. */
  gradHNorm: number;
  /** ‖∂L/∂W_l‖, Frobenius (weights only, not biases). */
  gradWNorm: number;
}

export interface ForwardBackwardResult {
  /** The loss, a mean over the batch (see the module comment for the exact definitions). */
  loss: number;
  /** For label targets: the fraction of examples with argmax(logits) = label (first maximum on ties); null for value targets. */
  accuracy: number | null;
  /** Hidden layers 1..depth (index 0 = layer 1). */
  layers: LayerStatistics[];
  /** ‖∂L/∂W_out‖, Frobenius. */
  readoutGradWNorm: number;
  /** ∂L/∂W and ∂L/∂b of every layer, shaped like Parameters, when options.keepGradients. */
  gradients?: Parameters;
}

export interface ForwardResult {
  /** [batch × outputSize] */
  logits: Float64Array;
  /** z_1..z_depth, each [batch × width]. */
  preActivations: Float64Array[];
}

/** Logits and pre-activations of a batch. */
export function forward64(spec: NetworkSpec, params: Parameters, x: Float64Array): ForwardResult {
  const batch = checkInputs(spec, params, x);
  const { logits, z } = forwardPass(spec, params, x, batch);
  return { logits, preActivations: z };
}

/** Loss, accuracy, per-layer statistics and (optionally) all gradients of one batch, in float64. */
export function forwardBackward64(
  spec: NetworkSpec,
  params: Parameters,
  x: Float64Array,
  targets: Targets,
  loss: LossKind,
  options: { keepGradients?: boolean } = {},
): ForwardBackwardResult {
  const batch = checkInputs(spec, params, x);
  checkTargets(spec, targets, batch);
  if (loss !== 'softmax-cross-entropy' && loss !== 'mean-squared-error') {
    throw new RangeError(`loss must be softmax-cross-entropy or mean-squared-error, got ${String(loss)}`);
  }
  const act = activationOf(spec.activation);
  const { logits, z, h, u, invStd } = forwardPass(spec, params, x, batch);
  const { value, gradLogits, accuracy } = lossAndGradient(loss, logits, targets, batch, spec.outputSize);

  const depth = spec.depth;
  const keep = options.keepGradients === true;
  const gradWeights: Float64Array[] = new Array<Float64Array>(depth + 1);
  const gradBiases: Float64Array[] = new Array<Float64Array>(depth + 1);
  const gradHNorms = new Float64Array(depth); // index l − 1 ↔ hidden layer l
  const gradWNorms = new Float64Array(depth + 1);

  // Backwards over the 0-based layer index l (l = depth is the readout). Layer l reads h_l
  // (= x for l = 0, h[l − 1] otherwise; 1-based names as in the module comment), and δ holds
  // ∂L/∂ of its output: ∂L/∂logits for the readout, ∂L/∂z_{l+1} for the hidden layer l + 1.
  const alpha = residualBranchScale(spec);
  const hasSkip = (k: number) => spec.residual !== undefined && k >= 1; // hidden layer k (0-based) adds its input
  let carry: Float64Array | null = null; // ∂L/∂h of the layer below's output, through the skip
  let delta = gradLogits;
  let scratchW: Float64Array | null = null; // ∂L/∂W buffer reused when gradients are not kept
  for (let l = depth; l >= 0; l--) {
    const [fanIn, fanOut] = layerShape(spec, l);
    const input = l === 0 ? x : h[l - 1]!;
    // ∂L/∂W = h_lᵀ·δ, ∂L/∂b = Σ over the batch of δ
    let gradW: Float64Array;
    if (keep || scratchW === null || scratchW.length !== fanIn * fanOut) {
      gradW = new Float64Array(fanIn * fanOut);
      if (!keep) scratchW = gradW;
    } else {
      gradW = scratchW.fill(0);
    }
    multiplyAccumulate(gradW, input, delta, fanIn, batch, fanOut, true);
    const gradB = new Float64Array(fanOut);
    for (let b = 0; b < batch; b++) {
      const row = b * fanOut;
      for (let j = 0; j < fanOut; j++) gradB[j]! += delta[row + j]!;
    }
    gradWNorms[l] = Math.sqrt(sumOfSquares(gradW));
    if (keep) {
      gradWeights[l] = gradW;
      gradBiases[l] = gradB;
    }
    if (l === 0) break; // ∂L/∂x is not needed
    // ∂L/∂h_l = δ·Wᵀ, then δ ← ∂L/∂z_l = ∂L/∂h_l ⊙ φ′(z_l)
    const gradH = new Float64Array(batch * fanIn);
    multiplyAccumulate(gradH, delta, transpose(params.weights[l]!, fanIn, fanOut), batch, fanOut, fanIn);
    if (carry) for (let i = 0; i < gradH.length; i++) gradH[i]! += carry[i]!;
    gradHNorms[l - 1] = Math.sqrt(sumOfSquares(gradH));
    const k = l - 1; // the hidden layer whose output h_l is (0-based)
    carry = hasSkip(k) ? Float64Array.from(gradH) : null;
    const scale = hasSkip(k) ? alpha : 1;
    const ul = u[k]!;
    if (scale === 1) for (let i = 0; i < gradH.length; i++) gradH[i]! *= act.df(ul[i]!);
    else for (let i = 0; i < gradH.length; i++) gradH[i]! *= scale * act.df(ul[i]!);
    delta = spec.layerNorm ? layerNormBackward(gradH, ul, invStd[k]!, batch, fanIn) : gradH;
  }

  const layers: LayerStatistics[] = [];
  for (let l = 0; l < depth; l++) {
    layers.push({ ...moments(z[l]!), gradHNorm: gradHNorms[l]!, gradWNorm: gradWNorms[l]! });
  }
  const result: ForwardBackwardResult = { loss: value, accuracy, layers, readoutGradWNorm: gradWNorms[depth]! };
  if (keep) result.gradients = { weights: gradWeights, biases: gradBiases };
  return result;
}

/** Fraction of the entries with |z| < halfWidth (the thread's "good interval" around 0). */
export function fractionInside(values: Float64Array, halfWidth: number): number {
  if (!(halfWidth >= 0)) throw new RangeError(`halfWidth must be a number ≥ 0, got ${String(halfWidth)}`);
  if (values.length === 0) return Number.NaN;
  let inside = 0;
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]!) < halfWidth) inside++;
  return inside / values.length;
}

/**
 * z_l, the normalised u_l (= z_l without LayerNorm), its per-row 1/√(var + ε) (LayerNorm only)
 * and the layer outputs h_l for l = 1..depth (stored at index l − 1), and the logits.
 */
function forwardPass(
  spec: NetworkSpec,
  params: Parameters,
  x: Float64Array,
  batch: number,
): { logits: Float64Array; z: Float64Array[]; u: Float64Array[]; invStd: Float64Array[]; h: Float64Array[] } {
  const act = activationOf(spec.activation);
  const alpha = residualBranchScale(spec);
  const z: Float64Array[] = [];
  const u: Float64Array[] = [];
  const invStd: Float64Array[] = [];
  const h: Float64Array[] = [];
  let input = x;
  for (let l = 0; l <= spec.depth; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    const out = new Float64Array(batch * fanOut);
    const bias = params.biases[l]!;
    for (let b = 0; b < batch; b++) out.set(bias, b * fanOut);
    multiplyAccumulate(out, input, params.weights[l]!, batch, fanIn, fanOut);
    if (l === spec.depth) return { logits: out, z, u, invStd, h };
    let normalised: Float64Array = out;
    if (spec.layerNorm) {
      const norm = layerNormForward(out, batch, fanOut);
      normalised = norm.u;
      invStd.push(norm.invStd);
    }
    const activated = new Float64Array(out.length);
    for (let i = 0; i < out.length; i++) activated[i] = act.f(normalised[i]!);
    if (spec.residual && l >= 1) for (let i = 0; i < out.length; i++) activated[i] = input[i]! + alpha * activated[i]!;
    z.push(out);
    u.push(normalised);
    h.push(activated);
    input = activated;
  }
  throw new Error('unreachable');
}

/** u = (z − μ)/√(σ² + ε) per row of `width` values (μ, σ² the row's mean and population variance). */
function layerNormForward(z: Float64Array, batch: number, width: number): { u: Float64Array; invStd: Float64Array } {
  const u = new Float64Array(z.length);
  const invStd = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    const row = b * width;
    let sum = 0;
    for (let j = 0; j < width; j++) sum += z[row + j]!;
    const mean = sum / width;
    let squares = 0;
    for (let j = 0; j < width; j++) squares += (z[row + j]! - mean) ** 2;
    const r = 1 / Math.sqrt(squares / width + LAYER_NORM_EPSILON);
    invStd[b] = r;
    for (let j = 0; j < width; j++) u[row + j] = (z[row + j]! - mean) * r;
  }
  return { u, invStd };
}

/** ∂L/∂z = r·(∂L/∂u − mean(∂L/∂u) − u·mean(∂L/∂u ⊙ u)) per row, r = 1/√(σ² + ε). */
function layerNormBackward(du: Float64Array, u: Float64Array, invStd: Float64Array, batch: number, width: number): Float64Array {
  const dz = new Float64Array(du.length);
  for (let b = 0; b < batch; b++) {
    const row = b * width;
    let meanDu = 0;
    let meanDuU = 0;
    for (let j = 0; j < width; j++) {
      meanDu += du[row + j]!;
      meanDuU += du[row + j]! * u[row + j]!;
    }
    meanDu /= width;
    meanDuU /= width;
    const r = invStd[b]!;
    for (let j = 0; j < width; j++) dz[row + j] = r * (du[row + j]! - meanDu - u[row + j]! * meanDuU);
  }
  return dz;
}

/** The batch-mean loss, its gradient with respect to the logits and (for labels) the accuracy. */
function lossAndGradient(
  loss: LossKind,
  logits: Float64Array,
  targets: Targets,
  batch: number,
  outputs: number,
): { value: number; gradLogits: Float64Array; accuracy: number | null } {
  const grad = new Float64Array(logits.length);
  const y = new Float64Array(outputs); // target row
  let total = 0;
  let correct = 0;
  for (let b = 0; b < batch; b++) {
    const row = b * outputs;
    if (targets.kind === 'labels') {
      y.fill(0);
      const label = Number(targets.labels[b]);
      y[label] = 1;
      if (argmax(logits, row, outputs) === label) correct++;
    } else {
      y.set(targets.values.subarray(row, row + outputs));
    }
    if (loss === 'softmax-cross-entropy') {
      let max = -Infinity;
      for (let j = 0; j < outputs; j++) max = Math.max(max, logits[row + j]!);
      let sumExp = 0;
      for (let j = 0; j < outputs; j++) sumExp += Math.exp(logits[row + j]! - max);
      const logSumExp = max + Math.log(sumExp);
      let mass = 0;
      for (let j = 0; j < outputs; j++) {
        mass += y[j]!;
        if (y[j] !== 0) total += y[j]! * (logSumExp - logits[row + j]!);
      }
      for (let j = 0; j < outputs; j++) {
        const p = Math.exp(logits[row + j]! - logSumExp);
        grad[row + j] = (mass * p - y[j]!) / batch;
      }
    } else {
      for (let j = 0; j < outputs; j++) {
        const r = logits[row + j]! - y[j]!;
        total += 0.5 * r * r;
        grad[row + j] = r / batch;
      }
    }
  }
  return { value: total / batch, gradLogits: grad, accuracy: targets.kind === 'labels' ? correct / batch : null };
}

function argmax(values: Float64Array, offset: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j]! > values[offset + best]!) best = j;
  return best;
}

/** Mean, population standard deviation (two-pass) and mean square of z. */
function moments(z: Float64Array): {
  preActivationMean: number;
  preActivationStd: number;
  preActivationMeanSquare: number;
} {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < z.length; i++) {
    sum += z[i]!;
    sumSquares += z[i]! * z[i]!;
  }
  const mean = sum / z.length;
  let centred = 0;
  for (let i = 0; i < z.length; i++) centred += (z[i]! - mean) * (z[i]! - mean);
  return {
    preActivationMean: mean,
    preActivationStd: Math.sqrt(centred / z.length),
    preActivationMeanSquare: sumSquares / z.length,
  };
}

/** Validates spec, parameter shapes and x; returns the batch size. */
function checkInputs(spec: NetworkSpec, params: Parameters, x: Float64Array): number {
  validateNetworkSpec(spec);
  const layers = spec.depth + 1;
  if (params.weights.length !== layers || params.biases.length !== layers) {
    throw new RangeError(
      `params must have depth + 1 = ${layers} weight and bias arrays, got ${params.weights.length} and ${params.biases.length}`,
    );
  }
  for (let l = 0; l < layers; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    if (params.weights[l]!.length !== fanIn * fanOut) {
      throw new RangeError(
        `params.weights[${l}] must have ${fanIn}·${fanOut} = ${fanIn * fanOut} entries, got ${params.weights[l]!.length}`,
      );
    }
    if (params.biases[l]!.length !== fanOut) {
      throw new RangeError(`params.biases[${l}] must have ${fanOut} entries, got ${params.biases[l]!.length}`);
    }
  }
  if (x.length === 0 || x.length % spec.inputSize !== 0) {
    throw new RangeError(
      `x must hold a positive whole number of rows of inputSize = ${spec.inputSize}, got ${x.length} values`,
    );
  }
  return x.length / spec.inputSize;
}

function checkTargets(spec: NetworkSpec, targets: Targets, batch: number): void {
  if (targets.kind === 'labels') {
    if (targets.labels.length !== batch) {
      throw new RangeError(`targets.labels must have one label per example (${batch}), got ${targets.labels.length}`);
    }
    for (let b = 0; b < batch; b++) {
      const label = targets.labels[b]!;
      if (!(Number.isInteger(label) && label >= 0 && label < spec.outputSize)) {
        throw new RangeError(
          `targets.labels[${b}] must be an integer in [0, ${spec.outputSize}), got ${String(label)}`,
        );
      }
    }
  } else if (targets.kind === 'values') {
    if (targets.values.length !== batch * spec.outputSize) {
      throw new RangeError(
        `targets.values must have batch·outputSize = ${batch * spec.outputSize} entries, got ${targets.values.length}`,
      );
    }
  } else {
    throw new RangeError(`targets.kind must be labels or values, got ${String((targets as { kind?: unknown }).kind)}`);
  }
}
