/**
 * How two inputs' representations correlate through the layers of a random network: measured in
 * float64 on a real network, and predicted by iterating mean-field theory's length and
 * correlation maps from the inputs themselves.
 */
import type { Activation } from './activations';
import { correlationMap, lengthMap } from './meanfield';

/** Pearson-free cosine of two pre-activation vectors: Σ a·b / √(Σa² Σb²), as mean-field's c (no mean removed). */
export function cosine(a: Float64Array, b: Float64Array, offsetA: number, offsetB: number, length: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < length; i++) {
    const x = a[offsetA + i]!;
    const y = b[offsetB + i]!;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

/**
 * The mean-field prediction for one pair, layer by layer (index 0 = layer 1): at layer 1 the
 * pre-activations are linear in the input, so q¹ = σ_w²·‖x‖²/d + σ_b² and c¹ is the inputs'
 * cosine shifted by the bias (exact in expectation); then c and q follow the maps. The two inputs
 * are given one length, the geometric mean of theirs — the equal-length form of the maps.
 */
export function predictedCorrelations(
  act: Activation,
  sw2: number,
  sb2: number,
  inputA: ArrayLike<number>,
  inputB: ArrayLike<number>,
  depth: number,
): number[] {
  const d = inputA.length;
  let aa = 0;
  let bb = 0;
  let ab = 0;
  for (let i = 0; i < d; i++) {
    aa += inputA[i]! * inputA[i]!;
    bb += inputB[i]! * inputB[i]!;
    ab += inputA[i]! * inputB[i]!;
  }
  const qa = (sw2 * aa) / d + sb2;
  const qb = (sw2 * bb) / d + sb2;
  let q = Math.sqrt(qa * qb);
  let c = Math.min(1, Math.max(-1, ((sw2 * ab) / d + sb2) / q));
  const out = [c];
  for (let l = 2; l <= depth; l++) {
    c = Math.min(1, Math.max(-1, correlationMap(act, sw2, sb2, c, q)));
    q = lengthMap(act, sw2, sb2, q);
    out.push(c);
  }
  return out;
}
