/**
 * The share of slopes above 1: P(φ′(h) > 1) for a pre-activation h ~ N(0, q), φ(x) = tanh(n·x).
 *
 * φ′(h) = n·sech²(n·h) exceeds 1 exactly when |h| < acosh(√n)/n (explodingThreshold), so
 *
 *   P(φ′(h) > 1) = P(|h| < acosh(√n)/n) = erf(acosh(√n) / (n·√(2q))).
 *
 * Why the site needs it: the thread counts slopes — a product of slopes explodes when "too many"
 * exceed 1. At the fixed point q* of the standard initialisation (σ_w² = 1, σ_b² = 0) fewer than
 * half of the slopes exceed 1 at n = 2 and n = 3, and yet a network's gradient grows there: it
 * follows the mean square σ_w²·E[φ′(h)²] (= χ1), not this count.
 */
import { tanhN } from './activations';
import { qStar } from './meanfield';
import { probabilityInside } from './normal';
import { explodingThreshold } from './thresholds';
import { requireAbove, requireAtLeast } from './validate';

/**
 * P(n·sech²(n·h) > 1) for h ~ N(0, q), q the variance in pre-activation units (the x of tanh(n·x)).
 * 0 for n ≤ 1 (every slope is at most n); 1 for q = 0 and n > 1 (every h is 0, where the slope is n).
 */
export function shareOfSlopesAboveOne(n: number, q: number): number {
  requireAbove('n', n, 0);
  requireAtLeast('q', q, 0);
  if (n <= 1) return 0;
  return probabilityInside(explodingThreshold(n), q);
}

/**
 * The same share at the stable fixed point q* of the length map of a tanh(n·x) network with
 * weights N(0, σ_w²/fan-in) and biases N(0, σ_b²): the pre-activations of a deep, wide layer.
 */
export function shareOfSlopesAboveOneAtFixedPoint(n: number, sw2: number, sb2: number): number {
  requireAbove('n', n, 0);
  return shareOfSlopesAboveOne(n, qStar(tanhN(n), sw2, sb2));
}
