/**
 * The three states of the one-way-street analysis — healthy, vanished, exploded — read off the
 * float64 gradient norms of one checkpoint of a training run.
 *
 * The measure is the first layer's gain, G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖: how much of the error
 * signal arriving at the last hidden layer reaches the weights of the first. It contains every
 * slope of the thread's product g (the first layer's too, through ∂L/∂z_1) and every weight
 * matrix between, and dividing by ‖∂L/∂h_L‖ keeps a network that simply fits its batch well
 * (small loss, small gradients everywhere) from looking vanished. G is compared with its value
 * G_ref in a reference network of the same depth at initialisation (critical tanh, which
 * trains), so relative gain 1 means "gradients reach the first layer as in a network that
 * works".
 */

export const GRADIENT_STATES = ['healthy', 'vanished', 'exploded'] as const;
export type GradientState = (typeof GRADIENT_STATES)[number];

export interface StateThresholds {
  /** Vanished when G/G_ref is below this. */
  vanishedBelow: number;
  /** Exploded when G/G_ref is above this. */
  explodedAbove: number;
}

/**
 * G = ‖∂L/∂W_1‖ / ‖∂L/∂h_L‖. The run records a non-finite norm as null: that is an overflow, so
 * G is +∞; 0/0 (no error signal anywhere) is 0, and x/0 for x > 0 is +∞.
 */
export function firstLayerGain(gradW1: number | null, gradHLast: number | null): number {
  if (gradW1 === null || gradHLast === null) return Infinity;
  if (!(gradW1 >= 0) || !(gradHLast >= 0)) throw new RangeError(`gradient norms must be ≥ 0, got ${gradW1} and ${gradHLast}`);
  if (gradHLast === 0) return gradW1 === 0 ? 0 : Infinity;
  return gradW1 / gradHLast;
}

/** The state of a checkpoint from its relative gain G/G_ref. */
export function classifyRelativeGain(relativeGain: number, thresholds: StateThresholds): GradientState {
  checkThresholds(thresholds);
  if (Number.isNaN(relativeGain) || relativeGain < 0) throw new RangeError(`relative gain must be ≥ 0, got ${relativeGain}`);
  if (relativeGain < thresholds.vanishedBelow) return 'vanished';
  if (relativeGain > thresholds.explodedAbove) return 'exploded';
  return 'healthy';
}

/** G_ref: the geometric mean of the reference runs' gains at initialisation (one per seed). */
export function referenceGain(gains: readonly number[]): number {
  if (gains.length === 0) throw new RangeError('no reference gains: the reference set-up has no runs at this depth');
  for (const g of gains) {
    if (!(g > 0) || !Number.isFinite(g)) throw new RangeError(`a reference gain must be finite and > 0, got ${g}`);
  }
  return Math.exp(gains.reduce((sum, g) => sum + Math.log(g), 0) / gains.length);
}

function checkThresholds({ vanishedBelow, explodedAbove }: StateThresholds): void {
  if (!(vanishedBelow > 0 && explodedAbove > vanishedBelow && Number.isFinite(explodedAbove))) {
    throw new RangeError(`thresholds must satisfy 0 < vanishedBelow < explodedAbove < ∞, got ${vanishedBelow} and ${explodedAbove}`);
  }
}
