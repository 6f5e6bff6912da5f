/**
 * Dynamical isometry (Saxe et al. 2014; Pennington, Schoenholz & Ganguli 2017): how evenly the
 * input–output Jacobian J of a deep network stretches the directions of its input, measured by
 * the spread of its singular values σ_i, and what free probability predicts for it.
 *
 * Spread. With m_k = mean of σ_i^(2k) (the k-th moment of the spectrum of J·Jᵀ), the normalised
 * variance of the squared singular values is
 *
 *   V = m2/m1² − 1,
 *
 * 0 when every σ_i is the same (an isometry up to scale), and scale-free, so it compares networks
 * whose overall gain m1 differs.
 *
 * Theory (wide layers, Pennington et al. 2017, §3): J = D_L·W_L ⋯ D_2·W_2 is a product of
 * asymptotically free factors, and for free factors the normalised variances add:
 * V(ab) = V(a) + V(b) (from m2(ab) = m2(a)·m1(b)² + m1(a)²·m2(b) − m1(a)²·m1(b)²). So
 *
 *   V_L = Σ_{l=2..L} [ μ2(q_l)/μ1(q_l)² − 1 + s_W ],   μk(q) = E[φ′(√q·z)^(2k)], z ~ N(0, 1),
 *   m1_L = Π_{l=2..L} σ_w²·μ1(q_l),
 *
 * with q_l the pre-activation variance of layer l (the length map iterated from q_1) and s_W the
 * normalised variance of W·Wᵀ/σ_w²: 1 for Gaussian weights (Marchenko–Pastur at aspect ratio 1;
 * Pennington's −s_1 = 1), 0 for orthogonal ones. At the critical point of tanh without bias q_l → 0,
 * where φ is nearly linear and μ2/μ1² − 1 = O(q_l²): the Gaussian sum grows like L (from s_W),
 * the orthogonal one converges (Σ q_l² with q_l ~ 1/(2l)).
 */
import type { Activation } from './activations';
import { lengthMap } from './meanfield';
import { gradedGaussianExpectation } from './quadrature';
import { requireAbove, requireAtLeast } from './validate';

export type WeightEnsemble = 'gaussian' | 'orthogonal';

/** s_W: the normalised variance of the spectrum of W·Wᵀ/σ_w² for square layers in the wide limit. */
export function weightSpectrumVariance(ensemble: WeightEnsemble): number {
  switch (ensemble) {
    case 'gaussian':
      return 1;
    case 'orthogonal':
      return 0;
  }
}

/** μk(q) = E[φ′(√q·z)^(2k)] for k = 1, 2. */
export function slopeMoments(act: Activation, q: number): { mu1: number; mu2: number } {
  requireAtLeast('q', q, 0);
  const scale = Math.sqrt(q);
  return {
    mu1: gradedGaussianExpectation((z) => act.df(scale * z) ** 2),
    mu2: gradedGaussianExpectation((z) => act.df(scale * z) ** 4),
  };
}

export interface SpreadPrediction {
  /** L, the number of hidden layers (J_L has L − 1 factors). */
  depth: number;
  /** q_L, the pre-activation variance of the last hidden layer. */
  q: number;
  /** m1_L: predicted mean squared singular value of J_L. */
  meanSquare: number;
  /** V_L: predicted normalised variance of the squared singular values of J_L. */
  normalisedVariance: number;
}

/**
 * Free-probability predictions for J_L = ∂h_L/∂h_1 at L = 2..maxDepth, for weights of variance
 * σ_w²/fan_in from `ensemble`, biases of variance σ_b², and a first layer with pre-activation
 * variance q1; q_l follows the length map (formulas in the module comment).
 */
export function predictedSpread(
  act: Activation,
  sw2: number,
  sb2: number,
  q1: number,
  maxDepth: number,
  ensemble: WeightEnsemble,
): SpreadPrediction[] {
  requireAbove('sw2', sw2, 0);
  requireAtLeast('sb2', sb2, 0);
  requireAtLeast('q1', q1, 0);
  if (!(Number.isInteger(maxDepth) && maxDepth >= 2)) throw new RangeError(`maxDepth must be an integer ≥ 2, got ${String(maxDepth)}`);
  const variances = [q1];
  for (let depth = 2; depth <= maxDepth; depth++) variances.push(lengthMap(act, sw2, sb2, variances.at(-1)!));
  return spreadForVariances(act, sw2, variances, ensemble);
}

/**
 * The same predictions for given pre-activation variances q_1..q_L (index l − 1), e.g. the ones
 * measured in one network: the free-probability step alone, without the length map.
 */
export function spreadForVariances(act: Activation, sw2: number, variances: readonly number[], ensemble: WeightEnsemble): SpreadPrediction[] {
  requireAbove('sw2', sw2, 0);
  const sW = weightSpectrumVariance(ensemble);
  const out: SpreadPrediction[] = [];
  let logMeanSquare = 0;
  let variance = 0;
  for (let depth = 2; depth <= variances.length; depth++) {
    const q = variances[depth - 1]!;
    const { mu1, mu2 } = slopeMoments(act, q);
    logMeanSquare += Math.log(sw2 * mu1);
    variance += mu2 / (mu1 * mu1) - 1 + sW;
    out.push({ depth, q, meanSquare: Math.exp(logMeanSquare), normalisedVariance: variance });
  }
  return out;
}

export interface SpectrumSummary {
  /** m1 = mean of σ_i². */
  meanSquare: number;
  /** V = m2/m1² − 1. */
  normalisedVariance: number;
  /** σ_max/√m1: the largest gain relative to the root-mean-square gain. */
  maxOverRms: number;
  /** Fraction of the σ_i within a factor `factor` of √m1 (both ways). */
  fractionWithinFactor: number;
  factor: number;
}

/** Spread statistics of a list of singular values (any order). */
export function summariseSpectrum(singularValues: ArrayLike<number>, factor: number): SpectrumSummary {
  requireAbove('factor', factor, 1);
  const count = singularValues.length;
  if (count === 0) throw new RangeError('summariseSpectrum needs at least one singular value');
  let m1 = 0;
  let m2 = 0;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const s = singularValues[i]!;
    if (!(s >= 0 && Number.isFinite(s))) throw new RangeError(`singular value ${i} is ${s}, not a finite number ≥ 0`);
    m1 += s * s;
    m2 += s * s * s * s;
    max = Math.max(max, s);
  }
  m1 /= count;
  m2 /= count;
  const rms = Math.sqrt(m1);
  let within = 0;
  for (let i = 0; i < count; i++) {
    const s = singularValues[i]!;
    if (s >= rms / factor && s <= rms * factor) within++;
  }
  return { meanSquare: m1, normalisedVariance: m2 / (m1 * m1) - 1, maxOverRms: max / rms, fractionWithinFactor: within / count, factor };
}
