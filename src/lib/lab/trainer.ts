/**
 * The lab's float64 trainer: one SGD or Adam step of the reference network (src/lib/math/mlp64.ts)
 * that also returns what the lab plots of that step — the loss, the accuracy and the per-layer
 * gradient norms ‖∂L/∂h_l‖ of the batch the gradient was taken on. Trainer64 (train64.ts) returns
 * only the loss; this applies the same updates in the same order (a test checks the two agree bit
 * for bit), so the lab needs no second forward/backward pass to draw the gradients.
 *
 * SGD    θ ← θ − η_g·g
 * Adam   m ← β₁·m + (1 − β₁)·g,  v ← β₂·v + (1 − β₂)·g²,  θ ← θ − α_g·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + ε_g)
 */
import { forwardBackward64, type ForwardBackwardResult, type Targets } from '../math/mlp64';
import type { NetworkSpec, Parameters } from '../math/network';
import { copyParameters, groupOfLayer, validateOptimiser64, type Optimiser64 } from '../math/train64';

export class LabTrainer {
  readonly parameters: Parameters;
  private readonly m: Parameters | null;
  private readonly v: Parameters | null;
  private t = 0;

  constructor(
    readonly spec: NetworkSpec,
    initial: Parameters,
    readonly optimiser: Optimiser64,
  ) {
    validateOptimiser64(optimiser);
    this.parameters = copyParameters(initial);
    const zeros = (): Parameters => ({
      weights: initial.weights.map((w) => new Float64Array(w.length)),
      biases: initial.biases.map((b) => new Float64Array(b.length)),
    });
    this.m = optimiser.kind === 'adam' ? zeros() : null;
    this.v = optimiser.kind === 'adam' ? zeros() : null;
  }

  get steps(): number {
    return this.t;
  }

  /** One step on the batch; returns the batch's loss, accuracy and layer statistics before the update. */
  step(x: Float64Array, targets: Targets): ForwardBackwardResult {
    const result = forwardBackward64(this.spec, this.parameters, x, targets, 'softmax-cross-entropy', { keepGradients: true });
    const gradients = result.gradients!;
    this.t += 1;
    const opt = this.optimiser;
    for (let l = 0; l <= this.spec.depth; l++) {
      const group = groupOfLayer(this.spec, l);
      const pairs: [Float64Array, Float64Array, 'weights' | 'biases'][] = [
        [this.parameters.weights[l]!, gradients.weights[l]!, 'weights'],
        [this.parameters.biases[l]!, gradients.biases[l]!, 'biases'],
      ];
      for (const [theta, g, kind] of pairs) {
        if (opt.kind === 'sgd') {
          const lr = opt.lr[group];
          for (let i = 0; i < theta.length; i++) theta[i]! -= lr * g[i]!;
        } else {
          const m = this.m![kind][l]!;
          const v = this.v![kind][l]!;
          const c1 = 1 - opt.beta1 ** this.t;
          const c2 = 1 - opt.beta2 ** this.t;
          const lr = opt.lr[group];
          const epsilon = opt.epsilon[group];
          const oneMinusBeta1 = 1 - opt.beta1;
          const oneMinusBeta2 = 1 - opt.beta2;
          for (let i = 0; i < theta.length; i++) {
            const gi = g[i]!;
            const mi = opt.beta1 * m[i]! + oneMinusBeta1 * gi;
            const vi = opt.beta2 * v[i]! + oneMinusBeta2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            theta[i]! -= lr * (mi / c1 / (Math.sqrt(vi / c2) + epsilon));
          }
        }
      }
    }
    delete result.gradients;
    return result;
  }
}
